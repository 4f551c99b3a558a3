"""A table model over a list of ClipRow dataclasses (the archive browser of the first release)."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from workstation.clock import format_time
from workstation.types import ClipRow, MediaStatus

_Index = QModelIndex | QPersistentModelIndex


class ClipTableModel(QAbstractTableModel):
    """Read-only rows; replace them all with `set_rows` (a model reset)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ClipRow] = []
        self._headers = [
            self.tr("Recorded"),
            self.tr("Duration"),
            self.tr("Unit"),
            self.tr("Officer"),
            self.tr("Badge no."),
            self.tr("Device"),
            self.tr("Type"),
            self.tr("File"),
            self.tr("Status"),
        ]
        self._types = {
            "video": self.tr("Video"),
            "audio": self.tr("Audio"),
            "photo": self.tr("Photo"),
            "log": self.tr("Log"),
        }
        self._statuses = {
            MediaStatus.OK: self.tr("OK"),
            MediaStatus.CORRUPT: self.tr("Damaged"),
            MediaStatus.TRUNCATED: self.tr("Incomplete"),
            MediaStatus.MISSING: self.tr("Missing"),
            MediaStatus.MISMATCH: self.tr("Hash mismatch"),
        }
        self._unassigned = self.tr("Unassigned")

    def set_rows(self, rows: list[ClipRow]) -> None:
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
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        duration = f"{row.duration_ms // 60000:02d}:{row.duration_ms // 1000 % 60:02d}" if row.duration_ms else ""
        values = (
            format_time(row.recorded_start),
            duration,
            row.unit_name or self._unassigned,
            row.officer_name or "",
            row.badge_no or "",
            row.device_no or "",
            self._types.get(row.file_type.value, row.file_type.value),
            row.original_name,
            self._statuses.get(row.media_status, row.media_status.value),
        )
        return values[index.column()]
