"""Archive-local time: naive datetimes in China Standard Time (UTC+8), as on recorder overlays.

Every stored timestamp uses this one zone, so times compare directly with the times recorders write in
file names and logs. China has no daylight saving, so a fixed offset is exact. The machine's own time
zone never matters: a workstation in UTC and one in Beijing store the same times.

Every part of the program asks this module for the time, so the time can be *simulated*: the demo
replays each day's docking at the end of that shift, and the tests run at fixed instants (any hour of
the day, under any TZ) instead of whatever the wall clock says.
"""

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone

ARCHIVE_ZONE = timezone(timedelta(hours=8), "CST")
DISPLAY_FORMAT = "%Y-%m-%d %H:%M:%S"

TimeSource = Callable[[], datetime]
"""Returns the current archive-local time (naive, UTC+8)."""


def system_time() -> datetime:
    """The computer's clock, converted to archive-local time."""
    return datetime.now(UTC).astimezone(ARCHIVE_ZONE).replace(tzinfo=None)


_lock = threading.Lock()
_source: TimeSource = system_time


def now() -> datetime:
    """The current archive-local time, to the second as shown to users."""
    return _source().replace(microsecond=0)


def running_from(start: datetime) -> TimeSource:
    """A clock that reads `start` now and then advances in real time (monotonic, never jumps)."""
    began = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - began)


def use(source: TimeSource) -> TimeSource:
    """Make `source` the program's clock (for every thread); returns the previous one."""
    global _source
    with _lock:
        previous, _source = _source, source
    return previous


@contextmanager
def simulated(start: datetime) -> Iterator[None]:
    """Within the block the time is `start`, advancing in real time; the previous clock afterwards."""
    previous = use(running_from(start))
    try:
        yield
    finally:
        use(previous)


def format_time(moment: datetime | None) -> str:
    """2026-11-22 14:05:09, or an empty string."""
    return moment.strftime(DISPLAY_FORMAT) if moment else ""
