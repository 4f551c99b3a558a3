"""The holds and expiry queries destruction relies on: active holds only; expired, unheld, unrequested clips."""

from datetime import date

from db.models import Clip
from tests.helpers.destruction_builders import (
    EXPIRED,
    LATER,
    TODAY,
    add_clip,
    build_destruction_org,
    place_hold,
    release_hold,
)
from workstation.retention.expiry import expired_candidates, is_expired
from workstation.retention.holds import active_hold_ids


def test_active_holds_and_expired_candidates(archive):
    org = build_destruction_org(archive)
    expired = add_clip(archive, "DD01")
    held = add_clip(archive, "DD01")
    released = add_clip(archive, "DD02")
    kept = add_clip(archive, "DD01", keep_until=LATER)
    permanent = add_clip(archive, "DD03", keep_until=None)
    elsewhere = add_clip(archive, "DD03")
    first = place_hold(archive, [held, released])
    second = place_hold(archive, [held])
    release_hold(archive, first)
    with archive.sessions.read() as session:
        assert active_hold_ids(session, [expired, held, released, held]) == {held: (second,)}
        everything = expired_candidates(session, None, None, TODAY)
        assert everything == [expired, released, elsewhere]
        zd01 = frozenset({org.units["ZD01"], org.units["DD01"], org.units["DD02"]})
        assert expired_candidates(session, zd01, None, TODAY) == [expired, released]
        assert expired_candidates(session, zd01, date(2024, 1, 1), TODAY) == []
        assert expired_candidates(session, None, None, EXPIRED) == []  # keep-until is the last day kept
        assert not is_expired(session.get_one(Clip, kept), TODAY)
        assert not is_expired(session.get_one(Clip, permanent), TODAY)
        assert is_expired(session.get_one(Clip, expired), TODAY)
