"""Drawing spot-check plans (抽查方案): one per unit and period, from the unit's video and audio clips.

A draw reveals, for each recording day of its candidates, the unit's next unused day seed committed in the
audit log before the day's footage arrived (workstation.sample_seeds), derives the plan's seed from them,
freezes the candidate list next to it, derives the sample with workstation.sampling and records seeds,
parameters and digests in the audit log, all in one transaction. A draw rolled back and made again reveals
the same seeds and gives the same sample; a redraw takes the next seed of each day, with its reason.
Photos and recorder logs are never candidates: a spot check plays footage back. On request a draw adds, on top
of the random sample, candidates with pre-screen findings (workstation.spotcheck.findings_draw): marked
`prescreen`, outside the sample count and digest, listed in the draw's audit row.
Footage awaiting assignment (待分配) has no unit and joins a plan only once it is assigned.

A unit has at most one plan in force per period (a unique key, so two workstations drawing at once
cannot both succeed). Drawing again needs `redraw` with a reason: the old plan is kept, marked as
superseded, its unreviewed items are withdrawn, and the new plan names it.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import cast

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import (
    Base,
    Clip,
    Officer,
    SpotCheckCandidate,
    SpotCheckItem,
    SpotCheckPlan,
    SpotCheckPlanSeed,
    SpotCheckReview,
    Unit,
)
from db.session import Sessions
from workstation import audit, clock, sample_seeds
from workstation.errors import PermissionDenied, SpotCheckError
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.spotcheck import sampling
from workstation.spotcheck.findings_draw import FlaggedPick, pick_flagged
from workstation.spotcheck.policy import CHECK_ROLES, working_units
from workstation.spotcheck.rows import item_rows, item_statement, plan_row, plan_rows
from workstation.spotcheck.types import (
    MAX_FINDINGS_EXTRA,
    DaySeed,
    DrawOutcome,
    DrawSpec,
    ItemStatus,
    PlanRow,
    SampleItemRow,
    Selection,
)
from workstation.types import FileType

_log = logging.getLogger(__name__)

CANDIDATE_TYPES = (FileType.VIDEO, FileType.AUDIO)
MAX_PERIOD_DAYS = 31


@dataclass(frozen=True)
class ArchiveClip:
    """A unit's video or audio clip of the period as the archive holds it now (see `archive_clips`)."""

    candidate: sampling.Candidate
    officer_id: int
    ingested_at: datetime
    first_reviewed_at: datetime | None


def draw_plans(
    sessions: Sessions,
    spec: DrawSpec,
    who: Identity,
    now: datetime | None = None,
    due_days: int = 1,
) -> list[DrawOutcome]:
    """Draw a plan for each unit in the spec with footage in the period (each in its own transaction), within
    the units `who` works on (policy.working_units). A unit that already has a plan in force for the
    period is reported with that plan's id and left alone.
    """
    params = sampling.SampleParams(spec.ratio_bp, spec.min_per_officer, spec.weight_long, spec.include_first)
    _check_period(spec.day_from, spec.day_to)
    _check_findings_extra(spec)
    with sessions.read() as session:
        units = _units_with_footage(session, spec, who)
    outcomes = []
    for unit_id, unit_code in units:
        _commit_period(sessions, who, unit_id, spec.day_from, spec.day_to)
        try:
            with sessions.write() as session:
                outcome = _draw_unit(session, unit_id, unit_code, spec, params, who, now or clock.now(), due_days)
        except IntegrityError:  # another workstation drew this unit and period a moment ago
            with sessions.read() as session:
                existing = _active_plan_id(session, unit_id, spec.day_from, spec.day_to)
            if existing is None:
                raise
            outcome = DrawOutcome(unit_code, None, existing)
        outcomes.append(outcome)
    return outcomes


