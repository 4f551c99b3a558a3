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
import json
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import Clip, DeviceLogEvent, IngestRejection, IngestRun
from player.media.probe import MediaInfo, probe
from workstation import audit, clock
from workstation.archive import Archive
from workstation.atomic_file import fsync_directory, process_alive
from workstation.errors import DiskFull
from workstation.footage.devicelog import LogEvent, parse_log
from workstation.footage.filenames import shown
from workstation.footage.ingest_scan import Candidate, scan
from workstation.footage.naming import DEFAULT_PATTERNS, IMPORTANT_MARKER, NamePattern, ParsedName
from workstation.footage.source_guard import ArchiveGuard
from workstation.footage.types import IngestFileResult, IngestOutcome, IngestProgress, IngestReport, RejectReason
from workstation.footage.verified_copy import CopyMismatch, copy_verified, sha256_of
from workstation.identity import Identity
from workstation.org import registry
from workstation.types import FileType, MediaStatus

_log = logging.getLogger(__name__)

INCOMING_FOLDER = ".incoming"
"""Temporary copies, inside the media root so that the final rename is atomic (same file system)."""
UNASSIGNED_FOLDER = "_待分配"
RECORDER_MARKED_IMPORTANT = "clip.recorder_marked_important"
"""Audit action: the recorder marked the file as a key file (IMP in its name), so it was archived as important."""

ProgressCallback = Callable[[IngestProgress], None]


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
    run_id = _start_run(archive, sources, options)
    report = IngestReport(run_id)
    plans: list[tuple[Path, list[Candidate]]] = []
    for source in sources:
        candidates, rejected = scan(Path(source), options.patterns, guard)
        report.results.extend(rejected)
        plans.append((Path(source), candidates))
    disk_full = threading.Event()
    with ThreadPoolExecutor(max(1, options.parallel_sources), thread_name_prefix="ingest") as pool:
        futures = [
            pool.submit(
                _ingest_source,
                archive,
                incoming,
                candidates,
                options,
                _Progress(source, candidates, progress),
                disk_full,
                guard,
            )
            for source, candidates in plans
        ]
        for future in futures:
            report.results.extend(future.result())
    _finish_run(archive, report, options)
    if disk_full.is_set():
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


def _failed(candidate: Candidate, detail: str) -> IngestFileResult:
    return IngestFileResult(candidate.shown, IngestOutcome.FAILED, reason=RejectReason.IMPORT_FAILED, detail=detail)


def _ingest_source(
    archive: Archive,
    incoming: Path,
    candidates: list[Candidate],
    options: IngestOptions,
    progress: _Progress,
    disk_full: threading.Event,
    guard: ArchiveGuard,
) -> list[IngestFileResult]:
    results = []
    for candidate in candidates:
        if disk_full.is_set():
            results.append(_failed(candidate, "存储空间已满，未导入"))
            continue
        if options.cancel is not None and options.cancel.is_set():
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
            results.append(_ingest_file(archive, incoming, candidate, options, guard, on_bytes))
        except DiskFull:
            disk_full.set()
            results.append(_failed(candidate, "存储空间已满，未导入"))
        except Exception as error:  # one bad file must not lose the other recorders' results
            _log.exception("ingest of %s failed", candidate.shown)
            results.append(_failed(candidate, f"导入时发生内部错误（{type(error).__name__}），文件仍在原处"))
        progress.finish_file(candidate.size, counted[0])
    return results


def _ingest_file(
    archive: Archive,
    incoming: Path,
    candidate: Candidate,
    options: IngestOptions,
    guard: ArchiveGuard,
    on_bytes: Callable[[int], None],
) -> IngestFileResult:
    source = candidate.shown
    temporary = incoming / f"{socket.gethostname()}~{os.getpid()}~{uuid.uuid4().hex}.part"
    try:
        copy = copy_verified(candidate.path, temporary, on_bytes)
    except CopyMismatch:
        return _failed(candidate, "复制后校验不一致，已放弃该副本，请重新导入")
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise DiskFull("ingest_disk_full") from error
        return _failed(candidate, f"无法读取或复制文件：{shown(error.strerror or str(error))}")
    try:
        existing = _archived_path(archive, copy.sha256)
        if existing is not None:
            cleared = options.clear_source and _clear_duplicate_source(archive, guard, candidate, existing, copy.sha256)
            return IngestFileResult(
                source, IngestOutcome.DUPLICATE, clip_id=existing[0], sha256=copy.sha256, source_cleared=cleared
            )
        info = probe(temporary, candidate.path.suffix, candidate.parsed.file_type)
        temporary.chmod(0o444)
        try:
            clip_id = _store(archive, candidate, copy.sha256, copy.size_bytes, info, temporary, options)
        except IntegrityError:
            existing = _archived_path(archive, copy.sha256)
            if existing is None:
                raise
            # the same content arrived from another source at the same moment, and that one won
            return IngestFileResult(source, IngestOutcome.DUPLICATE, clip_id=existing[0], sha256=copy.sha256)
    finally:
        if temporary.exists():
            temporary.chmod(0o644)
            temporary.unlink()
    cleared = options.clear_source and _clear_source(guard, candidate)
    return IngestFileResult(
        source,
        IngestOutcome.IMPORTED,
        clip_id=clip_id,
        sha256=copy.sha256,
        media_status=MediaStatus(info.status),
        detail=info.problem,
        source_cleared=cleared,
    )


