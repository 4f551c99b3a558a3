"""Scheduled reports (issue 16, R10): report tasks (what, for whom, how often) and their deliveries.

A task names a report (kind, unit, format, the period before each run), where it goes (e-mail addresses, or a
drop folder on a network without a mail server) and when (daily, weekly on a weekday or monthly on a day, at
an hour, archive-local time). `workstation report run-due` turns each due run into a delivery row, which keeps
its attempts, last error and delivery time, so a failed delivery is retried and shown to the administrators.
"""

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
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


class DailyWorkload(Base):
    """One day of footage of one officer on one recorder, filed under one unit (workstation.statistics.daily):
    the additive figures of the workload report, so a period's report sums days instead of reading every clip.
    A gap counts on the row of the recording it ends (every column adds up).
    Rows are rebuilt for the days in StatsDirtyDay, never edited."""

    __tablename__ = "stats_daily_workload"
    __table_args__ = (
        Index("ix_stats_daily_workload_unit_day", "unit_id", "day"),
        Index("ix_stats_daily_workload_device_day", "device_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    unit_id: Mapped[int | None] = mapped_column(Integer)
    officer_id: Mapped[int | None] = mapped_column(Integer)
    device_id: Mapped[int | None] = mapped_column(Integer)
    clips: Mapped[int] = mapped_column(Integer)
    videos: Mapped[int] = mapped_column(Integer)
    audios: Mapped[int] = mapped_column(Integer)
    photos: Mapped[int] = mapped_column(Integer)
    duration_ms: Mapped[int] = mapped_column(BigInteger)
    on_time: Mapped[int] = mapped_column(Integer)
    recordings: Mapped[int] = mapped_column(Integer)
    linked: Mapped[int] = mapped_column(Integer)
    marked: Mapped[int] = mapped_column(Integer)
    gaps: Mapped[int] = mapped_column(Integer)
    gap_ms: Mapped[int] = mapped_column(BigInteger)


class DailyDeviceUse(Base):
    """One day of one recorder's log: its events counted by type (a column per
    workstation.footage.types.DeviceEventType), and the seconds of each closing event (关机, 停止录像) after its
    opening event just before it — `*_seconds` when that was on the same day, `*_carried_seconds` when on the day
    before (a night shift across midnight). One row per recorder and day keeps a year of a 总队 to about two
    million rows."""

    __tablename__ = "stats_daily_device_use"
    __table_args__ = (Index("ix_stats_daily_device_use_device_day", "device_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    device_id: Mapped[int] = mapped_column(Integer)
    power_on: Mapped[int] = mapped_column(Integer)
    power_off: Mapped[int] = mapped_column(Integer)
    record_start: Mapped[int] = mapped_column(Integer)
    record_stop: Mapped[int] = mapped_column(Integer)
    low_battery: Mapped[int] = mapped_column(Integer)
    battery_change: Mapped[int] = mapped_column(Integer)
    abnormal_interruption: Mapped[int] = mapped_column(Integer)
    dock: Mapped[int] = mapped_column(Integer)
    clock_sync: Mapped[int] = mapped_column(Integer)
    other: Mapped[int] = mapped_column(Integer)
    on_seconds: Mapped[int] = mapped_column(BigInteger)
    on_carried_seconds: Mapped[int] = mapped_column(BigInteger)
    recording_seconds: Mapped[int] = mapped_column(BigInteger)
    recording_carried_seconds: Mapped[int] = mapped_column(BigInteger)


class StatsDirtyDay(Base):
    """A day whose daily figures are out of date. Database triggers (migration 0016) add the day of every clip,
    case link, mark and recorder-log event written, changed or removed, in the writer's own transaction, so no
    code path can forget it; the next report rebuilds those days first."""

    __tablename__ = "stats_dirty_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
