"""The access register (调阅登记, 003 第二十二条): every playback and export, who, why, when, how long.

The player calls `start_viewing` before it opens a clip (the permission check happens here, so a player
can only play what the policy allows) and `finish_viewing` with the milliseconds actually played when it
stops. An export starts with kind EXPORT, which needs the download right. A refused attempt is recorded
in the audit log before PermissionDenied is raised.
"""

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TypeVarTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.models import AccessGrant, AccessRegisterEntry, AccessRequest, Clip, User
from db.session import Sessions
from workstation import audit, clock
from workstation.access.types import AuditFilter, RegisterRow, Viewing, ViewingKind
from workstation.atomic_file import replacing
from workstation.errors import AccessError, ClipDestroyed, PermissionDenied
from workstation.export_stamp import snapshot_stamp
from workstation.identity import Identity
from workstation.permissions import clip_access, principal_of, require_duty
from workstation.types import AccessBasis, Action, Duty, MediaStatus
from workstation.xlsx_export import write_table

Columns = TypeVarTuple("Columns")  # the selected columns, kept by the filter

PAGE_SIZE = 1000
EXPORT_BATCH = 5000
HEADERS = (
    "登记号",
    "调阅人",
    "姓名",
    "文件编号",
    "文件名",
    "方式",
    "依据",
    "审批单号",
    "事由",
    "开始时间",
    "结束时间",
    "播放时长（秒）",
)
KIND_TEXT = {ViewingKind.PLAYBACK: "播放", ViewingKind.EXPORT: "导出"}
BASIS_TEXT = {
    AccessBasis.UNIT: "本单位权限",
    AccessBasis.OWN_FOOTAGE: "本人资料",
    AccessBasis.UNASSIGNED: "待分配资料管理",
    AccessBasis.GRANT: "调阅审批",
}
_ACTION = {ViewingKind.PLAYBACK: Action.VIEW, ViewingKind.EXPORT: Action.DOWNLOAD}
_AUDIT_ACTION = {ViewingKind.PLAYBACK: "clip.play", ViewingKind.EXPORT: "clip.export"}


def start_viewing(
    sessions: Sessions,
    who: Identity,
    clip_id: int,
    kind: ViewingKind = ViewingKind.PLAYBACK,
    reason: str = "",
    now: datetime | None = None,
) -> Viewing:
    """Check the right, open a register entry, and say where the file is. Under a grant, the reason
    defaults to the request's 事由."""
    with sessions.write() as session:
        outcome = open_entry(session, who, clip_id, kind, reason.strip(), now or clock.now())
    if isinstance(outcome, PermissionDenied):
        raise outcome
    return outcome


def media_of_open_entry(session: Session, who: Identity, entry_id: int, now: datetime | None = None) -> str:
    """The media path an open register entry of `who` authorises to be read (the archive server streams it).

    Only the user who opened the entry, only while it is open, and only while the right it was opened
    under still holds (a grant revoked or expired meanwhile ends the stream). PermissionDenied otherwise.
    """
    principal = principal_of(session, who)
    entry = session.get(AccessRegisterEntry, entry_id)
    if entry is None or entry.user_id != principal.id or entry.finished_at is not None:
        raise PermissionDenied("entry_not_yours", entry_id=entry_id)
    if clip_access(session, principal, entry.clip_id, _ACTION[ViewingKind(entry.kind)], now) is None:
        raise PermissionDenied("clip_action", clip_id=entry.clip_id, action=_ACTION[ViewingKind(entry.kind)].value)
    return session.get_one(Clip, entry.clip_id).media_path


def finish_viewing(
    sessions: Sessions, who: Identity, entry_id: int, played_ms: int | None, now: datetime | None = None
) -> None:
    """Close the user's register entry with how long was played (None for an export)."""
    if played_ms is not None and played_ms < 0:
        raise AccessError("played_negative")
    with sessions.write() as session:
        user_id = principal_of(session, who).id
        entry = session.execute(
            select(AccessRegisterEntry).where(AccessRegisterEntry.id == entry_id).with_for_update()
        ).scalar_one_or_none()
        if entry is None or entry.user_id != user_id:
            raise PermissionDenied("entry_not_yours", entry_id=entry_id)
        if entry.finished_at is not None:
            raise AccessError("entry_finished", entry_id=entry_id)
        entry.finished_at, entry.played_ms = now or clock.now(), played_ms
        kind = ViewingKind(entry.kind)
        audit.record(
            session,
            who.audit_name,
            f"{_AUDIT_ACTION[kind]}_end",
            "clip",
            entry.clip_id,
            {"entry": entry.id, "played_ms": played_ms},
        )


def list_register(
    session: Session, who: Identity, criteria: AuditFilter, limit: int = PAGE_SIZE, before_id: int | None = None
) -> list[RegisterRow]:
    """One page of the register, newest first; for inspection staff and administrators (Duty.AUDIT)."""
    require_duty(principal_of(session, who), Duty.AUDIT)
    return _page(session, criteria, limit, before_id)


