"""Qt dates and times to Python ones and back, typed (PySide6 types `toPython()` as returning object), and the
views' date picker.

Naive on both sides: the archive keeps wall-clock local times.
"""

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateEdit, QWidget

from workstation import clock


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_datetime(value: QDateTime) -> datetime:
    clock = value.time()
    return datetime.combine(
        to_date(value.date()), time(clock.hour(), clock.minute(), clock.second(), clock.msec() * 1000)
    )


def from_datetime(moment: datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second, moment.microsecond // 1000),
    )


def from_date(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def archive_today() -> QDate:
    """Today in the archive's time (workstation.clock: China time, simulated in the demo and the tests), not the
    machine's zone: a PC set to UTC would otherwise default a date filter to yesterday until 08:00."""
    return from_date(clock.now().date())


def day_edit(parent: QWidget, day: QDate | None = None) -> QDateEdit:
    """A date picker as the views show one: yyyy-MM-dd with a calendar, at `day` (Qt's default without it)."""
    edit = QDateEdit(parent) if day is None else QDateEdit(day, parent)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit
