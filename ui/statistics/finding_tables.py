"""The pre-screen report (预筛查 tab) as the 统计 page's rows: findings by kind, per unit, per recorder model and
kind, each count with the clips behind it.

A count's ClipFilter names the clips the findings are on: the unit (the query's for a kind or a model row), the
period, the finding kinds and the status (`finding_drill`, the one place that builds it).
"""

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from ui.common.labels import finding_kind_name
from ui.statistics.figures import FigureRow
from ui.statistics.tables import percent
from workstation.footage.types import FOOTAGE_TYPES, ClipFilter
from workstation.prescreen.types import FINDING_KINDS, DayFindingKind, FindingFigure, FindingStatus
from workstation.statistics.types import PrescreenReport, StatsQuery

DAY_ONLY_KINDS = frozenset(
    {DayFindingKind.GAP, DayFindingKind.OVERLAP, DayFindingKind.NO_CASE_LINK, DayFindingKind.CLOCK_DRIFT}
)
"""Findings kept on an officer's day, not on a clip (workstation.prescreen.day)."""

_STATUSES = (None, FindingStatus.PENDING, FindingStatus.CONFIRMED, FindingStatus.DISMISSED)
"""The count columns after a row's names: found (any status), pending, confirmed, dismissed; then precision."""


def _counts() -> list[str]:
    return [
        QCoreApplication.translate("statistics", "Number of findings"),
        QCoreApplication.translate("statistics", "Awaiting review"),
        QCoreApplication.translate("statistics", "Confirmed"),
        QCoreApplication.translate("statistics", "Dismissed"),
        QCoreApplication.translate("statistics", "Precision"),
    ]


def kind_headers() -> list[str]:
    return [QCoreApplication.translate("statistics", "Finding kind"), *_counts()]


def unit_headers() -> list[str]:
    return [
        QCoreApplication.translate("statistics", "Unit"),
        *_counts(),
        QCoreApplication.translate("statistics", "Files with findings"),
        QCoreApplication.translate("statistics", "Files with confirmed findings"),
    ]


def model_headers() -> list[str]:
    return [
        QCoreApplication.translate("statistics", "Model"),
        QCoreApplication.translate("statistics", "Finding kind"),
        *_counts(),
    ]


def finding_drill(base: ClipFilter | None, kinds: tuple[str, ...], status: FindingStatus | None) -> ClipFilter | None:
    """The clips behind a count of findings of `kinds` (all: ()) in `status` (any: None) over `base` (a unit
    and the period; None: footage awaiting assignment, which no filter names). A count of findings that sit on
    an officer's day and not on a clip (gap, overlap, no case link, clock drift) opens nothing: no clip carries
    them."""
    clip_kinds = tuple(kind for kind in kinds or FINDING_KINDS if kind not in DAY_ONLY_KINDS)
    if base is None or not clip_kinds:
        return None
    return replace(base, file_types=FOOTAGE_TYPES, finding_kinds=clip_kinds, finding_status=status)


def prescreen_rows(report: PrescreenReport) -> list[list[FigureRow]]:
    """The three tables: by kind (every kind; the totals are the headline's), per unit, per recorder model and
    kind."""
    query = report.query
    whole = _base(query, query.unit_code)
    kinds = [
        _row((finding_kind_name(figure.kind),), figure, whole, (figure.kind,), float(_found(figure)))
        for figure in report.kinds
    ]
    units = [
        _row(
            (row.unit_name,),
            row.figures,
            _base(query, row.unit_code),
            (),
            float(row.confirmed_clips),
            (str(row.clips), str(row.confirmed_clips)),
            (None, FindingStatus.CONFIRMED),
        )
        for row in report.units
    ]
    models = [
        _row((figure.model, finding_kind_name(figure.kind)), figure, whole, (figure.kind,), float(_found(figure)))
        for figure in report.models
    ]
    return [kinds, units, models]


def _base(query: StatsQuery, unit_code: str | None) -> ClipFilter | None:
    if unit_code == "":
        return None  # 待分配
    return ClipFilter(unit_code=unit_code, date_from=query.date_from, date_to=query.date_to)


def _row(
    names: tuple[str, ...],
    figure: FindingFigure,
    base: ClipFilter | None,
    kinds: tuple[str, ...],
    bar: float,
    clips: tuple[str, ...] = (),
    clip_statuses: tuple[FindingStatus | None, ...] = (),
) -> FigureRow:
    """A row of names, the counts by status and the precision (then the clip counts of a unit row); each count
    drills to its findings' clips, the precision to the decided ones'."""
    counts = (_found(figure), figure.pending, figure.confirmed, figure.dismissed)
    cells = (*names, *(str(count) for count in counts), percent(figure.precision), *clips)
    drills = (
        *(finding_drill(base, kinds, None) for _name in names),
        *(finding_drill(base, kinds, status) for status in _STATUSES),
        finding_drill(base, kinds, None),
        *(finding_drill(base, kinds, status) for status in clip_statuses),
    )
    return FigureRow(cells, drills, bar, len(names))


def _found(figure: FindingFigure) -> int:
    return figure.pending + figure.confirmed + figure.dismissed


def prescreen_headline(report: PrescreenReport) -> str:
    now, before = report.total, report.previous_total
    return (
        QCoreApplication.translate(
            "statistics",
            "Findings %1 (previous period %2) · confirmed %3 · dismissed %4 · pending %5 · precision %6",
        )
        .replace("%1", str(_found(now)))
        .replace("%2", str(_found(before)))
        .replace("%3", str(now.confirmed))
        .replace("%4", str(now.dismissed))
        .replace("%5", str(now.pending))
        .replace("%6", percent(now.precision))
    )
