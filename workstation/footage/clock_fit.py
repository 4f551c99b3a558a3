"""The drift fit of a recorder's clock: a least-squares line through its measured offsets (pure arithmetic).

A recorder's clock gains or loses a roughly constant amount a day, so its offset (recorder time − true time)
is a straight line in time: offset(t) = a + b·t, with the drift b in seconds a day. Setting the clock (a
clock-sync event) starts a new line: the sync's own measurement is the offset just before it (the end of the
old line), and the new line starts at 0 at that moment. The fit for a moment t uses the segment t lies in.
With one point the offset is that point and the drift unknown; the line is extended beyond its points.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from workstation.footage.types import ClockFit

DAY_S = 86_400


@dataclass(frozen=True)
class OffsetPoint:
    """A measured offset at a true time; `resets`: a clock sync (the offset just before the clock was set)."""

    at: datetime
    offset_ms: int
    resets: bool = False


def segment(points: list[OffsetPoint], at: datetime) -> list[OffsetPoint]:
    """The points of the clock segment `at` lies in: from the last sync at or before it (as offset 0) up to and
    including the next sync (its offset before it was set)."""
    ordered = sorted(points, key=lambda point: point.at)
    start = max((point.at for point in ordered if point.resets and point.at <= at), default=None)
    end = min((point.at for point in ordered if point.resets and point.at > at), default=None)
    chosen = [OffsetPoint(start, 0)] if start is not None else []
    for point in ordered:
        after_start = start is None or point.at > start
        before_end = end is None or point.at < end or (point.at == end and point.resets)
        if after_start and before_end:
            chosen.append(point)
    return chosen


def fit(points: list[OffsetPoint], at: datetime) -> ClockFit | None:
    """The offset at `at` and the drift, fitted over `at`'s segment; None when the segment has no point."""
    chosen = segment(points, at)
    if not chosen:
        return None
    origin = chosen[0].at
    xs = [(point.at - origin).total_seconds() / DAY_S for point in chosen]
    ys = [float(point.offset_ms) for point in chosen]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:  # one point, or all at one moment: no drift can be told
        return ClockFit(at, round(mean_y), None, len(chosen))
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread  # ms a day
    x_at = (at - origin).total_seconds() / DAY_S
    return ClockFit(at, round(mean_y + slope * (x_at - mean_x)), slope / 1000, len(chosen))


def offset_for_recorder_time(points: list[OffsetPoint], recorder_time: datetime) -> int | None:
    """The fitted offset for something the recorder stamped `recorder_time` (its true time is not known yet:
    found by one step, true ≈ recorder time − offset, ample for drifts of seconds a day)."""
    first = fit(points, recorder_time)
    if first is None:
        return None
    second = fit(points, recorder_time - timedelta(milliseconds=first.offset_ms))
    assert second is not None  # the same points, a moment nearby
    return second.offset_ms
