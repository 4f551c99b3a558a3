"""Sampling SC1: exact quotas, the documented construction, stability across versions, fairness."""

import hashlib
import math
import random
import secrets
from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.spotcheck.sampling import (
    Candidate,
    SampleParams,
    candidates_digest,
    draw,
    plan_seed,
    quota,
    sample_digest,
)
from workstation.spotcheck.types import DaySeed, Selection

START = datetime(2026, 11, 21, 8, 0)


def _sha(number: int) -> str:
    return hashlib.sha256(f"clip-{number}".encode()).hexdigest()


def _candidates(counts: dict[str, int], minutes: int = 1) -> list[Candidate]:
    found, number = [], 0
    for badge, count in counts.items():
        for index in range(count):
            found.append(Candidate(number, _sha(number), badge, START + timedelta(minutes=index), minutes * 60_000))
            number += 1
    return found


@pytest.mark.parametrize(
    ("clips", "ratio_bp", "minimum", "expected"),
    [
        (3, 500, 1, 1),  # "5 % of 3" rounds up to one clip, not down to none
        (3, 500, 0, 1),  # rounding up alone keeps everyone with footage in
        (30, 1000, 1, 3),  # 0.1 × 30 is 3.0000000000000004 in floating point; the quota is exact
        (31, 1000, 1, 4),
        (10, 1000, 2, 2),
        (1, 1000, 3, 1),  # never more than the officer recorded
        (7, 10_000, 1, 7),
    ],
)
def test_the_quota_rounds_up_exactly_with_a_minimum(clips, ratio_bp, minimum, expected):
    assert quota(clips, SampleParams(ratio_bp, minimum)) == expected


@pytest.mark.parametrize("ratio_bp", [0, 10_001])
def test_parameters_out_of_range_are_refused(ratio_bp):
    with pytest.raises(ValueError, match="ratio_bp"):
        SampleParams(ratio_bp)


def test_the_sample_is_pinned_for_all_time():
    """SC1 must give these picks forever: a past plan has to verify with any later version of the program."""
    candidates = [
        Candidate(n, _sha(n), "010203" if n < 6 else "010204", START + timedelta(minutes=n), 60_000 * (n + 1))
        for n in range(9)
    ]
    seed = "00" * 31 + "01"
    plain = draw(seed, candidates, SampleParams(3000, 1))
    assert [(p.candidate.clip_id, p.selection) for p in plain] == [
        (2, Selection.RANDOM),
        (4, Selection.RANDOM),
        (6, Selection.RANDOM),
    ]
    weighted = draw(seed, candidates, SampleParams(1000, 1, weight_long=True, include_first=True))
    assert [(p.candidate.clip_id, p.selection) for p in weighted] == [
        (0, Selection.FIRST),
        (3, Selection.RANDOM),
        (6, Selection.FIRST),
        (8, Selection.RANDOM),
    ]


def _reference_draw(seed: str, candidates: list[Candidate], params: SampleParams) -> set[int]:
    """The construction exactly as the module docstring (and the ledger's 抽样记录 sheet) words it."""
    picked = set()
    for badge in {c.badge_no for c in candidates}:
        clips = sorted((c for c in candidates if c.badge_no == badge), key=lambda c: (c.recorded_start, c.sha256))
        wanted = min(len(clips), max(params.min_per_officer, math.ceil(len(clips) * params.ratio_bp / 10_000 - 1e-9)))
        if params.include_first:
            picked.add(clips.pop(0).clip_id)

        def key(clip: Candidate) -> int:
            tickets = min(30, math.ceil(clip.duration_ms / 60_000)) if params.weight_long else 1
            return max(
                int.from_bytes(hashlib.sha256(bytes.fromhex(seed) + f"{clip.sha256}:{t}".encode()).digest()[:8])
                for t in range(tickets)
            )

        picked.update(c.clip_id for c in sorted(clips, key=lambda c: (-key(c), c.sha256))[:wanted])
    return picked


