"""Qt dates and times to Python ones and back, typed (PySide6 types `toPython()` as returning object).

Naive on both sides: the archive keeps wall-clock local times.
"""

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QTime


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
