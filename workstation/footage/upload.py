"""Receive files from ingest stations in chunks and archive them (the branch server's side of issue 12).

An ingest station begins an upload with what it read (name, size and, if it hashed the file first,
SHA-256), appends chunks in order and finishes it, claiming the SHA-256 then if it hashed the bytes while
sending them; the branch server's routes are thin wrappers over these services, which take the open
archive and the signed-in station account. The guarantees are those of local ingest:

- Resumable: an unfinished upload of the same file (account, station, source, size, and SHA-256 or, begun
  without it, name) is found again by begin, which says how many bytes are received; a chunk the server
  already has is accepted again without effect; a chunk elsewhere is refused with the offset to continue at.
- Nothing sent twice: begun with the SHA-256, content already archived is a DUPLICATE at once. Begun without
  it, a clip with the same original name and size may be this file: begin then opens nothing and answers
  `hash_first` (the station hashes the file and begins again with the SHA-256); other content already
  archived (a renamed copy) is found at finish, where the staged bytes are discarded (DUPLICATE).
- Durable before counted: a chunk is written to a staging file under the media root's incoming folder
  and fsynced before the received count is committed.
- Nothing unproven is archived: finish hashes the staged bytes itself (as they were received, or reading
  the staged file again); bytes whose SHA-256 is not the claimed one (at begin and at finish, whichever the
  station gave) are discarded and nothing is archived. Otherwise the file goes through the very pipeline of local
  ingest (workstation.footage.filing); the clip and the finished upload commit in one transaction, so a
  retried finish returns the same result and never makes a second clip.
- Only the account that began an upload may continue or finish it; uploads left untouched for a day
  expire (their staged bytes are removed) whenever a new upload begins.

Names are parsed by the server's own patterns (workstation.toml [[ingest.patterns]]), so a station
cannot file footage under a name the deployment does not recognise.
"""

import hashlib
import os
import re
import uuid
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, closing, contextmanager
from datetime import datetime, timedelta
from typing import Any, NoReturn, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import Clip, IngestRun, Upload
from workstation import audit, clock, config
from workstation.archive import Archive
from workstation.errors import PermissionDenied, UploadError, UploadOffsetMismatch, UploadRefused
from workstation.footage.filenames import name_problem
from workstation.footage.filing import INCOMING_FOLDER, Arrival, Filer, duplicate_of, file_arrival
from workstation.footage.ingest import finish_run, start_run
from workstation.footage.naming import NamePattern, ParsedName, Unrecognised, parse_name, patterns_from_settings
from workstation.footage.types import (
    IngestFileResult,
    IngestOutcome,
    IngestReport,
    UploadSpec,
    UploadState,
)
from workstation.footage.upload_receipt import STAGING_SUFFIX, Receipt, forget, running_sha256, staging, upload_lock
from workstation.footage.verified_copy import sha256_of
from workstation.identity import Identity
from workstation.permissions import principal_of, require_duty
from workstation.types import Duty, MediaStatus

ABANDONED_AFTER = timedelta(hours=24)
"""An upload untouched this long is abandoned: its staged bytes are removed and it cannot be resumed."""
REFUSED = "refused"
"""Upload outcome: the received bytes did not have the claimed SHA-256 (nothing archived)."""
EXPIRED = "expired"
_SHA256 = re.compile(r"[0-9a-f]{64}")


