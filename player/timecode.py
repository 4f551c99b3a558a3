"""Integer milliseconds to text, and media positions to wall-clock time (pure functions)."""

from datetime import datetime, timedelta


def format_position(ms: int, *, milliseconds: bool = True) -> str:
    """12:34.567 below an hour, 1:02:03.456 above; without milliseconds 12:34 / 1:02:03."""
    ms = max(0, int(ms))
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    text = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"
    return f"{text}.{millis:03d}" if milliseconds else text


def wall_clock(origin: datetime, position_ms: int) -> datetime:
    """The moment shown at position_ms of media that starts (in true time) at origin."""
    return origin + timedelta(milliseconds=int(position_ms))


def format_wall_clock(moment: datetime) -> str:
    """2026-11-21 08:30:05.120, as the absolute recording time at the playhead."""
    return f"{moment:%Y-%m-%d %H:%M:%S}.{moment.microsecond // 1000:03d}"
