"""Table models of the device registry view: recorders (with 待分配 highlighted), and one recorder's holders."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from workstation.clock import format_time
from workstation.types import DeviceRow, HolderPeriod

_Index = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole
"""data(index, ROW_ROLE) is the row's dataclass (DeviceRow or HolderPeriod)."""
UNASSIGNED_BACKGROUND = QColor("#fff3d6")
UNASSIGNED_TEXT = QColor("#a35200")


def person(name: str | None, badge_no: str | None) -> str:
    """张伟（010203）; just the 警号 for an officer ingest registered without a name."""
    if not badge_no:
        return name or ""
    return f"{name}（{badge_no}）" if name else badge_no


class DeviceTableModel(QAbstractTableModel):
    """Read-only rows of the registry; replace them all with `set_rows` (a model reset).

    Recorders without a holder (待分配) get a tinted background and an emphasised holder cell.
    """

    HOLDER_COLUMN = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DeviceRow] = []
        self._headers = [
            self.tr("Device no."),
            self.tr("Model"),
            self.tr("Serial no."),
            self.tr("Unit"),
            self.tr("Holder"),
            self.tr("Held since"),
            self.tr("Registered"),
        ]
        self._unassigned = self.tr("Unassigned")
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[DeviceRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, device_id: int) -> int | None:
        """The model row showing the device, if it is listed."""
        return next((number for number, row in enumerate(self._rows) if row.id == device_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == ROW_ROLE:
            return row
        if not row.unassigned:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return UNASSIGNED_BACKGROUND
        if index.column() == self.HOLDER_COLUMN and role == Qt.ItemDataRole.ForegroundRole:
            return UNASSIGNED_TEXT
        if index.column() == self.HOLDER_COLUMN and role == Qt.ItemDataRole.FontRole:
            return self._bold
        return None

    def _text(self, row: DeviceRow, column: int) -> str:
        values = (
            row.device_no,
            row.model or "",
            row.serial or "",
            row.unit_name or self._unassigned,
            self._unassigned if row.unassigned else person(row.holder_name, row.holder_badge_no),
            format_time(row.holder_since),
            format_time(row.registered_at),
        )
        return values[column]


class DeviceFilterProxy(QSortFilterProxyModel):
    """Filters the registry by free text (device no., model, serial, unit, holder, 警号) and 待分配 only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._unassigned_only = False
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange()

    def set_unassigned_only(self, enabled: bool) -> None:
        self.beginFilterChange()
        self._unassigned_only = enabled
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        row: DeviceRow = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        if self._unassigned_only and not row.unassigned:
            return False
        if not self._text:
            return True
        fields = (
            row.device_no,
            row.model,
            row.serial,
            row.unit_code,
            row.unit_name,
            row.holder_name,
            row.holder_badge_no,
        )
        return any(self._text in value.casefold() for value in fields if value)


class HolderHistoryModel(QAbstractTableModel):
    """One recorder's holder periods, newest first; the open period reads "current" as its end.

    The note comes last: it is the one long column, so it takes the remaining width (and a tooltip).
    """

    NOTE_COLUMN = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HolderPeriod] = []
        self._headers = [
            self.tr("Holder"),
            self.tr("From"),
            self.tr("Until"),
            self.tr("Recorded by"),
            self.tr("Handover note"),
        ]
        self._current = self.tr("Current")

    def set_rows(self, rows: list[HolderPeriod]) -> None:
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
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                person(row.officer_name, row.badge_no),
                format_time(row.assigned_at),
                format_time(row.released_at) if row.released_at else self._current,
                row.recorded_by,
                row.handover_note,
            )
            return values[index.column()]
        return None
