"""Executing an approved destruction request: a tombstone for each clip, then its file is removed.

Only an APPROVED request is executed, only by users with the delete right (X: administrators of the 总队)
reaching every listed clip. The listed clips are taken in batches, each its own transaction, so memory stays
flat and a killed run keeps what it did. For each batch:

1. outside any transaction, each file is hashed (originals are read-only; reading gigabytes while holding the
   database's write lock would stall every other writer);
2. in one transaction holding the request's lock and each clip's row lock, each clip is checked at that
   moment: still not held (KEPT_HELD), still expired under its current keep-until date (a case linked or a
   mark made after the approval → KEPT_NOT_EXPIRED), its file present (KEPT_MISSING, flagged missing) and
   its SHA-256 still the clip's (KEPT_HASH_MISMATCH, flagged mismatch: the file is kept for inspection).
   A clip that passes gets its tombstone (every fact of the clip, who requested, approved and executed),
   media_status destroyed and a `clip.destroy` audit row; every outcome is written on its item. COMMIT;
3. only then are the files unlinked, and their tombstones marked file_removed.

So a file is never gone without its tombstone. A run killed between 2 and 3 leaves tombstones whose files
are still there: the next run removes those first. The request turns EXECUTED (audited with the totals)
once no item is left LISTED and every tombstone's file is gone.
"""

import hashlib
import json
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from db.models import (
    Case,
    Clip,
    ClipCaseLink,
    DestructionItem,
    DestructionRequest,
    DestructionStep,
    Device,
    Marker,
    Officer,
    Tombstone,
    User,
)
from workstation import audit, clock
from workstation.archive import Archive
from workstation.errors import ArchiveUnavailable, PermissionDenied
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.permissions import own_right, principal_of
from workstation.retention import triggers
from workstation.retention.errors import RetentionError
from workstation.retention.expiry import is_expired
from workstation.retention.holds import active_hold_ids
from workstation.retention.types import DestructionStatus, ExecutionReport, ItemOutcome
from workstation.types import Action, MediaStatus

BATCH = 500
"""Clips per transaction."""
BATCH_BYTES = 512 * 1024 * 1024
"""Bytes hashed per batch at most (a batch of long videos is cut short; at least one clip per batch)."""
CHUNK_BYTES = 1024 * 1024
DESTROY_ACTION, KEEP_ACTION, EXECUTED_ACTION = "clip.destroy", "destruction.keep", "destruction.execute"


@dataclass
class _Tally:
    """What one call did, for its ExecutionReport."""

    destroyed: int = 0
    kept: dict[ItemOutcome, int] = field(default_factory=dict)
    bytes_freed: int = 0


@dataclass(frozen=True)
class _Listed:
    clip_id: int
    media_path: str
    size_bytes: int


def execute(
    archive: Archive, who: Identity, request_id: int, limit: int, today: date, now: datetime | None = None
) -> ExecutionReport:
    """Execute up to `limit` listed clips of an approved request; call again while `remaining`."""
    if limit < 1:
        raise RetentionError("execute_limit", limit=limit)
    with archive.sessions.write() as session:
        _check_executable(session, who, request_id)
    tally = _Tally()
    tally.bytes_freed += _finish_removals(archive, request_id)
    handled = 0
    buffer = bytearray(CHUNK_BYTES)
    while handled < limit:
        batch = _next_batch(archive, request_id, min(BATCH, limit - handled))
        if not batch:
            break
        hashes = {clip.clip_id: _sha256(_file(archive, clip.media_path), buffer) for clip in batch}
        if None in hashes.values() and not archive.media_root.is_dir():  # an offline share, not missing files
            raise ArchiveUnavailable("media_root_unreachable", folder=str(archive.media_root))
        with archive.sessions.write() as session:
            destroyed = _settle(session, who, request_id, [clip.clip_id for clip in batch], hashes, today, tally, now)
        tally.bytes_freed += _remove(archive, destroyed)
        handled += len(batch)
    with archive.sessions.write() as session:
        remaining = _close_if_done(session, who, request_id, now or clock.now())
    kept = tuple(sorted(tally.kept.items()))
    return ExecutionReport(request_id, tally.destroyed, kept, tally.bytes_freed, remaining)


