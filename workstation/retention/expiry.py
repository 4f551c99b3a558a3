"""The expiry queue: which originals are past their keep-until date or reach it soon, per unit, and why each
is still kept (a legal hold, an open destruction request) or may be listed for destruction.

A clip's keep-until date is stored on its row (workstation.retention.assignment), so the queue is a range
over the (keep_until, unit_id) index: permanent, not yet assessed and destroyed clips have no date and never
appear.
"""

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from db.models import Clip, DestructionItem, DestructionRequest, Officer, Unit
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.retention import holds, scope
from workstation.retention.errors import RetentionError
from workstation.retention.types import (
    QUEUE_HORIZONS,
    DestructionStatus,
    ItemOutcome,
    QueueRow,
    QueueStatus,
    UnitExpiry,
)

OPEN_REQUESTS = (DestructionStatus.PENDING, DestructionStatus.APPROVED)


def is_expired(clip: Clip, today: date) -> bool:
    """Past its keep-until date (the date itself is still a kept day)."""
    return clip.keep_until is not None and clip.keep_until < today


def requested_items() -> Select[int]:
    """Clip ids listed, not yet executed, on an open destruction request."""
    return (
        select(DestructionItem.clip_id)
        .join(DestructionRequest, DestructionRequest.id == DestructionItem.request_id)
        .where(DestructionRequest.status.in_(OPEN_REQUESTS), DestructionItem.outcome == ItemOutcome.LISTED)
    )


def expiry_summary(session: Session, who: Identity, today: date) -> list[UnitExpiry]:
    """Per unit in the user's charge that has any: expired, expiring within each window, held, requested.

    Counted per (date, unit) over the (keep_until, unit_id) index alone and bucketed here: grouping by unit in
    the query would lead the planner to the unit index and through the whole table (8 s on 5M clips).
    """
    units = scope.units_in_charge(session, who)
    horizon = today + timedelta(days=max(QUEUE_HORIZONS))
    ends = [today + timedelta(days=days) for days in QUEUE_HORIZONS]
    counts: dict[int, list[int]] = {}
    statement = (
        select(Clip.keep_until, Clip.unit_id, func.count())
        .where(Clip.keep_until < horizon)
        .group_by(Clip.keep_until, Clip.unit_id)
    )
    for keep_until, unit_id, count in session.execute(statement):
        if unit_id not in units or keep_until is None:  # the range excludes NULL: for the type checker
            continue
        tally = counts.setdefault(unit_id, [0] * (1 + len(ends)))
        if keep_until < today:
            tally[0] += count
        for index, end in enumerate(ends, start=1):
            if today <= keep_until < end:
                tally[index] += count
    held = _count_by_unit(session, horizon, holds.active_hold_items())
    requested = _count_by_unit(session, horizon, requested_items())
    tree = OrgTree.load(session)
    summary = []
    for unit_id in sorted(counts, key=lambda unit: tree.unit(unit).code):
        expired, *within = counts[unit_id]
        facts = tree.unit(unit_id)
        summary.append(
            UnitExpiry(facts.code, facts.name, expired, tuple(within), held.get(unit_id, 0), requested.get(unit_id, 0))
        )
    return summary


def expiry_queue(
    session: Session,
    who: Identity,
    today: date,
    horizon_days: int,
    unit_code: str | None = None,
    limit: int = 500,
    offset: int = 0,
) -> list[QueueRow]:
    """Clips expired or expiring before today + horizon_days, earliest date first, each with its status."""
    units = _units(session, who, unit_code)
    statement = (
        select(Clip, Unit.code, Unit.name, Officer.badge_no, Officer.name)
        .outerjoin(Unit, Unit.id == Clip.unit_id)
        .outerjoin(Officer, Officer.id == Clip.officer_id)
        .where(Clip.keep_until < today + timedelta(days=horizon_days), Clip.unit_id.in_(units))
        .order_by(Clip.keep_until, Clip.id)
        .limit(limit)
        .offset(offset)
    )
    found = session.execute(statement).all()
    ids = [row[0].id for row in found]
    held = holds.active_hold_ids(session, ids)
    requests = dict(
        session.execute(
            select(DestructionItem.clip_id, DestructionItem.request_id)
            .join(DestructionRequest, DestructionRequest.id == DestructionItem.request_id)
            .where(
                DestructionItem.clip_id.in_(ids),
                DestructionRequest.status.in_(OPEN_REQUESTS),
                DestructionItem.outcome == ItemOutcome.LISTED,
            )
        ).all()
    )
    rows = []
    for clip, code, name, badge, officer in found:
        assert clip.keep_until is not None  # the range excludes clips without a date
        rows.append(
            QueueRow(
                clip_id=clip.id,
                unit_code=code,
                unit_name=name,
                badge_no=badge,
                officer_name=officer,
                original_name=clip.original_name,
                recorded_start=clip.recorded_start,
                size_bytes=clip.size_bytes,
                class_code=clip.retention_class,
                rule=clip.retention_rule,
                keep_until=clip.keep_until,
                status=_status(clip, today, clip.id in held, clip.id in requests),
                hold_ids=held.get(clip.id, ()),
                request_id=requests.get(clip.id),
            )
        )
    return rows


def expired_candidates(
    session: Session, unit_ids: frozenset[int] | None, recorded_before: date | None, today: date
) -> list[int]:
    """Clips that may be listed for destruction now: expired, not held, on no open request (ids ascending)."""
    statement = select(Clip.id).where(
        Clip.keep_until < today,
        Clip.id.not_in(holds.active_hold_items()),
        Clip.id.not_in(requested_items()),
    )
    if unit_ids is not None:
        statement = statement.where(Clip.unit_id.in_(unit_ids))
    if recorded_before is not None:
        statement = statement.where(Clip.recorded_start < datetime.combine(recorded_before, time()))
    return list(session.execute(statement.order_by(Clip.id)).scalars())


def _units(session: Session, who: Identity, unit_code: str | None) -> Sequence[int]:
    units = scope.units_in_charge(session, who)
    if unit_code is None:
        return sorted(units)
    unit_id = session.execute(select(Unit.id).where(Unit.code == unit_code)).scalar_one_or_none()
    if unit_id is None or unit_id not in units:
        raise RetentionError("unit_not_in_charge", unit_code=unit_code)
    return sorted(OrgTree.load(session).subtree(unit_id))


def _count_by_unit(session: Session, horizon: date, clip_ids: Select[int]) -> dict[int | None, int]:
    """Per unit, the clips among `clip_ids` (held, or requested: few) that fall due before the horizon."""
    listed = clip_ids.subquery()
    statement = (
        select(Clip.unit_id, func.count())
        .join(listed, listed.c.clip_id == Clip.id)
        .where(Clip.keep_until < horizon)
        .group_by(Clip.unit_id)
    )
    return {unit_id: count for unit_id, count in session.execute(statement)}


def _status(clip: Clip, today: date, held: bool, requested: bool) -> QueueStatus:
    if held:
        return QueueStatus.HELD
    if requested:
        return QueueStatus.REQUESTED
    return QueueStatus.EXPIRED if is_expired(clip, today) else QueueStatus.EXPIRING
