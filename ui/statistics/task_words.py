"""Report tasks (报表任务) in the window's words: what a task reports, when it runs, where it goes, and how its
latest delivery went — the failure in the same words as every other error (ui.common.error_text)."""

from PySide6.QtCore import QCoreApplication

from ui.common.error_text import describe
from workstation.clock import format_time
from workstation.errors import DeliveryFailed, WorkstationError
from workstation.statistics.types import (
    DeliveryRow,
    DeliveryStatus,
    Frequency,
    ReportFormat,
    ReportKind,
    ReportPeriod,
    ReportTaskSpec,
    Schedule,
)


def kind_name(kind: ReportKind) -> str:
    """The report as the 统计 page's tab that shows its figures."""
    names = {
        ReportKind.WORKLOAD: QCoreApplication.translate("report_tasks", "Workload"),
        ReportKind.DEVICES: QCoreApplication.translate("report_tasks", "Recorders"),
        ReportKind.SPOTCHECK: QCoreApplication.translate("report_tasks", "Spot checks"),
        ReportKind.ACCESS: QCoreApplication.translate("report_tasks", "Viewing requests"),
        ReportKind.PRESCREEN: QCoreApplication.translate("report_tasks", "Pre-screen"),
    }
    return names[kind]


def format_name(fmt: ReportFormat) -> str:
    names = {
        ReportFormat.HTML: QCoreApplication.translate("report_tasks", "Web page (HTML)"),
        ReportFormat.XLSX: QCoreApplication.translate("report_tasks", "Excel workbook"),
    }
    return names[fmt]


def period_name(period: ReportPeriod) -> str:
    names = {
        ReportPeriod.DAY: QCoreApplication.translate("report_tasks", "The day before"),
        ReportPeriod.WEEK: QCoreApplication.translate("report_tasks", "The week before (Monday to Sunday)"),
        ReportPeriod.MONTH: QCoreApplication.translate("report_tasks", "The month before"),
    }
    return names[period]


def weekday_name(weekday: int) -> str:
    """1 = Monday … 7 = Sunday."""
    names = (
        QCoreApplication.translate("report_tasks", "Monday"),
        QCoreApplication.translate("report_tasks", "Tuesday"),
        QCoreApplication.translate("report_tasks", "Wednesday"),
        QCoreApplication.translate("report_tasks", "Thursday"),
        QCoreApplication.translate("report_tasks", "Friday"),
        QCoreApplication.translate("report_tasks", "Saturday"),
        QCoreApplication.translate("report_tasks", "Sunday"),
    )
    return names[weekday - 1]


def schedule_words(schedule: Schedule) -> str:
    """Daily at 08:00; every Monday at 08:00; monthly on day 1 at 08:00."""
    at = f"{schedule.hour:02d}:00"
    if schedule.frequency is Frequency.WEEKLY:
        return (
            QCoreApplication.translate("report_tasks", "Every %1 at %2")
            .replace("%1", weekday_name(schedule.weekday or 1))
            .replace("%2", at)
        )
    if schedule.frequency is Frequency.MONTHLY:
        return (
            QCoreApplication.translate("report_tasks", "Monthly on day %1 at %2")
            .replace("%1", str(schedule.month_day))
            .replace("%2", at)
        )
    return QCoreApplication.translate("report_tasks", "Daily at %1").replace("%1", at)


def destination(spec: ReportTaskSpec) -> str:
    if spec.drop_folder:
        return QCoreApplication.translate("report_tasks", "Folder %1").replace("%1", spec.drop_folder)
    return ", ".join(spec.recipients)


def delivery_words(last: DeliveryRow | None) -> str:
    """How the latest run went, and the period it reported on."""
    if last is None:
        return QCoreApplication.translate("report_tasks", "Not run yet")
    if last.status is DeliveryStatus.DELIVERED:
        words = QCoreApplication.translate("report_tasks", "Delivered %1").replace("%1", format_time(last.delivered_at))
    elif last.status is DeliveryStatus.FAILED:
        words = QCoreApplication.translate("report_tasks", "Not delivered after %1 attempts").replace(
            "%1", str(last.attempts)
        )
    elif last.error_code:
        words = QCoreApplication.translate("report_tasks", "Attempt %1 failed; tried again at %2")
        words = words.replace("%1", str(last.attempts)).replace("%2", format_time(last.retry_at))
    else:
        words = QCoreApplication.translate("report_tasks", "Waiting to be sent")
    period = (
        QCoreApplication.translate("report_tasks", "%1 to %2")
        .replace("%1", str(last.date_from))
        .replace("%2", str(last.date_to))
    )
    return f"{words} · {period}"


def error_words(last: DeliveryRow | None) -> str:
    """The latest failed attempt in words ("" when none failed)."""
    if last is None or not last.error_code:
        return ""
    kind: type[WorkstationError] = DeliveryFailed  # the code names what failed, whatever raised it
    return describe(kind(last.error_code, **dict(last.error_data)))
