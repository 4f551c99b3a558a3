"""The check ledger (检查台帐, 000 附件1 第十八条): every spot-check review, filtered, counted and exported.

The period is the day a check was done (检查时间). Statistics count, per officer, the video and audio
clips recorded in the period and the checks done in it; the officer filter narrows them, the reviewer
and verdict filters do not (a pass rate of only the failed checks would say nothing). Exports stream the
ledger in batches, so a year of checks never sits in memory at once.
"""

from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any, TypeVarTuple, cast

from sqlalchemy import ColumnElement, Select, case, func, or_, select, true
from sqlalchemy.orm import Session

from db.models import (
    Clip,
    Device,
    Officer,
    SpotCheckAnswer,
    SpotCheckItem,
    SpotCheckPlan,
    SpotCheckReview,
    Unit,
    User,
)
from db.session import Sessions, see_one_state
from workstation import audit, clock
from workstation.atomic_file import replacing
from workstation.errors import PermissionDenied, SpotCheckError
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.spotcheck import review_audit
from workstation.spotcheck.ledger_workbook import LedgerHeading, write_ledger
from workstation.spotcheck.plans import CANDIDATE_TYPES
from workstation.spotcheck.policy import LEDGER_ROLES, working_units
from workstation.spotcheck.rows import kinds_of, plan_rows
from workstation.spotcheck.types import (
    CheckAnswer,
    CheckItem,
    LedgerExport,
    LedgerFilter,
    LedgerRow,
    OfficerStatistics,
    PlanRow,
    Selection,
    Verdict,
)

Columns = TypeVarTuple("Columns")  # the selected columns, kept by the filter

PAGE_SIZE = 1000
EXPORT_BATCH = 2000


def list_ledger(session: Session, who: Identity, criteria: LedgerFilter, limit: int = PAGE_SIZE) -> list[LedgerRow]:
    """The newest `limit` ledger lines `who` may read."""
    units = ledger_units(session, who, criteria)
    statement = _filtered(_statement(), criteria, units).order_by(SpotCheckReview.id.desc()).limit(limit)
    return _rows(session, statement)


def get_ledger_row(session: Session, review_id: int) -> LedgerRow:
    return _rows(session, _statement().where(SpotCheckReview.id == review_id))[0]


def iter_ledger(session: Session, criteria: LedgerFilter, units: frozenset[int] | None) -> Iterator[LedgerRow]:
    """Every matching line, oldest first, read EXPORT_BATCH at a time (keyset on the review id)."""
    after = 0
    while True:
        statement = _filtered(_statement(), criteria, units).where(SpotCheckReview.id > after)
        batch = _rows(session, statement.order_by(SpotCheckReview.id).limit(EXPORT_BATCH))
        yield from batch
        if len(batch) < EXPORT_BATCH:
            return
        after = batch[-1].review_id


def statistics(session: Session, criteria: LedgerFilter, units: frozenset[int] | None) -> list[OfficerStatistics]:
    """Per unit and officer: clips recorded in the period, checks done in it and their verdicts."""
    recorded_where: list[ColumnElement[bool]] = [
        Clip.file_type.in_(CANDIDATE_TYPES),
        Clip.officer_id.is_not(None),
        Clip.unit_id.is_not(None),
    ]
    start, end = _bounds(criteria)
    if start is not None:
        recorded_where.append(Clip.recorded_start >= start)
    if end is not None:
        recorded_where.append(Clip.recorded_start < end)
    if units is not None:
        recorded_where.append(Clip.unit_id.in_(sorted(units)))
    if criteria.officer:
        recorded_where.append(Clip.officer_id.in_(_officers_matching(criteria.officer)))
    recorded = {
        (unit_id, officer_id): count
        for unit_id, officer_id, count in session.execute(
            select(Clip.unit_id, Clip.officer_id, func.count())
            .where(*recorded_where)
            .group_by(Clip.unit_id, Clip.officer_id)
        )
    }

    def verdicts(verdict: Verdict) -> ColumnElement[int]:
        return func.sum(case((SpotCheckReview.verdict == verdict, 1), else_=0))

    checks_statement = select(
        SpotCheckReview.unit_id,
        SpotCheckReview.officer_id,
        func.count(),
        verdicts(Verdict.PASS),
        verdicts(Verdict.MOSTLY),
        verdicts(Verdict.FAIL),
    ).group_by(SpotCheckReview.unit_id, SpotCheckReview.officer_id)
    scope = LedgerFilter(criteria.date_from, criteria.date_to, officer=criteria.officer)
    checks = {
        (unit_id, officer_id): (count, int(passed or 0), int(mostly or 0), int(failed or 0))
        for unit_id, officer_id, count, passed, mostly, failed in session.execute(
            _filtered(checks_statement, scope, units)
        )
    }
    keys = cast(set[tuple[int, int]], set(recorded) | set(checks))  # both queries exclude NULL units and officers
    units_by_id = {u.id: u for u in session.execute(select(Unit).where(Unit.id.in_({u for u, _ in keys}))).scalars()}
    officers = {o.id: o for o in session.execute(select(Officer).where(Officer.id.in_({o for _, o in keys}))).scalars()}
    rows = []
    for unit_id, officer_id in keys:
        count, passed, mostly, failed = checks.get((unit_id, officer_id), (0, 0, 0, 0))
        unit, officer = units_by_id[unit_id], officers[officer_id]
        rows.append(
            OfficerStatistics(
                unit.code,
                unit.name,
                officer.badge_no,
                officer.name,
                recorded.get((unit_id, officer_id), 0),
                count,
                passed,
                mostly,
                failed,
            )
        )
    return sorted(rows, key=lambda row: (row.unit_code, row.badge_no))


