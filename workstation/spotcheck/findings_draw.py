"""The draw option "add clips with pre-screen findings" (issue 17): after the random sample, a plan may take up
to `findings_extra` more of its candidates whose footage the pre-screen flagged, so the daily check also goes
where the problems are.

Which clips qualify: a candidate of the plan (same unit, period and rules as the random draw) that is not in
the random sample and has a finding on the clip itself (not only on the officer's day) that is

- not dismissed (a reviewer already said it is nothing), and
- of a kind reviewers have confirmed at least once anywhere in the archive (the pre-screen figures' confirmed
  count > 0): a detector that has never been right yet does not steer the sample. A confirmed finding on the
  clip qualifies by itself.

Order, so the extra work spreads over the officers: each officer's clips are ranked (a confirmed finding first,
then the highest confidence, then the lower SHA-256); everyone's best clip comes before anyone's second, and
within a round the same ranking decides. The result depends only on the candidates and the findings as they
stand at the draw: the draw's audit row records the clips taken and their kinds, which is what `spotcheck
verify` holds the added items to (findings change as reviewers decide them, so they are not re-derived).

Reads the pre-screen's table directly (db.models.PrescreenFinding); the spot check does not use the pre-screen
area's services.
"""

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import PrescreenFinding
from workstation.prescreen.types import FindingStatus
from workstation.spotcheck.sampling import Candidate

_BATCH = 500


@dataclass(frozen=True)
class FlaggedPick:
    """A clip added for its findings: the candidate and the finding kinds that brought it in (sorted)."""

    candidate: Candidate
    kinds: tuple[str, ...]


def pick_flagged(
    session: Session, candidates: Sequence[Candidate], taken: Collection[int], limit: int
) -> list[FlaggedPick]:
    """Up to `limit` candidates not in `taken` (clip ids of the random sample) with qualifying findings, in the
    module docstring's order."""
    if limit <= 0:
        return []
    open_candidates = {c.clip_id: c for c in candidates if c.clip_id not in taken}
    kinds: dict[int, set[str]] = defaultdict(set)
    rank: dict[int, tuple[bool, float]] = {}
    trusted = _confirmed_kinds(session)
    for clip_id, kind, status, confidence in _findings(session, sorted(open_candidates)):
        if status == FindingStatus.DISMISSED or (kind not in trusted and status != FindingStatus.CONFIRMED):
            continue
        kinds[clip_id].add(kind)
        confirmed, best = rank.get(clip_id, (False, 0.0))
        rank[clip_id] = (confirmed or status == FindingStatus.CONFIRMED, max(best, confidence))
    by_officer: dict[str, list[Candidate]] = defaultdict(list)
    for clip_id in kinds:
        by_officer[open_candidates[clip_id].badge_no].append(open_candidates[clip_id])

    def key(candidate: Candidate) -> tuple[bool, float, str]:
        confirmed, confidence = rank[candidate.clip_id]
        return (not confirmed, -confidence, candidate.sha256)

    rounds = [
        (place, key(candidate), candidate)
        for clips in by_officer.values()
        for place, candidate in enumerate(sorted(clips, key=key))
    ]
    chosen = sorted(rounds, key=lambda entry: (entry[0], entry[1]))[:limit]
    return [FlaggedPick(candidate, tuple(sorted(kinds[candidate.clip_id]))) for _, _, candidate in chosen]


def _confirmed_kinds(session: Session) -> frozenset[str]:
    """The kinds with at least one confirmed finding in the archive."""
    statement = select(PrescreenFinding.kind).where(PrescreenFinding.status == FindingStatus.CONFIRMED).distinct()
    return frozenset(session.execute(statement).scalars())


def _findings(session: Session, clip_ids: list[int]) -> list[tuple[int, str, str, float]]:
    """(clip id, kind, status, confidence) of every finding on these clips."""
    rows: list[tuple[int, str, str, float]] = []
    for start in range(0, len(clip_ids), _BATCH):
        batch = clip_ids[start : start + _BATCH]
        finding = PrescreenFinding
        statement = select(finding.clip_id, finding.kind, finding.status, finding.confidence).where(
            finding.clip_id.in_(batch)
        )
        # clip_id IN (...) never matches NULL: every row is on a clip
        rows += [(cast(int, clip), kind, status, level) for clip, kind, status, level in session.execute(statement)]
    return rows
