"""`workstation spotcheck verify PLAN`: re-derive a plan's sample and check everything it rests on.

Six checks, each reported as a plain Chinese line:

1. The plan row agrees with the audit log's record of the draw (seed, parameters, digests, counts); the
   audit log is hash-chained (`workstation audit verify`), so an edited plan row shows here.
2. The stored candidate snapshot still has the digest taken at the draw.
3. The snapshot agrees with the archive: every candidate is still that clip (SHA-256, officer, unit,
   period), and every clip that could be drawn then is in the snapshot. "Then" uses the times: a clip
   ingested (or, with exclude_checked, first reviewed) in the very second of the draw may go either way.
4. Re-deriving the sample from seed, snapshot and parameters gives exactly the stored sample.
5. Every review of the plan's items agrees with its authentic audit row (verdict, answers, coverage,
   problem, rectification, reviewer, time: workstation.spotcheck.review_audit).
6. The seed was not chosen: it derives from day seeds committed in the chain before the candidates were
   archived (workstation.spotcheck.seed_check).
7. The clips added for pre-screen findings (selection `prescreen`, issue 17) are exactly those the draw's audit
   row lists, each a candidate. They are not random, so checks 4 and the sample digest leave them out: adding
   them never makes a sound random draw fail, and relabelling a random item as added still fails check 4.
"""

import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    AuditEvent,
    Clip,
    Officer,
    SpotCheckCandidate,
    SpotCheckItem,
    SpotCheckPlan,
    SpotCheckReview,
    Unit,
)
from workstation.errors import PermissionDenied, SpotCheckError
from workstation.identity import Identity
from workstation.spotcheck import review_audit, sampling
from workstation.spotcheck.plans import CANDIDATE_TYPES, FINDINGS_CLIPS, archive_clips, draw_details, period_bounds
from workstation.spotcheck.policy import CHECK_ROLES, working_units
from workstation.spotcheck.rows import day_seeds
from workstation.spotcheck.seed_check import seed_problems
from workstation.spotcheck.types import RANDOM_PART, DaySeed, PlanVerification, Selection

DRAW_ACTIONS = ("spotcheck.draw", "spotcheck.redraw")
OPTIONAL_DETAILS = frozenset({"day_seeds", "findings_extra", "findings_added"})
"""Draw details only some plans have: when the audit row has one, the plan row must agree with it."""


def verify_plan(session: Session, who: Identity, plan_id: int) -> PlanVerification:
    """Check one plan of the units `who` works on; `ok` when nothing differs."""
    plan = session.get(SpotCheckPlan, plan_id)
    if plan is None:
        raise SpotCheckError("plan_not_found", plan_id=plan_id)
    if plan.unit_id not in working_units(session, who, CHECK_ROLES):
        raise PermissionDenied("plan_of_other_unit")
    unit_code = session.execute(select(Unit.code).where(Unit.id == plan.unit_id)).scalar_one()
    candidates = candidate_snapshot(session, plan_id)
    seeds = day_seeds(session, [plan_id]).get(plan_id, ())
    draw_event = _draw_event(session, plan)
    if draw_event is None:
        problems = ["审计日志中没有该方案的抽取记录。"]
    else:
        problems = _against_audit(plan, unit_code, seeds, draw_event)
        problems += seed_problems(session, plan, seeds, candidates, draw_event)
        problems += _added_against_audit(session, plan, candidates, draw_event)
    if sampling.candidates_digest(candidates) != plan.candidates_digest or len(candidates) != plan.candidate_count:
        problems.append("候选文件清单与抽取时记录的摘要不一致（候选清单被改动）。")
    problems += _against_archive(session, plan, candidates)
    problems += _against_sample(session, plan, candidates)
    problems += _reviews_against_audit(session, plan)
    return PlanVerification(plan.id, len(candidates), plan.sample_count, tuple(problems))


def candidate_snapshot(session: Session, plan_id: int) -> list[sampling.Candidate]:
    """The candidates as frozen at the draw."""
    statement = (
        select(
            SpotCheckCandidate.clip_id,
            SpotCheckCandidate.sha256,
            Officer.badge_no,
            SpotCheckCandidate.recorded_start,
            SpotCheckCandidate.duration_ms,
        )
        .join(Officer, Officer.id == SpotCheckCandidate.officer_id)
        .where(SpotCheckCandidate.plan_id == plan_id)
    )
    return [sampling.Candidate(*row) for row in session.execute(statement)]


def _draw_event(session: Session, plan: SpotCheckPlan) -> AuditEvent | None:
    return session.execute(
        select(AuditEvent)
        .where(
            AuditEvent.target_type == "spotcheck_plan",
            AuditEvent.target_id == str(plan.id),
            AuditEvent.action.in_(DRAW_ACTIONS),
        )
        .order_by(AuditEvent.seq)
        .limit(1)
    ).scalar_one_or_none()


def _against_audit(plan: SpotCheckPlan, unit_code: str, seeds: Sequence[DaySeed], draw_event: AuditEvent) -> list[str]:
    recorded = json.loads(draw_event.details)
    expected = draw_details(plan, unit_code, seeds)
    return [
        f"方案的“{name}”为 {expected.get(name)}，与审计日志记录的 {recorded.get(name)} 不一致。"
        for name in sorted(expected.keys() | (OPTIONAL_DETAILS & recorded.keys()))
        if recorded.get(name) != expected.get(name)
    ]