@settings(max_examples=40, deadline=None)
@given(
    counts=st.lists(st.integers(1, 12), min_size=1, max_size=4),
    ratio_bp=st.integers(1, 10_000),
    minimum=st.integers(0, 3),
    weight_long=st.booleans(),
    include_first=st.booleans(),
    seed=st.binary(min_size=32, max_size=32),
)
def test_the_draw_is_the_documented_construction(counts, ratio_bp, minimum, weight_long, include_first, seed):
    rng = random.Random(sum(counts))
    candidates = [
        Candidate(c.clip_id, c.sha256, c.badge_no, c.recorded_start, rng.randint(1, 40) * 45_000)
        for c in _candidates({f"0{n}": count for n, count in enumerate(counts)})
    ]
    params = SampleParams(ratio_bp, minimum, weight_long, include_first)
    picks = draw(seed.hex(), candidates, params)
    assert {p.candidate.clip_id for p in picks} == _reference_draw(seed.hex(), candidates, params)
    assert len(picks) == len({p.candidate.clip_id for p in picks})


def test_listing_order_does_not_matter_and_the_seed_does():
    candidates = _candidates({"010203": 20, "010204": 20})
    seed = _random_seed()
    shuffled = candidates[:]
    random.Random(1).shuffle(shuffled)
    params = SampleParams(2000, 1)
    assert draw(seed, candidates, params) == draw(seed, shuffled, params)
    assert candidates_digest(candidates) == candidates_digest(shuffled)
    assert len(seed) == 64 and _random_seed() != seed
    others = {tuple(p.candidate.clip_id for p in draw(_random_seed(), candidates, params)) for _ in range(5)}
    assert len(others) > 1


def test_every_clip_has_the_same_chance():
    """One of ten clips per draw over 3000 seeds: each clip comes up about 300 times."""
    candidates = _candidates({"010203": 10})
    counts = Counter(
        draw(f"{number:064x}", candidates, SampleParams(1000, 1))[0].candidate.clip_id for number in range(3000)
    )
    assert set(counts) == set(range(10))
    assert all(230 < count < 370 for count in counts.values()), counts


def test_long_clips_weigh_more_when_asked():
    """A 30-minute clip against ten 1-minute clips is drawn about 30 times in 40."""
    short = _candidates({"010203": 10})
    long = Candidate(99, _sha(99), "010203", START + timedelta(hours=1), 30 * 60_000)
    picks = Counter(
        draw(f"{n:064x}", [*short, long], SampleParams(1, 1, weight_long=True))[0].candidate.clip_id
        for n in range(2000)
    )
    assert 0.68 < picks[99] / 2000 < 0.82
    unweighted = Counter(
        draw(f"{n:064x}", [*short, long], SampleParams(1, 1))[0].candidate.clip_id for n in range(2000)
    )
    assert unweighted[99] / 2000 < 0.15


def test_the_first_clip_comes_in_addition_to_the_quota():
    candidates = _candidates({"010203": 10, "010204": 1})
    picks = draw(_random_seed(), candidates, SampleParams(2000, 1, include_first=True))
    mine = [p for p in picks if p.candidate.badge_no == "010203"]
    assert mine[0].selection is Selection.FIRST and mine[0].candidate.recorded_start == START
    assert [p.selection for p in mine[1:]] == [Selection.RANDOM, Selection.RANDOM]
    assert [p.rank for p in mine] == [0, 1, 2]
    theirs = [p for p in picks if p.candidate.badge_no == "010204"]
    assert [p.selection for p in theirs] == [Selection.FIRST]


def test_digests_change_with_the_lists():
    candidates = _candidates({"010203": 5})
    picks = draw(_random_seed(), candidates, SampleParams())
    changed = [Candidate(c.clip_id, c.sha256, c.badge_no, c.recorded_start, 1) for c in candidates]
    assert candidates_digest(candidates) != candidates_digest(changed)
    assert candidates_digest(candidates) != candidates_digest(candidates[1:])
    assert sample_digest(picks) != sample_digest([])


def _random_seed() -> str:
    return secrets.token_hex(32)


def test_the_plan_seed_is_the_hash_of_its_day_seed_lines_in_date_order():
    """SC1 step 0, as the README tells an inspector to re-derive it with sha256sum."""
    first = DaySeed(date(2026, 11, 20), 0, "ab" * 32, 17)
    second = DaySeed(date(2026, 11, 21), 2, "cd" * 32, 40)
    text = f"2026-11-20 0 {'ab' * 32}\n2026-11-21 2 {'cd' * 32}\n"
    assert plan_seed([second, first]) == hashlib.sha256(text.encode("ascii")).hexdigest()
    assert plan_seed([first]) != plan_seed([DaySeed(first.day, 1, first.seed, 17)])
