"""Reading the audit log (R7) for inspection staff (督察) and administrators: filter, export, verify.

Reading is itself a duty (Duty.AUDIT), checked here; an export to Excel is recorded in the log it exports.
"""

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeVarTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.models import AuditEvent
from db.session import Sessions
from workstation import audit
from workstation.access.types import AuditFilter
from workstation.atomic_file import replacing
from workstation.export_stamp import snapshot_stamp
from workstation.identity import Identity
from workstation.permissions import principal_of, require_duty
from workstation.types import AuditEventRow, AuditVerification, ChainAnchor, Duty
from workstation.xlsx_export import write_table

Columns = TypeVarTuple("Columns")  # the selected columns, kept by the filter

PAGE_SIZE = 1000
EXPORT_BATCH = 5000
HEADERS = ("序号", "时间", "用户", "操作", "对象类型", "对象编号", "详情")


def list_events(
    session: Session, who: Identity, criteria: AuditFilter, limit: int = PAGE_SIZE, before_seq: int | None = None
) -> list[AuditEventRow]:
    """One page, newest first; pass the last row's seq as `before_seq` for the next page."""
    require_duty(principal_of(session, who), Duty.AUDIT)
    return _page(session, criteria, limit, before_seq)


def actions(session: Session, who: Identity) -> list[str]:
    """The action codes present in the log, for the viewer's filter."""
    require_duty(principal_of(session, who), Duty.AUDIT)
    return list(session.execute(select(AuditEvent.action).distinct().order_by(AuditEvent.action)).scalars())


def verify(
    session: Session,
    who: Identity,
    anchors: Sequence[ChainAnchor] = (),
    since: ChainAnchor | None = None,
    progress: audit.Progress | None = None,
) -> AuditVerification:
    """`workstation audit verify`: is the keyed chain intact, and does it still pass through the anchors? For
    inspection staff and administrators, and for a system actor (the computer's account on an archive it
    holds, or a scheduled check)."""
    if who.is_user:
        require_duty(principal_of(session, who), Duty.AUDIT)
    return audit.verify_chain(session, anchors, since, progress)


def export_events(sessions: Sessions, who: Identity, criteria: AuditFilter, path: Path) -> int:
    """Write every matching event (newest first) to an Excel workbook, stamped with the audit chain head read
    with the rows; returns the number of rows."""
    with replacing(path) as partial:  # logged before the file takes its name (see export_ledger)
        with sessions.read() as session:
            stamp = snapshot_stamp(session)
            require_duty(principal_of(session, who), Duty.AUDIT)
            count = write_table(partial, "审计日志", HEADERS, _export_rows(session, criteria), stamp)
        with sessions.write() as session:
            details = {"rows": count, "filter": _describe(criteria), "chain_head": stamp}
            audit.record(session, who.audit_name, "audit.export", "audit", "-", details)
    return count


def _export_rows(session: Session, criteria: AuditFilter) -> Iterator[tuple[object, ...]]:
    before = None
    while page := _page(session, criteria, EXPORT_BATCH, before):
        for row in page:
            yield (row.seq, row.occurred_at, row.actor, row.action, row.target_type, row.target_id, row.details)
        before = page[-1].seq


def _page(session: Session, criteria: AuditFilter, limit: int, before_seq: int | None) -> list[AuditEventRow]:
    statement = _filtered(select(AuditEvent), criteria)
    if before_seq is not None:
        statement = statement.where(AuditEvent.seq < before_seq)
    events = session.execute(statement.order_by(AuditEvent.seq.desc()).limit(limit)).scalars()
    return [
        AuditEventRow(e.seq, e.occurred_at, e.actor, e.action, e.target_type, e.target_id, e.details) for e in events
    ]


def _filtered(statement: Select[*Columns], criteria: AuditFilter) -> Select[*Columns]:
    if criteria.actor:
        statement = statement.where(AuditEvent.actor == criteria.actor)
    if criteria.action:
        statement = statement.where(AuditEvent.action == criteria.action)
    if criteria.clip_id is not None:
        statement = statement.where(AuditEvent.target_type == "clip", AuditEvent.target_id == str(criteria.clip_id))
    if criteria.start is not None:
        statement = statement.where(AuditEvent.occurred_at >= criteria.start)
    if criteria.end is not None:
        statement = statement.where(AuditEvent.occurred_at < criteria.end)
    return statement


def _describe(criteria: AuditFilter) -> dict[str, object]:
    return {name: value for name, value in vars(criteria).items() if value is not None}
