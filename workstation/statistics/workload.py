"""Workload per unit and officer over a period (R10, 附件3 二(八)): footage counts and hours, recording days,
上传及时率, 警情关联率 and the share of marked footage, with the previous period for comparison.

One aggregate query per period, grouped by (unit, officer), on the (unit_id, recorded_start) index; the units'
figures are summed from it over the unit tree in Python, so a unit includes the units below it. Timeliness is
the spot check's rule (ingest time − recording start ≤ 24 h, workstation.types.LATE_UPLOAD_HOURS), computed
in whole seconds by the database.
"""

from collections import defaultdict
from datetime import datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, case, distinct, exists, func, or_, select
from sqlalchemy.orm import Session

from db.models import Clip, ClipCaseLink, Marker, Officer
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.sql_time import seconds_between
from workstation.statistics.scope import report_units
from workstation.statistics.sql import count_if
from workstation.statistics.types import GAP_MS, StatsQuery, Workload, WorkloadReport, WorkloadRow
from workstation.types import LATE_UPLOAD_HOURS, FileType

UNASSIGNED = "待分配"
_Group = tuple[int | None, int | None]  # (unit id, officer id)


def workload(session: Session, who: Identity, query: StatsQuery) -> WorkloadReport:
    """The workload report of `query` over the units in the user's charge (PermissionDenied for a unit outside)."""
    tree = OrgTree.load(session)
    units, unassigned = report_units(session, who, tree, query)
    groups = _groups(session, query, units, unassigned)
    previous = _groups(session, query.previous(), units, unassigned)
    names = _officers(session, {officer for _unit, officer in groups if officer is not None})
    officer_rows = tuple(
        sorted(
            (
                WorkloadRow(
                    names.get(officer, ("", ""))[0] if officer is not None else "",
                    names.get(officer, ("", UNASSIGNED))[1] if officer is not None else UNASSIGNED,
                    tree.unit(unit).code if unit is not None else "",
                    1 if officer is not None else 0,
                    figures,
                )
                for (unit, officer), figures in groups.items()
            ),
            key=lambda row: (row.unit_code, row.key),
        )
    )
    return WorkloadReport(
        query=query,
        units=tuple(_unit_rows(tree, query, groups, units)),
        officers=officer_rows,
        total=sum(groups.values(), Workload()),
        previous_total=sum(previous.values(), Workload()),
    )


def _groups(session: Session, query: StatsQuery, units: frozenset[int], unassigned: bool) -> dict[_Group, Workload]:
    start = datetime.combine(query.date_from, time.min)
    end = datetime.combine(query.date_to + timedelta(days=1), time.min)
    recording = Clip.file_type.in_((FileType.VIDEO, FileType.AUDIO))
    where_unit: ColumnElement[bool] = Clip.unit_id.in_(sorted(units))
    if unassigned:
        where_unit = or_(where_unit, Clip.unit_id.is_(None))
    linked = exists(select(ClipCaseLink.clip_id).where(ClipCaseLink.clip_id == Clip.id))
    marked = exists(select(Marker.id).where(Marker.clip_id == Clip.id))
    statement = (
        select(
            Clip.unit_id,
            Clip.officer_id,
            func.count(),
            count_if(Clip.file_type == FileType.VIDEO),
            count_if(Clip.file_type == FileType.AUDIO),
            count_if(Clip.file_type == FileType.PHOTO),
            func.coalesce(func.sum(case((recording, Clip.duration_ms), else_=0)), 0),
            func.count(distinct(func.date(Clip.recorded_start))),
            count_if(_on_time(session)),
            count_if(recording),
            count_if(and_(recording, linked)),
            count_if(marked),
        )
        .where(where_unit, Clip.recorded_start >= start, Clip.recorded_start < end, Clip.file_type != FileType.LOG)
        .group_by(Clip.unit_id, Clip.officer_id)
    )
    gaps = _gaps(session, where_unit, start, end)
    groups = {}
    for unit, officer, *figures in session.execute(statement):
        counts = [int(value or 0) for value in figures] + list(gaps.get((unit, officer), (0, 0)))
        counted = Workload(*counts)
        groups[unit, officer] = counted if officer is not None else _without_days(counted)
    return groups