def _archived_path(archive: Archive, sha256: str) -> tuple[int, str] | None:
    with archive.sessions.read() as session:
        row = session.execute(select(Clip.id, Clip.media_path).where(Clip.sha256 == sha256)).first()
    return (row.id, row.media_path) if row else None


def _media_path(unit_code: str | None, badge_no: str | None, parsed: ParsedName, name: str) -> str:
    """unit / 警号 / date / original name, with / separators (independent of the workstation's OS)."""
    return "/".join(
        (
            unit_code or UNASSIGNED_FOLDER,
            badge_no or UNASSIGNED_FOLDER,
            parsed.recorded_start.strftime("%Y-%m-%d"),
            name,
        )
    )


def _place(archive: Archive, temporary: Path, relative: str, sha256: str) -> str:
    """Rename the verified copy to its final place; returns the media path used.

    If the place is taken by the same content (a run killed between rename and commit), that file is
    adopted. If it is taken by other content, the name gets the hash's first 8 digits appended, which
    is again deterministic, so a resumed run finds the same place.
    """
    stem, dot, extension = relative.rpartition(".")
    for candidate in (relative, f"{stem}__{sha256[:8]}{dot}{extension}"):
        final = archive.absolute_path(candidate)
        if final.exists():
            if sha256_of(final) == sha256:
                return candidate
            continue
        final.parent.mkdir(parents=True, exist_ok=True)
        os.rename(temporary, final)  # atomic; fails rather than replace on Windows
        fsync_directory(final.parent)
        return candidate
    raise FileExistsError(f"two different files claim {relative}")


def _store(
    archive: Archive,
    candidate: Candidate,
    sha256: str,
    size: int,
    info: MediaInfo,
    temporary: Path,
    options: IngestOptions,
) -> int:
    parsed = candidate.parsed
    log_events = parse_log(temporary.read_bytes())[0] if parsed.file_type is FileType.LOG else []
    placed: Path | None = None
    try:
        with archive.sessions.write() as session:
            parties = registry.resolve_recorder(
                session, options.who, parsed.device_no, parsed.badge_no, parsed.recorded_start
            )
            relative = _place(
                archive,
                temporary,
                _media_path(parties.unit_code, parties.badge_no, parsed, candidate.path.name),
                sha256,
            )
            if not temporary.exists():
                placed = archive.absolute_path(relative)
            return _add_clip(session, candidate, sha256, size, info, relative, parties, log_events, options)
    except BaseException:
        if placed is not None:  # our own copy, renamed in a transaction that did not commit: take it back
            placed.chmod(0o644)
            placed.unlink(missing_ok=True)
        raise


