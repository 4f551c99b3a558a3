"""The statistics reports as the 统计 page's rows: headers, cells, and the clips each count stands for.

A figure's ClipFilter repeats the measure's definition (workstation/statistics, README "Statistics and
reports"): footage is video, audio and photos (not the recorders' log files); hours, the link rate and the
recorder's archived footage count video and audio; late uploads are those archived more than 24 h after the
recording started. So a double-click lists exactly the clips a count counts.
"""

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from ui.common.labels import check_item_name, event_name
from ui.statistics.figures import FigureRow
from workstation.footage.types import FOOTAGE_TYPES, RECORDING_TYPES, ClipFilter, DeviceEventType
from workstation.spotcheck.types import CheckItem
from workstation.statistics.types import (
    AccessReport,
    DeviceReport,
    SpotCheckFigures,
    SpotCheckReport,
    StatsQuery,
    Workload,
    WorkloadReport,
    WorkloadRow,
)
from workstation.types import FileType


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def workload_headers(officers: bool) -> list[str]:
    names = (
        [
            QCoreApplication.translate("statistics", "Badge no."),
            QCoreApplication.translate("statistics", "Name"),
            QCoreApplication.translate("statistics", "Unit code"),
        ]
        if officers
        else [
            QCoreApplication.translate("statistics", "Unit"),
            QCoreApplication.translate("statistics", "Officers with footage"),
        ]
    )
    return [
        *names,
        QCoreApplication.translate("statistics", "Files"),
        QCoreApplication.translate("statistics", "Video"),
        QCoreApplication.translate("statistics", "Audio"),
        QCoreApplication.translate("statistics", "Photo"),
        QCoreApplication.translate("statistics", "Hours"),
        QCoreApplication.translate("statistics", "Recording days"),
        QCoreApplication.translate("statistics", "On-time upload rate"),
        QCoreApplication.translate("statistics", "Uploaded late"),
        QCoreApplication.translate("statistics", "Link rate"),
        QCoreApplication.translate("statistics", "Marked share"),
        QCoreApplication.translate("statistics", "Gaps"),
        QCoreApplication.translate("statistics", "Gap hours"),
    ]


def workload_rows(report: WorkloadReport, officers: bool) -> list[FigureRow]:
    """Per unit (with the units below it) or per officer (footage filed under one unit)."""
    query = report.query
    if officers:
        return [
            _workload_row((row.key, row.name, row.unit_code), (), row.workload, _officer_base(query, row))
            for row in report.officers
        ]
    return [
        _workload_row((row.name,), (str(row.officers),), row.workload, _unit_base(query, row.key))
        for row in report.units
    ]


def _unit_base(query: StatsQuery, unit_code: str) -> ClipFilter | None:
    """The footage of a unit row; None for footage awaiting assignment (no filter names it)."""
    if not unit_code:
        return None
    return ClipFilter(unit_code=unit_code, date_from=query.date_from, date_to=query.date_to, file_types=FOOTAGE_TYPES)


def _officer_base(query: StatsQuery, row: WorkloadRow) -> ClipFilter | None:
    base = _unit_base(query, row.unit_code)
    return replace(base, badge_no=row.key) if base is not None and row.key else None


def _workload_row(
    names: tuple[str, ...], people: tuple[str, ...], figures: Workload, base: ClipFilter | None
) -> FigureRow:
    """`names` name the row; `people` is the unit's count of officers with footage (none for an officer)."""

    def narrowed(**fields: object) -> ClipFilter | None:
        return replace(base, **fields) if base is not None else None  # type: ignore[arg-type]

    cells = (
        *names,
        *people,
        str(figures.clips),
        str(figures.videos),
        str(figures.audios),
        str(figures.photos),
        hours(figures.hours),
        str(figures.recording_days),
        percent(figures.upload_rate),
        str(figures.clips - figures.on_time),
        percent(figures.link_rate),
        percent(figures.marked_share),
        str(figures.gaps),
        hours(figures.gap_ms / 3_600_000),
    )
    one_type = {kind: narrowed(file_types=None, file_type=kind) for kind in FOOTAGE_TYPES}
    drills = (
        *(base for _cell in (*names, *people)),
        base,
        one_type[FileType.VIDEO],
        one_type[FileType.AUDIO],
        one_type[FileType.PHOTO],
        narrowed(file_types=RECORDING_TYPES),
        base,
        narrowed(uploaded_late=False),  # the rate's numerator: on time
        narrowed(uploaded_late=True),
        narrowed(file_types=RECORDING_TYPES, linked=True),
        narrowed(annotated=True),
        narrowed(file_types=RECORDING_TYPES),  # the recordings between which the gaps lie
        narrowed(file_types=RECORDING_TYPES),
    )
    return FigureRow(cells, drills, float(figures.clips), len(names))


def workload_headline(report: WorkloadReport) -> str:
    """The totals, each with the previous period's of the same length."""
    now, before = report.total, report.previous_total
    pairs = (
        (QCoreApplication.translate("statistics", "Files"), str(now.clips), str(before.clips)),
        (QCoreApplication.translate("statistics", "Hours"), hours(now.hours), hours(before.hours)),
        (
            QCoreApplication.translate("statistics", "On-time upload rate"),
            percent(now.upload_rate),
            percent(before.upload_rate),
        ),
        (
            QCoreApplication.translate("statistics", "Link rate"),
            percent(now.link_rate),
            percent(before.link_rate),
        ),
        (
            QCoreApplication.translate("statistics", "Marked share"),
            percent(now.marked_share),
            percent(before.marked_share),
        ),
    )
    return " · ".join(
        QCoreApplication.translate("statistics", "%1 %2 (previous period %3)")
        .replace("%1", name)
        .replace("%2", current)
        .replace("%3", previous)
        for name, current, previous in pairs
    )


