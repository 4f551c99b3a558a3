"""Spot-check sampling (抽样): pick clips for review at random, so that anyone can re-derive the pick.

Algorithm SC1 uses only SHA-256 and integer arithmetic. Python's `random` module is not used: its
generator is an implementation detail that a later Python could change, and a past draw must stay
re-derivable for as long as its ledger is kept.

0. The seed (32 bytes, as 64 hex characters) is SHA-256 of a text with one line per recording day of the
   candidates, in date order: `YYYY-MM-DD index day-seed` and a line feed (index in decimal, the day seed as
   64 lowercase hex characters). Each day seed was committed in the audit log before the day's first clip was
   archived and is revealed by the draw (workstation.sample_seeds), so nobody chose it knowing the
   candidates. (Plans drawn before committed seeds have a seed from the secure random source.)
1. The candidates are given (the caller picks the unit's video and audio clips of the period). Each one is
   known by its SHA-256, so the draw depends on the footage, not on database ids or listing order.
2. Each candidate holds tickets: one, or with `weight_long` one per started minute of its duration, at most
   MAX_TICKETS.
3. A ticket's number is the first 8 bytes, as an unsigned big-endian integer, of
   SHA-256(seed ‖ clip SHA-256 as 64 lowercase hex characters ‖ ":" ‖ ticket index in decimal), where the
   seed is the plan's 32 bytes. A candidate's key is the largest number among its tickets. The
   largest of w uniform numbers is distributed as U^(1/w): this is Efraimidis–Spirakis weighted sampling
   without replacement, with whole-number weights and no floating point.
4. Per officer with n candidates, quota = max(min_per_officer, ⌈n × ratio_bp / 10000⌉), at most n. The
   ratio rounds up, so nobody with footage is skipped ("5 % of 3 clips" is one clip, not none). With
   `include_first` the officer's first clip (earliest recording, then lowest SHA-256) is taken in
   addition to the quota; the quota is filled from the officer's other clips by descending key, ties
   broken by the lower SHA-256.

Pure: no database, no clock. The same seed, candidates and parameters always give the same sample.
"""

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from workstation.spotcheck.types import DaySeed, Selection

ALGORITHM = "SC1"
MAX_TICKETS = 30
TICKET_MS = 60_000
BASIS_POINTS = 10_000


@dataclass(frozen=True)
class Candidate:
    """A clip the sample is drawn from. clip_id only maps the result back; the draw never looks at it."""

    clip_id: int
    sha256: str
    badge_no: str
    recorded_start: datetime
    duration_ms: int | None


@dataclass(frozen=True)
class SampleParams:
    """The parameters a plan stores with its seed. ratio_bp: proportion in basis points (1000 = 10 %)."""

    ratio_bp: int = 1000
    min_per_officer: int = 1
    weight_long: bool = False
    include_first: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.ratio_bp <= BASIS_POINTS:
            raise ValueError("ratio_bp must be between 1 and 10000")
        if self.min_per_officer < 0:
            raise ValueError("min_per_officer must not be negative")


@dataclass(frozen=True)
class Pick:
    """A drawn clip; rank orders an officer's picks (the first clip, then by descending key)."""

    candidate: Candidate
    selection: Selection
    rank: int


def plan_seed(day_seeds: Iterable[DaySeed]) -> str:
    """The plan's seed from its revealed day seeds (step 0 of the module docstring)."""
    lines = "".join(f"{s.day.isoformat()} {s.index} {s.seed}\n" for s in sorted(day_seeds, key=lambda s: s.day))
    return hashlib.sha256(lines.encode("ascii")).hexdigest()


def candidate_days(candidates: Iterable[Candidate]) -> list[date]:
    """The recording days of the candidates, in order: the days whose seeds a plan reveals."""
    return sorted({candidate.recorded_start.date() for candidate in candidates})


def quota(count: int, params: SampleParams) -> int:
    """How many of an officer's `count` clips the ratio asks for: rounded up, at least the minimum."""
    wanted = -(-count * params.ratio_bp // BASIS_POINTS)
    return min(count, max(params.min_per_officer, wanted))


def tickets(candidate: Candidate, params: SampleParams) -> int:
    if not params.weight_long or not candidate.duration_ms:
        return 1
    return max(1, min(MAX_TICKETS, -(-candidate.duration_ms // TICKET_MS)))


def draw(seed: str, candidates: Iterable[Candidate], params: SampleParams) -> list[Pick]:
    """The sample: picks ordered by 警号, then rank. See the module docstring for the construction."""
    keyed = hashlib.sha256(bytes.fromhex(seed))
    by_officer: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_officer[candidate.badge_no].append(candidate)
    picks: list[Pick] = []
    for badge_no in sorted(by_officer):
        clips = sorted(by_officer[badge_no], key=lambda c: (c.recorded_start, c.sha256))
        wanted = quota(len(clips), params)
        chosen: list[Pick] = []
        if params.include_first:
            chosen.append(Pick(clips[0], Selection.FIRST, 0))
            clips = clips[1:]
        ranked = sorted(clips, key=lambda c: (-_key(keyed, c, tickets(c, params)), c.sha256))
        for candidate in ranked[:wanted]:
            chosen.append(Pick(candidate, Selection.RANDOM, len(chosen)))
        picks.extend(chosen)
    return picks


def _key(keyed: "hashlib._Hash", candidate: Candidate, count: int) -> int:
    prefix = candidate.sha256.encode("ascii") + b":"
    best = 0
    for ticket in range(count):
        digest = keyed.copy()
        digest.update(prefix + str(ticket).encode("ascii"))
        best = max(best, int.from_bytes(digest.digest()[:8], "big"))
    return best


def candidates_digest(candidates: Iterable[Candidate]) -> str:
    """SHA-256 over the candidate list in canonical form: one line per clip, sorted by its SHA-256:
    `sha256 警号 YYYY-MM-DDTHH:MM:SS duration_ms` (a dash for an unknown duration)."""
    lines = sorted(
        f"{c.sha256} {c.badge_no} {c.recorded_start:%Y-%m-%dT%H:%M:%S} {_duration_text(c.duration_ms)}"
        for c in candidates
    )
    return _digest(lines)


def _duration_text(duration_ms: int | None) -> str:
    return "-" if duration_ms is None else str(duration_ms)


def sample_digest(picks: Sequence[Pick]) -> str:
    """SHA-256 over the sample in canonical form: `sha256 selection` per pick, sorted."""
    return _digest(sorted(f"{pick.candidate.sha256} {pick.selection.value}" for pick in picks))


def _digest(lines: list[str]) -> str:
    return hashlib.sha256("".join(f"{line}\n" for line in lines).encode("utf-8")).hexdigest()
