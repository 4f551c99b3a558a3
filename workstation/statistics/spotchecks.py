"""Spot-check coverage and results over a period (R5, R10): per unit, the plans whose days fall in the period
(redrawn plans count once, by their current draw), the items planned and reviewed, the officers sampled and
checked, the verdicts, and the checklist items most often answered 否 — what the unit has to work on."""

from collections import defaultdict

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from db.models import SpotCheckAnswer, SpotCheckItem, SpotCheckPlan, SpotCheckReview
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.spotcheck.types import CheckAnswer, ItemStatus, Verdict
from workstation.statistics.scope import report_units
from workstation.statistics.sql import count_if
from workstation.statistics.types import SpotCheckFigures, SpotCheckReport, StatsQuery

TOTAL = "合计"


def spot_checks(session: Session, who: Identity, query: StatsQuery) -> SpotCheckReport:
    """The spot-check figures of every unit of the query with a plan in the period, and their total."""
    tree = OrgTree.load(session)
    units, _unassigned = report_units(session, who, tree, query)
    plans = select(SpotCheckPlan.id).where(
        SpotCheckPlan.unit_id.in_(sorted(units)),
        SpotCheckPlan.superseded_at.is_(None),
        SpotCheckPlan.day_from >= query.date_from,
        SpotCheckPlan.day_to <= query.date_to,
    )
    live = SpotCheckItem.status != ItemStatus.WITHDRAWN
    items = {
        unit_id: (int(count), int(planned), int(officers))
        for unit_id, count, planned, officers in session.execute(
            select(
                SpotCheckItem.unit_id,
                func.count(distinct(SpotCheckItem.plan_id)),
                count_if(live),
                func.count(distinct(SpotCheckItem.officer_id)).filter(live),
            )
            .where(SpotCheckItem.plan_id.in_(plans))
            .group_by(SpotCheckItem.unit_id)
        )
    }
    reviews = select(SpotCheckReview.id).join(SpotCheckItem, SpotCheckItem.id == SpotCheckReview.item_id)
    reviews = reviews.where(SpotCheckItem.plan_id.in_(plans))
    verdicts = {
        unit_id: tuple(int(value) for value in figures)
        for unit_id, *figures in session.execute(
            select(
                SpotCheckReview.unit_id,
                func.count(),
                func.count(distinct(SpotCheckReview.officer_id)),
                *(count_if(SpotCheckReview.verdict == verdict) for verdict in Verdict),
            )
            .where(SpotCheckReview.id.in_(reviews))
            .group_by(SpotCheckReview.unit_id)
        )
    }
    problems: dict[int, dict[str, int]] = defaultdict(dict)
    for unit_id, item_code, count in session.execute(
        select(SpotCheckReview.unit_id, SpotCheckAnswer.item_code, func.count())
        .join(SpotCheckAnswer, SpotCheckAnswer.review_id == SpotCheckReview.id)
        .where(SpotCheckReview.id.in_(reviews), SpotCheckAnswer.answer == CheckAnswer.NO)
        .group_by(SpotCheckReview.unit_id, SpotCheckAnswer.item_code)
    ):
        problems[unit_id][item_code] = count
    rows = []
    for unit_id in sorted(items.keys() | verdicts.keys(), key=lambda unit: tree.unit(unit).code):
        plan_count, planned, officers_planned = items.get(unit_id, (0, 0, 0))
        reviewed, officers_reviewed, passed, mostly, failed = verdicts.get(unit_id, (0, 0, 0, 0, 0))
        facts = tree.unit(unit_id)
        counts = (plan_count, planned, reviewed, officers_planned, officers_reviewed, passed, mostly, failed)
        rows.append(SpotCheckFigures(facts.code, facts.name, *counts, _ranked(problems[unit_id])))
    return SpotCheckReport(query, tuple(rows), _total(rows))


def _ranked(counts: dict[str, int]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _total(rows: list[SpotCheckFigures]) -> SpotCheckFigures:
    problems: dict[str, int] = defaultdict(int)
    for row in rows:
        for code, count in row.problems:
            problems[code] += count

    def summed(name: str) -> int:
        return sum(getattr(row, name) for row in rows)

    return SpotCheckFigures(
        "", TOTAL, summed("plans"), summed("planned"), summed("reviewed"), summed("officers_planned"),
        summed("officers_reviewed"), summed("passed"), summed("mostly"), summed("failed"), _ranked(problems),
    )  # fmt: skip
