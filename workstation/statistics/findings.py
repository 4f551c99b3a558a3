"""The pre-screen's findings over a period (issue 17, R10): how many of each kind the machine found, how many the
reviewers confirmed or dismissed — the precision of each detector on real use, per kind and per recorder model —
per unit, and the clips with confirmed findings.

A finding belongs to the day and unit of its clip or officer-day (db.models.prescreen.PrescreenFinding keeps
both); a unit includes the units below it. The recorder model is that of the clip's recorder; findings on an
officer's day (no clip) and clips of an unknown recorder have none. Read straight from the findings table, not
through the pre-screen area (workstation.prescreen.queries answers one user's lists; a report needs the whole
period at once, grouped).
"""

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import ColumnElement, distinct, func, or_, select
from sqlalchemy.orm import Session

from db.models import Clip, Device, Officer, PrescreenFinding, Unit
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.prescreen.types import FINDING_KINDS, FindingFigure, FindingStatus
from workstation.statistics.scope import report_units, shown_units
from workstation.statistics.sql import count_if
from workstation.statistics.types import (
    CONFIRMED_CLIPS_SHOWN,
    ConfirmedClip,
    FindingUnitRow,
    PrescreenReport,
    StatsQuery,
)
from workstation.statistics.workload import UNASSIGNED

_Counts = tuple[int, int, int]  # pending, confirmed, dismissed


def prescreen_findings(session: Session, who: Identity, query: StatsQuery) -> PrescreenReport:
    """The pre-screen report of `query` over the units in the user's charge (PermissionDenied for one outside)."""
    tree = OrgTree.load(session)
    units, unassigned = report_units(session, who, tree, query)
    where = _where(query, units, unassigned)
    grouped = _grouped(session, where)
    kinds: dict[str, _Counts] = {kind: (0, 0, 0) for kind in FINDING_KINDS}
    models: dict[tuple[str, str], _Counts] = {}
    by_unit: dict[int | None, _Counts] = {}
    for (unit_id, kind, model), counts in grouped.items():
        kinds[kind] = _add(kinds.get(kind, (0, 0, 0)), counts)
        by_unit[unit_id] = _add(by_unit.get(unit_id, (0, 0, 0)), counts)
        if model:
            models[model, kind] = _add(models.get((model, kind), (0, 0, 0)), counts)
    clips = _clip_counts(session, where)
    rows = []
    for unit_id in shown_units(tree, query, units):
        below = tree.subtree(unit_id)
        facts = tree.unit(unit_id)
        rows.append(_unit_row(facts.code, facts.name, [by_unit.get(unit) for unit in below], clips, below))
    if query.unit_code is None and None in by_unit:
        rows.append(_unit_row("", UNASSIGNED, [by_unit[None]], clips, {None}))
    confirmed, more = _confirmed_clips(session, where)
    return PrescreenReport(
        query=query,
        kinds=tuple(_figure(kind, "", counts) for kind, counts in kinds.items()),
        models=tuple(_figure(kind, model, counts) for (model, kind), counts in sorted(models.items())),
        units=tuple(rows),
        total=_figure("", "", _sum(by_unit.values())),
        previous_total=_figure("", "", _sum(_grouped(session, _where(query.previous(), units, unassigned)).values())),
        confirmed_clips=confirmed,
        more=more,
    )


def _where(query: StatsQuery, units: frozenset[int], unassigned: bool) -> ColumnElement[bool]:
    in_units = PrescreenFinding.unit_id.in_(sorted(units))
    return (
        (or_(in_units, PrescreenFinding.unit_id.is_(None)) if unassigned else in_units)
        & (PrescreenFinding.day >= query.date_from)
        & (PrescreenFinding.day <= query.date_to)
    )


def _grouped(session: Session, where: ColumnElement[bool]) -> dict[tuple[int | None, str, str], _Counts]:
    """(pending, confirmed, dismissed) per (unit id, kind, recorder model "" for none)."""
    model = func.coalesce(Device.model, "")
    statement = (
        select(
            PrescreenFinding.unit_id,
            PrescreenFinding.kind,
            model,
            count_if(PrescreenFinding.status == FindingStatus.PENDING),
            count_if(PrescreenFinding.status == FindingStatus.CONFIRMED),
            count_if(PrescreenFinding.status == FindingStatus.DISMISSED),
        )
        .outerjoin(Clip, Clip.id == PrescreenFinding.clip_id)
        .outerjoin(Device, Device.id == Clip.device_id)
        .where(where)
        .group_by(PrescreenFinding.unit_id, PrescreenFinding.kind, model)
    )
    return {
        (unit_id, kind, recorder_model): (int(pending), int(confirmed), int(dismissed))
        for unit_id, kind, recorder_model, pending, confirmed, dismissed in session.execute(statement)
    }


