"""Upload ingest (in-process, through the upload services) against local ingest of the same recorder dumps.

Issue 12: the upload through the branch server over loopback HTTPS must reach at least 0.7x local ingest.
This measures the part without HTTP: the station reads and hashes each file, sends it in chunks of
CHUNK_BYTES through ServiceUploadTarget (each chunk written and fsynced into staging), the server re-hashes
the staged file and files it through the same pipeline as local ingest. Both methods ingest the four
recorders in parallel into a fresh archive, after sync and a warm page cache; the order alternates per
repeat. The ratio is median MB/s of upload over median MB/s of local ingest (paired ratios too).
"""

import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.models import Clip
from tests.benchmarks.conftest import MIB, BenchReport, BenchScale, Footage
from tests.benchmarks.test_ingest_throughput import Method, _registered_archive, measure
from workstation.archive import Archive
from workstation.footage.ingest import IngestOptions, ingest
from workstation.footage.types import IngestOutcome, IngestReport
from workstation.footage.upload_ingest import CHUNK_BYTES, ServiceUploadTarget, UploadOptions, upload_ingest
from workstation.identity import Identity
from workstation.types import MediaStatus

STATION = Identity.system("采集站01")
LOCAL, UPLOAD = "local ingest (4 recorders)", f"upload ingest in-process ({CHUNK_BYTES // MIB} MiB chunks)"


def _methods(footage: Footage, fresh_archive: Callable[[Path], Archive]) -> list[Method]:
    folders = [recorder.folder for recorder in footage.recorders]

    def local(archive: Archive) -> IngestReport:
        return ingest(archive, folders, IngestOptions(station="采集站01", who=STATION, parallel_sources=4))

    def uploaded(archive: Archive) -> IngestReport:
        target = ServiceUploadTarget(archive, STATION)
        return upload_ingest(target, folders, UploadOptions(station="采集站01", parallel_sources=4))

    def archived_all(archive: Archive, report: IngestReport) -> None:
        assert report.count(IngestOutcome.IMPORTED) == len(footage.files), report.results
        assert all(result.media_status is MediaStatus.OK for result in report.results)
        with archive.sessions.read() as session:
            assert set(session.execute(select(Clip.sha256)).scalars()) == set(footage.sha256.values())

    return [
        Method(LOCAL, local, archived_all, fresh_archive, Archive.close),
        Method(UPLOAD, uploaded, archived_all, fresh_archive, Archive.close),
    ]


@pytest.mark.benchmark
def test_upload_ingest_against_local_ingest(footage: Footage, bench_scale: BenchScale, bench_report: BenchReport):
    methods = _methods(footage, lambda folder: _registered_archive(folder, footage))
    seconds: dict[str, list[float]] = {method.name: [] for method in methods}
    cpu: dict[str, list[float]] = {method.name: [] for method in methods}
    for repeat in range(bench_scale.repeats):
        for method in methods if repeat % 2 == 0 else methods[::-1]:
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
        }
        for name, values in seconds.items()
    }
    ratio = summary[UPLOAD]["mb_s_median"] / summary[LOCAL]["mb_s_median"]
    paired = [local / upload for local, upload in zip(seconds[LOCAL], seconds[UPLOAD], strict=True)]
    bench_report.table(
        f"Upload ingest vs local ingest: {len(footage.files)} files x {footage.file_bytes / MIB:.0f} MiB, "
        f"{bench_scale.repeats} repeats, warm page cache",
        ["method", "MB/s best / med", "CPU s/GB"],
        [
            [name, f"{entry['mb_s_best']:.0f} / {entry['mb_s_median']:.0f}", f"{entry['cpu_s_per_gb_median']:.2f}"]
            for name, entry in summary.items()
        ],
        [f"upload / local: {ratio:.2f} (median MB/s); paired runs {', '.join(f'{r:.2f}' for r in paired)}"],
    )
    bench_report.write(
        "upload-ingest",
        {"chunk_bytes": CHUNK_BYTES, "methods": summary, "ratio_median": ratio, "ratio_paired": paired},
    )