def plans_in_period(session: Session, criteria: LedgerFilter, units: frozenset[int] | None) -> list[PlanRow]:
    """The plans drawn in the period, and older plans with checks done in it (in force and superseded)."""
    start, end = _bounds(criteria)
    drawn: list[ColumnElement[bool]] = []
    if start is not None:
        drawn.append(SpotCheckPlan.drawn_at >= start)
    if end is not None:
        drawn.append(SpotCheckPlan.drawn_at < end)
    checked = select(SpotCheckItem.plan_id).join(SpotCheckReview, SpotCheckReview.item_id == SpotCheckItem.id)
    if start is not None:
        checked = checked.where(SpotCheckReview.reviewed_at >= start)
    if end is not None:
        checked = checked.where(SpotCheckReview.reviewed_at < end)
    conditions: list[ColumnElement[bool]] = [or_(*drawn, SpotCheckPlan.id.in_(checked)) if drawn else true()]
    if units is not None:
        conditions.append(SpotCheckPlan.unit_id.in_(sorted(units)))
    return plan_rows(session, *conditions)


def export_ledger(
    sessions: Sessions,
    who: Identity,
    criteria: LedgerFilter,
    path: Path,
    now: datetime | None = None,
) -> LedgerExport:
    """Write the ledger workbook (sheets 检查台帐, 统计, 抽样记录); returns its line count and how many lines
    differ from their audit rows.

    Every line is checked against its review's audit row (review_audit): one that differs is still printed,
    marked 与审计日志不符 in its 备注 with what differs, and counted in the sheet's page header, so a tampered
    review is never handed out as if valid. Every sheet prints the audit chain head, read in the same
    snapshot as the rows, so the signed paper witnesses the electronic record (`audit verify --head`).

    The units `who` works on bound the export (policy.working_units). The file appears
    complete or not at all (workstation.atomic_file). The audit row is committed before the file takes its
    name, so no export goes unlogged: a program killed in between leaves a logged export without a file.
    """
    if criteria.date_from is None or criteria.date_to is None or criteria.date_to < criteria.date_from:
        raise SpotCheckError("ledger_period_invalid")
    path = Path(path)
    with replacing(path) as partial:
        with sessions.read() as session:
            see_one_state(session)  # the chain head below is the one these rows were read with
            units = ledger_units(session, who, criteria)
            heading = LedgerHeading(
                unit_name=_unit_title(session, who, criteria),
                date_from=criteria.date_from,
                date_to=criteria.date_to,
                generated_at=now or clock.now(),
                generated_by=who.audit_name,
                chain_head=audit.chain_head(session),
            )
            stats = statistics(session, criteria, units)
            plans = plans_in_period(session, criteria, units)
            written = write_ledger(partial, heading, iter_ledger(session, criteria, units), stats, plans)
        with sessions.write() as session:
            audit.record(
                session,
                who.audit_name,
                "ledger.export",
                "spotcheck_ledger",
                criteria.unit_code or "-",
                {
                    "from": criteria.date_from.isoformat(),
                    "to": criteria.date_to.isoformat(),
                    "unit": criteria.unit_code,
                    "rows": written.rows,
                    "disputed": written.disputed,
                    "chain_head": f"{heading.chain_head.seq}:{heading.chain_head.digest}",
                    "file": path.name,
                },
            )
    return written


def ledger_units(session: Session, who: Identity, criteria: LedgerFilter) -> frozenset[int]:
    """The units whose checks the query may show: those `who` may read, narrowed to the unit named."""
    tree = OrgTree.load(session)
    named = None
    if criteria.unit_code is not None:
        unit_id = session.execute(select(Unit.id).where(Unit.code == criteria.unit_code)).scalar_one_or_none()
        if unit_id is None:
            raise SpotCheckError("unit_code_unknown", unit_code=criteria.unit_code)
        named = tree.subtree(unit_id)
    allowed = working_units(session, who, LEDGER_ROLES)
    if named is not None and not named <= allowed:
        raise PermissionDenied("ledger_unit_denied", unit_code=criteria.unit_code)
    return named if named is not None else allowed


def _unit_title(session: Session, who: Identity, criteria: LedgerFilter) -> str:
    if criteria.unit_code is not None:
        return session.execute(select(Unit.name).where(Unit.code == criteria.unit_code)).scalar_one()
    if who.is_user:
        statement = select(Unit.name).join(User, User.unit_id == Unit.id).where(User.login == who.name)
        return session.execute(statement).scalar_one()
    return "全部单位"


