"""When report tasks run and what they cover, from the program's clock at many instants (no fixed "today"):
the next run is the first matching hour after now; the period is the day, Monday–Sunday week or calendar
month that ended before the run's day. Run under tools/clock_matrix.sh (several clocks and TZ)."""

from datetime import timedelta

import pytest

from workstation import clock
from workstation.errors import ReportTaskError
from workstation.statistics.schedule import check_schedule, latest_run, next_run, period_before
from workstation.statistics.types import Frequency, ReportPeriod, Schedule

pytestmark = pytest.mark.clock

SCHEDULES = [
    Schedule(Frequency.DAILY, 0),
    Schedule(Frequency.DAILY, 23),
    Schedule(Frequency.WEEKLY, 8, weekday=1),
    Schedule(Frequency.WEEKLY, 6, weekday=7),
    Schedule(Frequency.MONTHLY, 7, month_day=1),
    Schedule(Frequency.MONTHLY, 9, month_day=28),
]


def _instants():
    start = clock.now()
    return [start + timedelta(minutes=97 * step) for step in range(0, 1200)]  # about 80 days, every hour's minutes


def _matches(schedule, moment):
    if moment.minute or moment.second or moment.hour != schedule.hour:
        return False
    if schedule.frequency is Frequency.WEEKLY:
        return moment.isoweekday() == schedule.weekday
    if schedule.frequency is Frequency.MONTHLY:
        return moment.day == schedule.month_day
    return True


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: f"{s.frequency}-{s.hour}")
def test_the_next_run_is_the_first_matching_time_after_now(schedule):
    for now in _instants()[::7]:
        run = next_run(schedule, now)
        assert run > now and _matches(schedule, run)
        hour = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        while hour < run:  # no matching time was skipped
            assert not _matches(schedule, hour)
            hour += timedelta(hours=1)


@pytest.mark.parametrize("schedule", SCHEDULES, ids=lambda s: f"{s.frequency}-{s.hour}")
def test_missed_runs_collapse_to_the_latest(schedule):
    now = clock.now()
    first = next_run(schedule, now - timedelta(days=100))
    latest = latest_run(schedule, first, now)
    assert latest <= now < next_run(schedule, latest) and _matches(schedule, latest)


def test_the_period_is_the_day_week_or_month_before_the_run():
    for run in _instants():
        today = run.date()
        day = period_before(ReportPeriod.DAY, "ZD01", run)
        assert day.date_from == day.date_to == today - timedelta(days=1) and day.unit_code == "ZD01"
        week = period_before(ReportPeriod.WEEK, "ZD01", run)
        assert week.date_from.isoweekday() == 1 and week.date_to.isoweekday() == 7
        assert week.date_to - week.date_from == timedelta(days=6) and today - timedelta(days=7) <= week.date_to < today
        month = period_before(ReportPeriod.MONTH, "ZD01", run)
        assert month.date_from.day == 1 and (month.date_to + timedelta(days=1)) == today.replace(day=1)


@pytest.mark.parametrize(
    "schedule",
    [
        Schedule(Frequency.DAILY, 24),
        Schedule(Frequency.WEEKLY, 8),
        Schedule(Frequency.WEEKLY, 8, weekday=8),
        Schedule(Frequency.MONTHLY, 8, month_day=31),
        Schedule(Frequency.DAILY, 8, weekday=1),
    ],
)
def test_a_schedule_missing_or_beyond_its_fields_is_refused(schedule):
    with pytest.raises(ReportTaskError):
        check_schedule(schedule)
