"""Workload per unit and officer over a period (R10, 附件3 二(八)): footage counts and hours, recording days,
上传及时率, 警情关联率 and the share of marked footage, with the previous period for comparison.

The figures of each (unit, officer) are summed from the daily rows (workstation.statistics.daily, which also
defines how each is counted: timeliness is the spot check's rule, ingest time − recording start ≤ 24 h,
workstation.types.LATE_UPLOAD_HOURS); the units' figures are summed from them over the unit tree in Python, so a
unit includes the units below it.
"""

from collections import defaultdict

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from db.models import DailyWorkload, Officer
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.statistics import daily
from workstation.statistics.scope import report_units, shown_units
from workstation.statistics.types import StatsQuery, Workload, WorkloadReport, WorkloadRow

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
    where_unit: ColumnElement[bool] = DailyWorkload.unit_id.in_(sorted(units))
    if unassigned:
        where_unit = or_(where_unit, DailyWorkload.unit_id.is_(None))
    groups = daily.workload_groups(session, query.date_from, query.date_to, where_unit)
    return {group: figures if group[1] is not None else _without_days(figures) for group, figures in groups.items()}


def _without_days(figures: Workload) -> Workload:
    """Footage with no officer counts no officer-days."""
    values = figures.__dict__ | {"recording_days": 0}
    return Workload(**values)


def _unit_rows(
    tree: OrgTree, query: StatsQuery, groups: dict[_Group, Workload], units: frozenset[int]
) -> list[WorkloadRow]:
    """The units of scope.shown_units with subtree sums, and the footage awaiting assignment."""
    by_unit: dict[int | None, Workload] = defaultdict(Workload)
    officers: dict[int | None, set[int]] = defaultdict(set)
    for (unit, officer), figures in groups.items():
        by_unit[unit] = by_unit[unit] + figures
        if officer is not None:
            officers[unit].add(officer)
    rows = []
    for unit_id in shown_units(tree, query, units):
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