def _statement() -> Select[*tuple[Any, ...]]:
    """Ledger lines as plain columns (no ORM objects: an export reads 100,000s of them)."""
    return (
        select(
            SpotCheckReview.id,
            SpotCheckReview.item_id,
            SpotCheckItem.plan_id,
            SpotCheckPlan.drawn_at,
            Unit.code,
            Unit.name,
            Officer.name,
            Officer.badge_no,
            Device.device_no,
            Clip.recorded_start,
            SpotCheckReview.duration_ms,
            Clip.original_name,
            User.login,
            User.display_name,
            SpotCheckReview.reviewed_at,
            SpotCheckReview.coverage_bp,
            SpotCheckReview.top_speed,
            SpotCheckReview.verdict,
            SpotCheckReview.problem,
            SpotCheckReview.rectification,
            SpotCheckItem.selection,
            SpotCheckItem.finding_kinds,
        )
        .join(SpotCheckItem, SpotCheckItem.id == SpotCheckReview.item_id)
        .join(SpotCheckPlan, SpotCheckPlan.id == SpotCheckItem.plan_id)
        .join(Unit, Unit.id == SpotCheckReview.unit_id)
        .join(Officer, Officer.id == SpotCheckReview.officer_id)
        .join(Clip, Clip.id == SpotCheckReview.clip_id)
        .join(User, User.id == SpotCheckReview.reviewer_id)
        .outerjoin(Device, Device.id == Clip.device_id)
    )


def _filtered(statement: Select[*Columns], criteria: LedgerFilter, units: frozenset[int] | None) -> Select[*Columns]:
    start, end = _bounds(criteria)
    if start is not None:
        statement = statement.where(SpotCheckReview.reviewed_at >= start)
    if end is not None:
        statement = statement.where(SpotCheckReview.reviewed_at < end)
    if units is not None:
        statement = statement.where(SpotCheckReview.unit_id.in_(sorted(units)))
    if criteria.officer:
        statement = statement.where(SpotCheckReview.officer_id.in_(_officers_matching(criteria.officer)))
    if criteria.reviewer:
        text = criteria.reviewer.strip()
        reviewers = select(User.id).where(or_(User.login == text, User.display_name.like(f"%{text}%")))
        statement = statement.where(SpotCheckReview.reviewer_id.in_(reviewers))
    if criteria.verdict is not None:
        statement = statement.where(SpotCheckReview.verdict == criteria.verdict)
    return statement


def _officers_matching(text: str) -> Select[int]:
    text = text.strip()
    return select(Officer.id).where(or_(Officer.badge_no == text, Officer.name.like(f"%{text}%")))


def _bounds(criteria: LedgerFilter) -> tuple[datetime | None, datetime | None]:
    start = datetime.combine(criteria.date_from, time.min) if criteria.date_from else None
    end = datetime.combine(criteria.date_to + timedelta(days=1), time.min) if criteria.date_to else None
    return start, end


def _rows(session: Session, statement: Select[*tuple[Any, ...]]) -> list[LedgerRow]:
    rows = session.execute(statement).all()
    disputed = review_audit.mismatches(session, [row[0] for row in rows])
    answers: dict[int, list[tuple[CheckItem, CheckAnswer]]] = defaultdict(list)
    if rows:
        for review_id, code, answer in session.execute(
            select(SpotCheckAnswer.review_id, SpotCheckAnswer.item_code, SpotCheckAnswer.answer).where(
                SpotCheckAnswer.review_id.in_([row[0] for row in rows])
            )
        ):
            answers[review_id].append((CheckItem(code), CheckAnswer(answer)))
    order = {item: index for index, item in enumerate(CheckItem)}
    return [
        LedgerRow(
            review_id=review_id,
            item_id=item_id,
            plan_id=plan_id,
            drawn_on=drawn_at.date(),
            unit_code=unit_code,
            unit_name=unit_name,
            officer_name=officer_name,
            badge_no=badge_no,
            device_no=device_no,
            recorded_start=recorded_start,
            duration_ms=duration_ms,
            original_name=original_name,
            reviewer=login,
            reviewer_name=reviewer_name,
            reviewed_at=reviewed_at,
            coverage_bp=coverage_bp,
            top_speed=top_speed,
            answers=tuple(sorted(answers[review_id], key=lambda pair: order[pair[0]])),
            verdict=Verdict(verdict),
            problem=problem,
            rectification=rectification,
            audit_mismatch=disputed.get(review_id, ""),
            selection=Selection(selection),
            finding_kinds=kinds_of(finding_kinds),
        )
        for (
            review_id,
            item_id,
            plan_id,
            drawn_at,
            unit_code,
            unit_name,
            officer_name,
            badge_no,
            device_no,
            recorded_start,
            duration_ms,
            original_name,
            login,
            reviewer_name,
            reviewed_at,
            coverage_bp,
            top_speed,
            verdict,
            problem,
            rectification,
            selection,
            finding_kinds,
        ) in rows
    ]