DEVICE_EVENTS = tuple(DeviceEventType)


def device_headers() -> list[str]:
    return [
        QCoreApplication.translate("statistics", "Device no."),
        QCoreApplication.translate("statistics", "Model"),
        QCoreApplication.translate("statistics", "Unit code"),
        QCoreApplication.translate("statistics", "Holder"),
        QCoreApplication.translate("statistics", "Hours on"),
        QCoreApplication.translate("statistics", "Hours recording"),
        QCoreApplication.translate("statistics", "Recording share"),
        QCoreApplication.translate("statistics", "Footage archived (h)"),
        *(event_name(kind) for kind in DEVICE_EVENTS),
    ]


def device_rows(report: DeviceReport) -> list[FigureRow]:
    """Per recorder: time on and recording (from its log), footage archived from it, log events by type."""
    rows = []
    for use in report.devices:
        base = ClipFilter(device_no=use.device_no, date_from=report.query.date_from, date_to=report.query.date_to)
        cells = (
            use.device_no,
            use.model,
            use.unit_code,
            use.holder,
            hours(use.seconds_on / 3600),
            hours(use.seconds_recording / 3600),
            percent(use.recording_share),
            hours(use.footage_ms / 3_600_000),
            *(str(use.count(kind)) for kind in DEVICE_EVENTS),
        )
        logs = replace(base, file_type=FileType.LOG)  # the log files the events were read from
        drills = (
            *(base,) * 4,
            logs,
            logs,
            logs,
            replace(base, file_types=RECORDING_TYPES),
            *(logs,) * len(DEVICE_EVENTS),
        )
        rows.append(FigureRow(cells, drills, use.seconds_on / 3600, 4))
    return rows


def device_headline(report: DeviceReport) -> str:
    counts = dict(report.events)
    events = "，".join(f"{event_name(kind)} {counts.get(kind, 0)}" for kind in DEVICE_EVENTS if counts.get(kind))
    return (
        QCoreApplication.translate("statistics", "%1 recorders · log events: %2")
        .replace("%1", str(len(report.devices)))
        .replace("%2", events or "—")
    )


def spotcheck_headers() -> list[str]:
    return [
        QCoreApplication.translate("statistics", "Unit"),
        QCoreApplication.translate("statistics", "Plans"),
        QCoreApplication.translate("statistics", "Planned"),
        QCoreApplication.translate("statistics", "Reviewed"),
        QCoreApplication.translate("statistics", "Completion rate"),
        QCoreApplication.translate("statistics", "Officers planned"),
        QCoreApplication.translate("statistics", "Officers reviewed"),
        QCoreApplication.translate("statistics", "Pass"),
        QCoreApplication.translate("statistics", "Mostly compliant"),
        QCoreApplication.translate("statistics", "Fail"),
        QCoreApplication.translate("statistics", "Pass rate"),
        QCoreApplication.translate("statistics", "Most frequent problems"),
    ]


def spotcheck_rows(report: SpotCheckReport) -> list[FigureRow]:
    """Per unit and the total. Reviews are not clips of a period, so these figures open no list."""
    return [_spotcheck_row(figures) for figures in (*report.units, report.total)]


def _spotcheck_row(figures: SpotCheckFigures) -> FigureRow:
    problems = "，".join(f"{check_item_name(CheckItem(item))} {count}" for item, count in figures.problems[:3])
    cells = (
        figures.unit_name,
        str(figures.plans),
        str(figures.planned),
        str(figures.reviewed),
        percent(figures.coverage),
        str(figures.officers_planned),
        str(figures.officers_reviewed),
        str(figures.passed),
        str(figures.mostly),
        str(figures.failed),
        percent(figures.pass_rate),
        problems or "—",
    )
    return FigureRow(cells, (None,) * len(cells), float(figures.reviewed))


def spotcheck_headline(report: SpotCheckReport) -> str:
    total = report.total
    return (
        QCoreApplication.translate("statistics", "Reviewed %1 of %2 planned (%3) · pass rate %4")
        .replace("%1", str(total.reviewed))
        .replace("%2", str(total.planned))
        .replace("%3", percent(total.coverage))
        .replace("%4", percent(total.pass_rate))
    )


def access_headers() -> list[str]:
    return [
        QCoreApplication.translate("statistics", "Deciding unit"),
        QCoreApplication.translate("statistics", "Requests"),
        QCoreApplication.translate("statistics", "Approved"),
        QCoreApplication.translate("statistics", "Rejected"),
        QCoreApplication.translate("statistics", "Pending"),
        QCoreApplication.translate("statistics", "From outside bodies"),
        QCoreApplication.translate("statistics", "Median decision time (h)"),
        QCoreApplication.translate("statistics", "Longest decision time (h)"),
    ]


def access_rows(report: AccessReport) -> list[FigureRow]:
    """Per deciding unit. Requests are not clips of a period, so these figures open no list."""
    rows = []
    for figures in report.units:
        cells = (
            figures.unit_name,
            str(figures.requests),
            str(figures.approved),
            str(figures.rejected),
            str(figures.pending),
            str(figures.outside),
            hours(figures.median_hours),
            hours(figures.longest_hours),
        )
        rows.append(FigureRow(cells, (None,) * len(cells), float(figures.requests)))
    return rows


def access_headline(report: AccessReport) -> str:
    requests = sum(figures.requests for figures in report.units)
    pending = sum(figures.pending for figures in report.units)
    return (
        QCoreApplication.translate("statistics", "%1 viewing requests · %2 pending")
        .replace("%1", str(requests))
        .replace("%2", str(pending))
    )
