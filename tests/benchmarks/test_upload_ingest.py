"""Upload ingest (through the archive server, and in-process) against local ingest of the same recorder dumps.

Issue 12: the upload through the branch server over loopback HTTPS must reach at least 0.7x local ingest.
Measured, each into a fresh archive (a fresh server process for the HTTPS ones, started and signed in
before the clock starts), after sync and a warm page cache, the order rotating per repeat:

    local ingest          workstation.footage.ingest, the four recorders in parallel
    upload in-process     upload_ingest through ServiceUploadTarget: the station reads and hashes each
                          file, sends it in chunks (each written and fsynced into staging), the server
                          checks the SHA-256 and files it through the same pipeline as local ingest
    upload over HTTPS     the same through HttpUploadTarget and a real `workstation serve` on loopback
                          (TLS), with the default chunk (CHUNK_BYTES) and with LARGE_CHUNK_BYTES

The ratios are median MB/s of each upload over median MB/s of local ingest (paired ratios too). CPU per GB is
this process's (local ingest; the station's side of an upload, also the server's side in-process) and, for the
HTTPS methods, the server process's and its workers' (read from Linux's /proc, blank elsewhere): on this
2-core machine the station and the server share the cores, so the sum is what bounds the upload.
"""

import statistics
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.models import Clip
from tests.benchmarks.conftest import MIB, BenchReport, BenchScale, Footage
from tests.benchmarks.test_ingest_throughput import Method, _registered_archive, measure
from tests.helpers.access_builders import PASSWORD, add_users
from tests.helpers.archive_server import running_server
from tests.helpers.processes import cpu_seconds_with_children
from workstation.archive import Archive
from workstation.client.connection import ServerConnection
from workstation.client.upload_target import HttpUploadTarget
from workstation.footage.ingest import IngestOptions, ingest
from workstation.footage.types import IngestOutcome, IngestReport
from workstation.footage.upload_ingest import CHUNK_BYTES, ServiceUploadTarget, UploadOptions, upload_ingest
from workstation.identity import Identity
from workstation.types import MediaStatus, Role

STATION = Identity.system("采集站01")
STATION_ACCOUNT = "station01"
LARGE_CHUNK_BYTES = 32 * MIB
PROC = Path("/proc")  # the server's CPU is read there (Linux)
LOCAL, UPLOAD = "local ingest (4 recorders)", f"upload ingest in-process ({CHUNK_BYTES // MIB} MiB chunks)"
HTTPS = f"upload via server, HTTPS ({CHUNK_BYTES // MIB} MiB chunks)"
HTTPS_LARGE = f"upload via server, HTTPS ({LARGE_CHUNK_BYTES // MIB} MiB chunks)"


@dataclass
class Served:
    """A fresh archive, a server in front of it and the station account's signed-in connection."""

    archive: Archive
    connection: ServerConnection
    stack: ExitStack
    server_pid: int


def _served_archive(folder: Path, footage: Footage) -> Served:
    archive = _registered_archive(folder, footage)
    add_users(archive, [(STATION_ACCOUNT, Role.STATION, "440101000000")])
    stack = ExitStack()
    stack.callback(archive.close)
    server = stack.enter_context(running_server("sqlite", archive, folder))
    connection = ServerConnection(server.url, server.pin)
    stack.callback(connection.close)
    connection.sign_in(STATION_ACCOUNT, PASSWORD)
    return Served(archive, connection, stack, server.process.pid)


