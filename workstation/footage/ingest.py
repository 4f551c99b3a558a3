"""Ingest from recorders and collection-station exports (R3): recognise, copy, verify, file, register.

For each recognised file: copy it to a temporary name inside the archive while hashing it, fsync and
verify the copy, probe its metadata, then in one database transaction rename it to its final place
(unit / 警号 / date / original name), add the clip row and its audit event. Killed at any moment, the
next run finishes the job: a leftover temporary copy is removed, a renamed-but-unrecorded file is
adopted when its hash matches, and a file already archived (same SHA-256) is skipped. A source file
is deleted (`clear_source`) only after its archived copy verified, and never on error. A source that is
or lies inside the archive is refused before anything happens, and no file inside the archive is ever
cleared (workstation.source_guard); what a source folder holds is sorted out by workstation.ingest_scan.

Recorders are processed in parallel (a station docks 16 or more); the files of one recorder in order.
"""

import errno
import functools
import json
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from db.models import IngestRejection, IngestRun
from workstation import audit, clock
from workstation.archive import Archive
from workstation.atomic_file import process_alive
from workstation.errors import DiskFull
from workstation.footage.filenames import shown
from workstation.footage.filing import INCOMING_FOLDER, Arrival, Filer, file_arrival
from workstation.footage.ingest_runner import ProgressCallback, Scheduling, failed, run_sources
from workstation.footage.ingest_scan import Candidate
from workstation.footage.naming import DEFAULT_PATTERNS, NamePattern
from workstation.footage.source_clearing import clear_if_confirmed
from workstation.footage.source_guard import ArchiveGuard
from workstation.footage.types import IngestFileResult, IngestOutcome, IngestReport
from workstation.footage.verified_copy import CopyMismatch, copy_verified
from workstation.identity import Identity

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestOptions:
    who: Identity
    """Who ingests: the ingest station (a system actor) or the signed-in user importing in the window."""
    station: str = field(default_factory=socket.gethostname)
    clear_source: bool = False
    patterns: Sequence[NamePattern] = DEFAULT_PATTERNS
    parallel_sources: int = 4
    cancel: threading.Event | None = None
    """Set it (from any thread) to stop at each recorder's next file; files being copied finish first."""


def ingest(
    archive: Archive,
    sources: Sequence[Path],
    options: IngestOptions,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Import every file under the source folders; returns what happened to each file.

    Raises SourceInsideArchive, before anything happens, when a source is or lies inside the archive.
    Raises DiskFull (after recording the run) when the media store fills up; everything imported
    before that is complete and the next run continues from there.
    """
    guard = ArchiveGuard.of(archive)
    guard.refuse_sources_inside(sources)
    incoming = archive.media_root / INCOMING_FOLDER
    incoming.mkdir(parents=True, exist_ok=True)
    remove_stale_copies(incoming)
    filer = Filer(options.who, options.station)
    run_id = start_run(archive, filer, shown_sources(sources))
    report = IngestReport(run_id)
    disk_full = run_sources(
        report,
        sources,
        Scheduling(options.patterns, guard, options.parallel_sources, options.cancel),
        functools.partial(_ingest_file, archive, incoming, options, guard),
        progress,
    )
    finish_run(archive, filer, report)
    if disk_full:
        raise DiskFull("ingest_disk_full")
    return report


def remove_stale_copies(incoming: Path) -> None:
    """Delete temporary copies left by a killed ingest on this computer (only its own, dead processes)."""
    host = socket.gethostname()
    for part in incoming.glob("*.part"):
        owner_host, _, rest = part.name.partition("~")
        pid_text = rest.split("~", 1)[0]
        if owner_host != host or not pid_text.isdigit() or process_alive(int(pid_text)):
            continue
        part.chmod(0o644)
        part.unlink(missing_ok=True)
        _log.info("removed partial copy %s left by an interrupted ingest", part.name)


def _ingest_file(
    archive: Archive,
    incoming: Path,
    options: IngestOptions,
    guard: ArchiveGuard,
    candidate: Candidate,
    on_bytes: Callable[[int], None],
) -> IngestFileResult:
    temporary = incoming / f"{socket.gethostname()}~{os.getpid()}~{uuid.uuid4().hex}.part"
    try:
        copy = copy_verified(candidate.path, temporary, on_bytes)
    except CopyMismatch:
        return failed(candidate, "复制后校验不一致，已放弃该副本，请重新导入")
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise DiskFull("ingest_disk_full") from error
        return failed(candidate, f"无法读取或复制文件：{shown(error.strerror or str(error))}")
    arrival = Arrival(temporary, candidate.shown, candidate.path.name, candidate.parsed, copy.sha256, copy.size_bytes)
    result = file_arrival(
        archive,
        arrival,
        Filer(options.who, options.station),
        confirm_duplicate=options.clear_source,
        source=candidate.path,
    )
    cleared = options.clear_source and clear_if_confirmed(guard, candidate, result, copy.sha256)
    return replace(result, source_cleared=cleared)


def start_run(archive: Archive, filer: Filer, sources: Sequence[str]) -> int:
    """Record the start of an ingest run (its sources as shown) with its audit row; returns its id."""
    with archive.sessions.write() as session:
        run = IngestRun(
            station=filer.station,
            started_by=filer.who.audit_name,
            started_at=clock.now(),
            sources=json.dumps(list(sources), ensure_ascii=False),
        )
        session.add(run)
        session.flush()
        audit.record(session, filer.who.audit_name, "ingest.start", "ingest_run", run.id, {"sources": list(sources)})
        return run.id


def shown_sources(sources: Sequence[Path]) -> list[str]:
    return [shown(str(source)) for source in sources]


def finish_run(archive: Archive, filer: Filer, report: IngestReport) -> None:
    """Record a run's counts, the files it left on the recorder and why, and its audit row."""
    counts = {outcome.value: report.count(outcome) for outcome in IngestOutcome}
    with archive.sessions.write() as session:
        run = session.get_one(IngestRun, report.run_id)
        run.finished_at = clock.now()
        run.imported = counts[IngestOutcome.IMPORTED]
        run.skipped = counts[IngestOutcome.DUPLICATE]
        run.rejected = counts[IngestOutcome.REJECTED]
        run.failed = counts[IngestOutcome.FAILED]
        for result in report.results:
            if result.outcome in (IngestOutcome.REJECTED, IngestOutcome.FAILED):
                session.add(
                    IngestRejection(
                        run_id=run.id,
                        source_path=result.source_path[:1024],
                        reason=result.reason,
                        detail=result.detail[:500],
                    )
                )
        audit.record(session, filer.who.audit_name, "ingest.finish", "ingest_run", run.id, counts)