def redraw(
    sessions: Sessions,
    plan_id: int,
    reason: str,
    who: Identity,
    spec: DrawSpec | None = None,
    now: datetime | None = None,
    due_days: int = 1,
) -> PlanRow:
    """Replace a plan in force by a new draw (new seed; new parameters if `spec` gives them), for a reason.

    The old plan stays, marked superseded; its reviewed items stay in the ledger, its open items are
    withdrawn. Both draws are in the audit log. The unit and period are always the old plan's.
    """
    reason = reason.strip()
    if not reason:
        raise SpotCheckError("redraw_needs_reason")
    if spec is not None:
        _check_findings_extra(spec)
    now = now or clock.now()
    with sessions.read() as session:
        unit_id = get_plan_unit(session, plan_id)
        _require_unit(session, who, unit_id)
        day_from, day_to = session.execute(
            select(SpotCheckPlan.day_from, SpotCheckPlan.day_to).where(SpotCheckPlan.id == plan_id)
        ).one()
    _commit_period(sessions, who, unit_id, day_from, day_to)
    with sessions.write() as session:
        old = session.execute(
            select(SpotCheckPlan).where(SpotCheckPlan.id == plan_id).with_for_update()
        ).scalar_one_or_none()
        if old is None:
            raise SpotCheckError("plan_not_found", plan_id=plan_id)
        _require_unit(session, who, old.unit_id)
        if old.superseded_at is not None:
            raise SpotCheckError("plan_superseded", plan_id=plan_id, superseded_at=old.superseded_at)
        unit_code = session.execute(select(Unit.code).where(Unit.id == old.unit_id)).scalar_one()
        previous = DrawSpec(
            old.day_from,
            old.day_to,
            unit_code,
            old.ratio_bp,
            old.min_per_officer,
            old.weight_long,
            old.include_first,
            findings_extra=old.findings_extra,
        )
        spec = replace(
            spec or previous,
            day_from=old.day_from,
            day_to=old.day_to,
            unit_code=unit_code,
            exclude_checked=old.exclude_checked,
        )
        params = sampling.SampleParams(spec.ratio_bp, spec.min_per_officer, spec.weight_long, spec.include_first)
        old.superseded_at, old.active_key = now, None
        session.execute(
            update(SpotCheckItem)
            .where(SpotCheckItem.plan_id == old.id, SpotCheckItem.status == ItemStatus.OPEN)
            .values(status=ItemStatus.WITHDRAWN, claimed_by=None, claimed_at=None, claim_expires_at=None)
        )
        session.flush()  # frees the unit's active key before the new plan takes it
        outcome = _draw_unit(session, old.unit_id, unit_code, spec, params, who, now, due_days, old.id, reason)
        if outcome.plan is None:
            raise SpotCheckError("redraw_found_nothing")
    return outcome.plan


def list_plans(
    session: Session, who: Identity, day_from: date, day_to: date, unit_code: str | None = None
) -> list[PlanRow]:
    """Plans (in force and superseded) whose period overlaps the days, in the units `who` works on."""
    units = working_units(session, who, CHECK_ROLES)
    conditions = [SpotCheckPlan.day_from <= day_to, SpotCheckPlan.day_to >= day_from]
    conditions.append(SpotCheckPlan.unit_id.in_(sorted(units)))
    if unit_code is not None:
        conditions.append(SpotCheckPlan.unit_id.in_(sorted(_subtree(session, unit_code))))
    return plan_rows(session, *conditions)


def get_plan(session: Session, who: Identity, plan_id: int) -> PlanRow:
    _require_unit(session, who, get_plan_unit(session, plan_id))
    rows = plan_rows(session, SpotCheckPlan.id == plan_id)
    if not rows:
        raise SpotCheckError("plan_not_found", plan_id=plan_id)
    return rows[0]


def plan_items(session: Session, who: Identity, plan_id: int, now: datetime | None = None) -> list[SampleItemRow]:
    """A plan's sample, by 警号 and recording time."""
    _require_unit(session, who, get_plan_unit(session, plan_id))
    statement = (
        item_statement()
        .where(SpotCheckItem.plan_id == plan_id)
        .order_by(Officer.badge_no, Clip.recorded_start, SpotCheckItem.id)
    )
    return item_rows(session, statement, now or clock.now())


def get_plan_unit(session: Session, plan_id: int) -> int:
    unit_id = session.execute(select(SpotCheckPlan.unit_id).where(SpotCheckPlan.id == plan_id)).scalar_one_or_none()
    if unit_id is None:
        raise SpotCheckError("plan_not_found", plan_id=plan_id)
    return unit_id


