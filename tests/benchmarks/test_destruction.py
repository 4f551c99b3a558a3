"""Executing approved destructions (issue 14): throughput against a plain `os.unlink` loop, and memory.

    BENCH_DESTRUCTIONS   clips in each approved request (default 2000; tools/bench.sh 100000)

N clips of 4 KiB files are listed by conditions, approved, and executed by the service (each clip: row lock,
hold and expiry re-check, SHA-256 of its file, tombstone with every fact, audit row, commit, unlink, mark);
the baseline unlinks N files of the same size, in the same run. A second request of N clips is executed
under tracemalloc: the peak after the first tenth and at the end show whether memory stays flat.
"""

import hashlib
import os
import time
import tracemalloc
from datetime import timedelta

import pytest
from sqlalchemy import insert, select

from db.models import Clip, Unit
from tests.benchmarks.conftest import BenchReport
from tests.helpers.destruction_builders import EXPIRED, RECORDED, TODAY, build_destruction_org
from workstation.identity import Identity
from workstation.retention import destruction
from workstation.retention.execution import execute
from workstation.retention.types import DestructionSpec

DESTRUCTIONS = int(os.environ.get("BENCH_DESTRUCTIONS") or 2000)
FILE_BYTES = 4096


def _expired_clips(archive, count: int, first: int) -> None:
    """`count` expired clips of DD01 with 4 KiB files, inserted in bulk."""
    with archive.sessions.write() as session:
        unit_id = session.execute(select(Unit.id).where(Unit.code == "DD01")).scalar_one()
        rows = []
        for number in range(first, first + count):
            data = f"{number:016d}".encode() * (FILE_BYTES // 16)
            media_path = f"DD01/{number // 1000:04d}/{number:08d}.MP4"
            path = archive.absolute_path(media_path)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            start = RECORDED + timedelta(seconds=number)
            rows.append(
                {
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "file_type": "video",
                    "original_name": f"{number:08d}.MP4",
                    "media_path": media_path,
                    "size_bytes": FILE_BYTES,
                    "unit_id": unit_id,
                    "recorded_start": start,
                    "recorded_end": start + timedelta(minutes=1),
                    "duration_ms": 60_000,
                    "clock_offset_ms": 0,
                    "ingested_at": start,
                    "ingest_station": "bench",
                    "name_pattern": "bench",
                    "important": False,
                    "retention_class": "years_2",
                    "retention_rule": "base",
                    "retention_triggers": "",
                    "keep_until": EXPIRED,
                    "media_status": "ok",
                    "media_problem": "",
                }
            )
            if len(rows) == 5000:
                session.execute(insert(Clip), rows)
                rows = []
        if rows:
            session.execute(insert(Clip), rows)


def _approved_request(archive) -> int:
    with archive.sessions.write() as session:
        spec = DestructionSpec(reason="基准测试", unit_code="DD01")
        row = destruction.request_destruction(session, Identity.user("clerk"), spec, TODAY)
    with archive.sessions.write() as session:
        destruction.approve_destruction(session, Identity.user("head"), row.id, "同意")
    return row.id


@pytest.mark.benchmark
def test_destruction_throughput_and_memory(archive, database_kind, tmp_path, bench_report: BenchReport):
    build_destruction_org(archive)
    executor = Identity.user("corps_admin")

    _expired_clips(archive, DESTRUCTIONS, 0)
    request_id = _approved_request(archive)
    started = time.perf_counter()
    report = execute(archive, executor, request_id, DESTRUCTIONS, TODAY)
    service_seconds = time.perf_counter() - started
    assert report.destroyed == DESTRUCTIONS and report.done
    assert report.bytes_freed == DESTRUCTIONS * FILE_BYTES

    plain = tmp_path / "plain"
    paths = []
    for number in range(DESTRUCTIONS):
        path = plain / f"{number // 1000:04d}" / f"{number:08d}.MP4"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(f"{number:016d}".encode() * (FILE_BYTES // 16))
        paths.append(path)
    started = time.perf_counter()
    for path in paths:
        os.unlink(path)
    unlink_seconds = time.perf_counter() - started

    _expired_clips(archive, DESTRUCTIONS, DESTRUCTIONS)
    second = _approved_request(archive)
    tracemalloc.start()
    try:
        execute(archive, executor, second, max(1, DESTRUCTIONS // 10), TODAY)
        peak_tenth = tracemalloc.get_traced_memory()[1]
        assert execute(archive, executor, second, DESTRUCTIONS, TODAY).done
        peak_all = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    ratio = service_seconds / unlink_seconds if unlink_seconds else float("inf")
    bench_report.table(
        f"destruction of {DESTRUCTIONS:,} approved clips (4 KiB files), {database_kind}",
        ["clips", "service s", "clips/s", "plain unlink s", "ratio", f"peak MiB at {DESTRUCTIONS // 10:,}", "peak MiB"],
        [
            [
                DESTRUCTIONS,
                f"{service_seconds:.2f}",
                f"{DESTRUCTIONS / service_seconds:,.0f}",
                f"{unlink_seconds:.3f}",
                f"{ratio:,.0f}×",
                f"{peak_tenth / 2**20:.1f}",
                f"{peak_all / 2**20:.1f}",
            ]
        ],
    )
    bench_report.write(
        f"destruction-{database_kind}",
        {
            "clips": DESTRUCTIONS,
            "file_bytes": FILE_BYTES,
            "service_seconds": service_seconds,
            "unlink_seconds": unlink_seconds,
            "ratio": ratio,
            "peak_bytes_first_tenth": peak_tenth,
            "peak_bytes_all": peak_all,
        },
    )