def _gaps(
    session: Session, where_unit: ColumnElement[bool], start: datetime, end: datetime
) -> dict[_Group, tuple[int, int]]:
    """(count, milliseconds) of the breaks longer than GAP_MS between each officer's consecutive recordings of
    one day, per (unit, officer): each recording against the end of the one before it (a window over the
    (officer_id, recorded_start) index). Times as the recorders kept them: two recordings of one recorder keep
    their distance whatever its clock offset."""
    day = func.date(Clip.recorded_start)
    ordered = (
        select(
            Clip.unit_id,
            Clip.officer_id,
            Clip.recorded_start,
            func.lag(Clip.recorded_end)
            .over(partition_by=(Clip.officer_id, day), order_by=(Clip.recorded_start, Clip.id))
            .label("before_end"),
        )
        .where(
            where_unit,
            Clip.officer_id.is_not(None),
            Clip.file_type.in_((FileType.VIDEO, FileType.AUDIO)),
            Clip.recorded_start >= start,
            Clip.recorded_start < end,
        )
        .subquery()
    )
    seconds = seconds_between(session, ordered.c.recorded_start, ordered.c.before_end)
    rows = session.execute(
        select(ordered.c.unit_id, ordered.c.officer_id, func.count(), func.sum(seconds))
        .where(ordered.c.before_end.is_not(None), seconds * 1000 > GAP_MS)
        .group_by(ordered.c.unit_id, ordered.c.officer_id)
    )
    return {(unit, officer): (int(count), int(total or 0) * 1000) for unit, officer, count, total in rows}


def _on_time(session: Session) -> ColumnElement[bool]:
    """Archived within LATE_UPLOAD_HOURS of the recording's start, in whole seconds on either database."""
    return seconds_between(session, Clip.ingested_at, Clip.recorded_start) <= LATE_UPLOAD_HOURS * 3600


def _without_days(figures: Workload) -> Workload:
    """Footage with no officer counts no officer-days."""
    values = figures.__dict__ | {"recording_days": 0}
    return Workload(**values)


def _unit_rows(
    tree: OrgTree, query: StatsQuery, groups: dict[_Group, Workload], units: frozenset[int]
) -> list[WorkloadRow]:
    """The unit asked for — or, without one, each highest unit in the user's charge — and each unit directly
    below it, with subtree sums (never a unit above the user's charge: its figures would be only part of it)."""
    by_unit: dict[int | None, Workload] = defaultdict(Workload)
    officers: dict[int | None, set[int]] = defaultdict(set)
    for (unit, officer), figures in groups.items():
        by_unit[unit] = by_unit[unit] + figures
        if officer is not None:
            officers[unit].add(officer)
    if query.unit_code is not None:
        top = tree.by_code(query.unit_code)
        assert top is not None  # _units checked it
        shown = [top.id, *tree.children(top.id)]
    else:
        tops = sorted(unit for unit in units if tree.unit(unit).parent_id not in units)
        shown = [unit for top in tops for unit in (top, *tree.children(top))]
    rows = []
    for unit_id in shown:
        below = tree.subtree(unit_id)
        figures = sum((by_unit[unit] for unit in below if unit in by_unit), Workload())
        people = set().union(*(officers[unit] for unit in below if unit in officers))
        facts = tree.unit(unit_id)
        rows.append(WorkloadRow(facts.code, facts.name, facts.code, len(people), figures))
    if query.unit_code is None and None in by_unit:
        rows.append(WorkloadRow("", UNASSIGNED, "", 0, by_unit[None]))
    return rows


def _officers(session: Session, officer_ids: set[int]) -> dict[int, tuple[str, str]]:
    """警号 and name by officer id."""
    rows = session.execute(select(Officer.id, Officer.badge_no, Officer.name).where(Officer.id.in_(officer_ids)))
    return {officer_id: (badge_no, name) for officer_id, badge_no, name in rows}
