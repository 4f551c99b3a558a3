"""Read-only tables for the audit viewer: audit log events (AuditEventRow) and access register lines (RegisterRow)."""

from typing import Any

from PySide6.QtCore import QObject

from ui.common.access_labels import action_name, basis_name, viewing_kind_name
from ui.common.row_table_model import DISPLAY, TOOLTIP, RowTableModel
from workstation.access.types import RegisterRow
from workstation.clock import format_time
from workstation.types import AuditEventRow


class AuditTableModel(RowTableModel[AuditEventRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Seq."),
                self.tr("Time"),
                self.tr("User"),
                self.tr("Action"),
                self.tr("Target"),
                self.tr("Details"),
            ],
            parent,
        )

    def cell(self, row: AuditEventRow, column: int, role: int) -> Any:
        if role not in (DISPLAY, TOOLTIP):
            return None
        return (
            str(row.seq),
            format_time(row.occurred_at),
            row.actor,
            action_name(row.action),
            f"{row.target_type} {row.target_id}",
            row.details,
        )[column]


class RegisterTableModel(RowTableModel[RegisterRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("No."),
                self.tr("User"),
                self.tr("File no."),
                self.tr("File"),
                self.tr("Kind"),
                self.tr("Right"),
                self.tr("Purpose"),
                self.tr("Started"),
                self.tr("Ended"),
                self.tr("Played"),
            ],
            parent,
        )

    def cell(self, row: RegisterRow, column: int, role: int) -> Any:
        if role not in (DISPLAY, TOOLTIP):
            return None
        basis = basis_name(row.basis)
        if row.request_id is not None:
            basis = self.tr("%1 (request %2)").replace("%1", basis).replace("%2", str(row.request_id))
        played = ""
        if row.played_ms is not None:
            seconds = row.played_ms // 1000
            played = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        return (
            str(row.id),
            f"{row.user_name} ({row.user})",
            str(row.clip_id),
            row.clip_name,
            viewing_kind_name(row.kind),
            basis,
            row.reason,
            format_time(row.started_at),
            format_time(row.finished_at),
            played,
        )[column]
