"""The archive browser (档案): officer tree, filters, the paged clip table and the detail pane.

Every call to the archive client runs on the application's `operations`; marking and case links go through
the services behind it, which check and audit them, and the table refreshes only the rows that changed.
"""

from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QMenu, QSplitter, QTableView, QVBoxLayout, QWidget

from ui.archive.case_link_dialog import CaseLinkDialog
from ui.archive.clip_detail_pane import ClipDetailPane
from ui.archive.filters import FilterBar
from ui.archive.model import ClipPageModel
from ui.archive.officer_tree import OfficerTree
from ui.common.export_target import ExportTarget
from ui.common.messages import failure_text
from ui.common.retention_labels import RetentionLabels, trigger_names
from ui.common.tasks import Operations
from workstation.client import ArchiveClient
from workstation.footage.types import CaseKind, ClipDetail, ClipFilter, ClipRow
from workstation.retention.types import ClipRetention

ROW_HEIGHT = 40


@dataclass(frozen=True)
class _Retention:
    retention: ClipRetention
    labels: RetentionLabels


TREE_MIN_WIDTH_PX = 180
"""The officer tree keeps this much of a narrow window (it scrolls sideways for deeper entries)."""


class ArchiveView(QWidget):
    """Signals: play_requested(int clip id); export_requested(ExportTarget) for 导出证据… of the selected files,
    a case or an officer's day (the shell opens the export dialog); problem(str) for the main window's status line."""

    play_requested = Signal(int)
    export_requested = Signal(object)
    problem = Signal(str)

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client, self._operations = client, operations
        self._labels: RetentionLabels | None = None  # read with the first clip's retention
        self.tree = OfficerTree(client, operations)
        self.filters = FilterBar()
        self.model = ClipPageModel(client, operations, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((190, 70, 150, 80, 80, 90, 50, 230, 50, 150, 50, 220)):
            self.table.setColumnWidth(column, width)
        self.count = QLabel()
        self.detail = ClipDetailPane()

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.filters)
        middle_layout.addWidget(self.table)
        middle_layout.addWidget(self.count)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.detail)
        self.splitter.setSizes([260, 940, 330])
        self.splitter.setStretchFactor(1, 1)  # a wider or narrower window widens or narrows the file list
        self.splitter.setCollapsible(0, False)
        self.tree.setMinimumWidth(TREE_MIN_WIDTH_PX)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.filters.changed.connect(self.model.set_query)
        self.tree.filter_chosen.connect(self.filters.apply)
        self.tree.load_failed.connect(self.problem)
        self.model.count_changed.connect(self._on_count)
        self.model.load_failed.connect(self.problem)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.detail.important_toggled.connect(self._set_important)
        self.detail.link_requested.connect(self._link_case)
        self.detail.play_requested.connect(self.play_requested)
        self.detail.export_selected_requested.connect(self.export_selected)
        self.detail.export_case_requested.connect(
            lambda case_no: self.export_requested.emit(ExportTarget.of_case(case_no))
        )
        self.tree.export_day_requested.connect(
            lambda badge_no, name, day: self.export_requested.emit(ExportTarget.of_officer_day(badge_no, name, day))
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_menu)

    def load(self) -> None:
        self.tree.load()
        self.model.set_query(self.filters.current())

    def show_clips(self, criteria: ClipFilter) -> None:
        """List exactly the clips of `criteria`, the filter bar showing it (a figure of the 统计 page, say)."""
        self.filters.show_exactly(criteria)

    def selected_clips(self) -> list[ClipRow]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        found = [self.model.row_at(row) for row in sorted(rows)]
        return [clip for clip in found if clip is not None]

    def export_selected(self) -> None:
        """导出证据… of the selected files."""
        if chosen := self.selected_clips():
            self.export_requested.emit(ExportTarget.of_clips(chosen))

    def _on_table_menu(self, position: QPoint) -> None:
        if not self.selected_clips():
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Export evidence…"), self.export_selected)
        menu.exec(self.table.viewport().mapToGlobal(position))

    def select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _on_count(self, total: int) -> None:
        self.count.setText(self.tr("%1 files").replace("%1", f"{total:,}"))

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        clip = self.model.row_at(current.row()) if current.isValid() else None
        if clip is None:
            self.detail.show_detail(None)
            return
        self._load_detail(clip.id)

    def _load_detail(self, clip_id: int) -> None:
        client = self._client
        self._operations.run(self, lambda: client.clip_detail(clip_id), self._on_detail, self._on_error)

    def _on_detail(self, detail: ClipDetail | None) -> None:
        self.detail.show_detail(detail)
        if detail is not None:
            self.model.update_row(detail.clip)
            self._load_retention(detail.clip.id)

    def _load_retention(self, clip_id: int) -> None:
        client, known = self._client, self._labels

        def read() -> _Retention:
            labels = known or RetentionLabels(
                {row.code: row for row in client.retention_policy().classes},
                trigger_names(client.list_units(), client.marker_categories()),
            )
            return _Retention(client.clip_retention(clip_id), labels)

        self._operations.run(
            self, read, self._on_retention, lambda error: self.detail.show_retention(failure_text(error), None)
        )

    def _on_retention(self, found: _Retention) -> None:
        self._labels = found.labels
        self.detail.show_retention(found.retention, found.labels)

    def _set_important(self, important: bool) -> None:
        chosen = self.selected_clips()
        ids, client = [clip.id for clip in chosen], self._client
        self._operations.run(
            self, lambda: client.set_important(ids, important), lambda _: self._refresh_rows(ids), self._on_error
        )

    def _link_case(self) -> None:
        chosen = self.selected_clips()
        if not chosen:
            return
        dialog = CaseLinkDialog(len(chosen), self)
        if dialog.exec() != CaseLinkDialog.DialogCode.Accepted:
            return
        ids = [clip.id for clip in chosen]
        fields = (
            dialog.case_no.text(),
            dialog.kind.currentData(),
            dialog.party.text(),
            dialog.handler.text(),
            dialog.title.text(),
        )
        self.link_case(ids, *fields)

    def link_case(self, ids: list[int], case_no: str, kind: CaseKind, party: str, handler: str, title: str) -> None:
        """Link `ids` to the case (the dialog's OK, or a test) and refresh those rows."""
        client = self._client
        self._operations.run(
            self,
            lambda: client.link_case(ids, case_no, kind, party, handler, title),
            lambda _: self._refresh_rows(ids),
            self._on_error,
        )

    def _refresh_rows(self, ids: list[int]) -> None:
        client = self._client

        def show(rows: list[ClipRow]) -> None:
            for row in rows:
                self.model.update_row(row)
            index = self.table.currentIndex()
            current = self.model.row_at(index.row()) if index.isValid() else None
            if current is not None and current.id in ids:
                self._load_detail(current.id)

        self._operations.run(self, lambda: client.get_clips(ids), show, self._on_error)

    def _on_error(self, error: Exception) -> None:
        self.problem.emit(failure_text(error))
