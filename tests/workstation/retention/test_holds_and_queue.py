"""Legal holds and the expiry queue: what expires when, and why each clip is (still) kept."""

from datetime import date, datetime, timedelta

import pytest

from db.models import Officer, Unit
from tests.helpers.access_builders import add_clip
from workstation.errors import PermissionDenied
from workstation.identity import Identity
from workstation.retention import expiry, holds
from workstation.retention.errors import RetentionError
from workstation.retention.types import QueueStatus

LEGAL = Identity.user("legal")
TODAY = date(2028, 11, 10)
"""Each unit's own clip of the organisation (recorded 2026-11-21) is kept until 2028-11-21: due within 30 days."""


def _old_clips(archive, unit_code, recorded):
    """Clips of the unit recorded on each day given (their keep-until is two years later)."""
    with archive.sessions.write() as session:
        unit = session.query(Unit).filter_by(code=unit_code).one()
        officer = session.query(Officer).filter_by(badge_no=f"9{unit_code}").one()
        return [
            add_clip(session, unit, officer, datetime.combine(day, datetime.min.time()) + timedelta(hours=9))
            for day in recorded
        ]


def test_holds_are_placed_and_lifted_by_legal_and_inspection_with_a_reason(archive, org):
    clip_id = org.clips["DD01"]
    with pytest.raises(PermissionDenied), archive.sessions.write() as session:
        holds.place_hold(session, Identity.user("zd01_admin"), [clip_id], "诉讼")
    with pytest.raises(RetentionError, match="hold_needs_reason"), archive.sessions.write() as session:
        holds.place_hold(session, LEGAL, [clip_id], "  ")
    with pytest.raises(PermissionDenied), archive.sessions.write() as session:  # outside the legal's units
        holds.place_hold(session, LEGAL, [org.clips["DD03"]], "诉讼")
    with archive.sessions.write() as session:
        hold = holds.place_hold(session, LEGAL, [clip_id], "行政诉讼中")
    with archive.sessions.read() as session:
        assert holds.active_hold_ids(session, [clip_id, org.clips["DD02"]]) == {clip_id: (hold.id,)}
        assert [row.id for row in holds.list_holds(session, Identity.user("inspector"))] == [hold.id]
    with pytest.raises(RetentionError, match="release_needs_reason"), archive.sessions.write() as session:
        holds.release_hold(session, LEGAL, hold.id, "")
    with archive.sessions.write() as session:
        released = holds.release_hold(session, Identity.user("inspector"), hold.id, "判决生效")
    assert released.released_by == "用户inspector" and released.release_reason == "判决生效"
    with archive.sessions.read() as session:
        assert holds.active_hold_ids(session, [clip_id]) == {}
        assert holds.list_holds(session, LEGAL) == [] and len(holds.list_holds(session, LEGAL, True)) == 1


def test_the_queue_counts_per_unit_and_says_why_each_clip_is_kept(archive, org):
    expired, soon, later, beyond = _old_clips(
        archive, "DD01", [date(2026, 11, 1), date(2026, 11, 30), date(2027, 1, 15), date(2027, 6, 1)]
    )
    (held,) = _old_clips(archive, "DD02", [date(2026, 10, 1)])
    with archive.sessions.write() as session:
        holds.place_hold(session, LEGAL, [held], "投诉调查中")
    admin = Identity.user("zd01_admin")
    with archive.sessions.read() as session:
        summary = {row.unit_code: row for row in expiry.expiry_summary(session, admin, TODAY)}
        rows = expiry.expiry_queue(session, admin, TODAY, 90, "DD01")
        near = expiry.expiry_queue(session, admin, TODAY, 30, "DD01")
        everywhere = expiry.expiry_queue(session, admin, TODAY, 90)
        candidates = expiry.expired_candidates(session, None, None, TODAY)
    assert (summary["DD01"].expired, summary["DD01"].within) == (1, (2, 3))
    assert (summary["DD02"].expired, summary["DD02"].within, summary["DD02"].held) == (1, (1, 1), 1)
    assert sorted(summary) == ["DD01", "DD02", "DJ01", "ZD01"]  # the admin's units; not ZD or DD03
    assert [(row.clip_id, row.status) for row in rows] == [
        (expired, QueueStatus.EXPIRED),
        (org.clips["DD01"], QueueStatus.EXPIRING),
        (soon, QueueStatus.EXPIRING),
        (later, QueueStatus.EXPIRING),
    ]
    assert [row.clip_id for row in near] == [expired, org.clips["DD01"], soon] and beyond not in candidates
    assert (everywhere[0].clip_id, everywhere[0].status, everywhere[0].hold_ids) == (held, QueueStatus.HELD, (1,))
    assert candidates == [expired]  # the held clip may not be listed; nothing else is past its date
    assert rows[0].keep_until == date(2028, 11, 1) and rows[0].rule == "base"


def test_the_queue_is_for_the_oversight_roles(archive, org):
    with pytest.raises(PermissionDenied), archive.sessions.read() as session:
        expiry.expiry_summary(session, Identity.user("reviewer"), TODAY)
    with pytest.raises(RetentionError, match="unit_not_in_charge"), archive.sessions.read() as session:
        expiry.expiry_queue(session, Identity.user("zd01_admin"), TODAY, 30, "DD03")
