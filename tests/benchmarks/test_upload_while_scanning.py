"""Upload ingest through the archive server while its background pre-screen is busy, against the same upload
while it is idle (issue 17: the scan must never slow the upload path).

Each repeat starts two servers on fresh SQLite archives that hold the same backlog of unscanned footage
(BACKLOG clips of BACKLOG_SECONDS at 640x360): one with the background scan off (`scan_workers = 0`), one with
it on and already scanning the backlog (`scan_interval_s = 1`, the upload starts once the first clip is kept).
The station then uploads the same recorder dump to each; the ratio is busy seconds / idle seconds (median over
the repeats). The scan's workers run below normal priority; the upload's hashing, the server's re-hash and the
filing run at normal priority and win the CPU.
"""

import shutil
import statistics
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import PrescreenScan
from tests.benchmarks.conftest import BenchReport, BenchScale
from tests.helpers.access_builders import PASSWORD, add_users
from tests.helpers.archive_server import running_server
from tests.helpers.builders import build_org, recorder_dump
from tests.helpers.playback_builders import DAY_START, add_clip
from workstation.archive import Archive
from workstation.client.connection import ServerConnection
from workstation.client.upload_target import HttpUploadTarget
from workstation.demo import synth
from workstation.footage.types import IngestOutcome
from workstation.footage.upload_ingest import UploadOptions, upload_ingest
from workstation.types import Role

BACKLOG, BACKLOG_SECONDS, UPLOAD_CLIPS = 12, 60, 6


def _scanned(archive: Archive) -> int:
    with archive.sessions.read() as session:
        return int(session.execute(select(func.count()).select_from(PrescreenScan)).scalar_one())


def _upload_seconds(folder: Path, backlog_file: Path, dump: Path, busy: bool) -> tuple[float, int]:
    """Seconds to upload `dump`, and how many backlog clips the scan had kept when the upload ended."""
    archive = Archive.open_embedded(folder / "archive", create=True)
    try:
        build_org(archive)
        add_users(archive, [("station1", Role.STATION, "DD01")])
        for index in range(BACKLOG):
            add_clip(
                archive, "010203", DAY_START + timedelta(minutes=2 * index), BACKLOG_SECONDS, with_media=backlog_file
            )
        (folder / "config").mkdir()
        workers = "scan_workers = 1\nscan_interval_s = 1" if busy else "scan_workers = 0"
        (folder / "config" / "workstation.toml").write_text(f"[prescreen]\n{workers}\n")
        with running_server("sqlite", archive, folder) as server:
            deadline = time.monotonic() + 60
            while busy and _scanned(archive) == 0:  # the scan is under way
                assert time.monotonic() < deadline, "the background scan did not start"
                time.sleep(0.1)
            connection = ServerConnection(server.url, server.pin)
            try:
                connection.sign_in("station1", PASSWORD)
                started = time.perf_counter()
                report = upload_ingest(HttpUploadTarget(connection), [dump], UploadOptions(station="采集站1"))
                seconds = time.perf_counter() - started
            finally:
                connection.close()
            assert report.count(IngestOutcome.IMPORTED) == UPLOAD_CLIPS + 1, report.results  # and the log
            return seconds, _scanned(archive)
    finally:
        archive.close()


@pytest.mark.benchmark
def test_upload_while_the_server_scans(tmp_path: Path, bench_scale: BenchScale, bench_report: BenchReport):
    backlog_file = synth.make_video(tmp_path / "backlog.mp4", BACKLOG_SECONDS, size="640x360")
    idle, busy, kept = [], [], []
    for repeat in range(bench_scale.repeats):
        dump = tmp_path / f"dump-{repeat}"
        recorder_dump(dump, "DSJ7001", "870001", datetime(2026, 11, 21, 9, 0), clips=UPLOAD_CLIPS, seed=80 + repeat)
        for is_busy in (repeat % 2 == 0, repeat % 2 == 1):  # the order alternates
            folder = tmp_path / f"run-{repeat}-{'busy' if is_busy else 'idle'}"
            seconds, scanned = _upload_seconds(folder, backlog_file, dump, is_busy)
            (busy if is_busy else idle).append(seconds)
            if is_busy:
                kept.append(scanned)
            shutil.rmtree(folder)
    ratio = statistics.median(busy) / statistics.median(idle)
    bench_report.table(
        f"Upload of {UPLOAD_CLIPS} clips through the server, background scan idle vs busy "
        f"({BACKLOG} x {BACKLOG_SECONDS} s backlog, {bench_scale.repeats} repeats)",
        ["", "seconds", "median"],
        [
            ["scan idle", ", ".join(f"{s:.2f}" for s in idle), f"{statistics.median(idle):.2f}"],
            ["scan busy", ", ".join(f"{s:.2f}" for s in busy), f"{statistics.median(busy):.2f}"],
            ["busy / idle", "", f"{ratio:.2f}"],
        ],
        [f"backlog clips scanned by the end of each busy upload: {kept} of {BACKLOG}"],
    )
    bench_report.write("upload-while-scanning", {"idle_s": idle, "busy_s": busy, "ratio": ratio, "kept": kept})
