"""The device registry view (R11) of the administration section: recorders, holders, handovers, 待分配.

Above, every recorder with its current holder (待分配 ones highlighted) and a filter; below, the selected
recorder's holder history or its clock (时钟校正, ui.admin.clock_panel), and the officers ingest registered
without a unit. All database work runs on the
application's operations; the widgets only ever see dataclasses.
"""

from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.admin.clock_panel import ClockPanel
from ui.admin.device_handover_dialog import HandoverDialog
from ui.admin.device_table_model import DeviceFilterProxy, DeviceTableModel, HolderHistoryModel, person
from ui.common.row_table_model import ROW_ROLE, read_only_table
from ui.common.status_line import StatusLine
from ui.common.tasks import Operations
from workstation.client import ArchiveClient
from workstation.org.types import DeviceRow, HolderPeriod, OfficerRow
from workstation.types import UnitRow


@dataclass(frozen=True)
class _Registry:
    """One consistent read of everything the view lists."""

    devices: list[DeviceRow]
    officers: list[OfficerRow]
    units: list[UnitRow]


class DevicesView(QWidget):
    """Browse the recorder registry, see who held a recorder when, hand recorders over, place new officers.

    `actor` is the signed-in login; every change is audited under it. Call `load()` to (re)read the
    registry. Services run on the application's `operations`; callbacks run on the GUI thread.

    Signals:
        loaded: the registry was (re)read and the tables show it.
        registry_changed: a handover or unit assignment was committed (other views may want to refresh).
    """

    loaded = Signal()
    registry_changed = Signal()

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._operations = operations
        self._registry = _Registry([], [], [])
        self._history_device_id: int | None = None
        self.handover_dialog: HandoverDialog | None = None

        self.model = DeviceTableModel(self)
        self.proxy = DeviceFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.history_model = HolderHistoryModel(self)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(
            self.tr("Filter by device no., model, serial no., unit, holder or badge no.")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.unassigned_only = QCheckBox(self.tr("Unassigned only"), self)
        self.unassigned_only.toggled.connect(self.proxy.set_unassigned_only)
        self.handover_button = QPushButton(self.tr("Handover…"), self)
        self.handover_button.setEnabled(False)
        self.handover_button.clicked.connect(self.open_handover)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.load)

        self.table = read_only_table(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(self.open_handover)

        self.history_title = QLabel(self)
        self.history_table = read_only_table(self)
        self.history_table.setModel(self.history_model)
        self.history_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # the note is the one long column: it takes what width is left and elides (full text in the tooltip)
        self.history_table.horizontalHeader().setSectionResizeMode(
            HolderHistoryModel.NOTE_COLUMN, QHeaderView.ResizeMode.Stretch
        )

        self.officer_list = QListWidget(self)
        self.unit_box = QComboBox(self)
        self.assign_unit_button = QPushButton(self.tr("Assign to unit"), self)
        self.assign_unit_button.clicked.connect(self.assign_selected_officer)
        self.officer_list.currentRowChanged.connect(self._update_buttons)

        self.clock_panel = ClockPanel(client, operations, self)

        self.message = StatusLine(self)
        self.status = QLabel(self)
        self._layout(refresh)
        self._show_history(None, [])
        self._update_buttons()

    def _layout(self, refresh: QPushButton) -> None:
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.filter_edit, 1)
        toolbar.addWidget(self.unassigned_only)
        toolbar.addWidget(self.handover_button)
        toolbar.addWidget(refresh)

        history = QWidget(self)
        history_layout = QVBoxLayout(history)
        history_layout.addWidget(self.history_title)
        history_layout.addWidget(self.history_table)
        self.recorder_tabs = QTabWidget(self)
        self.recorder_tabs.addTab(history, self.tr("Holder history"))
        self.recorder_tabs.addTab(self.clock_panel, self.tr("Clock correction"))

        self.officers_group = QGroupBox(self)
        officers_layout = QVBoxLayout(self.officers_group)
        hint = QLabel(self.tr("Officers registered by ingest from an unknown badge no. Put each in a unit."), self)
        hint.setWordWrap(True)
        officers_layout.addWidget(hint)
        officers_layout.addWidget(self.officer_list)
        assign_row = QHBoxLayout()
        assign_row.addWidget(self.unit_box, 1)
        assign_row.addWidget(self.assign_unit_button)
        officers_layout.addLayout(assign_row)

        # the registry gets the full width (seven columns); history and the 待分配 officers share the bottom
        below = QSplitter(Qt.Orientation.Horizontal, self)
        below.addWidget(self.recorder_tabs)
        below.addWidget(self.officers_group)
        below.setStretchFactor(0, 3)
        below.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(below)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(split, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.status)
        layout.addLayout(bottom)

    def load(self) -> None:
        """Re-read devices, officers and units on the operations; the tables refill when they arrive."""
        self.status.setText(self.tr("Loading…"))
        self._operations.run(self, self._read_registry, self._on_loaded, self._on_failed)

    def selected_device(self) -> DeviceRow | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select_device(self, device_id: int) -> bool:
        """Select the recorder's row if the filter shows it; its history loads."""
        row = self.model.row_of(device_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else None
        if index is None or not index.isValid():
            self.table.clearSelection()
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def open_handover(self) -> None:
        """Open the handover dialog for the selected recorder (non-modal to the application; tests drive it)."""
        device = self.selected_device()
        if device is None:
            return
        dialog = HandoverDialog(device, self._registry.officers, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_handover_accepted)
        dialog.destroyed.connect(self._forget_handover_dialog)
        self.handover_dialog = dialog
        dialog.open()

    def assign_selected_officer(self) -> None:
        """Put the officer selected in the 待分配 list into the unit chosen beside it."""
        item = self.officer_list.currentItem()
        unit: UnitRow | None = self.unit_box.currentData()
        if item is None or unit is None:
            return
        officer: OfficerRow = item.data(ROW_ROLE)

        client = self._client

        def work() -> OfficerRow:
            return client.assign_officer(officer.id, unit.id)

        def done(row: OfficerRow) -> None:
            self._changed(
                self.tr("%1 now belongs to %2.")
                .replace("%1", person(row.name, row.badge_no))
                .replace("%2", row.unit_name or "")
            )

        self._operations.run(self, work, done, self._on_failed)

    def _on_handover_accepted(self) -> None:
        dialog = self.handover_dialog
        if dialog is not None:
            self._hand_over(dialog.device, dialog.officer(), dialog.note())

    def _hand_over(self, device: DeviceRow, officer: OfficerRow | None, note: str) -> None:
        if officer is None:
            return

        client = self._client

        def work() -> DeviceRow:
            return client.reassign_device(device.id, officer.id, note)

        def done(row: DeviceRow) -> None:
            self._changed(
                self.tr("Recorder %1 handed over to %2.")
                .replace("%1", row.device_no)
                .replace("%2", person(row.holder_name, row.holder_badge_no))
            )

        self._operations.run(self, work, done, self._on_failed)

    def _forget_handover_dialog(self) -> None:
        self.handover_dialog = None

    def _changed(self, message: str) -> None:
        self.message.say(message)
        self.registry_changed.emit()
        self.load()

    def _read_registry(self) -> _Registry:
        client = self._client
        return _Registry(client.list_devices(), client.list_officers(), client.list_units())

    def _on_loaded(self, registry: _Registry) -> None:
        selected = self._history_device_id
        self._registry = registry
        self.model.set_rows(registry.devices)
        self._fill_officers(registry)
        waiting = sum(1 for device in registry.devices if device.unassigned)
        self.status.setText(
            self.tr("%1 recorders, %2 of them unassigned.")
            .replace("%1", str(len(registry.devices)))
            .replace("%2", str(waiting))
        )
        if selected is None or not self.select_device(selected):
            self._show_history(None, [])
        self._update_buttons()
        self.loaded.emit()

    def _fill_officers(self, registry: _Registry) -> None:
        waiting = [officer for officer in registry.officers if officer.unassigned]
        self.officers_group.setTitle(self.tr("Officers awaiting a unit (%1)").replace("%1", str(len(waiting))))
        self.officer_list.clear()
        for officer in waiting:
            text = person(officer.name, officer.badge_no) if officer.name else self.tr("%1 (name not registered)")
            item = QListWidgetItem(text.replace("%1", officer.badge_no))
            item.setData(ROW_ROLE, officer)
            self.officer_list.addItem(item)
        self.unit_box.clear()
        for unit in registry.units:
            self.unit_box.addItem(f"{unit.name}（{unit.code}）", unit)

    def _on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        device = self.selected_device()
        self._update_buttons()
        self.clock_panel.show_device(device.device_no if device is not None else None)
        if device is None:
            self._show_history(None, [])
            return
        self._history_device_id = device.id

        client = self._client

        def work() -> list[HolderPeriod]:
            return client.device_history(device.id)

        def done(periods: list[HolderPeriod]) -> None:
            if self._history_device_id == device.id:  # the selection may have moved on meanwhile
                self._show_history(device, periods)

        self._operations.run(self, work, done, self._on_failed)

    def _show_history(self, device: DeviceRow | None, periods: list[HolderPeriod]) -> None:
        if device is None:
            self._history_device_id = None
            self.history_title.setText(self.tr("Select a recorder to see who held it when."))
        elif not periods:
            self.history_title.setText(
                self.tr("%1 has never been handed to an officer.").replace("%1", device.device_no)
            )
        else:
            self.history_title.setText(
                self.tr("%1: %2 holding periods, newest first.")
                .replace("%1", device.device_no)
                .replace("%2", str(len(periods)))
            )
        self.history_model.set_rows(periods)

    def _update_buttons(self) -> None:
        self.handover_button.setEnabled(self.selected_device() is not None)
        self.assign_unit_button.setEnabled(self.officer_list.currentItem() is not None and self.unit_box.count() > 0)

    def _on_failed(self, error: Exception) -> None:
        self.status.setText("")
        self.message.show_failure(error)
