"""Coverage is the union of the played spans over the clip, whatever order and overlap they come in."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workstation.spotcheck.coverage import coverage_bp, merge, played_ms


def test_overlapping_repeated_and_reversed_spans_count_once():
    spans = [(5000, 8000), (0, 3000), (2000, 4000), (7000, 9000), (6000, 5000), (9000, 9000)]
    assert merge(spans) == [(0, 4000), (5000, 9000)]
    assert played_ms(spans, 10_000) == 8000
    assert coverage_bp(spans, 10_000) == 8000


def test_spans_are_clipped_to_the_clip():
    assert merge([(-500, 1000), (9000, 12_000)], 10_000) == [(0, 1000), (9000, 10_000)]
    assert coverage_bp([(0, 20_000)], 10_000) == 10_000


@pytest.mark.parametrize("duration", [None, 0])
def test_an_unknown_duration_has_no_coverage(duration):
    assert coverage_bp([(0, 1000)], duration) == 0


@given(st.lists(st.tuples(st.integers(-20, 120), st.integers(-20, 120)), max_size=12), st.integers(1, 100))
def test_coverage_is_the_share_of_played_milliseconds(spans, duration):
    played = {ms for start, end in spans for ms in range(max(0, start), min(end, duration))}
    assert played_ms(spans, duration) == len(played)
    assert coverage_bp(spans, duration) == len(played) * 10_000 // duration