def begin_upload(
    archive: Archive,
    who: Identity,
    spec: UploadSpec,
    *,
    patterns: Sequence[NamePattern] | None = None,
    now: datetime | None = None,
) -> UploadState:
    """Start (or find again) the upload of one file; returns where it stands.

    The result is set at once, with nothing to send, when the name is not recognised (REJECTED, as local
    ingest reports it) or the content is already archived (DUPLICATE; with spec.confirm_duplicate its
    archived copy is read back first). Begun without spec.sha256, an unfinished upload of the file is
    resumed; otherwise, if a clip has the file's name and size, `hash_first` is set and nothing is opened.
    Uploads abandoned for ABANDONED_AFTER are expired first.
    """
    moment = now or clock.now()
    require_ingest(archive, who)
    _check_spec(spec)
    expire_uploads(archive, now=moment)
    parsed = _parse(spec.source, spec.name, patterns)
    if isinstance(parsed, IngestFileResult):
        return UploadState("", spec.size, 0, parsed)
    if spec.sha256 is not None:
        duplicate = duplicate_of(archive, spec.source, spec.sha256, confirm=spec.confirm_duplicate)
        if duplicate is not None:
            return UploadState("", spec.size, 0, duplicate)
    key = _open_key(who, spec)
    for _attempt in range(2):  # a second begin of the same file at the same moment loses the insert race
        with archive.sessions.write() as session:
            upload = session.execute(select(Upload).where(Upload.open_key == key)).scalar_one_or_none()
            if upload is not None:
                upload.touched_at = moment
                return _state(upload)
        if spec.sha256 is None and _possibly_archived(archive, spec):
            return UploadState("", spec.size, 0, hash_first=True)
        try:
            with archive.sessions.write() as session:
                upload = _new_upload(who, spec, key, moment)
                session.add(upload)
                return _state(upload)
        except IntegrityError:
            continue
    raise UploadError("upload_gone", upload_id=key)  # the racing upload ended between both reads


def append_chunk(
    archive: Archive, who: Identity, upload_id: str, offset: int, data: bytes, *, now: datetime | None = None
) -> UploadState:
    """Write `data` at `offset` of the upload; returns the new state once the chunk is durable.

    The whole append in one call (see start_append for one whose bytes arrive in pieces)."""
    appending = start_append(archive, who, upload_id, offset, len(data))
    if isinstance(appending, UploadState):
        return appending
    with appending.ending(now=now):
        appending.write(data)
    return appending.state


def start_append(
    archive: Archive, who: Identity, upload_id: str, offset: int, length: int
) -> "Appending | UploadState":
    """Begin writing `length` bytes at `offset` of the upload, to be fed as they arrive (Appending).

    Returns the state instead, with nothing to write, when the server already holds those bytes (a retry)
    or the upload ended. Raises UploadOffsetMismatch (data: expected) for any other offset but the
    received count, UploadError upload_beyond_size for bytes past the announced size.
    """
    stack = ExitStack()
    stack.enter_context(upload_lock(upload_id))
    try:
        upload = _owned(archive, who, upload_id)  # before touching its staging file: only its owner may
        if upload.outcome is not None:
            stack.close()
            return _state(upload)
        receipt = stack.enter_context(closing(Receipt(archive, upload_id)))
        upload = _owned(archive, who, upload_id)  # again, now that no other server process can move it
        end = offset + length
        if end > upload.size_bytes or offset < 0 or length < 0:
            raise UploadError("upload_beyond_size", upload_id=upload_id, size=upload.size_bytes)
        held = offset < upload.received_bytes and end <= upload.received_bytes
        if upload.outcome is not None or held or not length:
            stack.close()
            return _state(upload)
        if offset != upload.received_bytes:
            raise UploadOffsetMismatch("upload_offset_mismatch", offset=offset, expected=upload.received_bytes)
        receipt.start(offset)
    except BaseException:
        stack.close()
        raise
    return Appending(archive, who, upload, receipt, end, stack)


