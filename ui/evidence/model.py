"""The exports table of the 证据导出 page: one row per export, with its retained copy record."""

from typing import Any

from PySide6.QtCore import QObject

from ui.common.retention_labels import size_text
from ui.common.row_table_model import DISPLAY, TOOLTIP, RowTableModel
from ui.evidence.labels import body_name, format_name, status_name
from workstation.clock import format_time
from workstation.evidence.types import ExportRow


class ExportTableModel(RowTableModel[ExportRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Export no."),
                self.tr("Requester"),
                self.tr("Receiving body and document"),
                self.tr("Purpose"),
                self.tr("Files"),
                self.tr("Size"),
                self.tr("Status"),
                self.tr("Completed"),
                self.tr("Format"),
                self.tr("Medium"),
                self.tr("Receiver"),
            ],
            parent,
        )

    def cell(self, row: ExportRow, column: int, role: int) -> Any:
        if role == TOOLTIP and column in (2, 3):
            return f"{row.selector}\n{row.purpose}"
        if role != DISPLAY:
            return None
        handover = row.handover
        return (
            row.export_no,
            f"{row.requester_name}（{row.requester}）",
            f"{body_name(row.body)} {row.document_ref}",
            row.purpose,
            str(row.clip_count),
            size_text(row.total_bytes),
            status_name(row.status),
            format_time(row.completed_at),
            format_name(row.format),
            handover.medium if handover else "",
            handover.received_by if handover else row.receiver,
        )[column]
