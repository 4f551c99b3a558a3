"""Table models of the device registry view: recorders (with 待分配 highlighted), and one recorder's holders."""

from typing import Any, cast

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from ui.common.row_table_model import DISPLAY, TOOLTIP, Index, RowTableModel
from workstation.clock import format_time
from workstation.org.types import DeviceRow, HolderPeriod

UNASSIGNED_BACKGROUND = QColor("#fff3d6")
UNASSIGNED_TEXT = QColor("#a35200")


def person(name: str | None, badge_no: str | None) -> str:
    """张伟（010203）; just the 警号 for an officer ingest registered without a name."""
    if not badge_no:
        return name or ""
    return f"{name}（{badge_no}）" if name else badge_no


class DeviceTableModel(RowTableModel[DeviceRow]):
    """Read-only rows of the registry; replace them all with `set_rows` (a model reset).

    Recorders without a holder (待分配) get a tinted background and an emphasised holder cell.
    """

    HOLDER_COLUMN = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
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

    def row_of(self, device_id: int) -> int | None:
        """The model row showing the device, if it is listed."""
        return next((number for number, row in enumerate(self._rows) if row.id == device_id), None)

    def cell(self, row: DeviceRow, column: int, role: int) -> Any:
        if role == DISPLAY:
            return self._text(row, column)
        if not row.unassigned:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return UNASSIGNED_BACKGROUND
        if column == self.HOLDER_COLUMN and role == Qt.ItemDataRole.ForegroundRole:
            return UNASSIGNED_TEXT
        if column == self.HOLDER_COLUMN and role == Qt.ItemDataRole.FontRole:
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

    def filterAcceptsRow(self, source_row: int, _source_parent: Index) -> bool:
        row = cast(DeviceTableModel, self.sourceModel()).row_at(source_row)
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


class HolderHistoryModel(RowTableModel[HolderPeriod]):
    """One recorder's holder periods, newest first; the open period reads "current" as its end.

    The note comes last: it is the one long column, so it takes the remaining width (and a tooltip).
    """

    NOTE_COLUMN = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("Holder"),
            self.tr("From"),
            self.tr("Until"),
            self.tr("Recorded by"),
            self.tr("Handover note"),
        ]
        self._current = self.tr("Current")

    def cell(self, row: HolderPeriod, column: int, role: int) -> Any:
        if role not in (DISPLAY, TOOLTIP):
            return None
        values = (
            person(row.officer_name, row.badge_no),
            format_time(row.assigned_at),
            format_time(row.released_at) if row.released_at else self._current,
            row.recorded_by,
            row.handover_note,
        )
        return values[column]