class Appending:
    """One append in progress: holds the upload's locks until it ends. Feed `write` the bytes as they
    arrive; leave `ending()` (always, also when the bytes stopped early) to make them durable and count
    them: what was written is fsynced, then counted, and `state` says where the upload stands."""

    def __init__(
        self, archive: Archive, who: Identity, upload: Upload, receipt: Receipt, end: int, stack: ExitStack
    ) -> None:
        self.archive, self.who, self.upload, self.receipt = archive, who, upload, receipt
        self.end, self._stack = end, stack
        self.state = _state(upload)

    def write(self, data: bytes) -> None:
        if self.receipt.position + len(data) > self.end:
            raise UploadError("upload_beyond_size", upload_id=self.upload.id, size=self.upload.size_bytes)
        self.receipt.write(data)

    @contextmanager
    def ending(self, *, now: datetime | None = None) -> Iterator[None]:
        """Write inside it; on leaving, `finish` (even after an error)."""
        try:
            yield
        finally:
            self.finish(now=now)

    def finish(self, *, now: datetime | None = None) -> UploadState:
        """Count what is durable (also when the bytes stopped early or a write failed: what was written
        before is fsynced, then counted) and release the locks; returns where the upload stands. Raises
        UploadOffsetMismatch when another server process moved the upload meanwhile."""
        with self._stack:
            reached = self.receipt.durable()
            moved = reached == self.receipt.offset or self._count(reached, now or clock.now())
            self.receipt.keep_hash(moved and reached > self.receipt.offset)
        if not moved:  # tell the station where it stands
            current = _owned(self.archive, self.who, self.upload.id)
            raise UploadOffsetMismatch(
                "upload_offset_mismatch", offset=self.receipt.offset, expected=current.received_bytes
            )
        return self.state

    def _count(self, reached: int, moment: datetime) -> bool:
        with self.archive.sessions.write() as session:
            moved = cast(
                CursorResult[Any],
                session.execute(
                    update(Upload)
                    .where(
                        Upload.id == self.upload.id,
                        Upload.received_bytes == self.receipt.offset,
                        Upload.open_key.is_not(None),
                    )
                    .values(received_bytes=reached, touched_at=moment)
                ),
            ).rowcount  # Session.execute is typed as returning a Result
        if moved:
            self.state = UploadState(self.upload.id, self.upload.size_bytes, reached)
        return bool(moved)


def finish_upload(
    archive: Archive,
    who: Identity,
    upload_id: str,
    *,
    sha256: str | None = None,
    patterns: Sequence[NamePattern] | None = None,
    now: datetime | None = None,
) -> IngestFileResult:
    """Check the received file and archive it exactly like local ingest; returns what happened.

    `sha256` is the station's claim for the bytes it sent (required for an upload begun without one; if
    both were given, the bytes must have both). Finishing again returns the same result. Raises UploadError
    upload_incomplete while bytes are missing, upload_spec_invalid (field sha256) when no SHA-256 was
    claimed, UploadRefused when the bytes do not have the claimed SHA-256 (they are discarded, nothing is
    archived: send the file again), UploadError upload_gone when the received bytes were lost.
    """
    moment = now or clock.now()
    require_ingest(archive, who)
    if sha256 is not None and not _SHA256.fullmatch(sha256):
        raise UploadError("upload_spec_invalid", field="sha256")
    with upload_lock(upload_id):
        upload = _owned(archive, who, upload_id)
        if upload.outcome is not None:
            return _ended(upload)
        claims = [claim for claim in (upload.sha256, sha256) if claim is not None]
        if not claims:
            raise UploadError("upload_spec_invalid", field="sha256")
        if upload.received_bytes != upload.size_bytes:
            raise UploadError(
                "upload_incomplete", upload_id=upload_id, received=upload.received_bytes, size=upload.size_bytes
            )
        staged = staging(archive, upload_id)
        if upload.size_bytes == 0:
            staged.touch()
        if not staged.exists() or staged.stat().st_size < upload.size_bytes:
            return _lost(archive, upload, claims[0], moment)
        os.truncate(staged, upload.size_bytes)  # bytes of a chunk written but never counted
        received = running_sha256(upload_id, upload.size_bytes) or sha256_of(staged)
        wrong = next((claim for claim in claims if claim != received), None)
        if wrong is not None:
            staged.unlink()
            _refuse(archive, who, upload, wrong, received, moment)
        parsed = _parse(upload.source_path, upload.original_name, patterns)
        if isinstance(parsed, IngestFileResult):
            staged.unlink()
            return _record(archive, upload, parsed, moment)
        arrival = Arrival(staged, upload.source_path, upload.original_name, parsed, received, upload.size_bytes)

        def finished_with_clip(session: Session, clip_id: int) -> None:
            clip = session.get_one(Clip, clip_id)
            result = IngestFileResult(
                upload.source_path,
                IngestOutcome.IMPORTED,
                clip_id=clip_id,
                sha256=received,
                media_status=MediaStatus(clip.media_status),
                detail=clip.media_problem,
                archive_confirmed=True,
            )
            _close(session.get_one(Upload, upload_id), result, moment)

        result = file_arrival(
            archive, arrival, Filer(who, upload.station), confirm_duplicate=True, on_stored=finished_with_clip
        )
        if result.outcome is IngestOutcome.DUPLICATE:
            return _record(archive, upload, result, moment)
        return result


