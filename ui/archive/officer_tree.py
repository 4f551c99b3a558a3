"""Units → officers → days ("one archive per officer", 一人一档), each level loaded when opened."""

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTreeView, QWidget

from ui.common.error_text import describe
from ui.common.tasks import TaskRunner
from workstation import permissions
from workstation.archive import Archive
from workstation.footage import browse
from workstation.footage.clips import ClipFilter
from workstation.identity import Identity

_NodeRole = Qt.ItemDataRole.UserRole + 1
_LoadedRole = Qt.ItemDataRole.UserRole + 2
_PLACEHOLDER = "…"


class OfficerTree(QTreeView):
    """Signals: filter_chosen(ClipFilter) when a unit, an officer or one of their days is clicked;
    day_requested(警号, date) when a day is double-clicked; load_failed(str) when the archive cannot be read."""

    filter_chosen = Signal(object)
    day_requested = Signal(str, object)  # 警号, date: play the officer's whole day
    load_failed = Signal(str)

    def __init__(self, archive: Archive, login: str, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive, self._who, self._tasks = archive, Identity.user(login), tasks
        self.tree_model = QStandardItemModel(self)
        self.tree_model.setHorizontalHeaderLabels([self.tr("One archive per officer")])
        self.setModel(self.tree_model)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.expanded.connect(self._on_expanded)
        self.clicked.connect(self._on_clicked)
        self.doubleClicked.connect(self._on_double_clicked)

    def load(self) -> None:
        self._tasks.run(self._fetch_units, self._on_units, self._failed)

    def _failed(self, error: Exception) -> None:
        self.load_failed.emit(describe(error))

    def _fetch_units(self) -> list[browse.UnitNode]:
        with self._archive.sessions.read() as session:
            return browse.units(session, permissions.clip_scope(session, self._who))

    def _on_units(self, units: list[browse.UnitNode]) -> None:
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
        if isinstance(node, browse.OfficerNode):
            self._tasks.run(
                lambda: self._fetch_days(node.id), lambda days: self._on_days(target, node, days), self._failed
            )
        else:
            unit_id = node.id if isinstance(node, browse.UnitNode) else None
            self._tasks.run(
                lambda: self._fetch_officers(unit_id), lambda found: self._on_officers(target, found), self._failed
            )

    def _item_at(self, target: QPersistentModelIndex) -> QStandardItem | None:
        if not target.isValid():
            return None
        item = self.tree_model.itemFromIndex(self.tree_model.index(target.row(), target.column(), target.parent()))
        if item is not None:
            _remove_placeholder(item)
        return item

    def _fetch_officers(self, unit_id: int | None) -> list[browse.OfficerNode]:
        with self._archive.sessions.read() as session:
            return browse.officers_of(session, unit_id, permissions.clip_scope(session, self._who))

    def _fetch_days(self, officer_id: int) -> list[browse.DayNode]:
        with self._archive.sessions.read() as session:
            return browse.days_of(session, officer_id, permissions.clip_scope(session, self._who))

    def _on_officers(self, target: QPersistentModelIndex, officers: list[browse.OfficerNode]) -> None:
        item = self._item_at(target)
        if item is None:
            return
        for officer in officers:
            name = officer.name or self.tr("(no name)")
            officer_item = self._item(f"{name}  {officer.badge_no}", officer)
            officer_item.appendRow(_placeholder())
            item.appendRow(officer_item)

    def _on_days(self, target: QPersistentModelIndex, officer: browse.OfficerNode, days: list[browse.DayNode]) -> None:
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

    def _on_clicked(self, index: QModelIndex) -> None:
        item = self.tree_model.itemFromIndex(index)
        node = item.data(_NodeRole) if item else None
        if isinstance(node, browse.UnitNode):
            self.filter_chosen.emit(ClipFilter(unit_code=node.code))
        elif isinstance(node, browse.OfficerNode):
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
