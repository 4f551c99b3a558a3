"""Viewing requests and their decision times over a period (R6, R10): per deciding unit (the unit of a request's
last step), the requests filed, how they ended, those from outside bodies, and how long the decisions took
(filing to the last decision: median and longest)."""

from collections import defaultdict
from datetime import datetime, time, timedelta
from statistics import median

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from db.models import AccessRequest, ApprovalStep
from workstation.access.types import RequestStatus
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.statistics.scope import report_units
from workstation.statistics.types import AccessFigures, AccessReport, StatsQuery


def access_requests(session: Session, who: Identity, query: StatsQuery) -> AccessReport:
    """The requests filed in the period whose deciding unit is one of the query's units, per unit."""
    tree = OrgTree.load(session)
    units, _unassigned = report_units(session, who, tree, query)
    start = datetime.combine(query.date_from, time.min)
    end = datetime.combine(query.date_to + timedelta(days=1), time.min)
    steps = (
        select(
            ApprovalStep.request_id,
            func.max(ApprovalStep.step_no).label("last_no"),
            func.max(ApprovalStep.decided_at).label("decided_at"),
        )
        .group_by(ApprovalStep.request_id)
        .subquery()
    )
    last = aliased(ApprovalStep)
    rows = session.execute(
        select(
            last.unit_id, AccessRequest.status, AccessRequest.outside_body, AccessRequest.created_at, steps.c.decided_at
        )
        .join(steps, steps.c.request_id == AccessRequest.id)
        .join(last, and_(last.request_id == AccessRequest.id, last.step_no == steps.c.last_no))
        .where(last.unit_id.in_(sorted(units)), AccessRequest.created_at >= start, AccessRequest.created_at < end)
    )
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    hours: dict[int, list[float]] = defaultdict(list)
    for unit_id, status, outside_body, created_at, decided_at in rows:
        counted = counts[unit_id]
        counted["requests"] += 1
        counted["outside"] += outside_body is not None
        counted[status] += 1
        if status != RequestStatus.PENDING and decided_at is not None:
            hours[unit_id].append((decided_at - created_at).total_seconds() / 3600)
    figures = []
    for unit_id in sorted(counts, key=lambda unit: tree.unit(unit).code):
        counted, taken = counts[unit_id], hours[unit_id]
        facts = tree.unit(unit_id)
        figures.append(
            AccessFigures(
                unit_code=facts.code,
                unit_name=facts.name,
                requests=counted["requests"],
                approved=counted[RequestStatus.APPROVED],
                rejected=counted[RequestStatus.REJECTED],
                pending=counted[RequestStatus.PENDING],
                outside=counted["outside"],
                median_hours=median(taken) if taken else None,
                longest_hours=max(taken) if taken else None,
            )
        )
    return AccessReport(query, tuple(figures))