def _methods(
    footage: Footage,
    fresh_archive: Callable[[Path], Archive],
    served_archive: Callable[[Path], Served],
    server_cpu: dict[str, list[float]],
) -> list[Method]:
    folders = [recorder.folder for recorder in footage.recorders]

    def local(archive: Archive) -> IngestReport:
        return ingest(archive, folders, IngestOptions(station="采集站01", who=STATION, parallel_sources=4))

    def uploaded(archive: Archive) -> IngestReport:
        target = ServiceUploadTarget(archive, STATION)
        return upload_ingest(target, folders, UploadOptions(station="采集站01", parallel_sources=4))

    def over_https(name: str, chunk_bytes: int) -> Callable[[Served], IngestReport]:
        def uploaded_via_server(served: Served) -> IngestReport:
            options = UploadOptions(station="采集站01", parallel_sources=4, chunk_bytes=chunk_bytes)
            if not PROC.is_dir():
                return upload_ingest(HttpUploadTarget(served.connection), folders, options)
            before = cpu_seconds_with_children(served.server_pid)
            report = upload_ingest(HttpUploadTarget(served.connection), folders, options)
            server_cpu.setdefault(name, []).append(cpu_seconds_with_children(served.server_pid) - before)
            return report

        return uploaded_via_server

    def served_all(served: Served, report: IngestReport) -> None:
        archived_all(served.archive, report)

    def archived_all(archive: Archive, report: IngestReport) -> None:
        assert report.count(IngestOutcome.IMPORTED) == len(footage.files), report.results
        assert all(result.media_status is MediaStatus.OK for result in report.results)
        with archive.sessions.read() as session:
            assert set(session.execute(select(Clip.sha256)).scalars()) == set(footage.sha256.values())

    return [
        Method(LOCAL, local, archived_all, fresh_archive, Archive.close),
        Method(UPLOAD, uploaded, archived_all, fresh_archive, Archive.close),
        Method(HTTPS, over_https(HTTPS, CHUNK_BYTES), served_all, served_archive, lambda served: served.stack.close()),
        Method(
            HTTPS_LARGE,
            over_https(HTTPS_LARGE, LARGE_CHUNK_BYTES),
            served_all,
            served_archive,
            lambda served: served.stack.close(),
        ),
    ]


@pytest.mark.benchmark
def test_upload_ingest_against_local_ingest(footage: Footage, bench_scale: BenchScale, bench_report: BenchReport):
    server_cpu: dict[str, list[float]] = {}
    methods = _methods(
        footage,
        lambda folder: _registered_archive(folder, footage),
        lambda folder: _served_archive(folder, footage),
        server_cpu,
    )
    seconds: dict[str, list[float]] = {method.name: [] for method in methods}
    cpu: dict[str, list[float]] = {method.name: [] for method in methods}
    for repeat in range(bench_scale.repeats):
        shift = repeat % len(methods)
        for method in methods[shift:] + methods[:shift]:
            run = measure(method, footage, footage.root, cold=False)
            seconds[method.name].append(run.seconds)
            cpu[method.name].append(run.cpu_seconds)
    megabytes = footage.total_bytes / 1e6
    summary: dict[str, Any] = {
        name: {
            "seconds": values,
            "mb_s_median": megabytes / statistics.median(values),
            "mb_s_best": megabytes / min(values),
            "cpu_s_per_gb_median": statistics.median(cpu[name]) / (megabytes / 1000),
            "server_cpu_s_per_gb_median": (
                statistics.median(server_cpu[name]) / (megabytes / 1000) if name in server_cpu else None
            ),
        }
        for name, values in seconds.items()
    }
    ratios = {name: summary[name]["mb_s_median"] / summary[LOCAL]["mb_s_median"] for name in seconds if name != LOCAL}
    paired = {
        name: [local / upload for local, upload in zip(seconds[LOCAL], seconds[name], strict=True)] for name in ratios
    }
    bench_report.table(
        f"Upload ingest vs local ingest: {len(footage.files)} files x {footage.file_bytes / MIB:.0f} MiB, "
        f"{bench_scale.repeats} repeats, warm page cache",
        ["method", "MB/s best / med", "CPU s/GB", "server CPU s/GB", "/ local (med)", "paired"],
        [
            [
                name,
                f"{entry['mb_s_best']:.0f} / {entry['mb_s_median']:.0f}",
                f"{entry['cpu_s_per_gb_median']:.2f}",
                "" if entry["server_cpu_s_per_gb_median"] is None else f"{entry['server_cpu_s_per_gb_median']:.2f}",
                f"{ratios[name]:.2f}" if name in ratios else "",
                ", ".join(f"{r:.2f}" for r in paired.get(name, [])),
            ]
            for name, entry in summary.items()
        ],
        [
            "target: upload via the server ≥ 0.7x local ingest; CPU s/GB: this process (the station's side of an"
            " upload); server CPU s/GB: the server process and its workers (their sum with the station's bounds the"
            " upload on a machine that runs both)"
        ],
    )
    bench_report.write(
        "upload-ingest",
        {
            "chunk_bytes": {HTTPS: CHUNK_BYTES, HTTPS_LARGE: LARGE_CHUNK_BYTES},
            "methods": summary,
            "ratio_median": ratios,
            "ratio_paired": paired,
        },
    )