def _clip_counts(session: Session, where: ColumnElement[bool]) -> dict[int | None, tuple[int, int]]:
    """Per unit id: the clips with a finding, and those with a confirmed one (a clip is filed under one unit)."""
    confirmed = PrescreenFinding.status == FindingStatus.CONFIRMED
    statement = (
        select(
            PrescreenFinding.unit_id,
            func.count(distinct(PrescreenFinding.clip_id)),
            func.count(distinct(PrescreenFinding.clip_id)).filter(confirmed),
        )
        .where(where, PrescreenFinding.clip_id.is_not(None))
        .group_by(PrescreenFinding.unit_id)
    )
    return {unit_id: (int(found), int(sure)) for unit_id, found, sure in session.execute(statement)}


def _unit_row(
    code: str,
    name: str,
    counts: Iterable[_Counts | None],
    clips: dict[int | None, tuple[int, int]],
    below: Iterable[int | None],
) -> FindingUnitRow:
    found = [clips[unit] for unit in below if unit in clips]
    return FindingUnitRow(
        code,
        name,
        _figure("", "", _sum(counted for counted in counts if counted is not None)),
        sum(pair[0] for pair in found),
        sum(pair[1] for pair in found),
    )


def _confirmed_clips(session: Session, where: ColumnElement[bool]) -> tuple[tuple[ConfirmedClip, ...], int]:
    """The clips with confirmed findings, by unit code and recording time, at most CONFIRMED_CLIPS_SHOWN of them;
    and how many more there are."""
    confirmed = where & (PrescreenFinding.status == FindingStatus.CONFIRMED) & PrescreenFinding.clip_id.is_not(None)
    total = session.execute(select(func.count(distinct(PrescreenFinding.clip_id))).where(confirmed)).scalar_one()
    unit_code = func.coalesce(Unit.code, "")
    ordered = (
        select(Clip.id)
        .join(PrescreenFinding, PrescreenFinding.clip_id == Clip.id)
        .outerjoin(Unit, Unit.id == Clip.unit_id)
        .where(confirmed)
        .group_by(Clip.id, unit_code, Clip.recorded_start)
        .order_by(unit_code, Clip.recorded_start, Clip.id)
        .limit(CONFIRMED_CLIPS_SHOWN)
    )
    ids = list(session.execute(ordered).scalars())
    kinds: dict[int, dict[str, None]] = defaultdict(dict)  # ordered sets
    deciders: dict[int, dict[str, None]] = defaultdict(dict)
    for clip_id, kind, decided_by in session.execute(
        select(PrescreenFinding.clip_id, PrescreenFinding.kind, PrescreenFinding.decided_by)
        .where(confirmed, PrescreenFinding.clip_id.in_(ids))
        .order_by(PrescreenFinding.clip_id, PrescreenFinding.start_ms, PrescreenFinding.id)
    ):
        assert clip_id is not None  # the condition keeps clip findings only
        kinds[clip_id][kind] = None
        deciders[clip_id][decided_by or ""] = None
    facts = {
        row[0]: row[1:]
        for row in session.execute(
            select(Clip.id, Unit.code, Unit.name, Officer.badge_no, Officer.name)
            .add_columns(Clip.original_name, Clip.recorded_start)
            .outerjoin(Unit, Unit.id == Clip.unit_id)
            .outerjoin(Officer, Officer.id == Clip.officer_id)
            .where(Clip.id.in_(ids))
        )
    }
    clips = []
    for clip_id in ids:
        code, name, badge_no, officer_name, file_name, recorded_start = facts[clip_id]
        clips.append(
            ConfirmedClip(
                clip_id,
                code or "",
                name or UNASSIGNED,
                badge_no or "",
                officer_name or "",
                file_name,
                recorded_start,
                tuple(kinds[clip_id]),
                tuple(decider for decider in deciders[clip_id] if decider),
            )
        )
    return tuple(clips), int(total) - len(clips)


def _figure(kind: str, model: str, counts: _Counts) -> FindingFigure:
    return FindingFigure(kind, model, *counts)


def _add(left: _Counts, right: _Counts) -> _Counts:
    return left[0] + right[0], left[1] + right[1], left[2] + right[2]


def _sum(counts: Iterable[_Counts]) -> _Counts:
    total: _Counts = (0, 0, 0)
    for counted in counts:
        total = _add(total, counted)
    return total