def archive_clips(session: Session, unit_id: int, day_from: date, day_to: date) -> list[ArchiveClip]:
    """The unit's video and audio clips recorded in the period that have an officer, with when each was
    ingested and first reviewed (what a draw may take, and what `verify` compares a snapshot with)."""
    first_review = (
        select(func.min(SpotCheckReview.reviewed_at)).where(SpotCheckReview.clip_id == Clip.id).scalar_subquery()
    )
    start, end = period_bounds(day_from, day_to)
    statement = (
        select(
            Clip.id,
            Clip.sha256,
            Officer.badge_no,
            Officer.id,  # Clip.officer_id, typed as never None (the join)
            Clip.recorded_start,
            Clip.duration_ms,
            Clip.ingested_at,
            first_review,
        )
        .join(Officer, Officer.id == Clip.officer_id)
        .where(
            Clip.unit_id == unit_id,
            Clip.recorded_start >= start,
            Clip.recorded_start < end,
            Clip.file_type.in_(CANDIDATE_TYPES),
        )
    )
    return [
        ArchiveClip(sampling.Candidate(clip_id, sha, badge, recorded, duration), officer_id, ingested, reviewed)
        for clip_id, sha, badge, officer_id, recorded, duration, ingested, reviewed in session.execute(statement)
    ]


def period_bounds(day_from: date, day_to: date) -> tuple[datetime, datetime]:
    """[day_from 00:00, the day after day_to 00:00) in archive-local time."""
    return datetime.combine(day_from, time.min), datetime.combine(day_to + timedelta(days=1), time.min)


def active_key(unit_id: int, day_from: date, day_to: date) -> str:
    return f"{unit_id}:{day_from.isoformat()}:{day_to.isoformat()}"


def _draw_unit(
    session: Session,
    unit_id: int,
    unit_code: str,
    spec: DrawSpec,
    params: sampling.SampleParams,
    who: Identity,
    now: datetime,
    due_days: int,
    replaces: int | None = None,
    reason: str = "",
) -> DrawOutcome:
    existing = _active_plan_id(session, unit_id, spec.day_from, spec.day_to)
    if existing is not None:
        return DrawOutcome(unit_code, None, existing)
    clips = [
        clip
        for clip in archive_clips(session, unit_id, spec.day_from, spec.day_to)
        if not (spec.exclude_checked and clip.first_reviewed_at is not None)
    ]
    if not clips:
        return DrawOutcome(unit_code, None)
    candidates = [clip.candidate for clip in clips]
    revealed = [_reveal_next(session, who, unit_id, unit_code, day) for day in sampling.candidate_days(candidates)]
    day_seeds = [day_seed for day_seed, _ in revealed]
    seed = sampling.plan_seed(day_seeds)
    picks = sampling.draw(seed, candidates, params)
    flagged = pick_flagged(session, candidates, {pick.candidate.clip_id for pick in picks}, spec.findings_extra)
    plan = SpotCheckPlan(
        unit_id=unit_id,
        day_from=spec.day_from,
        day_to=spec.day_to,
        ratio_bp=params.ratio_bp,
        min_per_officer=params.min_per_officer,
        weight_long=params.weight_long,
        include_first=params.include_first,
        exclude_checked=spec.exclude_checked,
        algorithm=sampling.ALGORITHM,
        seed=seed,
        candidates_digest=sampling.candidates_digest(candidates),
        sample_digest=sampling.sample_digest(picks),
        candidate_count=len(candidates),
        sample_count=len(picks),
        drawn_at=now,
        drawn_by=who.audit_name[:64],
        due_on=now.date() + timedelta(days=due_days),
        active_key=active_key(unit_id, spec.day_from, spec.day_to),
        replaces_id=replaces,
        redraw_reason=reason,
        findings_extra=spec.findings_extra,
        findings_count=len(flagged),
    )
    session.add(plan)
    session.flush()
    officers = {clip.candidate.clip_id: clip.officer_id for clip in clips}
    _insert_rows(
        session,
        SpotCheckPlanSeed,
        [
            {"plan_id": plan.id, "day": s.day, "commitment_id": commitment_id, "seed_index": s.index, "seed": s.seed}
            for s, commitment_id in revealed
        ],
    )
    _insert_rows(
        session,
        SpotCheckCandidate,
        [
            {
                "plan_id": plan.id,
                "clip_id": c.clip_id,
                "officer_id": officers[c.clip_id],
                "sha256": c.sha256,
                "recorded_start": c.recorded_start,
                "duration_ms": c.duration_ms,
            }
            for c in candidates
        ],
    )
    _insert_rows(
        session,
        SpotCheckItem,
        [
            {
                "plan_id": plan.id,
                "clip_id": pick.candidate.clip_id,
                "officer_id": officers[pick.candidate.clip_id],
                "unit_id": unit_id,
                "selection": pick.selection,
                "rank": pick.rank,
                "status": ItemStatus.OPEN,
                "finding_kinds": "",
            }
            for pick in picks
        ]
        + [
            {
                "plan_id": plan.id,
                "clip_id": added.candidate.clip_id,
                "officer_id": officers[added.candidate.clip_id],
                "unit_id": unit_id,
                "selection": Selection.PRESCREEN,
                "rank": rank,
                "status": ItemStatus.OPEN,
                "finding_kinds": ",".join(added.kinds),
            }
            for rank, added in enumerate(flagged)
        ],
    )
    details = draw_details(plan, unit_code, day_seeds) | _flagged_details(flagged)
    if replaces is not None:
        details |= {"replaces": replaces, "reason": reason}
    action = "spotcheck.redraw" if replaces else "spotcheck.draw"
    audit.record(session, who.audit_name, action, "spotcheck_plan", plan.id, details)
    _log.info(
        "spot-check plan %s drawn for %s: %d of %d clips, %d added for pre-screen findings",
        plan.id,
        unit_code,
        len(picks),
        len(candidates),
        len(flagged),
    )
    return DrawOutcome(unit_code, plan_row(plan, unit_code, _unit_name(session, unit_id), 0, tuple(day_seeds)))