def _against_archive(session: Session, plan: SpotCheckPlan, candidates: list[sampling.Candidate]) -> list[str]:
    problems = []
    snapshot = {candidate.clip_id: candidate for candidate in candidates}
    start, end = period_bounds(plan.day_from, plan.day_to)
    clips = {
        clip.id: clip
        for clip in session.execute(select(Clip).where(Clip.id.in_(sorted(snapshot)))).scalars()
        if clip.unit_id == plan.unit_id and start <= clip.recorded_start < end and clip.file_type in CANDIDATE_TYPES
    }
    officers = select(Officer.id, Officer.badge_no).where(Officer.id.in_(_officer_ids(clips)))
    badges: dict[int | None, str] = {officer_id: badge_no for officer_id, badge_no in session.execute(officers)}
    for clip_id, candidate in sorted(snapshot.items()):
        clip = clips.get(clip_id)
        if clip is None or clip.sha256 != candidate.sha256 or badges.get(clip.officer_id) != candidate.badge_no:
            problems.append(f"候选文件 {clip_id} 与档案库中的文件不符（已被删除、替换或改动）。")
    for archived in archive_clips(session, plan.unit_id, plan.day_from, plan.day_to):
        reviewed = archived.first_reviewed_at
        clip_id = archived.candidate.clip_id
        must = archived.ingested_at < plan.drawn_at and not (
            plan.exclude_checked and reviewed is not None and reviewed <= plan.drawn_at
        )
        may = archived.ingested_at <= plan.drawn_at and not (
            plan.exclude_checked and reviewed is not None and reviewed < plan.drawn_at
        )
        if must and clip_id not in snapshot:
            problems.append(f"档案库中的文件 {clip_id} 抽取时已入库，却不在候选清单中（候选清单被删减）。")
        elif clip_id in snapshot and not may:
            problems.append(f"候选文件 {clip_id} 在抽取时不应入选（入库晚于抽取或此前已检查）。")
    return problems


def _against_sample(session: Session, plan: SpotCheckPlan, candidates: list[sampling.Candidate]) -> list[str]:
    if plan.algorithm != sampling.ALGORITHM:
        return [f"未知的抽样算法“{plan.algorithm}”，无法复核。"]
    params = sampling.SampleParams(plan.ratio_bp, plan.min_per_officer, plan.weight_long, plan.include_first)
    picks = sampling.draw(plan.seed, candidates, params)
    derived = {(pick.candidate.clip_id, pick.selection) for pick in picks}
    stored = {
        (clip_id, Selection(selection))
        for clip_id, selection in session.execute(
            select(SpotCheckItem.clip_id, SpotCheckItem.selection).where(
                SpotCheckItem.plan_id == plan.id, SpotCheckItem.selection.in_(RANDOM_PART)
            )
        )
    }
    problems = [f"按种子复算应抽中文件 {clip_id}，但方案中没有。" for clip_id, _ in sorted(derived - stored)]
    problems += [f"方案中的文件 {clip_id} 不是按种子复算的抽取结果。" for clip_id, _ in sorted(stored - derived)]
    if sampling.sample_digest(picks) != plan.sample_digest:
        problems.append("复算结果的摘要与方案记录的抽取结果摘要不一致。")
    if len(stored) != plan.sample_count:
        problems.append(f"方案记录抽中 {plan.sample_count} 个文件，实有 {len(stored)} 个。")
    return problems


def _added_against_audit(
    session: Session, plan: SpotCheckPlan, candidates: list[sampling.Candidate], draw_event: AuditEvent
) -> list[str]:
    """Check 7: the items added for pre-screen findings are the ones the draw's audit row lists."""
    recorded = {int(clip_id) for clip_id, _ in json.loads(draw_event.details).get(FINDINGS_CLIPS, [])}
    stored = set(
        session.execute(
            select(SpotCheckItem.clip_id).where(
                SpotCheckItem.plan_id == plan.id, SpotCheckItem.selection == Selection.PRESCREEN
            )
        ).scalars()
    )
    known = {candidate.clip_id for candidate in candidates}
    problems = [f"审计日志记录预筛查加抽文件 {clip}，但方案中没有。" for clip in sorted(recorded - stored)]
    problems += [f"方案中的预筛查加抽文件 {clip} 不在审计日志的加抽清单中。" for clip in sorted(stored - recorded)]
    problems += [f"预筛查加抽文件 {clip} 不在候选清单中。" for clip in sorted(stored - known)]
    if len(stored) != plan.findings_count:
        problems.append(f"方案记录预筛查加抽 {plan.findings_count} 个文件，实有 {len(stored)} 个。")
    return problems


def _reviews_against_audit(session: Session, plan: SpotCheckPlan) -> list[str]:
    reviews: dict[int, int] = {
        review_id: item_id
        for review_id, item_id in session.execute(
            select(SpotCheckReview.id, SpotCheckItem.id)
            .join(SpotCheckItem, SpotCheckItem.id == SpotCheckReview.item_id)
            .where(SpotCheckItem.plan_id == plan.id)
        )
    }
    return [
        f"检查记录 {review_id}（抽查项 {reviews[review_id]}）与审计日志不符：{detail}。"
        for review_id, detail in sorted(review_audit.mismatches(session, reviews).items())
    ]


def _officer_ids(clips: dict[int, Clip]) -> list[int]:
    return sorted({clip.officer_id for clip in clips.values() if clip.officer_id is not None})
