"""The review queue: open sampled items of the reviewer's units, claimed one at a time, and the overview.

Several reviewers share a queue. A claim is a conditional UPDATE (`... WHERE claimed_by IS NULL OR the
claim has expired`) whose row count says who won: on SQLite write transactions are serialised (BEGIN
IMMEDIATE), and on PostgreSQL a second UPDATE of the same row waits for the first, then re-checks the
condition against the committed row and matches nothing. Picking the next free item reads with
FOR UPDATE SKIP LOCKED on PostgreSQL, so reviewers claiming at the same moment take different items
instead of queueing behind one. A claim expires after a while, so an abandoned claim frees itself.
"""

from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, and_, case, func, or_, select, update
from sqlalchemy.orm import Session

from db.models import Clip, Officer, SpotCheckItem, SpotCheckPlan, Unit
from db.session import Sessions
from workstation import audit, clock
from workstation.errors import ItemTaken
from workstation.identity import Identity
from workstation.permissions import Principal
from workstation.spotcheck.plans import CANDIDATE_TYPES, period_bounds
from workstation.spotcheck.policy import CHECK_ROLES, require_units, working_units
from workstation.spotcheck.rows import item_rows, item_statement
from workstation.spotcheck.types import ItemStatus, OfficerProgress, SampleItemRow

QUEUE_LIMIT = 500
QUEUE_ORDER = (SpotCheckPlan.due_on, SpotCheckPlan.id, Officer.badge_no, Clip.recorded_start, SpotCheckItem.id)
"""Oldest due first, then plan by plan, officer by officer, in recording order."""
CLAIM_ATTEMPTS = 5


def queue(
    session: Session, who: Identity, now: datetime | None = None, limit: int = QUEUE_LIMIT
) -> list[SampleItemRow]:
    """The open items of the user's units in QUEUE_ORDER (what `claim` hands out next comes first)."""
    _, units = require_units(session, who, CHECK_ROLES)
    statement = (
        item_statement()
        .where(SpotCheckItem.unit_id.in_(sorted(units)), SpotCheckItem.status == ItemStatus.OPEN)
        .order_by(*QUEUE_ORDER)
        .limit(limit)
    )
    return item_rows(session, statement, now or clock.now())


def claim(
    sessions: Sessions,
    who: Identity,
    item_id: int | None = None,
    now: datetime | None = None,
    claim_minutes: int = 30,
) -> SampleItemRow | None:
    """Claim the item (or, without an id, the user's current claim or else the next free item) for
    `claim_minutes`. Returns it, or None when no item is free; ItemTaken when the named item is not."""
    now = now or clock.now()
    with sessions.write() as session:
        principal, units = require_units(session, who, CHECK_ROLES)
        for _ in range(CLAIM_ATTEMPTS):
            target = (
                item_id if item_id is not None else _held(session, principal, now) or _next_free(session, units, now)
            )
            if target is None:
                return None
            renewal = _holder(session, target, now) == principal.id
            if _take(session, target, principal, units, now, claim_minutes):
                row = item_rows(session, item_statement().where(SpotCheckItem.id == target), now)[0]
                if not renewal:
                    until = clock.format_time(row.claim_expires_at)
                    audit.record(
                        session,
                        who.audit_name,
                        "spotcheck.claim",
                        "spotcheck_item",
                        target,
                        {"clip": row.clip_id, "until": until},
                    )
                return row
            if item_id is not None:
                raise ItemTaken("item_unavailable", item_id=item_id)
    return None


def release(sessions: Sessions, who: Identity, item_id: int) -> bool:
    """Give a claimed item back to the queue; False when the user did not hold it."""
    with sessions.write() as session:
        principal, _ = require_units(session, who, CHECK_ROLES)
        result = session.execute(
            update(SpotCheckItem)
            .where(
                SpotCheckItem.id == item_id,
                SpotCheckItem.claimed_by == principal.id,
                SpotCheckItem.status == ItemStatus.OPEN,
            )
            .values(claimed_by=None, claimed_at=None, claim_expires_at=None)
            .execution_options(synchronize_session=False)
        )
        if cast(CursorResult[Any], result).rowcount != 1:  # Session.execute is typed as returning a Result
            return False
        audit.record(session, who.audit_name, "spotcheck.release", "spotcheck_item", item_id)
    return True