def _check_executable(session: Session, who: Identity, request_id: int) -> None:
    """The request exists and is approved, and `who` has the delete right on the units of all its clips."""
    principal = principal_of(session, who)
    request = session.get(DestructionRequest, request_id)
    if request is None:
        raise RetentionError("destruction_not_found", request_id=request_id)
    if request.status != DestructionStatus.APPROVED:
        raise RetentionError("destruction_not_approved", request_id=request_id, status=request.status)
    tree = OrgTree.load(session)
    units = session.execute(
        select(Clip.unit_id)
        .join(DestructionItem, DestructionItem.clip_id == Clip.id)
        .where(DestructionItem.request_id == request_id)
        .distinct()
    ).scalars()
    if any(own_right(principal, tree, unit_id, None, Action.DELETE) is None for unit_id in units):
        raise PermissionDenied("destruction_execute_denied", request_id=request_id)


def _next_batch(archive: Archive, request_id: int, size: int) -> list[_Listed]:
    """The next listed clips, by id, up to `size` clips or BATCH_BYTES (at least one)."""
    with archive.sessions.read() as session:
        rows = session.execute(
            select(Clip.id, Clip.media_path, Clip.size_bytes)
            .join(DestructionItem, DestructionItem.clip_id == Clip.id)
            .where(DestructionItem.request_id == request_id, DestructionItem.outcome == ItemOutcome.LISTED)
            .order_by(Clip.id)
            .limit(size)
        ).all()
        batch: list[_Listed] = []
        total = 0
        for clip_id, media_path, size_bytes in rows:
            if batch and total + size_bytes > BATCH_BYTES:
                break
            batch.append(_Listed(clip_id, media_path, size_bytes))
            total += size_bytes
        return batch


def _file(archive: Archive, media_path: str) -> str:
    """Where an archived file lives, as archive.absolute_path says, but as a plain string: pathlib interns every
    path component (sys.intern), and the interpreter's table of interned strings grows with each distinct file
    name, so a run over 100,000 files would not stay flat."""
    return os.path.join(os.fspath(archive.media_root), *media_path.split("/"))


def _sha256(path: str, buffer: bytearray) -> str | None:
    """The file's SHA-256, or None when it is not there (or not a regular file)."""
    try:
        with open(path, "rb", buffering=0) as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            digest, view = hashlib.sha256(), memoryview(buffer)
            while count := handle.readinto(buffer):
                digest.update(view[:count])
            return digest.hexdigest()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None


def _settle(
    session: Session,
    who: Identity,
    request_id: int,
    clip_ids: Sequence[int],
    hashes: dict[int, str | None],
    today: date,
    tally: _Tally,
    now: datetime | None,
) -> list[tuple[int, str]]:
    """Decide each clip of the batch under its lock (see the module docstring); returns the clips (id, media
    path) whose tombstones were written (their files are removed after the commit)."""
    request = session.execute(
        select(DestructionRequest).where(DestructionRequest.id == request_id).with_for_update()
    ).scalar_one()
    if request.status != DestructionStatus.APPROVED:  # decided otherwise meanwhile: touch nothing
        return []
    items = {
        item.clip_id: item
        for item in session.execute(
            select(DestructionItem).where(
                DestructionItem.request_id == request_id,
                DestructionItem.clip_id.in_(clip_ids),
                DestructionItem.outcome == ItemOutcome.LISTED,
            )
        ).scalars()
    }
    clips = list(
        session.execute(select(Clip).where(Clip.id.in_(sorted(items))).order_by(Clip.id).with_for_update()).scalars()
    )
    held = active_hold_ids(session, [clip.id for clip in clips])
    moment = now or clock.now()
    signatures = _signatures(session, request)
    facts = _Facts(session, clips)
    destroyed = []
    for clip in clips:
        outcome = _outcome(clip, held, hashes.get(clip.id), today)
        items[clip.id].outcome = outcome
        if outcome is not ItemOutcome.DESTROYED:
            tally.kept[outcome] = tally.kept.get(outcome, 0) + 1
            _keep(session, who, request_id, clip, outcome, held.get(clip.id, ()))
            continue
        session.add(
            Tombstone(
                clip_id=clip.id,
                request_id=request_id,
                sha256=clip.sha256,
                size_bytes=clip.size_bytes,
                facts=json.dumps(facts.of(clip), ensure_ascii=False, sort_keys=True, default=str),
                requested_by=request.requested_by,
                approved_by=signatures,
                executed_by=who.audit_name,
                executed_at=moment,
                file_removed=False,
            )
        )
        clip.media_status = MediaStatus.DESTROYED
        clip.media_problem = f"已按销毁申请 {request_id} 销毁"
        # out of the policy: no date (never in the queue again), a group key no rule or dry run counts
        clip.keep_until, clip.retention_triggers, clip.retention_rule = None, triggers.DESTROYED, "destroyed"
        audit.record(
            session,
            who.audit_name,
            DESTROY_ACTION,
            "clip",
            clip.id,
            {"request": request_id, "sha256": clip.sha256, "bytes": clip.size_bytes, "media_path": clip.media_path},
        )
        tally.destroyed += 1
        destroyed.append((clip.id, clip.media_path))
    return destroyed


