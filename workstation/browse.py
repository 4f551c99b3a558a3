"""The unit → officer → day tree of the archive browser: "one archive per officer" (一人一档).

Each level is loaded when it is opened, with counts, so the tree is as quick on five million clips
as on five hundred (the (officer_id, recorded_start) index answers the per-day counts).
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Clip, Officer, Unit
from workstation.types import UnitLevel


@dataclass(frozen=True)
class UnitNode:
    id: int
    code: str
    name: str
    level: UnitLevel
    police_type: str
    parent_id: int | None


@dataclass(frozen=True)
class OfficerNode:
    id: int
    badge_no: str
    name: str
    unit_id: int | None


@dataclass(frozen=True)
class DayNode:
    day: date
    clips: int


def units(session: Session) -> list[UnitNode]:
    """Every unit, parents before children is not guaranteed: build the tree from parent_id."""
    rows = session.execute(select(Unit).order_by(Unit.code)).scalars()
    return [UnitNode(u.id, u.code, u.name, UnitLevel(u.level), u.police_type, u.parent_id) for u in rows]


def officers_of(session: Session, unit_id: int | None) -> list[OfficerNode]:
    """Officers of a unit, or with unit_id None those awaiting assignment (待分配)."""
    condition = Officer.unit_id.is_(None) if unit_id is None else Officer.unit_id == unit_id
    rows = session.execute(select(Officer).where(condition).order_by(Officer.badge_no)).scalars()
    return [OfficerNode(o.id, o.badge_no, o.name, o.unit_id) for o in rows]


def days_of(session: Session, officer_id: int, since: date | None = None) -> list[DayNode]:
    """The days on which the officer recorded, newest first, with the number of files of each day."""
    day = func.date(Clip.recorded_start)
    statement = select(day, func.count()).where(Clip.officer_id == officer_id).group_by(day).order_by(day.desc())
    if since is not None:
        statement = statement.where(Clip.recorded_start >= datetime.combine(since, time.min))
    return [DayNode(_as_date(value), count) for value, count in session.execute(statement)]


def _as_date(value: date | str) -> date:
    """SQLite's date() gives 'YYYY-MM-DD' text, PostgreSQL's a date."""
    return value if isinstance(value, date) else date.fromisoformat(value)
