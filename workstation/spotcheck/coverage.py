"""Proof of review: how much of a clip was actually played, from the spans the player reports.

The player reports (start_ms, end_ms) spans of media time it played, in any order and overlapping (a
reviewer rewinds, skips, replays). Coverage is the union of the spans within [0, duration] over the
duration, in basis points (10000 = the whole clip). Pure.
"""

from collections.abc import Iterable

from workstation.spotcheck.sampling import BASIS_POINTS


def merge(intervals: Iterable[tuple[int, int]], duration_ms: int | None = None) -> list[tuple[int, int]]:
    """The union of the spans as sorted, disjoint spans; clipped to [0, duration_ms] when it is known.

    Empty and reversed spans are dropped; spans that touch are joined.
    """
    spans = []
    for start, end in intervals:
        start, end = max(0, int(start)), int(end)
        if duration_ms is not None:
            end = min(end, duration_ms)
        if end > start:
            spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def played_ms(intervals: Iterable[tuple[int, int]], duration_ms: int | None) -> int:
    return sum(end - start for start, end in merge(intervals, duration_ms))


def coverage_bp(intervals: Iterable[tuple[int, int]], duration_ms: int | None) -> int:
    """The played share of the clip in basis points, rounded down (0 when the duration is unknown)."""
    if not duration_ms or duration_ms <= 0:
        return 0
    return played_ms(intervals, duration_ms) * BASIS_POINTS // duration_ms
