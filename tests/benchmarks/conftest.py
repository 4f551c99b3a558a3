"""Fixtures for the benchmarks: scale from the environment, bulk-loaded clip archives, recorder footage.

Benchmarks measure and report; they assert only correctness, never timing. The normal test run runs
them at a tiny scale so they stay alive; `tools/bench.sh` sets the full-scale environment:

    BENCH_CLIPS           clips in each clip-query archive          (default 20000; bench.sh 5000000)
    BENCH_QUERIES         random (unit, month) filters per unit level (default 50)
    BENCH_INGEST_MB       MiB of footage to ingest                  (default 64; bench.sh 1024)
    BENCH_INGEST_FILE_MB  MiB per footage file, at most a quarter of the total (default 64)
    BENCH_REPEATS         repeats of each ingest measurement        (default 3)
    BENCH_COLD            1: also measure ingest with the page cache dropped (needs root; default 0)
    BENCH_SEED            seed of every random choice               (default 20261122)
    BENCH_LOAD_CLIENTS    simulated review PCs on one archive server (default 50; test_server_load.py)
    BENCH_LOAD_SECONDS    how long they load it                     (default 20; bench.sh 60)
    BENCH_LOAD_THINK_MS   mean pause between a client's cycles      (default 500; 0: saturation)
    BENCH_LOAD_WORKERS    `serve --workers` counts the load compares (default "1,2"; test_server_load.py)

Results are printed (run pytest with -s to see them) and written as JSON to bench-results/.
"""

import hashlib
import json
import os
import platform
import shutil
import subprocess
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from db import migrate
from db.engine import create_archive_engine
from tests.benchmarks.bulk import (
    ClipGenerator,
    LoadReport,
    Org,
    build_org,
    load_postgresql,
    load_sqlite,
    schema_snapshot,
)
from workstation.archive import Archive
from workstation.demo import synth

REPO = Path(__file__).resolve().parents[2]
RESULTS_FOLDER = REPO / "bench-results"
CLIPS_DATABASE = "bench_clips"


@dataclass(frozen=True)
class BenchScale:
    clips: int
    queries: int
    ingest_mb: int
    ingest_file_mb: int
    repeats: int
    cold: bool
    seed: int

    @classmethod
    def from_environment(cls) -> "BenchScale":
        def number(name: str, default: int) -> int:
            return int(os.environ.get(name) or default)

        return cls(
            clips=number("BENCH_CLIPS", 20_000),
            queries=number("BENCH_QUERIES", 50),
            ingest_mb=number("BENCH_INGEST_MB", 64),
            ingest_file_mb=number("BENCH_INGEST_FILE_MB", 64),
            repeats=number("BENCH_REPEATS", 3),
            cold=number("BENCH_COLD", 0) == 1,
            seed=number("BENCH_SEED", 20261122),
        )