def _commit_period(sessions: Sessions, who: Identity, unit_id: int, day_from: date, day_to: date) -> None:
    """Commit the seeds of the period's days that have none yet (footage archived before commitments, or
    that came another way), in a transaction of their own: a draw rolled back and repeated then reveals the
    same seeds. `spotcheck verify` reports such a commitment as late for the clips archived before it."""
    with sessions.write() as session:
        for offset in range((day_to - day_from).days + 1):
            day = day_from + timedelta(days=offset)
            sample_seeds.ensure_committed(session, who.audit_name, unit_id, day, "draw")


def _reveal_next(session: Session, who: Identity, unit_id: int, unit_code: str, day: date) -> tuple[DaySeed, int]:
    """The day's next unused seed (each is used by one plan only) and its commitment's id."""
    commitment = sample_seeds.ensure_committed(session, who.audit_name, unit_id, day, "draw")
    used = session.execute(
        select(func.max(SpotCheckPlanSeed.seed_index)).where(SpotCheckPlanSeed.commitment_id == commitment.id)
    ).scalar_one()
    index = 0 if used is None else used + 1
    if index >= sample_seeds.SEEDS_PER_DAY:
        raise SpotCheckError("sample_seeds_used_up", unit_code=unit_code, day=day, count=sample_seeds.SEEDS_PER_DAY)
    seed = sample_seeds.reveal(session, commitment, index)
    return DaySeed(day, index, seed, commitment.commit_seq), commitment.id


def _insert_rows(session: Session, model: type[Base], rows: list[dict[str, object]]) -> None:
    """A Core executemany on the session's connection (same transaction): measured on a detachment's day,
    it is cheaper than the ORM's bulk insert and than batched multi-row INSERTs with RETURNING."""
    if rows:
        session.connection().execute(insert(cast(Table, model.__table__)), rows)  # a mapped class's table


