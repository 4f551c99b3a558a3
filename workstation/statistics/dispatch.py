"""`workstation report run-due`: every report that has fallen due, built and delivered; failures retried.

Run by the OS scheduler (Task Scheduler, a systemd timer) on the archive opened here, as a system actor.
First each task whose next run has come gets a delivery row for that run (runs missed while no scheduler
ran are not replayed one by one: the latest stands for them) and its next run moves on. Then each pending
delivery whose time has come is claimed (compare-and-set on its retry time, so two overlapping runs never
send the same report twice), built as the task's owner may see it — a revoked right refuses the report —,
mailed or dropped, and recorded: delivered, or the failure kept and tried again after a growing pause until
the last attempt marks it failed. Each delivery and each failed attempt is audited.
"""

import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update

from db.models import ReportDelivery, ReportTask, Unit, User
from db.session import Sessions
from workstation import audit
from workstation.errors import DeliveryFailed, WorkstationError
from workstation.identity import Identity
from workstation.statistics import daily, delivery
from workstation.statistics.document import build_document
from workstation.statistics.reports import write_document
from workstation.statistics.schedule import latest_run, next_run, period_before
from workstation.statistics.tasks import delivery_row, task_spec
from workstation.statistics.types import (
    DeliveryRow,
    DeliveryStatus,
    ReportDocument,
    ReportTaskSpec,
    RunSummary,
    StatsQuery,
)

RETRY_AFTER = (timedelta(minutes=10), timedelta(minutes=30), timedelta(hours=2))
"""The pause after each failed attempt; the attempt after the last pause is the last one."""
MAX_ATTEMPTS = len(RETRY_AFTER) + 1
CLAIM = timedelta(minutes=15)
"""How long a claimed delivery is left to the run that claimed it (then it is tried again)."""


@dataclass(frozen=True)
class _Claimed:
    delivery_id: int
    task_id: int
    spec: ReportTaskSpec
    owner: str  # the administrator who set the task up: the report shows what they may see
    query: StatsQuery


def run_due(sessions: Sessions, actor: Identity, mail: delivery.MailSettings | None, now: datetime) -> RunSummary:
    """Schedule the runs that have come, then attempt every delivery that is due."""
    scheduled = _schedule_due(sessions, now)
    delivered: list[tuple[DeliveryRow, int]] = []
    failed: list[tuple[DeliveryRow, int]] = []
    for claimed in _claim_due(sessions, now):
        try:
            document, target = _deliver(sessions, claimed, mail)
        except WorkstationError as error:
            failed.append((_record_failure(sessions, actor, claimed, error, now), claimed.task_id))
        else:
            delivered.append((_record_delivery(sessions, actor, claimed, document, target, now), claimed.task_id))
    return RunSummary(scheduled, tuple(delivered), tuple(failed))


def _schedule_due(sessions: Sessions, now: datetime) -> int:
    made = 0
    with sessions.write() as session:
        rows = session.execute(
            select(ReportTask, Unit.code).join(Unit, Unit.id == ReportTask.unit_id).where(ReportTask.next_run_at <= now)
        ).all()
        for task, unit_code in rows:
            spec = task_spec(task, unit_code)
            due = latest_run(spec.schedule, task.next_run_at, now)
            moved = session.execute(
                update(ReportTask)
                .where(ReportTask.id == task.id, ReportTask.next_run_at == task.next_run_at)
                .values(next_run_at=next_run(spec.schedule, due))
            )
            if moved.rowcount != 1:  # type: ignore[attr-defined]  # another run scheduled it meanwhile
                continue
            query = period_before(spec.period, unit_code, due)
            session.add(
                ReportDelivery(
                    task_id=task.id,
                    due_at=due,
                    date_from=query.date_from,
                    date_to=query.date_to,
                    status=DeliveryStatus.PENDING.value,
                    attempts=0,
                    retry_at=due,
                    last_error="",
                )
            )
            made += 1
    return made