def expire_uploads(archive: Archive, *, now: datetime | None = None, older_than: timedelta = ABANDONED_AFTER) -> int:
    """End uploads untouched for `older_than` and remove their staged bytes, and staging files no open
    upload owns (left by a crash); returns how many uploads expired.

    The folder is listed before the open uploads are read: an upload's row exists before its staging
    file, so a file listed here whose upload is not open by then is no one's.
    """
    moment = now or clock.now()
    incoming = archive.media_root / INCOMING_FOLDER
    staged = list(incoming.glob(f"*{STAGING_SUFFIX}")) if incoming.is_dir() else []
    with archive.sessions.write() as session:
        stale = (
            session.execute(select(Upload).where(Upload.open_key.is_not(None), Upload.touched_at < moment - older_than))
            .scalars()
            .all()
        )
        for upload in stale:
            upload.open_key, upload.outcome, upload.finished_at = None, EXPIRED, moment
            forget(upload.id)
        open_ids = set(session.execute(select(Upload.id).where(Upload.open_key.is_not(None))).scalars())
    for path in staged:
        if path.stem not in open_ids:
            path.unlink(missing_ok=True)
    return len(stale)


def start_upload_run(archive: Archive, who: Identity, station: str, sources: Sequence[str]) -> int:
    """Record the start of a station's upload run (its recorder folders as the station shows them)."""
    require_ingest(archive, who)
    return start_run(archive, Filer(who, station), sources)


def require_ingest(archive: Archive, who: Identity) -> None:
    """Only station accounts and administrators upload (Duty.INGEST); a system actor is the computer's own
    account on an archive it holds. PermissionDenied otherwise."""
    if who.is_user:
        with archive.sessions.read() as session:
            require_duty(principal_of(session, who), Duty.INGEST)


def finish_upload_run(archive: Archive, who: Identity, report: IngestReport) -> None:
    """Record a station's run: its counts and the files it left on the recorders, with the reasons."""
    with archive.sessions.read() as session:
        run = session.get(IngestRun, report.run_id)
    if run is None or run.finished_at is not None:
        raise UploadError("upload_run_not_open", run_id=report.run_id)
    if run.started_by != who.audit_name:
        raise PermissionDenied("upload_run_not_yours", run_id=report.run_id)
    finish_run(archive, Filer(who, run.station), report)


def _check_spec(spec: UploadSpec) -> None:
    problem = (
        "sha256"
        if spec.sha256 is not None and not _SHA256.fullmatch(spec.sha256)
        else "size"
        if spec.size < 0
        else "name"
        if not spec.name or "/" in spec.name or "\\" in spec.name or name_problem(spec.name)
        else "station"
        if not spec.station or len(spec.station) > 64
        else None
    )
    if problem is not None:
        raise UploadError("upload_spec_invalid", field=problem)


def _possibly_archived(archive: Archive, spec: UploadSpec) -> bool:
    """Whether a clip has this file's original name and size (ix_clips_name_size): it may be this content."""
    with archive.sessions.read() as session:
        found = session.execute(
            select(Clip.id).where(Clip.original_name == spec.name, Clip.size_bytes == spec.size).limit(1)
        ).first()
    return found is not None


def _parse(source: str, name: str, patterns: Sequence[NamePattern] | None) -> ParsedName | IngestFileResult:
    """The name parsed by the server's patterns, or the REJECTED result local ingest gives it."""
    parsed = parse_name(name, patterns if patterns is not None else patterns_from_settings(config.load_settings()))
    if isinstance(parsed, Unrecognised):
        return IngestFileResult(source, IngestOutcome.REJECTED, reason=parsed.reason, detail=parsed.detail)
    return parsed


def _open_key(who: Identity, spec: UploadSpec) -> str:
    """The digest that finds an unfinished upload of the file again: with its SHA-256 if given (as before
    uploads could begin without it, so their keys stay), else with its name."""
    claim = spec.sha256 if spec.sha256 is not None else f"unhashed\0{spec.name}"
    identity = "\0".join((who.audit_name, spec.station, spec.source, str(spec.size), claim))
    return hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()


