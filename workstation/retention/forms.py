"""The destruction forms (附件3 二(五)): one workbook with the 销毁审批表 and the 销毁清单 of a request.

销毁审批表: the request (number, units, requester, 筛查情况 and conditions, count and total size), each
approval step with its decider, date and comment, the unit it was reported to (报备), what execution did,
and the audit chain head read with the rows (so the paper proves the chain still passes through that row),
with room for signatures. 销毁清单: every listed clip — file name, unit, officer, recording time, duration,
size, retention class, keep-until date, SHA-256 (small print) and its outcome. Both print on A4 fitted to
the width, header rows repeated, rows as high as their wrapped text. Rows stream from the database to the
file, so a request of 100,000 clips needs no more memory than one of ten.
"""

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Clip, DestructionItem, DestructionRequest, Officer, RetentionClass, Unit
from db.session import Sessions
from workstation import audit, clock
from workstation.atomic_file import replacing
from workstation.export_stamp import snapshot_stamp
from workstation.identity import Identity
from workstation.permissions import principal_of
from workstation.retention.destruction import request_row, visible_requests
from workstation.retention.errors import RetentionError
from workstation.retention.types import DestructionRequestRow, DestructionStatus, ItemOutcome
from workstation.types import Role
from workstation.xlsx_print import DATE_FORMAT, DATETIME_FORMAT, DURATION_FORMAT, Column, PrintedTable

FORM_SHEET, LIST_SHEET = "销毁审批表", "销毁清单"
FORMS_ACTION = "destruction.forms"

FORM_COLUMNS = (Column("项目", 18, wrap=True), Column("内容", 72, wrap=True))
LIST_COLUMNS = (
    Column("序号", 5),
    Column("文件名", 22, wrap=True),
    Column("单位", 14, wrap=True),
    Column("执法人员/警号", 12, wrap=True),
    Column("录制时间", 18.5, DATETIME_FORMAT),
    Column("时长", 7, DURATION_FORMAT),
    Column("大小（字节）", 11),
    Column("保存类别", 9, wrap=True),
    Column("到期日", 10.5, DATE_FORMAT),
    Column("SHA-256", 24, identifier=True),
    Column("结果", 11, wrap=True),
)

STATUS_TEXT = {
    DestructionStatus.PENDING: "待审批",
    DestructionStatus.APPROVED: "已批准，待执行",
    DestructionStatus.REJECTED: "已驳回",
    DestructionStatus.EXECUTED: "已执行",
}
STEP_TEXT = {"pending": "待审批", "approved": "同意", "rejected": "驳回"}
OUTCOME_TEXT = {
    ItemOutcome.LISTED: "待销毁",
    ItemOutcome.DESTROYED: "已销毁",
    ItemOutcome.KEPT_HELD: "保留（法律保全）",
    ItemOutcome.KEPT_NOT_EXPIRED: "保留（保存期限已延长）",
    ItemOutcome.KEPT_HASH_MISMATCH: "保留（SHA-256 不符，已标记）",
    ItemOutcome.KEPT_MISSING: "未销毁（文件不存在，已标记）",
}
ROLE_TEXT = {Role.APPROVER: "单位负责人"}


def export_forms(sessions: Sessions, who: Identity, request_id: int, path: Path) -> int:
    """Write the request's forms to `path` (atomically); returns the clips listed. Anyone who may see the
    request may print it (its requester, its units, the unit it was reported to); audited with the head."""
    with replacing(path) as partial:
        with sessions.read() as session:
            stamp = snapshot_stamp(session)
            principal = principal_of(session, who)
            request = session.execute(
                visible_requests(session, principal).where(DestructionRequest.id == request_id)
            ).scalar_one_or_none()
            if request is None:
                raise RetentionError("destruction_not_found", request_id=request_id)
            row = request_row(session, request)
            units = {
                unit_id: (code, name) for unit_id, code, name in session.execute(select(Unit.id, Unit.code, Unit.name))
            }
            workbook = Workbook(write_only=True)
            footer = f"制表：{principal.display_name}（{principal.login}）  制表时间：{clock.format_time(clock.now())}"
            unit_name = units[request.unit_id][1]
            _write_form(workbook, row, unit_name, units, stamp, footer)
            count = _write_list(workbook, session, row, unit_name, stamp, footer)
            workbook.save(partial)
        with sessions.write() as session:
            details = {"clips": count, "chain_head": stamp}
            audit.record(session, who.audit_name, FORMS_ACTION, "destruction_request", request_id, details)
    return count