def _outcome(clip: Clip, held: dict[int, tuple[int, ...]], sha256: str | None, today: date) -> ItemOutcome:
    if clip.id in held:
        return ItemOutcome.KEPT_HELD
    if not is_expired(clip, today):
        return ItemOutcome.KEPT_NOT_EXPIRED
    if sha256 is None:
        return ItemOutcome.KEPT_MISSING
    if sha256 != clip.sha256:
        return ItemOutcome.KEPT_HASH_MISMATCH
    return ItemOutcome.DESTROYED


_FLAGS = {
    ItemOutcome.KEPT_MISSING: (MediaStatus.MISSING, "销毁前核查：文件不存在"),
    ItemOutcome.KEPT_HASH_MISMATCH: (MediaStatus.MISMATCH, "销毁前核查：SHA-256 与入库时不符，文件已保留"),
}


def _keep(
    session: Session, who: Identity, request_id: int, clip: Clip, outcome: ItemOutcome, hold_ids: tuple[int, ...]
) -> None:
    """A clip kept at execution: flag a missing or changed file on the clip; audit why it was kept."""
    if outcome in _FLAGS:
        clip.media_status, clip.media_problem = _FLAGS[outcome]
    details: dict[str, object] = {"request": request_id, "outcome": outcome.value}
    if hold_ids:
        details["holds"] = list(hold_ids)
    if outcome is ItemOutcome.KEPT_NOT_EXPIRED:
        details["keep_until"] = clip.keep_until.isoformat() if clip.keep_until else None
    audit.record(session, who.audit_name, KEEP_ACTION, "clip", clip.id, details)


def _signatures(session: Session, request: DestructionRequest) -> str:
    """Who approved the request (logins, in step order)."""
    logins = session.execute(
        select(User.login)
        .join(DestructionStep, DestructionStep.decided_by == User.id)
        .where(DestructionStep.request_id == request.id)
        .order_by(DestructionStep.step_no)
    ).scalars()
    return "、".join(logins)[:200]


class _Facts:
    """Every fact of a batch's clips for their tombstones: the clip's columns, its unit, officer, recorder,
    case numbers and number of marks (a few queries per batch)."""

    def __init__(self, session: Session, clips: Sequence[Clip]) -> None:
        ids = [clip.id for clip in clips]
        self.tree = OrgTree.load(session)
        officer_ids = {clip.officer_id for clip in clips if clip.officer_id is not None}
        device_ids = {clip.device_id for clip in clips if clip.device_id is not None}
        self.officers = {
            officer_id: (badge_no, name)
            for officer_id, badge_no, name in session.execute(
                select(Officer.id, Officer.badge_no, Officer.name).where(Officer.id.in_(officer_ids))
            ).all()
        }
        self.devices = dict(session.execute(select(Device.id, Device.device_no).where(Device.id.in_(device_ids))).all())
        self.cases: dict[int, list[str]] = {}
        for clip_id, case_no in session.execute(
            select(ClipCaseLink.clip_id, Case.case_no)
            .join(Case, Case.id == ClipCaseLink.case_id)
            .where(ClipCaseLink.clip_id.in_(ids))
            .order_by(Case.case_no)
        ).all():
            self.cases.setdefault(clip_id, []).append(case_no)
        self.marks = dict(
            session.execute(
                select(Marker.clip_id, func.count()).where(Marker.clip_id.in_(ids)).group_by(Marker.clip_id)
            ).all()
        )

    def of(self, clip: Clip) -> dict[str, object]:
        facts: dict[str, object] = {column.key: getattr(clip, column.key) for column in Clip.__table__.columns}
        unit = self.tree.unit(clip.unit_id) if clip.unit_id is not None else None
        badge_no, name = self.officers.get(clip.officer_id or 0, (None, None))
        facts |= {
            "unit_code": unit.code if unit else None,
            "unit_name": unit.name if unit else None,
            "badge_no": badge_no,
            "officer_name": name,
            "device_no": self.devices.get(clip.device_id or 0),
            "case_numbers": self.cases.get(clip.id, []),
            "marks": self.marks.get(clip.id, 0),
        }
        return facts


