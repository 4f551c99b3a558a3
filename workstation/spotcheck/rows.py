"""Spot-check plans and sampled items as the dataclasses services return (no ORM object leaves a service)."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from db.models import (
    Clip,
    Device,
    Officer,
    SeedCommitment,
    SpotCheckItem,
    SpotCheckPlan,
    SpotCheckPlanSeed,
    Unit,
    User,
)
from workstation.spotcheck.types import DaySeed, ItemStatus, PlanRow, SampleItemRow, Selection
from workstation.types import FileType


def plan_rows(session: Session, *conditions: ColumnElement[bool]) -> list[PlanRow]:
    """Plans matching the conditions, by unit code and then oldest draw first."""
    reviewed = (
        select(func.count(SpotCheckItem.id))
        .where(SpotCheckItem.plan_id == SpotCheckPlan.id, SpotCheckItem.status == ItemStatus.REVIEWED)
        .scalar_subquery()
    )
    statement = (
        select(SpotCheckPlan, Unit.code, Unit.name, reviewed)
        .join(Unit, Unit.id == SpotCheckPlan.unit_id)
        .where(*conditions)
        .order_by(Unit.code, SpotCheckPlan.drawn_at, SpotCheckPlan.id)
    )
    rows = session.execute(statement).all()
    seeds = day_seeds(session, [plan.id for plan, *_ in rows])
    return [plan_row(plan, code, name, count, seeds.get(plan.id, ())) for plan, code, name, count in rows]


def day_seeds(session: Session, plan_ids: Sequence[int]) -> dict[int, tuple[DaySeed, ...]]:
    """The day seeds each plan revealed, by day."""
    seeds: dict[int, list[DaySeed]] = {}
    for start in range(0, len(plan_ids), 500):
        statement = (
            select(SpotCheckPlanSeed, SeedCommitment.commit_seq)
            .join(SeedCommitment, SeedCommitment.id == SpotCheckPlanSeed.commitment_id)
            .where(SpotCheckPlanSeed.plan_id.in_(plan_ids[start : start + 500]))
            .order_by(SpotCheckPlanSeed.plan_id, SpotCheckPlanSeed.day)
        )
        for row, commit_seq in session.execute(statement):
            seeds.setdefault(row.plan_id, []).append(DaySeed(row.day, row.seed_index, row.seed, commit_seq))
    return {plan_id: tuple(revealed) for plan_id, revealed in seeds.items()}


def plan_row(
    plan: SpotCheckPlan, unit_code: str, unit_name: str, reviewed_count: int, seeds: tuple[DaySeed, ...] = ()
) -> PlanRow:
    return PlanRow(
        id=plan.id,
        unit_code=unit_code,
        unit_name=unit_name,
        day_from=plan.day_from,
        day_to=plan.day_to,
        ratio_bp=plan.ratio_bp,
        min_per_officer=plan.min_per_officer,
        weight_long=plan.weight_long,
        include_first=plan.include_first,
        exclude_checked=plan.exclude_checked,
        algorithm=plan.algorithm,
        seed=plan.seed,
        candidates_digest=plan.candidates_digest,
        sample_digest=plan.sample_digest,
        candidate_count=plan.candidate_count,
        sample_count=plan.sample_count,
        reviewed_count=reviewed_count,
        drawn_at=plan.drawn_at,
        drawn_by=plan.drawn_by,
        due_on=plan.due_on,
        replaces_id=plan.replaces_id,
        redraw_reason=plan.redraw_reason,
        superseded_at=plan.superseded_at,
        day_seeds=seeds,
        findings_extra=plan.findings_extra,
        findings_count=plan.findings_count,
    )


def item_statement() -> Select[*tuple[Any, ...]]:
    """Sampled items with their clip, officer, unit, device, plan and claimant, for `item_rows`."""
    return (
        select(
            SpotCheckItem,
            Clip.media_path,
            Clip.original_name,
            Clip.file_type,
            Clip.recorded_start,
            Clip.duration_ms,
            Unit.code,
            Unit.name,
            Officer.badge_no,
            Officer.name,
            Device.device_no,
            SpotCheckPlan.due_on,
            User.login,
        )
        .join(Clip, Clip.id == SpotCheckItem.clip_id)
        .join(Unit, Unit.id == SpotCheckItem.unit_id)
        .join(Officer, Officer.id == SpotCheckItem.officer_id)
        .join(SpotCheckPlan, SpotCheckPlan.id == SpotCheckItem.plan_id)
        .outerjoin(Device, Device.id == Clip.device_id)
        .outerjoin(User, User.id == SpotCheckItem.claimed_by)
    )


def item_rows(session: Session, statement: Select[*tuple[Any, ...]], now: datetime) -> list[SampleItemRow]:
    """Run an `item_statement()` query. A claim that has expired shows as no claim; overdue is against now."""
    return [_item_row(row, now) for row in session.execute(statement)]


def _item_row(row: Sequence[Any], now: datetime) -> SampleItemRow:
    item, media_path, name, file_type, recorded, duration, code, unit_name, badge, officer, device, due, login = row
    claimed = item.claim_expires_at is not None and item.claim_expires_at > now
    status = ItemStatus(item.status)
    return SampleItemRow(
        id=item.id,
        plan_id=item.plan_id,
        clip_id=item.clip_id,
        media_path=media_path,
        original_name=name,
        file_type=FileType(file_type),
        unit_code=code,
        unit_name=unit_name,
        badge_no=badge,
        officer_name=officer,
        device_no=device,
        recorded_start=recorded,
        duration_ms=duration,
        selection=Selection(item.selection),
        status=status,
        claimed_by=login if claimed and status is ItemStatus.OPEN else None,
        claim_expires_at=item.claim_expires_at if claimed and status is ItemStatus.OPEN else None,
        due_on=due,
        overdue=status is ItemStatus.OPEN and due < now.date(),
        finding_kinds=kinds_of(item.finding_kinds),
    )


def kinds_of(stored: str) -> tuple[str, ...]:
    """An item's finding kinds as stored ("covered,dark"; "" for none)."""
    return tuple(kind for kind in stored.split(",") if kind)