def _new_upload(who: Identity, spec: UploadSpec, key: str, moment: datetime) -> Upload:
    return Upload(
        id=uuid.uuid4().hex,
        account=who.audit_name,
        station=spec.station,
        source_path=spec.source[:1024],
        original_name=spec.name,
        size_bytes=spec.size,
        sha256=spec.sha256,
        received_bytes=0,
        open_key=key,
        started_at=moment,
        touched_at=moment,
        reason="",
        detail="",
        confirmed=False,
    )


def _state(upload: Upload) -> UploadState:
    ended = _ended(upload) if upload.outcome is not None else None
    return UploadState(upload.id, upload.size_bytes, upload.received_bytes, ended)


def _owned(archive: Archive, who: Identity, upload_id: str) -> Upload:
    with archive.sessions.read() as session:
        upload = session.get(Upload, upload_id)
    if upload is None or upload.outcome == EXPIRED:
        raise UploadError("upload_gone", upload_id=upload_id)
    if upload.account != who.audit_name:
        raise PermissionDenied("upload_not_yours", upload_id=upload_id)
    return upload


def _lost(archive: Archive, upload: Upload, claimed: str, moment: datetime) -> IngestFileResult:
    """The staged file is missing at finish: someone else archived the content meanwhile (a duplicate: its
    archived copy is read back, so only bytes with the `claimed` SHA-256 count), or the server was killed
    while the file was being renamed into place: send it again."""
    duplicate = duplicate_of(archive, upload.source_path, claimed, confirm=True)
    if duplicate is not None:
        return _record(archive, upload, duplicate, moment)
    with archive.sessions.write() as session:
        ended = session.get_one(Upload, upload.id)
        ended.open_key, ended.outcome, ended.finished_at = None, EXPIRED, moment
    raise UploadError("upload_gone", upload_id=upload.id)


def _refuse(archive: Archive, who: Identity, upload: Upload, claimed: str, received: str, moment: datetime) -> NoReturn:
    with archive.sessions.write() as session:
        ended = session.get_one(Upload, upload.id)
        ended.open_key, ended.outcome, ended.finished_at = None, REFUSED, moment
        ended.sha256 = ended.sha256 or claimed
        audit.record(
            session,
            who.audit_name,
            "upload.refused",
            "upload",
            None,
            {
                "upload": upload.id,
                "source": upload.source_path,
                "station": upload.station,
                "claimed_sha256": claimed,
                "received_sha256": received,
            },
        )
    raise UploadRefused("upload_checksum_mismatch", source=upload.source_path)


def _record(archive: Archive, upload: Upload, result: IngestFileResult, moment: datetime) -> IngestFileResult:
    with archive.sessions.write() as session:
        _close(session.get_one(Upload, upload.id), result, moment)
    return result


def _close(upload: Upload, result: IngestFileResult, moment: datetime) -> None:
    upload.sha256 = upload.sha256 or result.sha256  # begun without it: the SHA-256 the archive checked
    upload.open_key = None
    upload.finished_at = moment
    upload.outcome = result.outcome.value
    upload.clip_id = result.clip_id
    upload.media_status = result.media_status.value if result.media_status else None
    upload.reason = result.reason
    upload.detail = result.detail[:500]
    upload.confirmed = result.archive_confirmed


def _ended(upload: Upload) -> IngestFileResult:
    """The result finish returned for an upload that ended (again, for a retried finish)."""
    assert upload.outcome is not None
    if upload.outcome == REFUSED:
        raise UploadRefused("upload_checksum_mismatch", source=upload.source_path)
    if upload.outcome == EXPIRED:
        raise UploadError("upload_gone", upload_id=upload.id)
    return IngestFileResult(
        upload.source_path,
        IngestOutcome(upload.outcome),
        clip_id=upload.clip_id,
        sha256=upload.sha256 if upload.clip_id is not None else None,
        reason=upload.reason,
        detail=upload.detail,
        media_status=MediaStatus(upload.media_status) if upload.media_status else None,
        archive_confirmed=upload.confirmed,
    )
