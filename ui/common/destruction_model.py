"""A read-only table of destruction requests (DestructionRequestRow): the 保存期限 page's request list and
the approvals inbox show the same columns."""

from typing import Any

from PySide6.QtCore import QObject

from ui.common.access_labels import step_status_name
from ui.common.labels import role_name
from ui.common.retention_labels import destruction_status_name, outcomes_text, size_text
from ui.common.row_table_model import DISPLAY, TOOLTIP, RowTableModel
from workstation.access.types import StepStatus
from workstation.clock import format_time
from workstation.retention.types import DestructionRequestRow, DestructionStepRow

_STEP_STATUSES = {status.value for status in StepStatus}


class DestructionRequestTableModel(RowTableModel[DestructionRequestRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("No."),
            self.tr("Submitted"),
            self.tr("Requester"),
            self.tr("Approving unit"),
            self.tr("Files"),
            self.tr("Size"),
            self.tr("Reason"),
            self.tr("Status"),
            self.tr("Approval route"),
            self.tr("Reported to"),
            self.tr("Outcome"),
        ]

    def cell(self, row: DestructionRequestRow, column: int, role: int) -> Any:
        if role == TOOLTIP and column == 6:
            return "\n".join(text for text in (row.reason, row.conditions) if text)
        return self._display(row)[column] if role == DISPLAY else None

    def _display(self, row: DestructionRequestRow) -> tuple[str, ...]:
        return (
            str(row.id),
            format_time(row.created_at),
            row.requested_by,
            row.unit_code,
            str(row.clip_count),
            size_text(row.size_bytes),
            row.reason,
            destruction_status_name(row.status),
            " → ".join(_step(step) for step in row.steps),
            self._reported(row),
            outcomes_text(row.outcomes),
        )

    def _reported(self, row: DestructionRequestRow) -> str:
        if row.report_unit_code is None:
            return ""
        if row.reported_at is None:
            return row.report_unit_code
        return (
            self.tr("%1 (reported %2)").replace("%1", row.report_unit_code).replace("%2", format_time(row.reported_at))
        )


def _step(step: DestructionStepRow) -> str:
    status = step_status_name(StepStatus(step.status)) if step.status in _STEP_STATUSES else step.status
    decided = f" {step.decided_by}" if step.decided_by else ""
    return f"{step.unit_code} {role_name(step.role)}（{status}{decided}）"