def _add_clip(
    session: Session,
    candidate: Candidate,
    sha256: str,
    size: int,
    info: MediaInfo,
    relative: str,
    parties: registry.RecordingParties,
    log_events: list[LogEvent],
    options: IngestOptions,
) -> int:
    parsed = candidate.parsed
    duration = info.duration_ms
    if duration is None and log_events:
        duration = int((log_events[-1].occurred_at - parsed.recorded_start).total_seconds() * 1000) or None
    clip = Clip(
        sha256=sha256,
        file_type=parsed.file_type,
        original_name=candidate.path.name,
        media_path=relative,
        size_bytes=size,
        unit_id=parties.unit_id,
        officer_id=parties.officer_id,
        device_id=parties.device_id,
        recorded_start=parsed.recorded_start,
        recorded_end=parsed.recorded_start + timedelta(milliseconds=duration) if duration else None,
        duration_ms=duration,
        sequence_no=parsed.sequence_no,
        clock_offset_ms=parties.clock_offset_ms,
        container=info.container,
        video_codec=info.video_codec,
        width=info.width,
        height=info.height,
        fps=info.fps,
        ingested_at=clock.now(),
        ingest_station=options.station,
        name_pattern=parsed.pattern,
        important=parsed.recorder_important,
        media_status=info.status,
        media_problem=info.problem,
    )
    session.add(clip)
    session.flush()
    for event in _new_log_events(session, parties.device_id, log_events):
        session.add(
            DeviceLogEvent(
                device_id=parties.device_id,
                officer_id=parties.officer_id,
                occurred_at=event.occurred_at,
                event_type=event.event_type,
                detail=event.detail,
                log_clip_id=clip.id,
            )
        )
    audit.record(
        session,
        options.who.audit_name,
        "clip.ingest",
        "clip",
        clip.id,
        {
            "sha256": sha256,
            "source": candidate.shown,
            "station": options.station,
            "media_path": relative,
            "media_status": info.status,
            "important": parsed.recorder_important,
        },
    )
    if parsed.recorder_important:  # the recorder's key-file mark (重点文件), kept apart from a person's mark
        audit.record(
            session,
            options.who.audit_name,
            RECORDER_MARKED_IMPORTANT,
            "clip",
            clip.id,
            {"marker": IMPORTANT_MARKER, "original_name": candidate.path.name},
        )
    return clip.id


def _new_log_events(session: Session, device_id: int, events: list[LogEvent]) -> list[LogEvent]:
    """Events not yet recorded for the device: recorders append to the day's log, so a later dock
    brings the same file again with more lines at the end, and only those lines are new."""
    if not events:
        return []
    known = set(
        session.execute(
            select(DeviceLogEvent.occurred_at, DeviceLogEvent.event_type, DeviceLogEvent.detail).where(
                DeviceLogEvent.device_id == device_id,
                DeviceLogEvent.occurred_at >= min(event.occurred_at for event in events),
                DeviceLogEvent.occurred_at <= max(event.occurred_at for event in events),
            )
        ).all()
    )
    return [event for event in events if (event.occurred_at, event.event_type, event.detail) not in known]


def _unchanged(candidate: Candidate) -> bool:
    try:
        stat = candidate.path.lstat()
    except OSError:
        return False
    return stat.st_size == candidate.size and stat.st_mtime_ns == candidate.mtime_ns


def _clear_source(guard: ArchiveGuard, candidate: Candidate) -> bool:
    """Delete a source file whose verified copy is committed; only if it is unchanged since it was read,
    and never a file inside the archive, whatever the source (a second line of defence: such sources are
    refused up front, but a path can change meanwhile)."""
    if not _unchanged(candidate):
        return False
    if guard.contains(candidate.path):
        _log.error("refused to clear %s: it is inside the archive", candidate.shown)
        return False
    try:
        candidate.path.unlink()
    except OSError as error:
        _log.warning("could not clear %s from the recorder: %s", candidate.shown, error)
        return False
    return True


def _clear_duplicate_source(
    archive: Archive, guard: ArchiveGuard, candidate: Candidate, existing: tuple[int, str], sha256: str
) -> bool:
    """A source already archived is cleared only after the archived copy is re-verified now, and never
    when the source is that archived copy itself."""
    archived = archive.absolute_path(existing[1])
    if not archived.exists() or sha256_of(archived) != sha256 or _same_file(candidate.path, archived):
        return False
    return _clear_source(guard, candidate)


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _start_run(archive: Archive, sources: Sequence[Path], options: IngestOptions) -> int:
    with archive.sessions.write() as session:
        run = IngestRun(
            station=options.station,
            started_by=options.who.audit_name,
            started_at=clock.now(),
            sources=json.dumps(_shown_sources(sources), ensure_ascii=False),
        )
        session.add(run)
        session.flush()
        audit.record(
            session, options.who.audit_name, "ingest.start", "ingest_run", run.id, {"sources": _shown_sources(sources)}
        )
        return run.id


def _shown_sources(sources: Sequence[Path]) -> list[str]:
    return [shown(str(source)) for source in sources]


def _finish_run(archive: Archive, report: IngestReport, options: IngestOptions) -> None:
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
        audit.record(session, options.who.audit_name, "ingest.finish", "ingest_run", run.id, counts)
