"""The main window of the first release: the newest footage in the archive, loaded off the GUI thread."""

from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableView

from ui.clip_table_model import ClipTableModel
from ui.tasks import TaskRunner
from workstation import clips
from workstation.archive import Archive
from workstation.types import ClipRow

NEWEST_CLIPS = 1000


class MainWindow(QMainWindow):
    """Shows the archive's newest clips. Signals: none yet; the archive browser grows from here."""

    def __init__(self, archive: Archive, location: str) -> None:
        super().__init__()
        self._archive = archive
        self._tasks = TaskRunner(self)
        self.setWindowTitle(self.tr("Body-worn camera footage review workstation"))
        self.model = ClipTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.setCentralWidget(self.table)
        self.status = QLabel(self.tr("Loading…"))
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(QLabel(self.tr("Archive: %1").replace("%1", location)))
        self.resize(1280, 720)

    def load(self) -> None:
        """Fetch the newest clips on a worker thread; the table fills when they arrive."""
        self._tasks.run(self._fetch, self._on_loaded, self._on_failed)

    def _fetch(self) -> tuple[list[ClipRow], int]:
        with self._archive.sessions.read() as session:
            criteria = clips.ClipFilter()
            return clips.list_clips(session, criteria, limit=NEWEST_CLIPS), clips.count_clips(session, criteria)

    def _on_loaded(self, result: tuple[list[ClipRow], int]) -> None:
        rows, total = result
        self.model.set_rows(rows)
        self.status.setText(
            self.tr("%1 files in the archive, newest %2 shown").replace("%1", str(total)).replace("%2", str(len(rows)))
        )

    def _on_failed(self, error: Exception) -> None:
        self.status.setText(self.tr("Could not read the archive: %1").replace("%1", str(error)))

    def closeEvent(self, event) -> None:
        self._tasks.wait()  # a worker may still hold a database session; let it finish first
        super().closeEvent(event)
