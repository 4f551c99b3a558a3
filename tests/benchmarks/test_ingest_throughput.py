"""Ingest throughput against a plain copy of the same files into the same file system.

Target (issue): ingest reaches at least 0.8x the plain copy's MB/s, including hashing and metadata.
Two baselines run in the same session on the same files: `shutil.copyfile` alone, and copyfile plus
fsync of each file, the fair one, since ingest must leave the footage durable. The pieces of ingest
are measured alone too (hash only, `copy_verified`, `probe`), so the overall figure can be explained.

Every measurement gets a fresh output folder (and ingest a fresh, migrated archive), then `sync`, then
either a read of every source (warm page cache: all methods start equal) or, with BENCH_COLD=1, a
dropped page cache. The method order rotates per repeat so drift does not favour one method.
MB/s means 10^6 bytes per second (as in platform.md §9). Besides wall time, each run records the
process's CPU time (user + sys, all threads; kernel writeback threads not included): on a shared
2-core machine wall time swings with other load, CPU seconds per GB hardly do. The single-source
ingest also records how long it spent inside copy_verified and probe (timing wrappers around the names
ingest calls, for that run only), so its figure is explained from the same runs.
"""

import os
import resource
import shutil
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.models import Clip
from player.media.probe import probe
from tests.benchmarks.conftest import MIB, BenchReport, BenchScale, Footage
from workstation.archive import Archive
from workstation.footage import filing as filing_module
from workstation.footage import ingest as ingest_module
from workstation.footage.ingest import IngestOptions, ingest
from workstation.footage.types import IngestOutcome
from workstation.footage.verified_copy import copy_verified, sha256_of
from workstation.identity import Identity
from workstation.org import registry
from workstation.types import MediaStatus, UnitLevel

ACTOR = "admin"
COPYFILE, COPYFILE_FSYNC = "shutil.copyfile", "copyfile + fsync"
INGEST, INGEST_PARALLEL = "ingest (1 source)", "ingest (4 recorders, parallel)"


@dataclass(frozen=True)
class Method:
    """One way of moving (or reading) the footage; `run` is timed, `prepare` and `check` are not."""

    name: str
    run: Callable[[Any], Any]
    check: Callable[[Any, Any], None]
    prepare: Callable[[Path], Any] = lambda folder: folder
    close: Callable[[Any], None] = lambda _state: None
    throughput: bool = True  # False: report time per file (probe reads headers, not the whole file)
    breakdown: bool = False  # time the calls of copy_verified and probe inside this run


TIMED_IN = {"copy_verified": ingest_module, "probe": filing_module}
"""Where ingest calls each timed function (the copy in ingest, the probe in the shared filing pipeline)."""


