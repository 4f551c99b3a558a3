"""The server anchors the audit chain once a day in the anchor file of [audit] anchor_file, never a tampered one."""

from datetime import timedelta

import pytest

from tests.helpers.tamper import record_events, tamper
from workstation import clock
from workstation.audit.anchors import read_anchors
from workstation.server.housekeeping import anchor_if_due

pytestmark = pytest.mark.clock  # "a day" is the archive's day (tools/clock_matrix.sh)


def test_one_anchor_a_day(archive, tmp_path):
    anchor_file = tmp_path / "anchors.txt"
    late_evening = clock.now().replace(hour=23, minute=59, second=0)
    previous = clock.use(lambda: late_evening)
    try:
        record_events(archive, 3)
        assert anchor_if_due(archive.sessions, anchor_file).ok
        record_events(archive, 2)
        assert anchor_if_due(archive.sessions, anchor_file) is None  # today's anchor is there
        clock.use(lambda: late_evening + timedelta(minutes=2))
        assert anchor_if_due(archive.sessions, anchor_file).ok
    finally:
        clock.use(previous)
    assert [anchor.seq for anchor in read_anchors(anchor_file)] == [3, 5]


def test_a_tampered_chain_is_not_anchored(archive, tmp_path):
    record_events(archive, 3)
    tamper(archive, "UPDATE audit_events SET actor = 'forger' WHERE seq = 2")
    result = anchor_if_due(archive.sessions, tmp_path / "anchors.txt")
    assert not result.ok and read_anchors(tmp_path / "anchors.txt") == []
