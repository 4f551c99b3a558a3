"""Reading the findings: of clips (the player's bands, `clips --format json`), of a query (the browser, the
spot check), and the figures per kind and recorder model (how often each detector was right)."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, or_, select
from sqlalchemy.orm import Session

from db.models import Clip, Device, PrescreenFinding
from workstation.identity import Identity
from workstation.permissions import clip_scope
from workstation.prescreen.scope import check_period, unit_condition, units_covered
from workstation.prescreen.store import finding_of
from workstation.prescreen.types import Finding, FindingFigure, FindingFilter, FindingStatus
from workstation.types import ClipScope

_BATCH = 500


def clip_findings(session: Session, who: Identity, clip_ids: Sequence[int]) -> list[Finding]:
    """The findings on these clips that `who` may see (a clip outside their rights is left out, as listing
    leaves it out), by clip and start."""
    scope = clip_scope(session, who)
    ids = sorted(set(clip_ids))
    found: list[Finding] = []
    for at in range(0, len(ids), _BATCH):
        statement = (
            select(PrescreenFinding)
            .join(Clip, Clip.id == PrescreenFinding.clip_id)
            .where(PrescreenFinding.clip_id.in_(ids[at : at + _BATCH]), _visible(scope))
            .order_by(PrescreenFinding.clip_id, PrescreenFinding.start_ms, PrescreenFinding.id)
        )
        found += [finding_of(row) for row in session.execute(statement).scalars()]
    return found


def _visible(scope: ClipScope) -> ColumnElement[bool]:
    """A clip within the user's rights: their units, footage awaiting assignment, their own, their grants."""
    conditions = [unit_condition(Clip.unit_id, scope.unit_ids, scope.unassigned)]
    if scope.officer_id is not None:
        conditions.append(Clip.officer_id == scope.officer_id)
    if scope.clip_ids:
        conditions.append(Clip.id.in_(sorted(scope.clip_ids)))
    return or_(*conditions)


def find(session: Session, who: Identity, criteria: FindingFilter, limit: int) -> list[Finding]:
    """The findings matching the filter over the units in `who`'s charge, newest day first (at most `limit`)."""
    statement = _filtered(session, who, select(PrescreenFinding), criteria)
    statement = statement.order_by(PrescreenFinding.day.desc(), PrescreenFinding.id).limit(limit)
    return [finding_of(row) for row in session.execute(statement).scalars()]


def figures(session: Session, who: Identity, criteria: FindingFilter) -> list[FindingFigure]:
    """Pending, confirmed and dismissed counts per kind and recorder model over the filter (its status aside):
    the precision of each detector on real use."""
    model = func.coalesce(Device.model, "")
    counts = [func.coalesce(func.sum(case((PrescreenFinding.status == s, 1), else_=0)), 0) for s in FindingStatus]
    statement = (
        select(PrescreenFinding.kind, model, *counts)
        .outerjoin(Clip, Clip.id == PrescreenFinding.clip_id)
        .outerjoin(Device, Device.id == Clip.device_id)
        .group_by(PrescreenFinding.kind, model)
        .order_by(PrescreenFinding.kind, model)
    )
    statement = _filtered(session, who, statement, FindingFilter(**(criteria.__dict__ | {"status": None})))
    by_status = list(FindingStatus)
    rows = []
    for kind, recorder_model, *numbers in session.execute(statement):
        count = dict(zip(by_status, (int(n) for n in numbers), strict=True))
        rows.append(
            FindingFigure(
                kind,
                recorder_model,
                count[FindingStatus.PENDING],
                count[FindingStatus.CONFIRMED],
                count[FindingStatus.DISMISSED],
            )
        )
    return rows


def _filtered(session: Session, who: Identity, statement: Select[Any], criteria: FindingFilter) -> Select[Any]:
    check_period(criteria.date_from, criteria.date_to)
    units, unassigned = units_covered(session, who, criteria.unit_code)
    statement = statement.where(unit_condition(PrescreenFinding.unit_id, units, unassigned))
    if criteria.date_from is not None:
        statement = statement.where(PrescreenFinding.day >= criteria.date_from)
    if criteria.date_to is not None:
        statement = statement.where(PrescreenFinding.day <= criteria.date_to)
    if criteria.kinds:
        statement = statement.where(PrescreenFinding.kind.in_(criteria.kinds))
    if criteria.status is not None:
        statement = statement.where(PrescreenFinding.status == criteria.status)
    return statement