def _remove(archive: Archive, clips: Sequence[tuple[int, str]]) -> int:
    """Unlink the files (clip id, media path) whose tombstones are committed, then mark those tombstones
    file_removed; returns the bytes freed (the sizes of the files that were there)."""
    if not clips:
        return 0
    freed = sum(_unlink(_file(archive, media_path)) for _, media_path in clips)
    with archive.sessions.write() as session:
        session.execute(
            update(Tombstone).where(Tombstone.clip_id.in_([clip_id for clip_id, _ in clips])).values(file_removed=True),
            execution_options={"synchronize_session": False},
        )
    return freed


def _unlink(path: str) -> int:
    """Remove an archived file (read-only: on Windows it must be made writable first); its size, or 0 when
    it was already gone (a killed run removed it)."""
    try:
        size = os.stat(path).st_size
        if os.name == "nt":
            os.chmod(path, stat.S_IWRITE)
        os.unlink(path)
    except FileNotFoundError:
        return 0
    return size


def _finish_removals(archive: Archive, request_id: int) -> int:
    """After a killed run: remove the files of tombstones already committed, batch by batch."""
    freed = 0
    while True:
        with archive.sessions.read() as session:
            clips = list(
                session.execute(
                    select(Clip.id, Clip.media_path)
                    .join(Tombstone, Tombstone.clip_id == Clip.id)
                    .where(Tombstone.request_id == request_id, Tombstone.file_removed.is_(False))
                    .order_by(Clip.id)
                    .limit(BATCH)
                ).all()
            )
        if not clips:
            return freed
        freed += _remove(archive, clips)


def _close_if_done(session: Session, who: Identity, request_id: int, now: datetime) -> int:
    """How many clips are still listed; none (and every file removed) turns the request EXECUTED, audited."""
    request = session.execute(
        select(DestructionRequest).where(DestructionRequest.id == request_id).with_for_update()
    ).scalar_one()
    remaining = session.execute(
        select(func.count())
        .select_from(DestructionItem)
        .where(DestructionItem.request_id == request_id, DestructionItem.outcome == ItemOutcome.LISTED)
    ).scalar_one()
    unremoved = session.execute(
        select(func.count())
        .select_from(Tombstone)
        .where(Tombstone.request_id == request_id, Tombstone.file_removed.is_(False))
    ).scalar_one()
    if remaining or unremoved or request.status != DestructionStatus.APPROVED:
        return remaining
    request.status, request.executed_at = DestructionStatus.EXECUTED, now
    outcomes = dict(
        session.execute(
            select(DestructionItem.outcome, func.count())
            .where(DestructionItem.request_id == request_id)
            .group_by(DestructionItem.outcome)
        ).all()
    )
    freed = session.execute(
        select(func.coalesce(func.sum(Tombstone.size_bytes), 0)).where(Tombstone.request_id == request_id)
    ).scalar_one()
    audit.record(
        session,
        who.audit_name,
        EXECUTED_ACTION,
        "destruction_request",
        request_id,
        {"outcomes": outcomes, "bytes": int(freed), "executed_at": clock.format_time(now)},
    )
    return 0
