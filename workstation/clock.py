"""Archive-local time: naive datetimes in China Standard Time (UTC+8), as on recorder overlays.

Every stored timestamp uses this one zone, so times compare directly with the times recorders write in
file names and logs. China has no daylight saving, so a fixed offset is exact.
"""

from datetime import UTC, datetime, timedelta, timezone

ARCHIVE_ZONE = timezone(timedelta(hours=8), "CST")
DISPLAY_FORMAT = "%Y-%m-%d %H:%M:%S"


def now() -> datetime:
    """The current archive-local time, to the second as shown to users."""
    return datetime.now(UTC).astimezone(ARCHIVE_ZONE).replace(tzinfo=None, microsecond=0)


def format_time(moment: datetime | None) -> str:
    """2026-11-22 14:05:09, or an empty string."""
    return moment.strftime(DISPLAY_FORMAT) if moment else ""
