"""The unit → officer → day tree of the archive browser: "one archive per officer" (一人一档).

Each level is loaded when it is opened, with counts, so the tree is as quick on five million clips
as on five hundred (the (officer_id, recorded_start) index answers the per-day counts).
"""

from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Clip, Officer, Unit
from workstation.footage.clips import scoped
from workstation.footage.types import DayNode, OfficerNode, UnitNode
from workstation.types import ClipScope, UnitLevel


def units(session: Session, scope: ClipScope) -> list[UnitNode]:
    """The units whose footage the scope covers, with the units above them so the tree has its path."""
    rows = session.execute(select(Unit).order_by(Unit.code)).scalars().all()
    parents = {unit.id: unit.parent_id for unit in rows}
    wanted = set(scope.unit_ids)
    if scope.officer_id is not None:
        own_unit = session.execute(select(Officer.unit_id).where(Officer.id == scope.officer_id)).scalar_one_or_none()
        if own_unit is not None:
            wanted.add(own_unit)
    for unit_id in list(wanted):
        parent = parents.get(unit_id)
        while parent is not None and parent not in wanted:
            wanted.add(parent)
            parent = parents.get(parent)
    return [
        UnitNode(u.id, u.code, u.name, UnitLevel(u.level), u.police_type, u.parent_id) for u in rows if u.id in wanted
    ]


def officers_of(session: Session, unit_id: int | None, scope: ClipScope) -> list[OfficerNode]:
    """Officers of a unit (None: those awaiting assignment, 待分配) that the scope lets the user see."""
    condition = Officer.unit_id.is_(None) if unit_id is None else Officer.unit_id == unit_id
    statement = select(Officer).where(condition).order_by(Officer.badge_no)
    whole_unit = scope.unassigned if unit_id is None else unit_id in scope.unit_ids
    if not whole_unit:
        statement = statement.where(Officer.id == (scope.officer_id or -1))
    return [OfficerNode(o.id, o.badge_no, o.name, o.unit_id) for o in session.execute(statement).scalars()]


def days_of(session: Session, officer_id: int, scope: ClipScope, since: date | None = None) -> list[DayNode]:
    """The days on which the officer recorded, newest first, counting only clips within the scope."""
    day = func.date(Clip.recorded_start)
    statement = select(day, func.count()).where(Clip.officer_id == officer_id).group_by(day).order_by(day.desc())
    if since is not None:
        statement = statement.where(Clip.recorded_start >= datetime.combine(since, time.min))
    statement = scoped(statement, scope)
    return [DayNode(_as_date(value), count) for value, count in session.execute(statement)]


def _as_date(value: date | str) -> date:
    """SQLite's date() gives 'YYYY-MM-DD' text, PostgreSQL's a date."""
    return value if isinstance(value, date) else date.fromisoformat(value)