def _claim_due(sessions: Sessions, now: datetime) -> list[_Claimed]:
    claimed = []
    with sessions.write() as session:
        rows = session.execute(
            select(ReportDelivery, ReportTask, Unit.code, User.login)
            .join(ReportTask, ReportTask.id == ReportDelivery.task_id)
            .join(Unit, Unit.id == ReportTask.unit_id)
            .join(User, User.id == ReportTask.owner_id)
            .where(ReportDelivery.status == DeliveryStatus.PENDING.value, ReportDelivery.retry_at <= now)
            .order_by(ReportDelivery.retry_at, ReportDelivery.id)
        ).all()
        for row, task, unit_code, login in rows:
            taken = session.execute(
                update(ReportDelivery)
                .where(ReportDelivery.id == row.id, ReportDelivery.retry_at == row.retry_at)
                .values(retry_at=now + CLAIM)
            )
            if taken.rowcount == 1:  # type: ignore[attr-defined]
                query = StatsQuery(row.date_from, row.date_to, unit_code)
                claimed.append(_Claimed(row.id, task.id, task_spec(task, unit_code), login, query))
    return claimed


def _deliver(sessions: Sessions, claimed: _Claimed, mail: delivery.MailSettings | None) -> tuple[ReportDocument, str]:
    """Build the report and mail it or drop it; returns the document and where it went."""
    spec = claimed.spec
    daily.refresh(sessions)
    with sessions.read() as session:
        document = build_document(session, Identity.user(claimed.owner), spec.kind, claimed.query)
    name = f"{document.title}_{spec.unit_code}_{claimed.query.date_from}_{claimed.query.date_to}.{spec.fmt.value}"
    with tempfile.TemporaryDirectory(prefix="report-") as folder:
        report = Path(folder) / name
        write_document(document, spec.fmt, report)
        if spec.drop_folder:
            return document, str(delivery.drop(report, Path(spec.drop_folder)))
        if mail is None:
            raise DeliveryFailed("mail_not_configured")
        subject = f"{document.title}（{spec.unit_code}，{claimed.query.date_from} 至 {claimed.query.date_to}）"
        delivery.send(mail, delivery.compose(mail, spec.recipients, subject, _body(document, claimed), report))
    return document, ", ".join(spec.recipients)


def _body(document: ReportDocument, claimed: _Claimed) -> str:
    lines = [
        document.title,
        document.query_words,
        f"制表时间：{document.made_at}",
        document.chain_stamp,
        "",
        *(f"{name}：{value}" for name, value in document.summary),
        "",
        "完整报表见附件（HTML 文件可离线打开和打印；Excel 工作簿含同样的数字）。",
        f"本邮件由执法记录仪视音频回放审查工作站按报表任务 {claimed.task_id} 自动发送，请勿直接回复。",
    ]
    return "\n".join(lines)


def _record_delivery(
    sessions: Sessions, actor: Identity, claimed: _Claimed, document: ReportDocument, target: str, now: datetime
) -> DeliveryRow:
    with sessions.write() as session:
        row = session.get_one(ReportDelivery, claimed.delivery_id)
        row.status, row.attempts, row.delivered_at = DeliveryStatus.DELIVERED.value, row.attempts + 1, now
        details = _details(claimed, row) | {"to": target, "chain_head": document.chain_stamp}
        audit.record(session, actor.audit_name, "report.sent", "report_task", claimed.task_id, details)
        return delivery_row(row)


def _record_failure(
    sessions: Sessions, actor: Identity, claimed: _Claimed, error: WorkstationError, now: datetime
) -> DeliveryRow:
    with sessions.write() as session:
        row = session.get_one(ReportDelivery, claimed.delivery_id)
        row.attempts += 1
        row.last_error = delivery.error_json(error)
        if row.attempts >= MAX_ATTEMPTS:
            row.status = DeliveryStatus.FAILED.value
        else:
            row.retry_at = now + RETRY_AFTER[row.attempts - 1]
        details = _details(claimed, row) | {"error": error.code, "final": row.attempts >= MAX_ATTEMPTS}
        audit.record(session, actor.audit_name, "report.failed", "report_task", claimed.task_id, details)
        return delivery_row(row)


def _details(claimed: _Claimed, row: ReportDelivery) -> dict[str, object]:
    return {
        "delivery": row.id,
        "kind": claimed.spec.kind,
        "unit": claimed.spec.unit_code,
        "format": claimed.spec.fmt,
        "date_from": claimed.query.date_from.isoformat(),
        "date_to": claimed.query.date_to.isoformat(),
        "attempt": row.attempts,
    }
