"""Report tasks (scheduled reports, R10): set up, listed and removed by the administrators of a unit.

Only an administrator (Role.ADMIN) manages tasks, and only for units in their charge (the unit and those
below it, workstation.statistics.scope); the report is later built as that administrator may see it, checked
again at every run (workstation.statistics.dispatch). Creating and removing a task is audited.
"""

import re
from datetime import datetime
from pathlib import Path

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session

from db.models import ReportDelivery, ReportTask, Unit, User
from workstation import audit
from workstation.errors import PermissionDenied, ReportTaskError
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.permissions import principal_of
from workstation.statistics.delivery import error_parts
from workstation.statistics.schedule import check_schedule, next_run
from workstation.statistics.scope import report_units
from workstation.statistics.types import (
    DeliveryRow,
    DeliveryStatus,
    Frequency,
    ReportFormat,
    ReportKind,
    ReportPeriod,
    ReportTaskRow,
    ReportTaskSpec,
    Schedule,
    StatsQuery,
)
from workstation.types import Role

ADDRESS = re.compile(r"[^@\s,;<>\"]+@[^@\s,;<>\"]+")
"""An e-mail address as the mail server takes it (local part @ domain; an internal domain may lack a dot)."""


def add_task(session: Session, who: Identity, spec: ReportTaskSpec, now: datetime) -> ReportTaskRow:
    """Set up a task; its first run is the schedule's first after `now`."""
    owner = _administrator(session, who)
    unit_id = _unit_in_charge(session, who, spec.unit_code, now)
    check_schedule(spec.schedule)
    _check_destination(spec)
    task = ReportTask(
        kind=spec.kind.value,
        unit_id=unit_id,
        format=spec.fmt.value,
        period=spec.period.value,
        frequency=spec.schedule.frequency.value,
        weekday=spec.schedule.weekday,
        month_day=spec.schedule.month_day,
        hour=spec.schedule.hour,
        recipients=",".join(spec.recipients),
        drop_folder=spec.drop_folder,
        owner_id=owner,
        created_at=now,
        next_run_at=next_run(spec.schedule, now),
    )
    session.add(task)
    session.flush()
    details = {
        "kind": spec.kind,
        "unit": spec.unit_code,
        "format": spec.fmt,
        "period": spec.period,
        "schedule": task_schedule_words(spec.schedule),
        "recipients": task.recipients,
        "drop_folder": task.drop_folder,
    }
    audit.record(session, who.audit_name, "report_task.create", "report_task", task.id, details)
    return _rows(session, ReportTask.id == task.id)[0]


def remove_task(session: Session, who: Identity, task_id: int, now: datetime) -> None:
    """Remove a task and its delivery history (the audit log keeps every delivery and failure)."""
    _administrator(session, who)
    row = session.execute(
        select(ReportTask, Unit.code).join(Unit, Unit.id == ReportTask.unit_id).where(ReportTask.id == task_id)
    ).one_or_none()
    if row is None:
        raise ReportTaskError("report_task_not_found", task_id=task_id)
    task, unit_code = row
    _unit_in_charge(session, who, unit_code, now)
    session.execute(delete(ReportDelivery).where(ReportDelivery.task_id == task_id))
    session.delete(task)
    details = {"kind": task.kind, "unit": unit_code, "recipients": task.recipients, "drop_folder": task.drop_folder}
    audit.record(session, who.audit_name, "report_task.remove", "report_task", task_id, details)


def list_tasks(session: Session, who: Identity, now: datetime) -> list[ReportTaskRow]:
    """The tasks of the units in the user's charge with their latest delivery (a system actor: every task)."""
    if who.is_user:
        _administrator(session, who)
    units, _ = report_units(session, who, OrgTree.load(session), StatsQuery(now.date(), now.date()))
    return _rows(session, ReportTask.unit_id.in_(units))


def task_spec(task: ReportTask, unit_code: str) -> ReportTaskSpec:
    """A stored task as what was set up."""
    schedule = Schedule(Frequency(task.frequency), task.hour, task.weekday, task.month_day)
    recipients = tuple(address for address in task.recipients.split(",") if address)
    return ReportTaskSpec(
        ReportKind(task.kind),
        unit_code,
        ReportFormat(task.format),
        ReportPeriod(task.period),
        schedule,
        recipients,
        task.drop_folder,
    )


def task_schedule_words(schedule: Schedule) -> str:
    """每天 08:00, 每周一 08:00, 每月 1 日 08:00."""
    at = f"{schedule.hour:02d}:00"
    if schedule.frequency is Frequency.WEEKLY:
        return f"每周{'一二三四五六日'[(schedule.weekday or 1) - 1]} {at}"
    if schedule.frequency is Frequency.MONTHLY:
        return f"每月 {schedule.month_day} 日 {at}"
    return f"每天 {at}"


def delivery_row(delivery: ReportDelivery) -> DeliveryRow:
    code, data = error_parts(delivery.last_error)
    return DeliveryRow(
        delivery.id,
        delivery.due_at,
        delivery.date_from,
        delivery.date_to,
        DeliveryStatus(delivery.status),
        delivery.attempts,
        delivery.retry_at,
        delivery.delivered_at,
        code,
        data,
    )


def _administrator(session: Session, who: Identity) -> int:
    """The user id of `who`, an administrator; anyone else is refused."""
    principal = principal_of(session, who)
    if principal.role is not Role.ADMIN:
        raise PermissionDenied("report_task_admin_only")
    return principal.id


def _unit_in_charge(session: Session, who: Identity, unit_code: str, now: datetime) -> int:
    tree = OrgTree.load(session)
    report_units(session, who, tree, StatsQuery(now.date(), now.date(), unit_code))  # refuses outside the charge
    unit = tree.by_code(unit_code)
    assert unit is not None  # report_units refuses an unknown code
    return unit.id


def _check_destination(spec: ReportTaskSpec) -> None:
    if bool(spec.recipients) == bool(spec.drop_folder):
        raise ReportTaskError("report_task_destination")
    for address in spec.recipients:
        if not ADDRESS.fullmatch(address):
            raise ReportTaskError("report_recipient_invalid", address=address)
    if spec.drop_folder and not (Path(spec.drop_folder).is_absolute() and Path(spec.drop_folder).is_dir()):
        raise ReportTaskError("report_drop_folder_invalid", folder=spec.drop_folder)


def _rows(session: Session, which: ColumnElement[bool]) -> list[ReportTaskRow]:
    found = session.execute(
        select(ReportTask, Unit.code, User.login)
        .join(Unit, Unit.id == ReportTask.unit_id)
        .join(User, User.id == ReportTask.owner_id)
        .where(which)
        .order_by(ReportTask.id)
    ).all()
    ids = [task.id for task, _, _ in found]
    latest = select(func.max(ReportDelivery.id)).where(ReportDelivery.task_id.in_(ids)).group_by(ReportDelivery.task_id)
    last = {
        delivery.task_id: delivery_row(delivery)
        for delivery in session.execute(select(ReportDelivery).where(ReportDelivery.id.in_(latest))).scalars()
    }
    failed: dict[int, int] = {
        task_id: count
        for task_id, count in session.execute(
            select(ReportDelivery.task_id, func.count())
            .where(ReportDelivery.task_id.in_(ids), ReportDelivery.status == DeliveryStatus.FAILED.value)
            .group_by(ReportDelivery.task_id)
        )
    }
    return [
        ReportTaskRow(
            task.id,
            task_spec(task, unit_code),
            login,
            task.created_at,
            task.next_run_at,
            last.get(task.id),
            failed.get(task.id, 0),
        )
        for task, unit_code, login in found
    ]
