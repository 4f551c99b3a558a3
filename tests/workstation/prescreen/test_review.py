"""Reviewing findings (SQLite and PostgreSQL): only a reviewer over the finding's unit decides, each decision
and each change is an audit row, and the figures count what the reviewers said per kind and recorder model."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from db.models import AuditEvent
from tests.helpers.builders import add_user, build_org
from tests.helpers.playback_builders import DAY_START
from tests.helpers.prescreen_builders import DAY, corrupt_clip, problem_day
from workstation import audit
from workstation.errors import PermissionDenied, PrescreenError
from workstation.identity import Identity
from workstation.prescreen import day, queries, review
from workstation.prescreen.scan import scan_pending
from workstation.prescreen.types import FindingFigure, FindingFilter, FindingStatus
from workstation.types import Role

SYSTEM = Identity.system("tests")


@pytest.fixture
def findings(archive, tmp_path):
    """The problem day's record findings and one undecodable file, all pending; users of every kind."""
    build_org(archive)
    clips = problem_day(archive)
    corrupt = corrupt_clip(archive, tmp_path, DAY_START + timedelta(hours=3))
    scan_pending(archive, SYSTEM, workers=1)
    day.recompute(archive.sessions, SYSTEM, None, DAY, DAY)
    add_user(archive, "rev_dd02", Role.REVIEWER, "DD02")
    add_user(archive, "rev_dd01", Role.REVIEWER, "DD01")
    add_user(archive, "approver", Role.APPROVER, "ZD01")
    with archive.sessions.read() as session:
        rows = queries.find(session, SYSTEM, FindingFilter(), 100)
    return archive, {(row.kind, row.clip_id): row for row in rows}, clips, corrupt


def _decisions(archive) -> list[tuple[str, str, str]]:
    with archive.sessions.read() as session:
        rows = session.execute(
            select(AuditEvent).where(AuditEvent.action == "prescreen.decide").order_by(AuditEvent.seq)
        )
        return [(row.actor, row.target_id, row.details) for row in rows.scalars()]


def test_decisions_are_audited_and_may_change(findings):
    archive, found, _clips, corrupt = findings
    undecodable = found["undecodable", corrupt]
    confirmed = review.decide_finding(archive.sessions, Identity.user("rev_dd01"), undecodable.id, True, "确实无法播放")
    assert (confirmed.status, confirmed.decided_by, confirmed.note) == (
        FindingStatus.CONFIRMED,
        "rev_dd01",
        "确实无法播放",
    )
    changed = review.decide_finding(archive.sessions, Identity.user("alice"), undecodable.id, False, "换播放器可播")
    assert (changed.status, changed.decided_by) == (FindingStatus.DISMISSED, "alice")

    decisions = _decisions(archive)
    assert [(actor, target) for actor, target, _details in decisions] == [
        ("rev_dd01", str(undecodable.id)),
        ("alice", str(undecodable.id)),
    ]
    assert '"before":"confirmed"' in decisions[1][2] and '"status":"dismissed"' in decisions[1][2]
    with archive.sessions.read() as session:
        assert audit.verify_chain(session).ok


@pytest.mark.parametrize(
    ("who", "code"),
    [
        (Identity.user("rev_dd02"), "finding_review_denied"),  # a brigade beside the finding's
        (Identity.user("approver"), "finding_review_denied"),  # approves requests, does not review
        (SYSTEM, "system_identity"),  # a decision needs a person
        (Identity.user("nobody"), "user_unknown_or_inactive"),
    ],
)
def test_refusals_change_nothing(findings, who, code):
    archive, found, clips, _corrupt = findings
    late = found["late_upload", clips.late]
    with pytest.raises(PermissionDenied, match=code):
        review.decide_finding(archive.sessions, who, late.id, True)
    with archive.sessions.read() as session:
        [row] = queries.clip_findings(session, SYSTEM, [clips.late])
    assert row.status is FindingStatus.PENDING and _decisions(archive) == []


def test_unknown_findings_and_long_notes_are_refused(findings):
    archive, found, _clips, _corrupt = findings
    with pytest.raises(PermissionDenied, match="finding_review_denied"):
        review.decide_finding(archive.sessions, Identity.user("alice"), 999_999, True)
    with pytest.raises(PrescreenError, match="finding_note_too_long"):
        review.decide_finding(archive.sessions, Identity.user("alice"), found["gap", None].id, True, "x" * 2001)
    assert _decisions(archive) == []


def test_queries_and_figures_within_the_charge(findings):
    archive, found, clips, corrupt = findings
    alice = Identity.user("alice")
    review.decide_finding(archive.sessions, alice, found["gap", None].id, True)
    review.decide_finding(archive.sessions, alice, found["overlap", None].id, False)
    review.decide_finding(archive.sessions, alice, found["undecodable", corrupt].id, True)

    with archive.sessions.read() as session:
        figures = queries.figures(session, alice, FindingFilter(date_from=DAY, date_to=DAY))
        pending = queries.find(session, alice, FindingFilter(status=FindingStatus.PENDING), 100)
        gaps = queries.find(session, alice, FindingFilter(unit_code="DD01", kinds=("gap", "overlap")), 100)
        beside = queries.find(session, Identity.user("rev_dd02"), FindingFilter(), 100)
        on_clip = queries.clip_findings(session, alice, [clips.late, corrupt, clips.overlapping])
        hidden = queries.clip_findings(session, Identity.user("rev_dd02"), [clips.late])
        with pytest.raises(PermissionDenied, match="prescreen_unit_denied"):
            queries.find(session, Identity.user("rev_dd02"), FindingFilter(unit_code="DD01"), 100)

    # the undecodable clip at 11:30 makes a second break of the day, still pending
    assert FindingFigure("gap", "", 1, 1, 0) in figures and FindingFigure("overlap", "", 0, 0, 1) in figures
    assert FindingFigure("undecodable", "DSJ-V9", 0, 1, 0) in figures
    assert FindingFigure("late_upload", "DSJ-V9", 1, 0, 0) in figures
    assert {figure.kind: figure.precision for figure in figures}["gap"] == 1.0
    assert FindingFigure("late_upload", "DSJ-V9", 1, 0, 0).precision is None
    assert {row.kind for row in pending} == {"abnormal_end", "gap", "late_upload", "no_case_link"}
    assert sorted(row.kind for row in gaps) == ["gap", "gap", "overlap"]
    assert beside == [] and hidden == []
    assert [(row.clip_id, row.kind) for row in on_clip] == [
        (clips.overlapping, "abnormal_end"),
        (clips.late, "late_upload"),
        (corrupt, "undecodable"),
    ]
