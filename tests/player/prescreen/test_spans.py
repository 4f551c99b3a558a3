"""Joining observations into findings: merging across short gaps, the minimum length, the confidence."""

from player.media.prescreen.spans import Observation, join
from player.media.prescreen.types import MediaFinding, MediaFindingKind, ScanSettings

COVERED, SILENT, UNDECODABLE = MediaFindingKind.COVERED, MediaFindingKind.SILENT, MediaFindingKind.UNDECODABLE


def test_stretches_closer_than_the_gap_merge_and_the_confidence_is_weighted_by_time():
    observations = [
        Observation(COVERED, 0, 1000, 1.0),
        Observation(COVERED, 1500, 4500, 0.6),  # 500 ms after: same finding
        Observation(COVERED, 9000, 9500, 1.0),  # far away and too short
    ]
    assert join(observations, ScanSettings(), 10000) == [MediaFinding(COVERED, 0, 4500, 0.7)]


def test_kinds_are_joined_separately_and_sorted_by_time():
    observations = [Observation(SILENT, 5000, 9000, 0.8), Observation(COVERED, 1000, 4000, 0.9)]
    assert join(observations, ScanSettings(), None) == [
        MediaFinding(COVERED, 1000, 4000, 0.9),
        MediaFinding(SILENT, 5000, 9000, 0.8),
    ]


def test_short_damage_is_reported_and_spans_end_at_the_files_end():
    observations = [Observation(UNDECODABLE, 2000, 2600, 1.0), Observation(SILENT, 6000, 12000, 1.0)]
    assert join(observations, ScanSettings(), 10000) == [
        MediaFinding(UNDECODABLE, 2000, 2600, 1.0),
        MediaFinding(SILENT, 6000, 10000, 1.0),
    ]
    assert join(observations, ScanSettings(undecodable_min_span_ms=1000), 10000)[0].kind is SILENT