def _write_form(
    workbook: Workbook,
    row: DestructionRequestRow,
    unit_name: str,
    units: dict[int, tuple[str, str]],
    stamp: str,
    footer: str,
) -> None:
    names = {code: name for code, name in units.values()}
    table = PrintedTable(
        workbook, FORM_SHEET, f"{unit_name}  执法记录仪声像资料销毁审批表", FORM_COLUMNS, footer, stamp, "portrait"
    )
    lines = [
        ("申请编号", str(row.id)),
        ("审批单位", f"{names[row.unit_code]}（{row.unit_code}）"),
        ("申请人", row.requested_by),
        ("申请时间", clock.format_time(row.created_at)),
        ("筛查情况（销毁事由）", row.reason),
        ("筛查条件", row.conditions),
        ("文件数量", f"{row.clip_count} 个"),
        ("文件总大小", f"{row.size_bytes / 1e9:,.2f} GB（{row.size_bytes:,} 字节）"),
        ("状态", STATUS_TEXT[row.status]),
    ]
    for step in row.steps:
        decided = f"{step.decided_by}，{clock.format_time(step.decided_at)}" if step.decided_by else "（未审批）"
        comment = f"\n意见：{step.comment}" if step.comment else ""
        role = ROLE_TEXT.get(step.role, step.role.value)
        lines.append(
            (
                f"审批（{role}）",
                f"{names[step.unit_code]}：{STEP_TEXT.get(step.status, step.status)}，{decided}{comment}",
            )
        )
    if row.report_unit_code:
        reported = clock.format_time(row.reported_at) if row.reported_at else "批准后报备"
        lines.append(("报上一级备案", f"{names[row.report_unit_code]}（{row.report_unit_code}），{reported}"))
    if row.outcomes:
        done = "；".join(f"{OUTCOME_TEXT[outcome]} {count} 个" for outcome, count in row.outcomes)
        executed = f"（执行完毕：{clock.format_time(row.executed_at)}）" if row.executed_at else ""
        lines.append(("执行情况", done + executed))
    lines += [("审计链头", stamp), ("审批人签字", "\n\n日期：        年    月    日")]
    for label, text in lines:
        table.append([label, text])
    table.close(("复核：workstation audit verify --head 序号:摘要（审计链头见上）",))


def _write_list(
    workbook: Workbook, session: Session, row: DestructionRequestRow, unit_name: str, stamp: str, footer: str
) -> int:
    title = f"{unit_name}  执法记录仪声像资料销毁清单（申请编号 {row.id}）"
    table = PrintedTable(workbook, LIST_SHEET, title, LIST_COLUMNS, footer, stamp)
    count = 0
    for values in _list_values(session, row.id):
        count += 1
        values[0] = count
        table.append(values)
    table.close((f"共 {count} 个文件，{row.size_bytes:,} 字节", stamp))
    return count


def _list_values(session: Session, request_id: int) -> Iterator[list[object]]:
    """One list row per listed clip, by clip id, streamed; the retention class by its name."""
    classes = dict(session.execute(select(RetentionClass.code, RetentionClass.name)).all())
    rows = session.execute(
        select(
            Clip.original_name,
            Unit.name,
            Officer.name,
            Officer.badge_no,
            Clip.recorded_start,
            Clip.duration_ms,
            Clip.size_bytes,
            Clip.retention_class,
            DestructionItem.keep_until,
            Clip.sha256,
            DestructionItem.outcome,
        )
        .join(Clip, Clip.id == DestructionItem.clip_id)
        .outerjoin(Unit, Unit.id == Clip.unit_id)
        .outerjoin(Officer, Officer.id == Clip.officer_id)
        .where(DestructionItem.request_id == request_id)
        .order_by(DestructionItem.clip_id)
        .execution_options(yield_per=1000)
    )
    for name, unit, officer, badge_no, start, duration_ms, size, class_code, keep_until, sha256, outcome in rows:
        person = f"{officer or ''}/{badge_no}" if badge_no else (officer or "")
        duration = None if duration_ms is None else timedelta(milliseconds=duration_ms)
        result = OUTCOME_TEXT[ItemOutcome(outcome)]
        kept_as = classes.get(class_code, class_code)
        yield [0, name, unit, person, start, duration, size, kept_as, keep_until, sha256, result]
