"""到期队列: what has expired or expires within 30 or 90 days, per unit and clip by clip, with the reason each
is still kept or not. Expired files chosen here (or all expired files of a unit) are listed on a destruction
request; files chosen here may be put under a legal hold instead."""

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.retention_labels import keep_until_text, queue_status_name, size_text, trigger_name
from ui.common.row_table_model import DISPLAY, TOOLTIP, RowTableModel, read_only_table
from ui.common.status_line import StatusLine
from ui.common.tasks import Operations
from workstation.client import ArchiveClient
from workstation.clock import format_time
from workstation.retention.types import (
    QUEUE_HORIZONS,
    DestructionRequestRow,
    DestructionSpec,
    QueueRow,
    QueueStatus,
    UnitExpiry,
)

SHOWN_ROWS = 1000


class UnitExpiryModel(RowTableModel[UnitExpiry]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        within = [self.tr("Within %1 days").replace("%1", str(days)) for days in QUEUE_HORIZONS]
        self._headers = [self.tr("Unit"), self.tr("Expired"), *within, self.tr("Held"), self.tr("On a request")]

    def cell(self, row: UnitExpiry, column: int, role: int) -> Any:
        if role != DISPLAY:
            return None
        unit = f"{row.unit_code} {row.unit_name}" if row.unit_code else self.tr("Unassigned")
        return [unit, str(row.expired), *map(str, row.within), str(row.held), str(row.requested)][column]


class QueueModel(RowTableModel[QueueRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("File no."),
            self.tr("File"),
            self.tr("Unit"),
            self.tr("Officer"),
            self.tr("Recorded"),
            self.tr("Size"),
            self.tr("Set by rule"),
            self.tr("Keep until"),
            self.tr("Status"),
            self.tr("Why"),
        ]

    def cell(self, row: QueueRow, column: int, role: int) -> Any:
        if role == TOOLTIP and column == 6:
            return row.rule
        if role != DISPLAY:
            return None
        return (
            str(row.clip_id),
            row.original_name,
            row.unit_name or self.tr("Unassigned"),
            f"{row.officer_name or ''} {row.badge_no or ''}".strip(),
            format_time(row.recorded_start),
            size_text(row.size_bytes),
            trigger_name(row.rule),
            keep_until_text(row.keep_until),
            queue_status_name(row.status),
            self.why(row),
        )[column]

    def why(self, row: QueueRow) -> str:
        if row.status is QueueStatus.HELD:
            holds = "、".join(str(hold) for hold in row.hold_ids)
            return self.tr("Legal hold %1 keeps it whatever its class.").replace("%1", holds)
        if row.status is QueueStatus.REQUESTED:
            return self.tr("Listed on destruction request %1.").replace("%1", str(row.request_id))
        if row.status is QueueStatus.EXPIRED:
            return self.tr("Its period has ended and nothing keeps it longer.")
        return self.tr("Kept until its period ends.")


class ExpiryTab(QWidget):
    """Signals: loaded; requested(DestructionRequestRow); hold_requested(list of clip ids, reason)."""

    loaded = Signal()
    requested = Signal(object)
    hold_requested = Signal(list, str)

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client, self._operations = client, operations
        self.horizon_box = QComboBox(self)
        for days in QUEUE_HORIZONS:
            self.horizon_box.addItem(self.tr("Next %1 days").replace("%1", str(days)), days)
        self.horizon_box.currentIndexChanged.connect(self.load)
        self.unit_box = QComboBox(self)
        self.unit_box.addItem(self.tr("All my units"), None)
        self.unit_box.activated.connect(self.load_queue)
        self.summary_model = UnitExpiryModel(self)
        self.summary_table = read_only_table(self)
        self.summary_table.setModel(self.summary_model)
        self.model = QueueModel(self)
        self.table = read_only_table(self)
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(
            self.tr("Review statement / reason (required), printed on the destruction form")
        )
        self.request_button = QPushButton(self.tr("Request destruction of selected"), self)
        self.request_button.clicked.connect(self.request_selected)
        self.request_unit_button = QPushButton(self.tr("Request destruction of all expired in the unit"), self)
        self.request_unit_button.clicked.connect(self.request_unit)
        self.hold_button = QPushButton(self.tr("Place legal hold on selected"), self)
        self.hold_button.clicked.connect(self.hold_selected)
        self.message = StatusLine(self)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Expiring in:"), self))
        filters.addWidget(self.horizon_box)
        filters.addWidget(QLabel(self.tr("Unit:"), self))
        filters.addWidget(self.unit_box)
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.reason_edit, 1)
        actions.addWidget(self.request_button)
        actions.addWidget(self.request_unit_button)
        actions.addWidget(self.hold_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary_table, 1)
        layout.addWidget(self.table, 3)
        layout.addLayout(actions)
        layout.addWidget(self.message)

    def load(self) -> None:
        """Re-read the per-unit summary, then the queue."""
        self._operations.run(self, self._client.expiry_summary, self._on_summary, self.message.show_failure)

    def load_queue(self) -> None:
        days, unit, client = self.horizon_box.currentData(), self.unit_box.currentData(), self._client
        self._operations.run(
            self, lambda: client.expiry_queue(days, unit, SHOWN_ROWS, 0), self._on_queue, self.message.show_failure
        )

    def selected_rows(self) -> list[QueueRow]:
        return [self.model.row_at(index.row()) for index in self.table.selectionModel().selectedRows()]

    def request_selected(self) -> None:
        ids = [row.clip_id for row in self.selected_rows() if row.status is QueueStatus.EXPIRED]
        if not ids:
            self.message.say(self.tr("Select expired files that nothing keeps (status: expired)."), problem=True)
            return
        self._request(DestructionSpec(self.reason_edit.text().strip(), clip_ids=tuple(ids)))

    def request_unit(self) -> None:
        unit = self.unit_box.currentData()
        if unit is None:
            self.message.say(self.tr("Choose the unit first."), problem=True)
            return
        self._request(DestructionSpec(self.reason_edit.text().strip(), unit_code=unit))

    def hold_selected(self) -> None:
        ids = [row.clip_id for row in self.selected_rows()]
        if ids:
            self.hold_requested.emit(ids, self.reason_edit.text().strip())

    def _request(self, spec: DestructionSpec) -> None:
        if not spec.reason:
            self.message.say(self.tr("Give the review statement for the destruction form."), problem=True)
            return
        client = self._client
        self._operations.run(
            self, lambda: client.request_destruction(spec), self._on_requested, self.message.show_failure
        )

    def _on_requested(self, row: DestructionRequestRow) -> None:
        self.reason_edit.clear()
        self.message.say(
            self.tr("Destruction request %1 lists %2 files; it goes to %3 for approval.")
            .replace("%1", str(row.id))
            .replace("%2", str(row.clip_count))
            .replace("%3", row.unit_code)
        )
        self.requested.emit(row)
        self.load()

    def _on_summary(self, rows: list[UnitExpiry]) -> None:
        self.summary_model.set_rows(rows)
        current = self.unit_box.currentData()
        while self.unit_box.count() > 1:
            self.unit_box.removeItem(1)
        for row in rows:
            if row.unit_code:
                self.unit_box.addItem(f"{row.unit_code} {row.unit_name}", row.unit_code)
        self.unit_box.setCurrentIndex(max(0, self.unit_box.findData(current)))
        self.load_queue()

    def _on_queue(self, rows: list[QueueRow]) -> None:
        self.model.set_rows(rows)
        if len(rows) == SHOWN_ROWS:
            self.message.say(self.tr("The first %1 files are shown, oldest date first.").replace("%1", str(SHOWN_ROWS)))
        self.loaded.emit()
