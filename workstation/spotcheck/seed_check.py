"""The part of `spotcheck verify` that proves a plan's seed was not chosen: its day seeds were committed in the
chain before its candidates were archived, each hashes to its commitment, none was skipped, and the plan's
seed derives from them as SC1 step 0 says (workstation.spotcheck.sampling).

A plan drawn before seeds were committed (its draw row is older than the chain's first commitment) has a
random seed and nothing to check here; any later plan without day seeds is a finding.
"""

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import AuditEvent, SeedCommitment, SpotCheckPlan, SpotCheckPlanSeed
from workstation import audit, sample_seeds
from workstation.spotcheck import sampling
from workstation.spotcheck.types import DaySeed

BATCH = 500


def seed_problems(
    session: Session,
    plan: SpotCheckPlan,
    day_seeds: Sequence[DaySeed],
    candidates: Sequence[sampling.Candidate],
    draw_event: AuditEvent,
) -> list[str]:
    """Plain Chinese lines, one per thing about the plan's seed that does not hold."""
    if not day_seeds and "day_seeds" not in json.loads(draw_event.details):
        if _drawn_before_commitments(session, draw_event.seq):
            return []
        return ["方案没有使用审计日志中预先承诺的日种子（随机种子可能是在已知候选文件后选定的）。"]
    problems = []
    days = sampling.candidate_days(candidates)
    if [seed.day for seed in day_seeds] != days:
        shown = "、".join(day.isoformat() for day in days)
        problems.append(f"方案揭示的日种子与候选文件的录制日期（{shown}）不符。")
    if sampling.plan_seed(day_seeds) != plan.seed:
        problems.append("方案的随机种子不是由其日种子按 SC1 规则推导出的。")
    ingested = _ingest_seqs(session, [candidate.clip_id for candidate in candidates])
    by_day: dict[date, list[int]] = defaultdict(list)
    for candidate in candidates:
        by_day[candidate.recorded_start.date()].append(candidate.clip_id)
    for seed in day_seeds:
        problems += _day_problems(session, plan, seed, sorted(by_day[seed.day]), ingested)
    return problems


def _day_problems(
    session: Session, plan: SpotCheckPlan, seed: DaySeed, clip_ids: list[int], ingested: dict[int, int]
) -> list[str]:
    label = f"{seed.day.isoformat()} 第 {seed.index} 号日种子"
    event = sample_seeds.commit_event(session, plan.unit_id, seed.day)
    if event is None:
        return [f"{label}：审计日志中没有该单位该日的种子承诺。"]
    if not audit.row_is_authentic(session, event):
        return [f"{label}：种子承诺（审计序号 {event.seq}）不可信（被伪造或改动）。"]
    problems = []
    if event.seq != seed.commit_seq:
        problems.append(f"{label}：方案记录的承诺序号 {seed.commit_seq} 不是该日的种子承诺（审计序号 {event.seq}）。")
    committed = sample_seeds.committed_hashes(event)
    if seed.index >= len(committed) or committed[seed.index] != sample_seeds.commitment_of(seed.seed):
        problems.append(f"{label}：与审计序号 {event.seq} 的承诺不符（种子被替换）。")
    late = [clip_id for clip_id in clip_ids if ingested.get(clip_id, 0) < event.seq]
    if late:
        shown = "、".join(str(clip_id) for clip_id in late[:10]) + ("等" if len(late) > 10 else "")
        problems.append(
            f"{label}：承诺（审计序号 {event.seq}）晚于候选文件 {shown} 入库，"
            "该日种子可能是在已知候选文件后选定的（承诺过晚）。"
        )
    earlier = _earlier_indexes(session, plan.id, event.seq)
    if earlier != list(range(seed.index)):
        problems.append(f"{label}：此前的方案用过的日种子序号为 {earlier}，序号有跳过或重复。")
    return problems


def _earlier_indexes(session: Session, plan_id: int, commit_seq: int) -> list[int]:
    """The seed numbers of the same commitment that plans drawn before this one revealed."""
    statement = (
        select(SpotCheckPlanSeed.seed_index)
        .join(SeedCommitment, SeedCommitment.id == SpotCheckPlanSeed.commitment_id)
        .where(SeedCommitment.commit_seq == commit_seq, SpotCheckPlanSeed.plan_id < plan_id)
        .order_by(SpotCheckPlanSeed.seed_index)
    )
    return list(session.execute(statement).scalars())


def _ingest_seqs(session: Session, clip_ids: list[int]) -> dict[int, int]:
    """The audit seq of each clip's `clip.ingest` row (a clip that came another way has none)."""
    seqs: dict[int, int] = {}
    for start in range(0, len(clip_ids), BATCH):
        targets = [str(clip_id) for clip_id in clip_ids[start : start + BATCH]]
        statement = (
            select(AuditEvent.target_id, func.min(AuditEvent.seq))
            .where(
                AuditEvent.target_type == "clip", AuditEvent.target_id.in_(targets), AuditEvent.action == "clip.ingest"
            )
            .group_by(AuditEvent.target_id)
        )
        seqs.update({int(target): seq for target, seq in session.execute(statement)})
    return seqs


def _drawn_before_commitments(session: Session, draw_seq: int) -> bool:
    first = session.execute(
        select(func.min(AuditEvent.seq)).where(
            AuditEvent.target_type == sample_seeds.TARGET_TYPE, AuditEvent.action == sample_seeds.COMMIT_ACTION
        )
    ).scalar_one_or_none()
    return first is None or draw_seq < first
