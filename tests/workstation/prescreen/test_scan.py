"""Scanning the archive (SQLite and PostgreSQL): real clips decoded on worker processes, each kept as it is
done; an unreadable file is recorded as failed with its reason; nothing is scanned twice; a cancelled run goes
on where it stopped."""

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from db.models import AuditEvent, PrescreenFinding, PrescreenScan
from tests.helpers.builders import build_org
from tests.helpers.playback_builders import DAY_START, add_clip
from tests.helpers.prescreen_builders import corrupt_clip, real_clips
from workstation.errors import PermissionDenied, PrescreenError
from workstation.identity import Identity
from workstation.prescreen.scan import scan_pending
from workstation.prescreen.types import ScanOutcome, ScanReport
from workstation.types import FileType

SYSTEM = Identity.system("tests")


def _scans(archive) -> dict[int, PrescreenScan]:
    with archive.sessions.read() as session:
        rows = session.execute(select(PrescreenScan)).scalars().all()
        session.expunge_all()
    return {row.clip_id: row for row in rows}


def _audited(archive) -> int:
    with archive.sessions.read() as session:
        return session.execute(select(func.count()).where(AuditEvent.action == "prescreen.scan")).scalar_one()


def test_each_clip_is_kept_with_its_outcome_and_never_scanned_twice(archive, tmp_path):
    build_org(archive)
    good = real_clips(archive, tmp_path, 2)
    corrupt = corrupt_clip(archive, tmp_path, DAY_START + timedelta(minutes=10))
    missing = add_clip(archive, "010203", DAY_START + timedelta(minutes=12), 1.0)  # its file is not there
    add_clip(archive, "010203", DAY_START + timedelta(minutes=14), 0, file_type=FileType.PHOTO)  # not scanned
    seen = []

    report = scan_pending(archive, SYSTEM, workers=2, progress=seen.append)

    assert (report.scanned, report.failed, report.cancelled) == (3, 1, False)
    assert sorted(progress.clip_id for progress in seen) == sorted([*good, corrupt, missing])
    assert [progress.done for progress in seen] == [1, 2, 3, 4] and {p.total for p in seen} == {4}
    scans = _scans(archive)
    assert set(scans) == {*good, corrupt, missing}
    assert all(scans[clip].outcome == ScanOutcome.OK and scans[clip].duration_ms == 1000 for clip in good)
    assert scans[corrupt].outcome == ScanOutcome.OK  # it was read: the finding says it cannot be decoded
    assert (scans[missing].outcome, scans[missing].error_code) == (ScanOutcome.FAILED, "media_missing")
    assert '"min_span_ms": 3000' in scans[good[0]].settings
    with archive.sessions.read() as session:
        media = session.execute(
            select(PrescreenFinding.clip_id, PrescreenFinding.kind, PrescreenFinding.status).where(
                PrescreenFinding.kind.in_(("covered", "dark", "frozen", "silent", "clipped", "undecodable"))
            )
        ).all()
    assert media == [(corrupt, "undecodable", "pending")]
    assert _audited(archive) == 1

    assert scan_pending(archive, SYSTEM, workers=2) == ScanReport()  # nothing left: no work, no audit row
    assert _audited(archive) == 1 and _scans(archive).keys() == scans.keys()


def test_a_cancelled_run_goes_on_where_it_stopped(archive, tmp_path):
    build_org(archive)
    clips = real_clips(archive, tmp_path, 6)
    cancel = threading.Event()

    first = scan_pending(archive, SYSTEM, workers=1, progress=lambda _progress: cancel.set(), cancel=cancel)

    assert first.cancelled and 1 <= first.scanned < len(clips)
    kept = set(_scans(archive))
    second = scan_pending(archive, SYSTEM, workers=2)
    assert not second.cancelled and second.scanned == len(clips) - len(kept)
    assert set(_scans(archive)) == set(clips)


def test_a_unit_and_a_period_limit_the_scan(archive, tmp_path):
    build_org(archive)
    today = real_clips(archive, tmp_path, 1)
    next_day = real_clips(archive, tmp_path, 1, day=DAY_START.date() + timedelta(days=1))
    other_unit = real_clips(archive, tmp_path, 1, badge="010204")

    day = DAY_START.date()
    assert scan_pending(archive, SYSTEM, "DD01", day, day).scanned == 1
    assert set(_scans(archive)) == set(today)
    assert scan_pending(archive, Identity.user("admin"), "DD01").scanned == 1  # the 支队 administrator
    assert set(_scans(archive)) == {*today, *next_day}
    with pytest.raises(PermissionDenied, match="prescreen_unit_denied"):
        scan_pending(archive, Identity.user("admin"), "XX99")
    with pytest.raises(PrescreenError, match="prescreen_period_invalid"):
        scan_pending(archive, SYSTEM, None, day, day - timedelta(days=1))
    assert other_unit[0] not in _scans(archive)
