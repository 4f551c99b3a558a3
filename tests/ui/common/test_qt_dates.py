"""Date pickers default to today in the archive's time (China), whatever the PC's time zone says."""

import os
import time
from datetime import date, datetime

import pytest

from ui.archive.filters import FilterBar
from ui.common.qt_dates import archive_today, to_date
from workstation import clock


@pytest.fixture
def utc_machine_early_morning_in_china():
    """The PC's zone is UTC and the archive's clock reads 2026-12-01 07:30 (China): 2026-11-30 23:30 on the PC."""
    zone = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    previous = clock.use(lambda: datetime(2026, 12, 1, 7, 30))
    yield
    clock.use(previous)
    if zone is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = zone
    time.tzset()


def test_the_filter_bar_defaults_to_the_archives_today(qtbot, utc_machine_early_morning_in_china):
    assert to_date(archive_today()) == date(2026, 12, 1)
    bar = FilterBar()
    qtbot.addWidget(bar)
    assert to_date(bar.date_to.date()) == date(2026, 12, 1)
    assert to_date(bar.date_from.date()) == date(2026, 11, 24)
