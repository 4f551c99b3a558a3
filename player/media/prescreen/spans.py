"""Joining the detectors' per-sample observations into findings: time spans with a confidence.

A detector says, for a stretch of time around one sampled picture or one sound window, "this looked covered,
this strongly". Stretches of one kind that touch or lie closer than `merge_gap_ms` become one span; a span
shorter than the minimum is dropped (a hand passing the lens is not a covered lens). The confidence of a
span is the duration-weighted mean of its observations' strengths.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from player.media.prescreen.types import MediaFinding, MediaFindingKind, ScanSettings


@dataclass(frozen=True)
class Observation:
    kind: MediaFindingKind
    start_ms: int
    end_ms: int
    strength: float  # 0..1: how clearly the stretch is of this kind


def margin(value: float, threshold: float) -> float:
    """How far below `threshold` a value lies, 0 (at it) .. 1 (zero); the detectors' strength scale."""
    if threshold <= 0:
        return 0.0
    return min(1.0, max(0.0, 1.0 - value / threshold))


def join(observations: Iterable[Observation], settings: ScanSettings, duration_ms: int | None) -> list[MediaFinding]:
    """The findings of a file: per kind, merged stretches at least the minimum long, in time order."""
    by_kind: dict[MediaFindingKind, list[Observation]] = {}
    for observation in observations:
        if observation.end_ms > observation.start_ms:
            by_kind.setdefault(observation.kind, []).append(observation)
    findings = []
    for kind, items in by_kind.items():
        minimum = settings.undecodable_min_span_ms if kind is MediaFindingKind.UNDECODABLE else settings.min_span_ms
        for group in _groups(sorted(items, key=lambda item: item.start_ms), settings.merge_gap_ms):
            start = group[0].start_ms
            end = max(item.end_ms for item in group)
            if duration_ms is not None:
                end = min(end, max(duration_ms, start))
            if end - start < minimum:
                continue
            weight = sum(item.end_ms - item.start_ms for item in group)
            confidence = sum(item.strength * (item.end_ms - item.start_ms) for item in group) / weight
            findings.append(MediaFinding(kind, start, end, round(min(1.0, max(0.0, confidence)), 2)))
    return sorted(findings, key=lambda finding: (finding.start_ms, finding.kind.value))


def _groups(items: list[Observation], gap_ms: int) -> list[list[Observation]]:
    groups: list[list[Observation]] = []
    end = None
    for item in items:
        if end is None or item.start_ms > end + gap_ms:
            groups.append([])
        groups[-1].append(item)
        end = item.end_ms if end is None else max(end, item.end_ms)
    return groups