def overview(
    session: Session,
    who: Identity,
    day_from: date,
    day_to: date,
    units: frozenset[int] | None = None,
    now: datetime | None = None,
) -> list[OfficerProgress]:
    """Every officer who recorded video or audio in the period, with how much of it is sampled and checked.

    Officers of the units `who` works on (narrowed to `units` if given). An officer is still unchecked
    while their unit has no plan for the period or any sampled clip of theirs is not reviewed; overdue
    counts open items past their due day.
    """
    allowed = working_units(session, who, CHECK_ROLES)
    units = allowed if units is None else units & allowed
    today = (now or clock.now()).date()
    start, end = period_bounds(day_from, day_to)
    recorded_filter = [
        Clip.recorded_start >= start,
        Clip.recorded_start < end,
        Clip.file_type.in_(CANDIDATE_TYPES),
        Clip.unit_id.is_not(None),
        Clip.officer_id.is_not(None),
    ]
    if units is not None:
        recorded_filter.append(Clip.unit_id.in_(sorted(units)))
    recorded = {
        (unit_id, officer_id): count
        for unit_id, officer_id, count in session.execute(
            select(Clip.unit_id, Clip.officer_id, func.count())
            .where(*recorded_filter)
            .group_by(Clip.unit_id, Clip.officer_id)
        )
    }
    is_reviewed = case((SpotCheckItem.status == ItemStatus.REVIEWED, 1), else_=0)
    is_overdue = case(
        (and_(SpotCheckItem.status == ItemStatus.OPEN, SpotCheckPlan.due_on < today), 1),
        else_=0,
    )
    sampled = {
        (unit_id, officer_id): (count, reviewed, overdue)
        for unit_id, officer_id, count, reviewed, overdue in session.execute(
            select(
                SpotCheckItem.unit_id,
                SpotCheckItem.officer_id,
                func.count(),
                func.sum(is_reviewed),
                func.sum(is_overdue),
            )
            .join(Clip, Clip.id == SpotCheckItem.clip_id)
            .join(SpotCheckPlan, SpotCheckPlan.id == SpotCheckItem.plan_id)
            .where(*recorded_filter, SpotCheckItem.status != ItemStatus.WITHDRAWN)
            .group_by(SpotCheckItem.unit_id, SpotCheckItem.officer_id)
        )
    }
    plans = {
        unit_id: plan_id
        for unit_id, plan_id in session.execute(
            select(SpotCheckPlan.unit_id, func.min(SpotCheckPlan.id))
            .where(
                SpotCheckPlan.superseded_at.is_(None),
                SpotCheckPlan.day_from <= day_to,
                SpotCheckPlan.day_to >= day_from,
            )
            .group_by(SpotCheckPlan.unit_id)
        )
    }
    keys = sorted(cast(set[tuple[int, int]], set(recorded) | set(sampled)))  # the filter excludes NULLs
    officers = {
        officer.id: officer
        for officer in session.execute(select(Officer).where(Officer.id.in_({o for _, o in keys}))).scalars()
    }
    unit_rows = {
        unit.id: unit for unit in session.execute(select(Unit).where(Unit.id.in_({u for u, _ in keys}))).scalars()
    }
    rows = []
    for unit_id, officer_id in keys:
        count, reviewed, overdue = sampled.get((unit_id, officer_id), (0, 0, 0))
        unit, officer = unit_rows[unit_id], officers[officer_id]
        rows.append(
            OfficerProgress(
                unit_code=unit.code,
                unit_name=unit.name,
                badge_no=officer.badge_no,
                officer_name=officer.name,
                clips_recorded=recorded.get((unit_id, officer_id), 0),
                plan_id=plans.get(unit_id),
                sampled=count,
                reviewed=int(reviewed or 0),
                overdue=int(overdue or 0),
            )
        )
    return sorted(rows, key=lambda row: (row.unit_code, row.badge_no))


def _held(session: Session, principal: Principal, now: datetime) -> int | None:
    """The open item the user holds an unexpired claim on, if any."""
    return session.execute(
        select(SpotCheckItem.id)
        .where(
            SpotCheckItem.claimed_by == principal.id,
            SpotCheckItem.status == ItemStatus.OPEN,
            SpotCheckItem.claim_expires_at > now,
        )
        .order_by(SpotCheckItem.id)
        .limit(1)
    ).scalar_one_or_none()


def _holder(session: Session, item_id: int, now: datetime) -> int | None:
    """Who holds an unexpired claim on the item."""
    return session.execute(
        select(SpotCheckItem.claimed_by).where(SpotCheckItem.id == item_id, SpotCheckItem.claim_expires_at > now)
    ).scalar_one_or_none()


def _free(now: datetime) -> ColumnElement[bool]:
    return or_(SpotCheckItem.claimed_by.is_(None), SpotCheckItem.claim_expires_at <= now)


def _next_free(session: Session, units: frozenset[int], now: datetime) -> int | None:
    return session.execute(
        select(SpotCheckItem.id)
        .join(SpotCheckPlan, SpotCheckPlan.id == SpotCheckItem.plan_id)
        .join(Officer, Officer.id == SpotCheckItem.officer_id)
        .join(Clip, Clip.id == SpotCheckItem.clip_id)
        .where(SpotCheckItem.unit_id.in_(sorted(units)), SpotCheckItem.status == ItemStatus.OPEN, _free(now))
        .order_by(*QUEUE_ORDER)
        .limit(1)
        .with_for_update(skip_locked=True, of=SpotCheckItem)
    ).scalar_one_or_none()


def _take(
    session: Session, item_id: int, principal: Principal, units: frozenset[int], now: datetime, minutes: int
) -> bool:
    result = session.execute(
        update(SpotCheckItem)
        .where(
            SpotCheckItem.id == item_id,
            SpotCheckItem.status == ItemStatus.OPEN,
            SpotCheckItem.unit_id.in_(sorted(units)),
            or_(_free(now), SpotCheckItem.claimed_by == principal.id),
        )
        .values(claimed_by=principal.id, claimed_at=now, claim_expires_at=now + timedelta(minutes=minutes))
        .execution_options(synchronize_session=False)
    )
    return cast(CursorResult[Any], result).rowcount == 1