def export_register(sessions: Sessions, who: Identity, criteria: AuditFilter, path: Path) -> int:
    """Write every matching register entry to an Excel workbook with Chinese headers, stamped with the audit
    chain head read with the rows; returns the row count."""
    with replacing(path) as partial:  # logged before the file takes its name (see export_ledger)
        with sessions.read() as session:
            stamp = snapshot_stamp(session)
            require_duty(principal_of(session, who), Duty.AUDIT)
            count = write_table(partial, "调阅登记", HEADERS, _export_rows(session, criteria), stamp)
        with sessions.write() as session:
            details = {"rows": count, "chain_head": stamp}
            audit.record(session, who.audit_name, "register.export", "access_register", "-", details)
    return count


def open_entry(
    session: Session, who: Identity, clip_id: int, kind: ViewingKind, reason: str, now: datetime
) -> Viewing | PermissionDenied:
    principal = principal_of(session, who)
    access = clip_access(session, principal, clip_id, _ACTION[kind], now)
    if access is None:
        audit.record(session, who.audit_name, "access.denied", "clip", clip_id, {"action": _ACTION[kind]})
        if kind is ViewingKind.EXPORT:
            return PermissionDenied("export_denied", clip_id=clip_id)
        return PermissionDenied("playback_denied", clip_id=clip_id)
    if session.execute(select(Clip.media_status).where(Clip.id == clip_id)).scalar_one() == MediaStatus.DESTROYED:
        raise ClipDestroyed("clip_destroyed", clip_id=clip_id)
    if access.grant_id is not None and not reason:
        reason = session.execute(
            select(AccessRequest.reason)
            .join(AccessGrant, AccessGrant.request_id == AccessRequest.id)
            .where(AccessGrant.id == access.grant_id)
        ).scalar_one()
    entry = AccessRegisterEntry(
        user_id=principal.id,
        clip_id=clip_id,
        kind=kind,
        basis=access.basis,
        grant_id=access.grant_id,
        reason=reason,
        started_at=now,
    )
    session.add(entry)
    session.flush()
    audit.record(
        session,
        who.audit_name,
        _AUDIT_ACTION[kind],
        "clip",
        clip_id,
        {"entry": entry.id, "basis": access.basis, "grant": access.grant_id, "reason": reason},
    )
    media_path = session.execute(select(Clip.media_path).where(Clip.id == clip_id)).scalar_one()
    return Viewing(entry.id, clip_id, media_path, kind, access.basis, access.grant_id)


def _page(session: Session, criteria: AuditFilter, limit: int, before_id: int | None) -> list[RegisterRow]:
    statement = _filtered(
        select(AccessRegisterEntry, User.login, User.display_name, Clip.original_name, AccessGrant.request_id)
        .join(User, User.id == AccessRegisterEntry.user_id)
        .join(Clip, Clip.id == AccessRegisterEntry.clip_id)
        .outerjoin(AccessGrant, AccessGrant.id == AccessRegisterEntry.grant_id),
        criteria,
    )
    if before_id is not None:
        statement = statement.where(AccessRegisterEntry.id < before_id)
    rows = session.execute(statement.order_by(AccessRegisterEntry.id.desc()).limit(limit))
    return [
        RegisterRow(
            id=entry.id,
            user=user_login,
            user_name=user_name,
            clip_id=entry.clip_id,
            clip_name=clip_name,
            kind=ViewingKind(entry.kind),
            basis=AccessBasis(entry.basis),
            request_id=request_id,
            reason=entry.reason,
            started_at=entry.started_at,
            finished_at=entry.finished_at,
            played_ms=entry.played_ms,
        )
        for entry, user_login, user_name, clip_name, request_id in rows
    ]


def _filtered(statement: Select[*Columns], criteria: AuditFilter) -> Select[*Columns]:
    if criteria.actor:
        statement = statement.where(User.login == criteria.actor)
    if criteria.clip_id is not None:
        statement = statement.where(AccessRegisterEntry.clip_id == criteria.clip_id)
    if criteria.start is not None:
        statement = statement.where(AccessRegisterEntry.started_at >= criteria.start)
    if criteria.end is not None:
        statement = statement.where(AccessRegisterEntry.started_at < criteria.end)
    return statement


def _export_rows(session: Session, criteria: AuditFilter) -> Iterator[tuple[object, ...]]:
    before = None
    while page := _page(session, criteria, EXPORT_BATCH, before):
        for row in page:
            played = round(row.played_ms / 1000, 1) if row.played_ms is not None else None
            yield (
                row.id,
                row.user,
                row.user_name,
                row.clip_id,
                row.clip_name,
                KIND_TEXT[row.kind],
                BASIS_TEXT[row.basis],
                row.request_id,
                row.reason,
                row.started_at,
                row.finished_at,
                played,
            )
        before = page[-1].id
