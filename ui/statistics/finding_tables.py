"""The pre-screen report (预筛查 tab) as the 统计 page's rows: findings by kind, per unit, per recorder model and
kind, each count with the clips behind it.

A count's ClipFilter names the clips the findings are on or the recordings of the officer-days they are about:
the unit (the query's for a kind or a model row), the period, video and audio (a late upload can be any
footage, and its rule has its own filter). The finding's kind and status are not yet fields of ClipFilter (the
browser's findings filter adds them), so `finding_drill` is the one place that narrows to them.
"""

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from ui.statistics.figures import FigureRow
from ui.statistics.tables import percent
from workstation.footage.types import FOOTAGE_TYPES, RECORDING_TYPES, ClipFilter
from workstation.prescreen.types import DayFindingKind, FindingFigure, FindingStatus
from workstation.statistics.types import PrescreenReport, StatsQuery

_STATUSES = (None, FindingStatus.PENDING, FindingStatus.CONFIRMED, FindingStatus.DISMISSED)
"""The count columns after a row's names: found (any status), pending, confirmed, dismissed; then precision."""


def finding_kind_name(kind: str) -> str:
    names = {
        "covered": QCoreApplication.translate("findings", "Lens covered"),
        "dark": QCoreApplication.translate("findings", "Too dark"),
        "frozen": QCoreApplication.translate("findings", "Frozen picture"),
        "silent": QCoreApplication.translate("findings", "No sound"),
        "clipped": QCoreApplication.translate("findings", "Distorted sound"),
        "undecodable": QCoreApplication.translate("findings", "Cannot be decoded"),
        DayFindingKind.GAP: QCoreApplication.translate("findings", "Recording gap"),
        DayFindingKind.OVERLAP: QCoreApplication.translate("findings", "Overlapping recordings"),
        DayFindingKind.ABNORMAL_END: QCoreApplication.translate("findings", "Ended by an abnormal interruption"),
        DayFindingKind.LOW_BATTERY_END: QCoreApplication.translate("findings", "Ended on low battery"),
        DayFindingKind.LATE_UPLOAD: QCoreApplication.translate("findings", "Uploaded after 24 h"),
        DayFindingKind.NO_CASE_LINK: QCoreApplication.translate("findings", "No case link all day"),
        DayFindingKind.CLOCK_DRIFT: QCoreApplication.translate("findings", "Clock drift"),
    }
    return names.get(kind, kind)


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


def finding_drill(
    base: ClipFilter | None,
    kinds: tuple[str, ...],
    status: FindingStatus | None,  # noqa: ARG001 (the merge with the browser's findings filter uses it)
) -> ClipFilter | None:
    """The clips behind a count of findings of `kinds` (all: ()) in `status` (any: None) over `base` (a unit
    and the period; None: footage awaiting assignment, which no filter names).

    Today the filter narrows by what ClipFilter has: recordings, and the late-upload rule for late uploads.
    TODO(issue 17, at the merge with the browser's findings filter): also set finding_kinds=kinds and
    finding_status=status, so that the list is exactly the clips the count counts."""
    if base is None:
        return None
    if kinds == (DayFindingKind.LATE_UPLOAD,):
        return replace(base, file_types=FOOTAGE_TYPES, uploaded_late=True)
    return replace(base, file_types=RECORDING_TYPES)


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
