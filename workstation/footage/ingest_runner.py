"""Run an ingest over recorder folders: scan each, then handle its files, recorders in parallel.

Shared by local ingest (workstation.footage.ingest: copy into the archive) and the upload through the
branch server (workstation.footage.upload_ingest): each gives the function that handles one recognised
file. A station docks 16 or more recorders, so recorders run in parallel and the files of one in order.
Progress is reported per recorder; cancel stops at each recorder's next file; a full media store stops
every recorder (the files not attempted stay on the recorder, reported as not imported).
"""

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from workstation.errors import DiskFull
from workstation.footage.ingest_scan import Candidate, scan
from workstation.footage.naming import NamePattern
from workstation.footage.source_guard import ArchiveGuard
from workstation.footage.types import IngestFileResult, IngestOutcome, IngestProgress, IngestReport, RejectReason

_log = logging.getLogger(__name__)

ProgressCallback = Callable[[IngestProgress], None]
FileHandler = Callable[[Candidate, Callable[[int], None]], IngestFileResult]
"""Handles one recognised file, reporting bytes as they are done; raises DiskFull when the store is full."""


@dataclass(frozen=True)
class Scheduling:
    """How the sources are walked and worked through."""

    patterns: Sequence[NamePattern]
    guard: ArchiveGuard
    """The archive's own folders, never entered (an empty guard where there is no archive on this computer)."""
    parallel_sources: int
    cancel: threading.Event | None


class _Progress:
    """Per-source counters, reported to the caller's callback (called from worker threads)."""

    def __init__(self, source: Path, candidates: list[Candidate], callback: ProgressCallback | None) -> None:
        self.source = str(source)
        self.files_total = len(candidates)
        self.bytes_total = sum(candidate.size for candidate in candidates)
        self.files_done = 0
        self.bytes_done = 0
        self.current = ""
        self._callback = callback

    def add_bytes(self, count: int) -> None:
        self.bytes_done += count
        self._emit()

    def start_file(self, path: Path) -> None:
        self.current = path.name
        self._emit()

    def finish_file(self, size: int, bytes_counted: int) -> None:
        self.files_done += 1
        self.bytes_done += size - bytes_counted
        self._emit()

    def _emit(self) -> None:
        if self._callback:
            self._callback(
                IngestProgress(
                    self.source, self.current, self.files_done, self.files_total, self.bytes_done, self.bytes_total
                )
            )


def run_sources(
    report: IngestReport,
    sources: Sequence[Path],
    scheduling: Scheduling,
    handle: FileHandler,
    progress: ProgressCallback | None,
) -> bool:
    """Scan every source and handle its recognised files; adds every file's result to the report.

    Returns whether the media store filled up (the caller records the run, then raises DiskFull).
    """
    plans: list[tuple[Path, list[Candidate]]] = []
    for source in sources:
        candidates, rejected = scan(Path(source), scheduling.patterns, scheduling.guard)
        report.results.extend(rejected)
        plans.append((Path(source), candidates))
    disk_full = threading.Event()
    with ThreadPoolExecutor(max(1, scheduling.parallel_sources), thread_name_prefix="ingest") as pool:
        futures = [
            pool.submit(
                _run_source, candidates, handle, scheduling.cancel, _Progress(source, candidates, progress), disk_full
            )
            for source, candidates in plans
        ]
        for future in futures:
            report.results.extend(future.result())
    return disk_full.is_set()


def failed(candidate: Candidate, detail: str) -> IngestFileResult:
    return IngestFileResult(candidate.shown, IngestOutcome.FAILED, reason=RejectReason.IMPORT_FAILED, detail=detail)


def _run_source(
    candidates: list[Candidate],
    handle: FileHandler,
    cancel: threading.Event | None,
    progress: _Progress,
    disk_full: threading.Event,
) -> list[IngestFileResult]:
    results = []
    for candidate in candidates:
        if disk_full.is_set():
            results.append(failed(candidate, "存储空间已满，未导入"))
            continue
        if cancel is not None and cancel.is_set():
            results.append(
                IngestFileResult(
                    candidate.shown,
                    IngestOutcome.FAILED,
                    reason=RejectReason.CANCELLED,
                    detail="导入已停止，文件仍在原处",
                )
            )
            continue
        progress.start_file(candidate.path)
        counted = [0]

        def on_bytes(count: int, counted: list[int] = counted) -> None:
            counted[0] += count
            progress.add_bytes(count)

        try:
            results.append(handle(candidate, on_bytes))
        except DiskFull:
            disk_full.set()
            results.append(failed(candidate, "存储空间已满，未导入"))
        except Exception as error:  # one bad file must not lose the other recorders' results
            _log.exception("ingest of %s failed", candidate.shown)
            results.append(failed(candidate, f"导入时发生内部错误（{type(error).__name__}），文件仍在原处"))
        progress.finish_file(candidate.size, counted[0])
    return results
