"""Each clip's retention follows its facts: marks, case links, important, site; every change audited."""

import json
from datetime import date

import pytest
from sqlalchemy import select

from db.models import AuditEvent, Clip
from workstation.errors import PermissionDenied
from workstation.footage import cases, clips, markers
from workstation.footage.types import CaseKind
from workstation.identity import Identity
from workstation.retention import explain
from workstation.retention.types import SiteCategory

ADMIN = Identity.user("admin")  # the corps administrator
RECORDED_ON = date(2026, 11, 21)


def _retention(archive, clip_id):
    with archive.sessions.read() as session:
        clip = session.get(Clip, clip_id)
        return clip.retention_class, clip.retention_rule, clip.keep_until


def _changes(archive, clip_id):
    with archive.sessions.read() as session:
        rows = session.execute(
            select(AuditEvent)
            .where(AuditEvent.action == "retention.change", AuditEvent.target_id == str(clip_id))
            .order_by(AuditEvent.seq)
        ).scalars()
        return [json.loads(row.details) for row in rows]


def test_a_filed_clip_takes_the_base_class(archive, org):
    assert _retention(archive, org.clips["DD01"]) == ("years_2", "base", date(2028, 11, 21))


def test_marking_important_keeps_permanently_and_unmarking_is_recomputed_and_audited(archive, org):
    clip_id = org.clips["DD01"]
    with archive.sessions.write() as session:
        clips.set_important(session, ADMIN, [clip_id], True)
    assert _retention(archive, clip_id) == ("permanent", "important", None)
    with archive.sessions.write() as session:
        clips.set_important(session, ADMIN, [clip_id], False)
    assert _retention(archive, clip_id) == ("years_2", "base", date(2028, 11, 21))
    made, undone = _changes(archive, clip_id)
    assert made["keep_until"] == ["2028-11-21", None] and not made["shortened"]
    assert undone == {
        "cause": "clip.unmark_important",
        "class": ["permanent", "years_2"],
        "rule": ["important", "base"],
        "keep_until": [None, "2028-11-21"],
        "shortened": True,
    }


def test_the_longest_of_several_facts_governs_and_removing_one_keeps_the_next(archive, org):
    clip_id = org.clips["DD01"]
    with archive.sessions.write() as session:
        clips.set_site_category(session, ADMIN, clip_id, SiteCategory.PUBLIC_GATHERING, "现场为商场")
        cases.link_clips(session, ADMIN, [clip_id], "T-1", CaseKind.COMPLAINT)
    assert _retention(archive, clip_id) == ("permanent", "case:complaint", None)
    with archive.sessions.write() as session:
        change = cases.unlink_clip(session, ADMIN, clip_id, "T-1", "关联错误")
    assert change.keep_until_after == date(2031, 11, 21) and change.rule_after == "site:public_gathering"
    with archive.sessions.read() as session:
        shown = explain.clip_retention(session, ADMIN, clip_id)
    assert [(rule.trigger, rule.governs) for rule in shown.applied] == [
        ("base", False),
        ("site:public_gathering", True),
    ]


def test_an_evidence_mark_keeps_the_clip_until_the_mark_goes(archive, org):
    clip_id = org.clips["DD01"]
    with archive.sessions.write() as session:
        marker = markers.add_marker(session, ADMIN, clip_id, 0, None, "evidence")
    assert _retention(archive, clip_id)[1] == "marker:evidence"
    with archive.sessions.write() as session:
        markers.update_marker(session, ADMIN, marker.id, start_ms=0, end_ms=None, category="notice", note="")
    assert _retention(archive, clip_id)[1] == "base"
    assert [change["cause"] for change in _changes(archive, clip_id)] == ["marker.create", "marker.update"]


def test_correcting_the_site_needs_the_edit_right_and_a_reason(archive, org):
    clip_id = org.clips["DD01"]
    with pytest.raises(PermissionDenied), archive.sessions.write() as session:
        clips.set_site_category(session, Identity.user("dd01_admin"), clip_id, SiteCategory.HIGH_RISK, "理由")
    with pytest.raises(clips.ClipEditError), archive.sessions.write() as session:
        clips.set_site_category(session, ADMIN, clip_id, SiteCategory.HIGH_RISK, " ")
    with archive.sessions.write() as session:
        change = clips.set_site_category(session, ADMIN, clip_id, SiteCategory.HIGH_RISK, "火灾高危单位")
    assert change.class_after == "years_5"
    with archive.sessions.read() as session:
        edit = session.execute(select(AuditEvent).where(AuditEvent.action == "clip.edit")).scalar_one()
    assert json.loads(edit.details) == {"site_category": [None, "high_risk"], "reason": "火灾高危单位"}
