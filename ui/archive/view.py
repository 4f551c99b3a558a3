"""The archive browser (档案): officer tree, filters, the paged clip table and the detail pane.

Every database call runs on the database task thread; marking and case links go through the services,
which check and audit them, and the table refreshes only the rows that changed.
"""

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from ui.archive.case_link_dialog import CaseLinkDialog
from ui.archive.clip_detail_pane import ClipDetailPane
from ui.archive.filters import FilterBar
from ui.archive.model import ClipPageModel
from ui.archive.officer_tree import OfficerTree
from ui.common.error_text import describe
from ui.common.tasks import TaskRunner
from workstation.archive import Archive
from workstation.footage import cases, clips
from workstation.footage.types import CaseKind, ClipDetail, ClipRow
from workstation.identity import Identity

ROW_HEIGHT = 40


class ArchiveView(QWidget):
    """Signals: play_requested(int clip id); problem(str) for the main window's status line."""

    play_requested = Signal(int)
    problem = Signal(str)

    def __init__(self, archive: Archive, actor: str, thumbnail_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive, self._who = archive, Identity.user(actor)
        self.db_tasks = TaskRunner(self)
        self.io_tasks = TaskRunner(self, max_threads=2)
        self.tree = OfficerTree(archive, actor, self.db_tasks)
        self.filters = FilterBar()
        self.model = ClipPageModel(archive, actor, self.db_tasks, self.io_tasks, thumbnail_dir, self)
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
        for column, width in enumerate((190, 70, 150, 80, 80, 90, 50, 50, 150, 50, 220)):
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
        self.splitter.setSizes([300, 900, 330])
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

    def load(self) -> None:
        self.tree.load()
        self.model.set_query(self.filters.current())

    def wait(self) -> None:
        """Let running database and thumbnail work finish (before closing the archive)."""
        self.db_tasks.wait()
        self.io_tasks.wait()

    def selected_clips(self) -> list[ClipRow]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        found = [self.model.row_at(row) for row in sorted(rows)]
        return [clip for clip in found if clip is not None]

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
        def fetch() -> ClipDetail | None:
            with self._archive.sessions.read() as session:
                return clips.clip_detail(session, clip_id, self._who)

        self.db_tasks.run(fetch, self._on_detail, self._on_error)

    def _on_detail(self, detail: ClipDetail | None) -> None:
        self.detail.show_detail(detail)
        if detail is not None:
            self.model.update_row(detail.clip)

    def _set_important(self, important: bool) -> None:
        chosen = self.selected_clips()
        ids = [clip.id for clip in chosen]
        who = self._who

        def change() -> None:
            with self._archive.sessions.write() as session:
                clips.set_important(session, who, ids, important)

        self.db_tasks.run(change, lambda _: self._refresh_rows(ids), self._on_error)

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
        """Run the link service for `ids` (the dialog's OK, or a test) and refresh those rows."""

        who = self._who

        def change() -> None:
            with self._archive.sessions.write() as session:
                cases.link_clips(session, who, ids, case_no, kind, party, handler, title)

        self.db_tasks.run(change, lambda _: self._refresh_rows(ids), self._on_error)

    def _refresh_rows(self, ids: list[int]) -> None:
        def fetch() -> list[ClipRow]:
            with self._archive.sessions.read() as session:
                return [row for row in (clips.get_clip(session, clip_id) for clip_id in ids) if row is not None]

        def show(rows: list[ClipRow]) -> None:
            for row in rows:
                self.model.update_row(row)
            index = self.table.currentIndex()
            current = self.model.row_at(index.row()) if index.isValid() else None
            if current is not None and current.id in ids:
                self._load_detail(current.id)

        self.db_tasks.run(fetch, show, self._on_error)

    def _on_error(self, error: Exception) -> None:
        self.problem.emit(describe(error))
