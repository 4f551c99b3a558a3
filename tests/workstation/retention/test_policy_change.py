"""A policy change shows what it would do before it is saved; saving rewrites exactly the affected clips."""

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from db.models import AuditEvent, Clip, Officer, RetentionRule, Unit
from tests.helpers.access_builders import add_clip
from workstation.errors import PermissionDenied
from workstation.footage import clips
from workstation.identity import Identity
from workstation.retention import holds, policy, policy_change, triggers
from workstation.retention.errors import RetentionError
from workstation.retention.types import ExpiryDate, Profile

ADMIN = Identity.user("admin")
TODAY = date(2027, 6, 1)


def _recorded(archive, unit_code, days):
    with archive.sessions.write() as session:
        unit = session.execute(select(Unit).where(Unit.code == unit_code)).scalar_one()
        officer = session.execute(select(Officer).where(Officer.badge_no == f"9{unit_code}")).scalar_one()
        return [
            add_clip(session, unit, officer, datetime.combine(day, datetime.min.time()) + timedelta(hours=8))
            for day in days
        ]


def _stored(archive):
    with archive.sessions.read() as session:
        return {
            clip.id: (clip.retention_class, clip.retention_rule, clip.keep_until)
            for clip in session.execute(select(Clip)).scalars()
        }


def _consistent(archive):
    """Every clip's stored retention is what the policy gives its facts today."""
    with archive.sessions.read() as session:
        rules = policy.load(session)
        for clip in session.execute(select(Clip)).scalars():
            assigned = rules.assign(clip.unit_id, triggers.split(clip.retention_triggers))
            assert (clip.retention_class, clip.retention_rule) == (assigned.class_code, assigned.rule)
            assert clip.keep_until == assigned.keep_until(clip.recorded_start.date())


def test_switching_to_the_police_profile_shows_which_clips_would_expire_when(archive, org):
    old, _recent = _recorded(archive, "DD01", [date(2026, 10, 1), date(2027, 1, 20)])
    (kept,) = _recorded(archive, "DD03", [date(2026, 9, 1)])
    with archive.sessions.write() as session:
        clips.set_important(session, ADMIN, [kept], True)
        holds.place_hold(session, Identity.user("legal"), [old], "诉讼")
    before = _stored(archive)
    with archive.sessions.read() as session:
        priced = policy_change.dry_run(session, ADMIN, {}, Profile.POLICE, TODAY)
    assert _stored(archive) == before  # a dry run saves nothing
    everyone = len(before) - 1  # all but the important clip go from two years to six months
    assert (priced.shortened, priced.lengthened, priced.held) == (everyone, 0, 1)
    # the organisation's clips (2026-11-21) and `old` are past six months on 2027-06-01; `recent` ends 2027-07-20
    assert priced.expire_now == everyone - 1 and priced.expire_within == (0, 1)
    assert ExpiryDate("DD01", date(2027, 7, 20), 1) in priced.dates
    assert ExpiryDate("DD01", TODAY, 2) in priced.dates  # its own clip and `old`, expired at once
    assert [(rule.trigger, rule.class_code) for rule in priced.changes] == [("base", "months_6")]


def test_applying_a_change_saves_the_rules_audits_the_dry_run_and_rewrites_the_clips(archive, org):
    _recorded(archive, "DD01", [date(2026, 8, 31), date(2027, 1, 20)])
    changes = {"unit:DD02": "years_5", "site:high_risk": None}
    with archive.sessions.write() as session:
        priced = policy_change.apply(session, ADMIN, changes, Profile.POLICE, "本单位为公安机关", TODAY)
    _consistent(archive)
    stored = _stored(archive)
    assert stored[org.clips["DD02"]] == ("years_5", "unit:DD02", date(2031, 11, 21))
    assert stored[org.clips["DD01"]] == ("months_6", "base", date(2027, 5, 21))
    assert date(2027, 2, 28) in {keep for _, _, keep in stored.values()}  # 31 Aug + 6 months
    with archive.sessions.read() as session:
        assert session.get(RetentionRule, "site:high_risk") is None
        assert policy.load(session).profile is Profile.POLICE
        row = session.execute(select(AuditEvent).where(AuditEvent.action == "retention.policy_change")).scalar_one()
    details = json.loads(row.details)
    assert details["profile"] == ["fire_rescue", "police"] and details["rules"]["base"] == ["years_2", "months_6"]
    assert details["shortened"] == priced.shortened and details["reason"] == "本单位为公安机关"


def test_policy_changes_are_refused_when_not_allowed_or_not_meaningful(archive, org):
    with pytest.raises(PermissionDenied), archive.sessions.write() as session:
        policy_change.apply(session, Identity.user("zd01_admin"), {"base": "years_5"}, None, "理由", TODAY)
    for changes, code in (
        ({"base": None}, "base_rule_required"),
        ({"base": "years_3"}, "class_unknown"),
        ({"unit:NOPE": "years_5"}, "trigger_unknown"),
        ({"marker:nope": "years_5"}, "trigger_unknown"),
        ({"case:trial": "years_5"}, "trigger_unknown"),
    ):
        with pytest.raises(RetentionError, match=code), archive.sessions.read() as session:
            policy_change.dry_run(session, ADMIN, changes, None, TODAY)
    with pytest.raises(RetentionError, match="policy_change_needs_reason"), archive.sessions.write() as session:
        policy_change.apply(session, ADMIN, {"base": "years_5"}, None, " ", TODAY)


def test_clips_from_before_retention_are_assessed_once(archive, org):
    with archive.sessions.write() as session:
        session.execute(
            update(Clip).values(retention_triggers=triggers.UNASSESSED, keep_until=None, retention_rule="unassessed")
        )
    with archive.sessions.write() as session:
        clips.set_important(session, ADMIN, [org.clips["DD01"]], True)  # an unassessed clip's facts change: assessed
    with archive.sessions.write() as session:
        assessed = policy_change.reassess(session, Identity.system("retention-scheduler"))
    assert assessed == len(org.clips) - 1
    _consistent(archive)
    with archive.sessions.write() as session:
        assert policy_change.reassess(session, Identity.system("retention-scheduler")) == 0
