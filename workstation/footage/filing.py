"""File a verified copy into the archive: the one pipeline after the bytes arrived, for every way they come.

Local ingest (workstation.footage.ingest) copies a recorder file into the media root's incoming folder;
an upload through the branch server (workstation.footage.upload) receives it there in chunks. Both then
hand the staged copy, whose SHA-256 is proven, to `file_arrival`: skip it if that content is already
archived, probe its metadata, and in one database transaction rename it to its final place
(unit / 警号 / date / original name), add the clip row, the recorder's log events and the audit rows; the
first clip of a unit's day also commits that day's spot-check seeds (workstation.sample_seeds).
Killed at any moment, a rerun finishes the job: a renamed-but-unrecorded file is adopted when its hash
matches, and a file already archived (same SHA-256) is a duplicate.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path, PurePath

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import Clip, DeviceLogEvent
from player.media.probe import MediaInfo, probe
from workstation import audit, clock, sample_seeds
from workstation.archive import Archive
from workstation.atomic_file import fsync_directory
from workstation.footage import clocks
from workstation.footage.devicelog import LogEvent, parse_log
from workstation.footage.naming import IMPORTANT_MARKER, ParsedName
from workstation.footage.types import IngestFileResult, IngestOutcome
from workstation.footage.verified_copy import sha256_of
from workstation.identity import Identity
from workstation.org import registry
from workstation.retention import assignment as retention
from workstation.types import FileType, MediaStatus

INCOMING_FOLDER = ".incoming"
"""Staged copies, inside the media root so that the final rename is atomic (same file system)."""
UNASSIGNED_FOLDER = "_待分配"
RECORDER_MARKED_IMPORTANT = "clip.recorder_marked_important"
"""Audit action: the recorder marked the file as a key file (IMP in its name), so it was archived as important."""

StoredHook = Callable[[Session, int], None]
"""Called inside the transaction that stores a clip, with its id: what must commit with the clip or not at all."""


@dataclass(frozen=True)
class Arrival:
    """A staged copy under the incoming folder whose bytes are proven to have `sha256`, and its origin."""

    staged: Path
    source: str
    """The source as reported and audited (printable)."""
    name: str
    """The original file name, as the recorder wrote it (what the naming patterns parsed)."""
    parsed: ParsedName
    sha256: str
    size: int


@dataclass(frozen=True)
class Filer:
    """Who files: the acting identity (audited) and the station the footage came through."""

    who: Identity
    station: str


def file_arrival(
    archive: Archive,
    arrival: Arrival,
    filer: Filer,
    *,
    confirm_duplicate: bool = False,
    source: Path | None = None,
    on_stored: StoredHook | None = None,
) -> IngestFileResult:
    """Archive a staged copy; the staged file is consumed (renamed into place, or removed).

    Returns IMPORTED (archive_confirmed) or DUPLICATE. With `confirm_duplicate` (the source is to be
    cleared), a duplicate's archived copy is read back now and the result says whether it holds these
    bytes; never when it is `source` itself (the file read, when it is on this computer).
    """
    try:
        duplicate = duplicate_of(archive, arrival.source, arrival.sha256, confirm=confirm_duplicate, source=source)
        if duplicate is not None:
            return duplicate
        info = probe(arrival.staged, PurePath(arrival.name).suffix, arrival.parsed.file_type)
        arrival.staged.chmod(0o444)
        try:
            clip_id = _store(archive, arrival, filer, info, on_stored)
        except IntegrityError:
            duplicate = duplicate_of(archive, arrival.source, arrival.sha256, confirm=False)
            if duplicate is None:
                raise
            return duplicate  # the same content arrived from another source at the same moment, and that one won
    finally:
        if arrival.staged.exists():
            arrival.staged.chmod(0o644)
            arrival.staged.unlink()
    return IngestFileResult(
        arrival.source,
        IngestOutcome.IMPORTED,
        clip_id=clip_id,
        sha256=arrival.sha256,
        media_status=MediaStatus(info.status),
        detail=info.problem,
        archive_confirmed=True,
    )


def duplicate_of(
    archive: Archive, shown_source: str, sha256: str, *, confirm: bool, source: Path | None = None
) -> IngestFileResult | None:
    """A DUPLICATE result if this content is archived, else None. With `confirm`, the archived copy is read
    back now: archive_confirmed says it holds these bytes (and is not `source`, the file read, itself)."""
    with archive.sessions.read() as session:
        row = session.execute(select(Clip.id, Clip.media_path).where(Clip.sha256 == sha256)).first()
    if row is None:
        return None
    confirmed = confirm and _holds(archive.absolute_path(row.media_path), sha256, source)
    return IngestFileResult(
        shown_source, IngestOutcome.DUPLICATE, clip_id=row.id, sha256=sha256, archive_confirmed=confirmed
    )


def _holds(archived: Path, sha256: str, source: Path | None) -> bool:
    """Whether the archived copy exists, reads back with this SHA-256, and is not the source itself."""
    if not archived.exists() or (source is not None and _same_file(source, archived)):
        return False
    return sha256_of(archived) == sha256


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


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


def _place(archive: Archive, staged: Path, relative: str, sha256: str) -> str:
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
        os.rename(staged, final)  # atomic; fails rather than replace on Windows
        fsync_directory(final.parent)
        return candidate
    raise FileExistsError(f"two different files claim {relative}")


def _store(archive: Archive, arrival: Arrival, filer: Filer, info: MediaInfo, on_stored: StoredHook | None) -> int:
    parsed = arrival.parsed
    log_events = parse_log(arrival.staged.read_bytes())[0] if parsed.file_type is FileType.LOG else []
    placed: Path | None = None
    try:
        with archive.sessions.write() as session:
            parties = registry.resolve_recorder(
                session, filer.who, parsed.device_no, parsed.badge_no, parsed.recorded_start
            )
            relative = _place(
                archive,
                arrival.staged,
                _media_path(parties.unit_code, parties.badge_no, parsed, arrival.name),
                arrival.sha256,
            )
            if not arrival.staged.exists():
                placed = archive.absolute_path(relative)
            clip_id = _add_clip(session, arrival, filer, info, relative, parties, log_events)
            if on_stored is not None:
                on_stored(session, clip_id)
            return clip_id
    except BaseException:
        if placed is not None:  # our own copy, renamed in a transaction that did not commit: take it back
            placed.chmod(0o644)
            placed.unlink(missing_ok=True)
        raise


def _add_clip(
    session: Session,
    arrival: Arrival,
    filer: Filer,
    info: MediaInfo,
    relative: str,
    parties: registry.RecordingParties,
    log_events: list[LogEvent],
) -> int:
    parsed = arrival.parsed
    duration = info.duration_ms
    if duration is None and log_events:
        duration = int((log_events[-1].occurred_at - parsed.recorded_start).total_seconds() * 1000) or None
    clip = Clip(
        sha256=arrival.sha256,
        file_type=parsed.file_type,
        original_name=arrival.name,
        media_path=relative,
        size_bytes=arrival.size,
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
        ingest_station=filer.station,
        name_pattern=parsed.pattern,
        important=parsed.recorder_important,
        media_status=info.status,
        media_problem=info.problem,
    )
    retention.assign_new(session, clip)
    session.add(clip)
    session.flush()
    new_events = _new_log_events(session, parties.device_id, log_events)
    clocks.record_log_measurements(session, filer.who.audit_name, parties.device_id, clip.id, new_events, clock.now())
    for event in new_events:
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
    if parties.unit_id is not None:  # the day's sampling seeds are fixed before its first clip is archived
        day = parsed.recorded_start.date()
        sample_seeds.ensure_committed(session, filer.who.audit_name, parties.unit_id, day, "ingest")
    audit.record(
        session,
        filer.who.audit_name,
        "clip.ingest",
        "clip",
        clip.id,
        {
            "sha256": arrival.sha256,
            "source": arrival.source,
            "station": filer.station,
            "media_path": relative,
            "media_status": info.status,
            "important": parsed.recorder_important,
        },
    )
    if parsed.recorder_important:  # the recorder's key-file mark (重点文件), kept apart from a person's mark
        audit.record(
            session,
            filer.who.audit_name,
            RECORDER_MARKED_IMPORTANT,
            "clip",
            clip.id,
            {"marker": IMPORTANT_MARKER, "original_name": arrival.name},
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
