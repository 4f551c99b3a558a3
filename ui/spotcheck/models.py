"""Read-only tables of the spot check: plans (PlanRow), sampled items (SampleItemRow), officers' progress
(OfficerProgress) and the check ledger (LedgerRow)."""

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from ui.common.row_table_model import DISPLAY, TOOLTIP, RowTableModel
from ui.spotcheck.labels import (
    answer_name,
    check_item_name,
    duration_text,
    percent_text,
    selection_name,
    status_name,
    verdict_name,
)
from workstation.clock import format_time
from workstation.spotcheck.types import (
    CheckItem,
    ItemStatus,
    LedgerRow,
    OfficerProgress,
    PlanRow,
    SampleItemRow,
    Verdict,
)

_RED, _GREEN, _GREY = QColor("#b00020"), QColor("#1b5e20"), QColor("#757575")


class RowsModel(RowTableModel[Any]):
    """Rows (dataclasses) replaced as a whole with `set_rows`; subclasses give headers, texts and a colour."""

    COLOR_COLUMN: int | None = None

    def row(self, number: int) -> Any:
        return self.row_at(number)

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role in (DISPLAY, TOOLTIP):
            return self._display(row)[column]
        if role == Qt.ItemDataRole.ForegroundRole and self.COLOR_COLUMN in (None, column):
            color = self._color(row)
            return QBrush(color) if color is not None else None
        return None

    def _display(self, row: Any) -> tuple[str, ...]:
        raise NotImplementedError

    def _color(self, row: Any) -> QColor | None:
        """The text colour of the row (of COLOR_COLUMN only, when a subclass names one)."""
        raise NotImplementedError


class PlanTableModel(RowsModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Plan"),
                self.tr("Unit"),
                self.tr("Recorded on"),
                self.tr("Ratio"),
                self.tr("Minimum"),
                self.tr("Candidates"),
                self.tr("Drawn"),
                self.tr("Added for findings"),
                self.tr("Checked"),
                self.tr("Drawn at"),
                self.tr("Drawn by"),
                self.tr("State"),
            ],
            parent,
        )

    def _display(self, row: PlanRow) -> tuple[str, ...]:
        period = f"{row.day_from:%Y-%m-%d}"
        if row.day_to != row.day_from:
            period += f" – {row.day_to:%Y-%m-%d}"
        if row.active:
            state = self.tr("In force")
        else:
            state = self.tr("Redrawn %1").replace("%1", format_time(row.superseded_at))
        return (
            str(row.id),
            row.unit_name,
            period,
            percent_text(row.ratio_bp),
            str(row.min_per_officer),
            str(row.candidate_count),
            str(row.sample_count),
            self._added(row),
            str(row.reviewed_count),
            format_time(row.drawn_at),
            row.drawn_by,
            state,
        )

    def _added(self, row: PlanRow) -> str:
        """The clips added for pre-screen findings, "2 (at most 3)"; empty when the option was not used."""
        if not row.findings_extra:
            return ""
        return self.tr("%1 (at most %2)").replace("%1", str(row.findings_count)).replace("%2", str(row.findings_extra))

    def _color(self, row: PlanRow) -> QColor | None:
        return None if row.active else _GREY


class ItemTableModel(RowsModel):
    """Sampled items: a plan's sample, or the review queue."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Unit"),
                self.tr("Officer"),
                self.tr("Badge no."),
                self.tr("Recorded"),
                self.tr("Duration"),
                self.tr("File"),
                self.tr("Drawn as"),
                self.tr("State"),
                self.tr("Claimed by"),
                self.tr("Due"),
            ],
            parent,
        )

    def _display(self, row: SampleItemRow) -> tuple[str, ...]:
        due = f"{row.due_on:%Y-%m-%d}"
        if row.overdue:
            due = self.tr("%1 (overdue)").replace("%1", due)
        return (
            row.unit_name,
            row.officer_name,
            row.badge_no,
            format_time(row.recorded_start),
            duration_text(row.duration_ms),
            row.original_name,
            selection_name(row.selection, row.finding_kinds),
            status_name(row.status),
            row.claimed_by or "",
            due if row.status is ItemStatus.OPEN else "",
        )

    def _color(self, row: SampleItemRow) -> QColor | None:
        if row.status is ItemStatus.WITHDRAWN:
            return _GREY
        if row.status is ItemStatus.REVIEWED:
            return _GREEN
        return _RED if row.overdue else None


class ProgressTableModel(RowsModel):
    """Officers who recorded in the period and whether their footage is checked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Unit"),
                self.tr("Officer"),
                self.tr("Badge no."),
                self.tr("Clips recorded"),
                self.tr("Drawn"),
                self.tr("Checked"),
                self.tr("Overdue"),
                self.tr("Check progress"),
            ],
            parent,
        )

    def _display(self, row: OfficerProgress) -> tuple[str, ...]:
        if row.plan_id is None:
            progress = self.tr("No plan drawn")
        elif row.checked:
            progress = self.tr("Done")
        else:
            progress = self.tr("%1 to check").replace("%1", str(row.sampled - row.reviewed))
        return (
            row.unit_name,
            row.officer_name,
            row.badge_no,
            str(row.clips_recorded),
            str(row.sampled),
            str(row.reviewed),
            str(row.overdue) if row.overdue else "",
            progress,
        )

    def _color(self, row: OfficerProgress) -> QColor | None:
        if row.checked:
            return _GREEN
        return _RED if row.overdue or row.plan_id is None else None


class LedgerTableModel(RowsModel):
    """The check ledger: one line per review; verdict and texts first, then the checklist in columns."""

    COLOR_COLUMN = 9  # the verdict

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Checked at"),
                self.tr("Unit"),
                self.tr("Officer"),
                self.tr("Badge no."),
                self.tr("Recorded"),
                self.tr("File"),
                self.tr("Reviewer"),
                self.tr("Coverage"),
                self.tr("Top speed"),
                self.tr("Verdict"),
                self.tr("Problem"),
                self.tr("Rectification"),
                *(check_item_name(item) for item in CheckItem),
            ],
            parent,
        )

    def _display(self, row: LedgerRow) -> tuple[str, ...]:
        return (
            format_time(row.reviewed_at),
            row.unit_name,
            row.officer_name,
            row.badge_no,
            format_time(row.recorded_start),
            row.original_name,
            row.reviewer_name,
            percent_text(row.coverage_bp),
            f"{row.top_speed:g}×",
            verdict_name(row.verdict),
            row.problem,
            row.rectification,
            *(answer_name(row.answer(item)) for item in CheckItem),
        )

    def _color(self, row: LedgerRow) -> QColor | None:
        return {Verdict.PASS: _GREEN, Verdict.MOSTLY: None, Verdict.FAIL: _RED}[row.verdict]