def draw_details(plan: SpotCheckPlan, unit_code: str, day_seeds: Sequence[DaySeed]) -> dict[str, object]:
    """What the audit log keeps of a draw: enough to re-derive and to notice an edited plan row. The day seeds
    (day, number, seed, audit seq of the commitment) are left out for a plan drawn before seeds were committed;
    the pre-screen option's figures only appear when the option was used (older rows stay as they were)."""
    seeds = {"day_seeds": [[s.day.isoformat(), s.index, s.seed, s.commit_seq] for s in day_seeds]} if day_seeds else {}
    return (
        seeds
        | {
            "unit": unit_code,
            "day_from": plan.day_from.isoformat(),
            "day_to": plan.day_to.isoformat(),
            "ratio_bp": plan.ratio_bp,
            "min_per_officer": plan.min_per_officer,
            "weight_long": plan.weight_long,
            "include_first": plan.include_first,
            "exclude_checked": plan.exclude_checked,
            "algorithm": plan.algorithm,
            "seed": plan.seed,
            "candidates": plan.candidate_count,
            "candidates_digest": plan.candidates_digest,
            "sample": plan.sample_count,
            "sample_digest": plan.sample_digest,
        }
        | (
            {"findings_extra": plan.findings_extra, "findings_added": plan.findings_count}
            if plan.findings_extra
            else {}
        )
    )


FINDINGS_CLIPS = "findings_clips"
"""The draw details' list of the clips added for pre-screen findings: [clip id, [kinds]] each, in rank order."""


def _flagged_details(flagged: Sequence[FlaggedPick]) -> dict[str, object]:
    return {FINDINGS_CLIPS: [[added.candidate.clip_id, list(added.kinds)] for added in flagged]} if flagged else {}


def _units_with_footage(session: Session, spec: DrawSpec, who: Identity) -> list[tuple[int, str]]:
    units = working_units(session, who, CHECK_ROLES)
    if spec.unit_code is not None:
        named = _subtree(session, spec.unit_code)
        if not named <= units:
            raise PermissionDenied("spotcheck_unit_denied", unit_code=spec.unit_code)
        units = named
    start, end = period_bounds(spec.day_from, spec.day_to)
    statement = (
        select(Unit.id, Unit.code)
        .where(
            Unit.id.in_(sorted(units)),
            select(Clip.id)
            .where(
                Clip.unit_id == Unit.id,
                Clip.officer_id.is_not(None),
                Clip.recorded_start >= start,
                Clip.recorded_start < end,
                Clip.file_type.in_(CANDIDATE_TYPES),
            )
            .exists(),
        )
        .order_by(Unit.code)
    )
    return [(unit_id, code) for unit_id, code in session.execute(statement)]


def _subtree(session: Session, unit_code: str) -> frozenset[int]:
    unit_id = session.execute(select(Unit.id).where(Unit.code == unit_code)).scalar_one_or_none()
    if unit_id is None:
        raise SpotCheckError("unit_code_unknown", unit_code=unit_code)
    return OrgTree.load(session).subtree(unit_id)


def _require_unit(session: Session, who: Identity, unit_id: int) -> None:
    if unit_id not in working_units(session, who, CHECK_ROLES):
        raise PermissionDenied("plan_of_other_unit")


def _active_plan_id(session: Session, unit_id: int, day_from: date, day_to: date) -> int | None:
    key = active_key(unit_id, day_from, day_to)
    return session.execute(select(SpotCheckPlan.id).where(SpotCheckPlan.active_key == key)).scalar_one_or_none()


def _unit_name(session: Session, unit_id: int) -> str:
    return session.execute(select(Unit.name).where(Unit.id == unit_id)).scalar_one()


def _check_findings_extra(spec: DrawSpec) -> None:
    if not 0 <= spec.findings_extra <= MAX_FINDINGS_EXTRA:
        raise SpotCheckError("findings_extra_invalid", maximum=MAX_FINDINGS_EXTRA)


def _check_period(day_from: date, day_to: date) -> None:
    if day_to < day_from:
        raise SpotCheckError("period_reversed")
    if (day_to - day_from).days >= MAX_PERIOD_DAYS:
        raise SpotCheckError("period_too_long", max_days=MAX_PERIOD_DAYS)
