"""The period presets of the 统计 page (本周, 本月, 上月, 本年), worked out from a day of the program's clock."""

from datetime import date, timedelta
from enum import StrEnum


class Preset(StrEnum):
    THIS_WEEK = "this_week"  # Monday to today
    THIS_MONTH = "this_month"  # the 1st to today
    LAST_MONTH = "last_month"  # the whole previous month
    THIS_YEAR = "this_year"  # 1 January to today
    CUSTOM = "custom"  # the dates the user picks


def period(preset: Preset, today: date) -> tuple[date, date]:
    """The first and last day (inclusive) of `preset` as seen on `today`; CUSTOM has no dates of its own."""
    if preset is Preset.THIS_WEEK:
        return today - timedelta(days=today.weekday()), today
    if preset is Preset.THIS_MONTH:
        return today.replace(day=1), today
    if preset is Preset.LAST_MONTH:
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if preset is Preset.THIS_YEAR:
        return today.replace(month=1, day=1), today
    raise ValueError("a custom period has the dates the user picked")