@contextmanager
def timed_calls(names: tuple[str, ...]) -> Iterator[dict[str, float]]:
    """Seconds spent inside ingest's calls of `names` (called sequentially: one source) during the block."""
    spent: dict[str, float] = defaultdict(float)
    originals = {name: getattr(TIMED_IN[name], name) for name in names}

    def wrapped(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - started

        return call

    for name, function in originals.items():
        setattr(TIMED_IN[name], name, wrapped(name, function))
    try:
        yield spent
    finally:
        for name, function in originals.items():
            setattr(TIMED_IN[name], name, function)


def _registered_archive(folder: Path, footage: Footage) -> Archive:
    """A fresh embedded archive whose registry knows the recorders and officers (the usual ingest path)."""
    archive = Archive.open_embedded(folder / "archive", create=True)
    with archive.sessions.write() as session:
        corps = registry.create_unit(
            session, Identity.user(ACTOR), "440000000000", "某省执法总队", UnitLevel.CORPS, "治安", None
        )
        detachment = registry.create_unit(
            session, Identity.user(ACTOR), "440100000000", "第1支队", UnitLevel.DETACHMENT, "治安", corps
        )
        brigade = registry.create_unit(
            session, Identity.user(ACTOR), "440101000000", "第1支队第1大队", UnitLevel.BRIGADE, "治安", detachment
        )
        for recorder in footage.recorders:
            officer = registry.create_officer(session, Identity.user(ACTOR), recorder.badge_no, "张伟", brigade)
            device = registry.register_device(
                session, Identity.user(ACTOR), recorder.device_no, f"SN-{recorder.device_no}", "DSJ-V9", brigade
            )
            registry.assign_device(session, Identity.user(ACTOR), device, officer, at=datetime(2026, 1, 1))
    return archive


def methods(footage: Footage) -> list[Method]:
    files = footage.files

    def copy_plain(folder: Path) -> None:
        for source in files:
            shutil.copyfile(source, folder / source.name)

    def copy_durable(folder: Path) -> None:
        for source in files:
            target = folder / source.name
            shutil.copyfile(source, target)
            descriptor = os.open(target, os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)

    def copies_complete(folder: Path, _result: None) -> None:
        assert all((folder / source.name).stat().st_size == footage.file_bytes for source in files)

    def hashes_match(_folder: Path, digests: list[str]) -> None:
        assert digests == [footage.sha256[source] for source in files]

    def verified_copies(folder: Path) -> list[str]:
        return [copy_verified(source, folder / f"{source.name}.part").sha256 for source in files]

    def probe_all(_folder: Path) -> list[Any]:
        return [probe(source, source.suffix, "video") for source in files]

    def probes_ok(_folder: Path, infos: list[Any]) -> None:
        for info in infos:
            assert (info.status, info.video_codec, info.width, info.height) == ("ok", "h264", 1280, 720), info
            assert abs(info.duration_ms - footage.clip_duration_ms) <= 100, info

    def ingest_into(sources: list[Path], parallel: int) -> Callable[[Archive], Any]:
        return lambda archive: ingest(
            archive,
            sources,
            IngestOptions(station="采集站01", who=Identity.system("采集站01"), parallel_sources=parallel),
        )

    def ingested_all(archive: Archive, report: Any) -> None:
        assert report.count(IngestOutcome.IMPORTED) == len(files), report.results
        assert all(result.media_status is MediaStatus.OK for result in report.results)
        with archive.sessions.read() as session:
            archived = set(session.execute(select(Clip.sha256)).scalars())
        assert archived == set(footage.sha256.values())

    def fresh_archive(folder: Path) -> Archive:
        return _registered_archive(folder, footage)

    recorder_folders = [recorder.folder for recorder in footage.recorders]
    return [
        Method(COPYFILE, copy_plain, copies_complete),
        Method(COPYFILE_FSYNC, copy_durable, copies_complete),
        Method("sha256_of (read + hash, no write)", lambda _: [sha256_of(source) for source in files], hashes_match),
        Method("copy_verified", verified_copies, hashes_match),
        Method("probe", probe_all, probes_ok, throughput=False),
        Method(INGEST, ingest_into([footage.dump], 1), ingested_all, fresh_archive, Archive.close, breakdown=True),
        Method(INGEST_PARALLEL, ingest_into(recorder_folders, 4), ingested_all, fresh_archive, Archive.close),
    ]


def _read_all(files: tuple[Path, ...]) -> None:
    buffer = bytearray(8 * MIB)
    for path in files:
        with path.open("rb", buffering=0) as handle:
            while handle.readinto(buffer):
                pass


def drop_page_cache() -> str | None:
    """Empty the kernel's page cache (root only); returns why it could not, or None."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError as error:
        return f"cannot drop the page cache: {error}"
    return None


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # this process, all threads, user + sys
    inside: dict[str, float]  # seconds inside copy_verified / probe (breakdown methods only)


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(method: Method, footage: Footage, work: Path, cold: bool) -> Run:
    """One timed run of a method in a fresh folder, after sync and a warm (or dropped) page cache."""
    folder = work / "out"
    folder.mkdir()
    state = method.prepare(folder)
    try:
        os.sync()
        if cold:
            problem = drop_page_cache()
            assert problem is None, problem
        else:
            _read_all(footage.files)
        with timed_calls(("copy_verified", "probe") if method.breakdown else ()) as inside:
            cpu = _cpu_seconds()
            started = time.perf_counter()
            result = method.run(state)
            elapsed = time.perf_counter() - started
            cpu = _cpu_seconds() - cpu
        method.check(state, result)
    finally:
        method.close(state)
        shutil.rmtree(folder)
    return Run(elapsed, cpu, dict(inside))


def run_all(footage: Footage, work: Path, repeats: int, cold: bool) -> dict[str, list[Run]]:
    chosen = methods(footage)
    runs: dict[str, list[Run]] = {method.name: [] for method in chosen}
    for repeat in range(repeats):
        shift = repeat % len(chosen)
        for method in chosen[shift:] + chosen[:shift]:
            runs[method.name].append(measure(method, footage, work, cold))
    return runs


def summarise(footage: Footage, runs: dict[str, list[Run]]) -> dict[str, dict[str, Any]]:
    megabytes = footage.total_bytes / 1e6
    throughput = {method.name: method.throughput for method in methods(footage)}
    summary: dict[str, dict[str, Any]] = {}
    for name, measured in runs.items():
        seconds = [run.seconds for run in measured]
        entry: dict[str, Any] = {"seconds": seconds, "min_s": min(seconds), "median_s": statistics.median(seconds)}
        entry["ms_per_file_median"] = entry["median_s"] * 1000 / len(footage.files)
        entry["cpu_seconds"] = [run.cpu_seconds for run in measured]
        entry["cpu_s_per_gb_median"] = statistics.median(entry["cpu_seconds"]) / (megabytes / 1000)
        if measured[0].inside:
            parts = {part: [run.inside.get(part, 0.0) for run in measured] for part in ("copy_verified", "probe")}
            parts["other"] = [run.seconds - sum(run.inside.values()) for run in measured]
            entry["inside_s"] = parts
            entry["inside_median_s"] = {part: statistics.median(values) for part, values in parts.items()}
        if throughput[name]:
            entry["mb_s_best"] = megabytes / entry["min_s"]
            entry["mb_s_median"] = megabytes / entry["median_s"]
        summary[name] = entry
    for entry in summary.values():
        if "mb_s_median" not in entry:
            continue
        for baseline in (COPYFILE, COPYFILE_FSYNC):
            base = summary[baseline]
            entry[f"ratio_median_vs_{baseline}"] = entry["mb_s_median"] / base["mb_s_median"]
            entry[f"ratio_best_vs_{baseline}"] = entry["mb_s_best"] / base["mb_s_best"]
            entry[f"ratio_paired_vs_{baseline}"] = [
                b / s for s, b in zip(entry["seconds"], base["seconds"], strict=True)
            ]
    return summary


def print_summary(report: BenchReport, footage: Footage, summary: dict[str, dict[str, Any]], title: str) -> None:
    rows = []
    for name, entry in summary.items():
        seconds = f"{entry['min_s']:.3f} / {entry['median_s']:.3f}"
        per_file = f"{entry['ms_per_file_median']:.1f}"
        if "mb_s_median" in entry:
            rates = f"{entry['mb_s_best']:.0f} / {entry['mb_s_median']:.0f}"
            ratios = [
                f"{entry[f'ratio_median_vs_{base}']:.2f} ({entry[f'ratio_best_vs_{base}']:.2f})"
                for base in (COPYFILE, COPYFILE_FSYNC)
            ]
        else:
            rates, ratios = "-", ["-", "-"]
        rows.append([name, seconds, rates, per_file, f"{entry['cpu_s_per_gb_median']:.2f}", *ratios])
    files = len(footage.files)
    inside = summary[INGEST]["inside_median_s"]
    total = summary[INGEST]["median_s"]
    notes = [
        "ratios: median MB/s over the baseline's median MB/s (best over best in brackets); target ingest >= 0.80",
        "CPU s/GB: this process's user+sys CPU seconds per 10^9 bytes (median); steadier than wall time under load",
        f"{INGEST}, median split: copy_verified {inside['copy_verified']:.3f} s "
        f"({inside['copy_verified'] / total:.0%}), probe {inside['probe']:.3f} s "
        f"({inside['probe'] * 1000 / files:.1f} ms/file), everything else {inside['other']:.3f} s "
        f"({inside['other'] * 1000 / files:.1f} ms/file: scan, registry, audit, commit, rename, fsyncs)",
    ]
    report.table(
        title,
        [
            "method",
            "time min / med (s)",
            "MB/s best / med",
            "ms/file med",
            "CPU s/GB",
            "x copyfile",
            "x copyfile+fsync",
        ],
        rows,
        notes,
    )


@pytest.mark.benchmark
def test_ingest_throughput_against_a_plain_copy(
    footage: Footage, bench_scale: BenchScale, bench_report: BenchReport
) -> None:
    work = footage.root  # the same file system as the sources
    payload: dict[str, Any] = {
        "files": len(footage.files),
        "file_bytes": footage.file_bytes,
        "total_bytes": footage.total_bytes,
        "repeats": bench_scale.repeats,
    }
    described = (
        f"{len(footage.files)} files x {footage.file_bytes / MIB:.0f} MiB = {footage.total_bytes / 1e6:.0f} MB"
        f" of H.264/AAC MP4, {bench_scale.repeats} repeats"
    )
    modes = ["warm"]
    if bench_scale.cold:
        problem = drop_page_cache()
        if problem is None:
            modes.append("cold")
        else:
            payload["cold_skipped"] = problem
            print(f"cold cache runs skipped: {problem}")
    for mode in modes:
        summary = summarise(footage, run_all(footage, work, bench_scale.repeats, cold=mode == "cold"))
        payload[mode] = summary
        print_summary(bench_report, footage, summary, f"Ingest throughput, {mode} page cache: {described}")
    bench_report.write("ingest-throughput", payload)
