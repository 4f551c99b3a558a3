"""A read-only table of viewing requests (AccessRequestRow), for the approvals inbox and the request list."""

from typing import Any

from PySide6.QtCore import QObject

from ui.common.access_labels import outside_body_name, request_kind_name, request_status_name, step_status_name
from ui.common.labels import role_name
from ui.common.row_table_model import DISPLAY, TOOLTIP, RowTableModel
from workstation.access.types import AccessRequestRow, RequestKind
from workstation.clock import format_time


class AccessRequestTableModel(RowTableModel[AccessRequestRow]):
    """Rows are replaced as a whole with `set_rows` (a model reset)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("No."),
            self.tr("Submitted"),
            self.tr("Requester"),
            self.tr("Requester's unit"),
            self.tr("Footage"),
            self.tr("Purpose"),
            self.tr("Access"),
            self.tr("For"),
            self.tr("Status"),
            self.tr("Approval route"),
            self.tr("Access until"),
        ]

    def cell(self, row: AccessRequestRow, column: int, role: int) -> Any:
        if role == TOOLTIP and column == 5:
            return row.reason
        return self._display(row)[column] if role == DISPLAY else None

    def _display(self, row: AccessRequestRow) -> tuple[str, ...]:
        access = self.tr("View and download") if row.with_download else self.tr("View")
        return (
            str(row.id),
            format_time(row.created_at),
            f"{row.requester_name} ({row.requester})",
            row.requester_unit,
            self._footage(row),
            row.reason,
            self.tr("%1, %2 days").replace("%1", access).replace("%2", str(row.days)),
            self._for(row),
            request_status_name(row.status),
            " → ".join(
                f"{step.unit_name} {role_name(step.role)}（{step_status_name(step.status)}）" for step in row.steps
            ),
            format_time(row.grant_expires_at),
        )

    def _footage(self, row: AccessRequestRow) -> str:
        files = self.tr("%1 files").replace("%1", str(row.clip_count))
        if row.kind is RequestKind.OFFICER:
            detail = f"{row.badge_no} {format_time(row.period_start)} – {format_time(row.period_end)}"
        elif row.kind is RequestKind.CASE:
            detail = row.case_no or ""
        else:
            return f"{request_kind_name(row.kind)}：{files}"
        return f"{request_kind_name(row.kind)} {detail}：{files}"

    def _for(self, row: AccessRequestRow) -> str:
        if row.outside_body is None:
            return self.tr("Own use")
        return f"{outside_body_name(row.outside_body)} {row.document_ref}"
