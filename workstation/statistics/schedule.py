"""When a report task runs and what period it reports on: plain calendar arithmetic in archive-local time
(workstation.clock), so a schedule means the same on a server in UTC and a workstation in Beijing."""

from datetime import date, datetime, time, timedelta

from workstation.errors import ReportTaskError
from workstation.statistics.types import Frequency, ReportPeriod, Schedule, StatsQuery

LONGEST_GAP = 62
"""Days within which every schedule has its next run (a month has at most 31)."""


def check_schedule(schedule: Schedule) -> None:
    """ReportTaskError report_schedule_invalid unless the schedule names exactly what its frequency needs."""
    weekly, monthly = schedule.frequency is Frequency.WEEKLY, schedule.frequency is Frequency.MONTHLY
    valid = (
        0 <= schedule.hour <= 23
        and (schedule.weekday is not None) == weekly
        and (schedule.month_day is not None) == monthly
        and (not weekly or 1 <= (schedule.weekday or 0) <= 7)
        and (not monthly or 1 <= (schedule.month_day or 0) <= 28)
    )
    if not valid:
        raise ReportTaskError(
            "report_schedule_invalid",
            frequency=schedule.frequency.value,
            hour=schedule.hour,
            weekday=schedule.weekday,
            month_day=schedule.month_day,
        )


def next_run(schedule: Schedule, after: datetime) -> datetime:
    """The first time the schedule runs strictly after `after`."""
    for offset in range(LONGEST_GAP):
        day = after.date() + timedelta(days=offset)
        moment = datetime.combine(day, time(schedule.hour))
        if moment > after and _runs_on(schedule, day):
            return moment
    raise AssertionError(f"no run within {LONGEST_GAP} days: {schedule}")  # check_schedule prevents it


def latest_run(schedule: Schedule, due: datetime, now: datetime) -> datetime:
    """The last run at or before `now`, starting from the due run `due`: runs missed while no scheduler ran
    are not replayed one by one, the latest stands for them."""
    following = next_run(schedule, due)
    while following <= now:
        due, following = following, next_run(schedule, following)
    return due


def _runs_on(schedule: Schedule, day: date) -> bool:
    if schedule.frequency is Frequency.WEEKLY:
        return day.isoweekday() == schedule.weekday
    if schedule.frequency is Frequency.MONTHLY:
        return day.day == schedule.month_day
    return True


def period_before(period: ReportPeriod, unit_code: str, run_at: datetime) -> StatsQuery:
    """The query of a run at `run_at`: the day, calendar week (Monday–Sunday) or calendar month that ended
    before the run's day."""
    today = run_at.date()
    if period is ReportPeriod.DAY:
        last = today - timedelta(days=1)
        return StatsQuery(last, last, unit_code)
    if period is ReportPeriod.WEEK:
        sunday = today - timedelta(days=today.isoweekday())
        return StatsQuery(sunday - timedelta(days=6), sunday, unit_code)
    last = today.replace(day=1) - timedelta(days=1)
    return StatsQuery(last.replace(day=1), last, unit_code)
