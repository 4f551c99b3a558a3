"""Scheduled reports (issue 16, R10): report tasks (what, for whom, how often) and their deliveries.

A task names a report (kind, unit, format, the period before each run), where it goes (e-mail addresses, or a
drop folder on a network without a mail server) and when (daily, weekly on a weekday or monthly on a day, at
an hour, archive-local time). `workstation report run-due` turns each due run into a delivery row, which keeps
its attempts, last error and delivery time, so a failed delivery is retried and shown to the administrators.
"""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class ReportTask(Base):
    """A scheduled report. kind: workstation.statistics.types.ReportKind; format: ReportFormat; period: day,
    week or month (the one before the run); frequency: daily, weekly (weekday 1 = Monday … 7) or monthly
    (month_day 1–28); recipients: e-mail addresses, comma-separated, or "" with a drop folder. The report is
    built as its owner (an administrator of the unit) may see it, checked again at every run."""

    __tablename__ = "report_tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    format: Mapped[str] = mapped_column(String(8))
    period: Mapped[str] = mapped_column(String(8))
    frequency: Mapped[str] = mapped_column(String(8))
    weekday: Mapped[int | None] = mapped_column(Integer)
    month_day: Mapped[int | None] = mapped_column(Integer)
    hour: Mapped[int] = mapped_column(Integer)
    recipients: Mapped[str] = mapped_column(Text, default="")
    drop_folder: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
    next_run_at: Mapped[datetime] = mapped_column(index=True)


class ReportDelivery(Base):
    """One run of a task: the report over [date_from, date_to] due at `due_at`. status: pending (tried again
    from retry_at on), delivered (delivered_at) or failed (after the last attempt); last_error holds the
    typed error of the last failed attempt as JSON (its code and data), for the CLI and the window to word."""

    __tablename__ = "report_deliveries"
    __table_args__ = (
        UniqueConstraint("task_id", "due_at"),
        Index("ix_report_deliveries_status_retry_at", "status", "retry_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("report_tasks.id"))
    due_at: Mapped[datetime]
    date_from: Mapped[date] = mapped_column(Date)
    date_to: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    retry_at: Mapped[datetime]
    last_error: Mapped[str] = mapped_column(Text, default="")
    delivered_at: Mapped[datetime | None]
