"""Read-only tables for the audit viewer: audit log events (AuditEventRow) and access register lines (RegisterRow)."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ui.access_labels import action_name, basis_name, viewing_kind_name
from workstation.clock import format_time
from workstation.types import AuditEventRow, RegisterRow

_Index = QModelIndex | QPersistentModelIndex


class _RowsModel(QAbstractTableModel):
    """Rows are replaced as a whole with `set_rows`; subclasses give headers and a row's display values."""

    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._display(self._rows[index.row()])[index.column()]

    def _display(self, row: Any) -> tuple[str, ...]:
        raise NotImplementedError


class AuditTableModel(_RowsModel):
    def __init__(self, parent=None) -> None:
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

    def _display(self, row: AuditEventRow) -> tuple[str, ...]:
        return (
            str(row.seq),
            format_time(row.occurred_at),
            row.actor,
            action_name(row.action),
            f"{row.target_type} {row.target_id}",
            row.details,
        )


class RegisterTableModel(_RowsModel):
    def __init__(self, parent=None) -> None:
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

    def _display(self, row: RegisterRow) -> tuple[str, ...]:
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
        )
