"""Units → officers → days ("one archive per officer", 一人一档), each level loaded when opened."""

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QMenu, QTreeView, QWidget

from ui.common.messages import failure_text
from ui.common.tasks import Operations
from workstation.client import ArchiveClient
from workstation.footage.types import ClipFilter, DayNode, OfficerNode, UnitNode

_NodeRole = Qt.ItemDataRole.UserRole + 1
_LoadedRole = Qt.ItemDataRole.UserRole + 2
_PLACEHOLDER = "…"
INDENTATION_PX = 14
"""Per level (Qt's default is 20): units, sub-units, officers and days nest four deep."""


class OfficerTree(QTreeView):
    """Signals: filter_chosen(ClipFilter) when a unit, an officer or one of their days is clicked;
    day_requested(警号, date) when a day is double-clicked; export_day_requested(警号, name, date) from a day's
    context menu (导出证据…); load_failed(str) when the archive cannot be read."""

    filter_chosen = Signal(object)
    day_requested = Signal(str, object)  # 警号, date: play the officer's whole day
    export_day_requested = Signal(str, str, object)  # 警号, name, date: export the officer's day
    load_failed = Signal(str)

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client, self._operations = client, operations
        self.tree_model = QStandardItemModel(self)
        self.tree_model.setHorizontalHeaderLabels([self.tr("One archive per officer")])
        self.setModel(self.tree_model)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        # as wide as its longest entry, scrolled sideways in a narrow pane: a day four levels down was elided
        # to nothing (blank rows) when the column was held to the pane's width
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(False)
        self.setIndentation(INDENTATION_PX)
        self.expanded.connect(self._on_expanded)
        self.clicked.connect(self._on_clicked)
        self.doubleClicked.connect(self._on_double_clicked)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_context_menu)

    def load(self) -> None:
        self._operations.run(self, self._client.tree_units, self._on_units, self._failed)

    def _failed(self, error: Exception) -> None:
        self.load_failed.emit(failure_text(error))

    def _on_units(self, units: list[UnitNode]) -> None:
        self.tree_model.removeRows(0, self.tree_model.rowCount())
        items = {unit.id: self._item(f"{unit.name}（{unit.code}）", unit) for unit in units}
        for unit in units:
            parent = items.get(unit.parent_id) if unit.parent_id else None
            (parent or self.tree_model.invisibleRootItem()).appendRow(items[unit.id])
        unassigned = self._item(self.tr("Unassigned (待分配)"), None)
        self.tree_model.invisibleRootItem().appendRow(unassigned)
        for item in [*items.values(), unassigned]:
            item.appendRow(_placeholder())  # after the sub-units: officers load when the unit is opened
        self.expandToDepth(1)

    def _item(self, text: str, node: object) -> QStandardItem:
        item = QStandardItem(text)
        item.setToolTip(text)
        item.setData(node, _NodeRole)
        item.setData(False, _LoadedRole)
        return item

    def _on_expanded(self, index: QModelIndex) -> None:
        item = self.tree_model.itemFromIndex(index)
        if item is None or item.data(_LoadedRole):
            return
        item.setData(True, _LoadedRole)
        node = item.data(_NodeRole)
        # results arrive later: by then the tree may have been reloaded, so hold a persistent index
        target = QPersistentModelIndex(index)
        if isinstance(node, OfficerNode):
            self._operations.run(
                self,
                lambda: self._client.tree_days(node.id),
                lambda days: self._on_days(target, node, days),
                self._failed,
            )
        else:
            unit_id = node.id if isinstance(node, UnitNode) else None
            self._operations.run(
                self,
                lambda: self._client.tree_officers(unit_id),
                lambda found: self._on_officers(target, found),
                self._failed,
            )

    def _item_at(self, target: QPersistentModelIndex) -> QStandardItem | None:
        if not target.isValid():
            return None
        item = self.tree_model.itemFromIndex(self.tree_model.index(target.row(), target.column(), target.parent()))
        if item is not None:
            _remove_placeholder(item)
        return item

    def _on_officers(self, target: QPersistentModelIndex, officers: list[OfficerNode]) -> None:
        item = self._item_at(target)
        if item is None:
            return
        for officer in officers:
            name = officer.name or self.tr("(no name)")
            officer_item = self._item(f"{name}  {officer.badge_no}", officer)
            officer_item.appendRow(_placeholder())
            item.appendRow(officer_item)

    def _on_days(self, target: QPersistentModelIndex, officer: OfficerNode, days: list[DayNode]) -> None:
        item = self._item_at(target)
        if item is None:
            return
        for day in days:
            label = self.tr("%1  (%2 files)").replace("%1", day.day.isoformat()).replace("%2", str(day.clips))
            item.appendRow(self._item(label, (officer, day)))

    def _on_double_clicked(self, index: QModelIndex) -> None:
        item = self.tree_model.itemFromIndex(index)
        node = item.data(_NodeRole) if item else None
        if isinstance(node, tuple):
            officer, day = node
            self.day_requested.emit(officer.badge_no, day.day)

    def request_day_export(self, index: QModelIndex) -> bool:
        """导出证据… of a day node: the officer's footage of that day (False for any other node)."""
        item = self.tree_model.itemFromIndex(index)
        node = item.data(_NodeRole) if item else None
        if not isinstance(node, tuple):
            return False
        officer, day = node
        self.export_day_requested.emit(officer.badge_no, officer.name, day.day)
        return True

    def _on_context_menu(self, position: QPoint) -> None:
        index = self.indexAt(position)
        item = self.tree_model.itemFromIndex(index) if index.isValid() else None
        if item is None or not isinstance(item.data(_NodeRole), tuple):
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Play the whole day"), lambda: self._on_double_clicked(index))
        menu.addAction(self.tr("Export evidence of this day…"), lambda: self.request_day_export(index))
        menu.exec(self.viewport().mapToGlobal(position))

    def _on_clicked(self, index: QModelIndex) -> None:
        item = self.tree_model.itemFromIndex(index)
        node = item.data(_NodeRole) if item else None
        if isinstance(node, UnitNode):
            self.filter_chosen.emit(ClipFilter(unit_code=node.code))
        elif isinstance(node, OfficerNode):
            self.filter_chosen.emit(ClipFilter(badge_no=node.badge_no))
        elif isinstance(node, tuple):
            officer, day = node
            self.filter_chosen.emit(replace(ClipFilter(badge_no=officer.badge_no), date_from=day.day, date_to=day.day))


def _placeholder() -> QStandardItem:
    item = QStandardItem(_PLACEHOLDER)
    item.setData(_PLACEHOLDER, _NodeRole)
    return item


def _remove_placeholder(item: QStandardItem) -> None:
    for row in range(item.rowCount()):
        if item.child(row).data(_NodeRole) == _PLACEHOLDER:
            item.removeRow(row)
            return