class BenchReport:
    """Prints result tables and writes each benchmark's figures as JSON into bench-results/."""

    def __init__(self, scale: BenchScale) -> None:
        self.scale = scale

    @staticmethod
    def table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], notes: Sequence[str] = ()) -> str:
        cells = [[str(value) for value in row] for row in rows]
        widths = [max(len(str(header)), *(len(row[i]) for row in cells)) for i, header in enumerate(headers)]

        def line(values: Sequence[str]) -> str:
            first, *rest = values
            return "  ".join([first.ljust(widths[0]), *(v.rjust(w) for v, w in zip(rest, widths[1:], strict=True))])

        rendered = "\n".join(
            [f"\n== {title}", line(headers), "  ".join("-" * w for w in widths), *map(line, cells), *notes, ""]
        )
        print(rendered)
        return rendered

    def write(self, name: str, payload: dict[str, Any]) -> Path:
        RESULTS_FOLDER.mkdir(exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = RESULTS_FOLDER / f"{name}-{stamp}.json"
        document = {"benchmark": name, "finished_at": datetime.now().isoformat(timespec="seconds")}
        document["environment"] = environment()
        document["scale"] = self.scale.__dict__
        document.update(payload)
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
        print(f"results written to {path.relative_to(REPO)}")
        return path


def environment() -> dict[str, Any]:
    """What the figures depend on: machine, Python, commit."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = None
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "commit": commit,
    }


@pytest.fixture(scope="session")
def bench_scale() -> BenchScale:
    return BenchScale.from_environment()


@pytest.fixture(scope="session")
def bench_report(bench_scale: BenchScale) -> BenchReport:
    return BenchReport(bench_scale)


# --- clip archives -------------------------------------------------------------------------------


@dataclass
class ClipArchive:
    """A migrated archive bulk-loaded with generated clips, and what the load cost."""

    kind: str  # "sqlite" or "postgresql"
    archive: Archive
    org: Org
    clips: ClipGenerator
    load: LoadReport
    conninfo: str  # for the raw DB-API baseline: a file path (SQLite) or a libpq URL


@pytest.fixture(scope="session")
def clip_data(bench_scale: BenchScale) -> tuple[Org, ClipGenerator]:
    """One organisation and one clip stream, loaded identically into both databases."""
    org = build_org(bench_scale.seed)
    return org, ClipGenerator(org, bench_scale.clips, bench_scale.seed)


def _loaded(clips: ClipGenerator, previous_counts: list[list[int]] | None) -> None:
    assert clips.counts is not None, "the load did not consume every generated row"
    assert previous_counts is None or clips.counts == previous_counts, "the generator is not deterministic"


@pytest.fixture(scope="session")
def sqlite_clip_archive(
    clip_data: tuple[Org, ClipGenerator], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ClipArchive]:
    """An embedded archive (created and migrated by Archive.open_embedded) holding BENCH_CLIPS clips."""
    org, clips = clip_data
    folder = tmp_path_factory.mktemp("clips-sqlite")
    created = Archive.open_embedded(folder / "archive", create=True)
    migrated = schema_snapshot(created.engine)
    previous = clips.counts
    report = load_sqlite(created.engine, org, clips)
    _loaded(clips, previous)
    archive = Archive.open_embedded(folder / "archive")
    assert schema_snapshot(archive.engine) == migrated, "the bulk load changed the migrated schema"
    try:
        yield ClipArchive("sqlite", archive, org, clips, report, archive.engine.url.database or "")
    finally:
        archive.close()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgresql_clip_archive(
    clip_data: tuple[Org, ClipGenerator], postgres_server: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ClipArchive]:
    """A database in the session's throwaway server, migrated to head, holding BENCH_CLIPS clips."""
    org, clips = clip_data
    admin = create_archive_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {CLIPS_DATABASE}"))
    url = make_url(postgres_server).set(database=CLIPS_DATABASE)
    engine = create_archive_engine(url)
    migrate.upgrade(engine)
    migrated = schema_snapshot(engine)
    previous = clips.counts
    report = load_postgresql(engine, org, clips)
    _loaded(clips, previous)
    engine.dispose()
    archive = Archive.open_url(url, tmp_path_factory.mktemp("clips-pg-media"))
    assert schema_snapshot(archive.engine) == migrated, "the bulk load changed the migrated schema"
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        yield ClipArchive("postgresql", archive, org, clips, report, conninfo)
    finally:
        archive.close()
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {CLIPS_DATABASE} WITH (FORCE)"))
        admin.dispose()


# --- recorder footage ----------------------------------------------------------------------------

FOOTAGE_START = datetime(2026, 11, 21, 8, 30, 0)
RECORDERS = (("DEV0001", "010201"), ("DEV0002", "010202"), ("DEV0003", "010203"), ("DEV0004", "010204"))
BASE_CLIP_SECONDS = 6.0
MP4_FREE_HEADER = 8
MIB = 1024 * 1024


@dataclass(frozen=True)
class Recorder:
    device_no: str
    badge_no: str
    folder: Path  # this recorder's dump, inside Footage.dump


@dataclass(frozen=True)
class Footage:
    """GA/T 947-named H.264/AAC MP4 files in one collection-station dump with a folder per recorder.

    Each file is a real clip plus a top-level `free` box of random bytes: still a valid MP4 (players
    and the probe skip `free`), padded to the wanted size, and with its own SHA-256.
    """

    root: Path
    dump: Path
    recorders: tuple[Recorder, ...]
    files: tuple[Path, ...]
    sha256: dict[Path, str] = field(repr=False)
    file_bytes: int
    total_bytes: int
    clip_duration_ms: int


def _padded_mp4(target: Path, clip: bytes, size: int, rng: numpy.random.Generator) -> str:
    """Write clip + a `free` box filling the file up to `size` bytes; returns the file's SHA-256."""
    padding = size - len(clip)
    assert MP4_FREE_HEADER <= padding < 2**32, "the free box must fit a 32-bit size"
    digest = hashlib.sha256()
    with target.open("wb") as handle:
        for block in (clip, padding.to_bytes(4, "big") + b"free"):
            handle.write(block)
            digest.update(block)
        remaining = padding - MP4_FREE_HEADER
        while remaining:
            block = rng.bytes(min(remaining, 8 * MIB))
            handle.write(block)
            digest.update(block)
            remaining -= len(block)
    return digest.hexdigest()


@pytest.fixture(scope="session")
def footage(bench_scale: BenchScale, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Footage]:
    """BENCH_INGEST_MB MiB of distinct recorder files (at least 4), spread over 4 recorders."""
    root = tmp_path_factory.mktemp("footage")
    started = time.perf_counter()
    clips = []
    for index, (device_no, badge_no) in enumerate(RECORDERS):
        clip = synth.make_video(
            root / f"base-{device_no}.mp4",
            BASE_CLIP_SECONDS,
            size="1280x720",
            overlay=f"{device_no} 警号{badge_no}",
            start=FOOTAGE_START,
            tone_hz=400 + 100 * index,
        )
        clips.append(clip.read_bytes())
    total = bench_scale.ingest_mb * MIB
    file_bytes = max(min(bench_scale.ingest_file_mb * MIB, total // 4), max(map(len, clips)) + MIB)
    count = max(4, total // file_bytes)
    rng = numpy.random.default_rng(bench_scale.seed)
    dump = root / "dump"
    recorders = tuple(Recorder(d, b, dump / f"REC_{d}") for d, b in RECORDERS)
    files, hashes = [], {}
    for number in range(count):
        recorder = recorders[number % len(recorders)]
        sequence = number // len(recorders) + 1
        moment = FOOTAGE_START + timedelta(minutes=3 * sequence)
        folder = recorder.folder / "DCIM"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{recorder.device_no}_{recorder.badge_no}_{moment:%Y%m%d%H%M%S}_{sequence:04d}.MP4"
        hashes[path] = _padded_mp4(path, clips[number % len(clips)], file_bytes, rng)
        files.append(path)
    os.sync()
    print(f"\nfootage: {count} files x {file_bytes / MIB:.0f} MiB generated in {time.perf_counter() - started:.1f} s")
    try:
        yield Footage(
            root,
            dump,
            recorders,
            tuple(files),
            hashes,
            file_bytes,
            file_bytes * count,
            round(BASE_CLIP_SECONDS * 1000),
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)
