"""Re-hash archived originals and compare with the SHA-256 taken at ingest (R7 "prove it").

The SHA-256 a file must have is the one in its `clip.ingest` audit row, not the editable `clips.sha256`
column: someone who can write the database could overwrite a file and update the column to match, but
cannot forge an audit row without the audit key (`audit.row_is_authentic`). A clip whose column or storage
place differs from its ingest row, or that has no authentic ingest row, is a finding of its own
(MediaStatus.UNATTESTED). Each batch of clips finds its ingest rows with one indexed query.

Destroyed originals (workstation.retention.execution) are not checked: their files are gone by approval.
A mismatch or a missing file is recorded on the clip (media_status) and in the audit log, so the
problem stays visible in the browser after the command has finished.
"""

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from db.models import AuditEvent, Clip
from workstation import audit, clock
from workstation.archive import Archive
from workstation.footage.types import VerifyProblem, VerifyReport
from workstation.footage.verified_copy import sha256_of
from workstation.identity import Identity
from workstation.types import MediaStatus

_BATCH = 1000
_KEPT = Clip.media_status != MediaStatus.DESTROYED
"""Destroyed originals (R8) are gone on purpose: their tombstones say so, verify does not call them missing."""
INGEST_ACTION = "clip.ingest"


class Attested(NamedTuple):
    """What a clip's authentic ingest row says it was."""

    sha256: str
    media_path: str


def verify_archive(archive: Archive, who: Identity, on_file: Callable[[int, int], None] | None = None) -> VerifyReport:
    """Check every archived file, a batch at a time (memory stays flat on millions of clips).

    `on_file(done, total)` reports progress. Each batch's results are committed as it finishes, so an
    interrupted run keeps what it found; the audit row is written at the end.
    """
    with archive.sessions.read() as session:
        total = session.execute(select(func.count(Clip.id)).where(_KEPT)).scalar_one()
    problems: list[VerifyProblem] = []
    checked = bytes_checked = last_id = 0
    while True:
        with archive.sessions.read() as session:
            batch = session.execute(
                select(Clip.id, Clip.media_path, Clip.sha256)
                .where(Clip.id > last_id, _KEPT)
                .order_by(Clip.id)
                .limit(_BATCH)
            ).all()
            if not batch:
                break
            attested = attested_at_ingest(session, [row[0] for row in batch])
        batch_problems = []
        for clip_id, media_path, recorded in batch:
            path = archive.absolute_path(media_path)
            problem = _check(clip_id, media_path, path, recorded, attested.get(clip_id))
            if problem is None:
                bytes_checked += path.stat().st_size
            else:
                batch_problems.append(problem)
            checked += 1
            if on_file:
                on_file(checked, total)
        _record_batch(archive, [row[0] for row in batch], batch_problems)
        problems.extend(batch_problems)
        last_id = batch[-1][0]
    with archive.sessions.write() as session:
        audit.record(
            session,
            who.audit_name,
            "archive.verify",
            "archive",
            "media",
            {"files": checked, "problems": [[p.clip_id, p.status.value] for p in problems]},
        )
    return VerifyReport(files_checked=checked, bytes_checked=bytes_checked, problems=tuple(problems))


def attested_at_ingest(session: Session, clip_ids: Sequence[int]) -> dict[int, Attested]:
    """The SHA-256 and storage place each clip's authentic `clip.ingest` row recorded (one query).

    A row whose digest its key does not give (edited or forged) vouches for nothing and is passed over;
    `audit verify` names it.
    """
    rows = session.execute(
        select(AuditEvent)
        .where(
            AuditEvent.target_type == "clip",
            AuditEvent.target_id.in_([str(clip_id) for clip_id in clip_ids]),
            AuditEvent.action == INGEST_ACTION,
        )
        .order_by(AuditEvent.seq)
    ).scalars()
    attested: dict[int, Attested] = {}
    for row in rows:
        if int(row.target_id) not in attested and audit.row_is_authentic(session, row):
            details = json.loads(row.details)
            attested[int(row.target_id)] = Attested(str(details.get("sha256")), str(details.get("media_path")))
    return attested


def _check(clip_id: int, media_path: str, path: Path, recorded: str, attested: Attested | None) -> VerifyProblem | None:
    """Compare the file with its ingest row; `recorded` is the clip row's SHA-256, trusted only as far as the
    ingest row agrees with it."""
    try:
        actual = sha256_of(path)
    except FileNotFoundError:
        return VerifyProblem(clip_id, media_path, MediaStatus.MISSING, "文件不存在")
    except OSError as error:
        return VerifyProblem(clip_id, media_path, MediaStatus.MISSING, f"无法读取：{error.strerror or error}")
    if attested is None:
        if actual != recorded:
            return VerifyProblem(
                clip_id, media_path, MediaStatus.MISMATCH, f"SHA-256 为 {actual}，档案记录为 {recorded}"
            )
        return VerifyProblem(
            clip_id,
            media_path,
            MediaStatus.UNATTESTED,
            "审计日志中没有该文件可信的入库记录，无法证明其入库时的 SHA-256",
        )
    if actual != attested.sha256:
        changed = f"（档案记录已被改为 {recorded}）" if recorded != attested.sha256 else ""
        detail = f"SHA-256 为 {actual}，入库时为 {attested.sha256}{changed}"
        return VerifyProblem(clip_id, media_path, MediaStatus.MISMATCH, detail)
    if recorded != attested.sha256:
        detail = f"档案记录的 SHA-256 为 {recorded}，与审计日志入库记录的 {attested.sha256} 不符（记录被改动）"
        return VerifyProblem(clip_id, media_path, MediaStatus.UNATTESTED, detail)
    if media_path != attested.media_path:
        detail = f"档案记录的存放位置与审计日志入库记录的 {attested.media_path} 不符（记录被改动）"
        return VerifyProblem(clip_id, media_path, MediaStatus.UNATTESTED, detail)
    return None


def _record_batch(archive: Archive, clip_ids: list[int], problems: list[VerifyProblem]) -> None:
    """Stamp the verification time on the batch and mark the clips whose files failed."""
    with archive.sessions.write() as session:
        session.execute(update(Clip).where(Clip.id.in_(clip_ids)).values(last_verified_at=clock.now()))
        for problem in problems:
            session.execute(
                update(Clip)
                .where(Clip.id == problem.clip_id)
                .values(media_status=problem.status, media_problem=problem.detail[:500])
            )
