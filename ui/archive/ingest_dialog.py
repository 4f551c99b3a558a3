"""The ingest dialog (R3): import recorders mounted as folders or dock export folders, then show what happened.

The administrator lists source folders, names the collection station (采集站), may choose 校验清空 (delete
each file from the recorder once its verified copy is archived), and starts. `workstation.ingest.ingest`
runs on the file threads of the application's `operations` (never on the GUI thread, and never
holding up the archive thread the other views use) and copies several recorders in parallel;
each source gets a progress bar, fed through `ui.ingest_progress.ProgressRelay`. At the end a summary lists
the counts and every file that needs attention: rejected (left on the recorder), failed, and imported but
damaged. Closing during a run asks first, then stops at the next file boundary and closes when the worker
is done: ingest is resumable, so the next import continues where this one stopped.
"""

import logging
import socket
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.archive.ingest_progress import ProgressRelay, SourceProgress
from ui.common.messages import failure_text
from ui.common.tasks import Operations
from workstation.client import ArchiveClient
from workstation.errors import DiskFull
from workstation.footage.types import IngestFileResult, IngestOutcome, IngestProgress, IngestReport
from workstation.types import MediaStatus

_log = logging.getLogger(__name__)

Confirm = Callable[[str, str], bool]
"""Asks a yes/no question (title, text); replaceable so tests need no modal message box."""


class IngestDialog(QDialog):
    """Import dialog for administrators; non-modal, so it can be driven by tests and left open while working.

    Drive it with `add_source`, `station_edit`, `clear_source_box`, `start()`; wait for `ingest_finished`,
    then read `report` (None if the run stopped or failed) and `error`. `confirm` asks yes/no questions.

    Signals:
        ingest_finished: a run ended (completed, stopped by closing, or failed); the summary is shown.
    """

    ingest_finished = Signal()

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._operations = operations
        self._relay = ProgressRelay(self)
        self._relay.arrived.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._running = False
        self._close_when_done = False
        self.report: IngestReport | None = None
        self.error: Exception | None = None
        self.confirm: Confirm = self._ask
        self.progress_rows: dict[str, SourceProgress] = {}
        self.setWindowTitle(self.tr("Import from recorders"))

        self.source_list = QListWidget(self)
        self.source_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.source_list.setMaximumHeight(110)
        self.add_button = QPushButton(self.tr("Add folder…"), self)
        self.add_button.clicked.connect(self._choose_folder)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected_sources)
        self.station_edit = QLineEdit(socket.gethostname(), self)
        self.clear_source_box = QCheckBox(
            self.tr("Verify and clear: delete each file from the recorder once its verified copy is archived"), self
        )
        self.clear_source_box.clicked.connect(self._on_clear_source_clicked)

        self.progress_group = QGroupBox(self.tr("Progress"), self)
        self._progress_layout = QVBoxLayout()
        self._progress_layout.addStretch(1)
        progress_body = QWidget(self)
        progress_body.setLayout(self._progress_layout)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(progress_body)
        QVBoxLayout(self.progress_group).addWidget(scroll)

        self.summary_group = QGroupBox(self.tr("Result"), self)
        self.count_labels: dict[str, QLabel] = {}
        self.problem_table = QTableWidget(0, 4, self)
        self._build_summary()

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Start import"), self)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        self._layout()
        self.progress_group.hide()
        self.summary_group.hide()
        self.resize(820, 640)

    def _layout(self) -> None:
        sources = QGroupBox(self.tr("Source folders (a recorder mounted as a folder, or a dock's export folder)"), self)
        source_buttons = QVBoxLayout()
        source_buttons.addWidget(self.add_button)
        source_buttons.addWidget(self.remove_button)
        source_buttons.addStretch(1)
        source_row = QHBoxLayout(sources)
        source_row.addWidget(self.source_list, 1)
        source_row.addLayout(source_buttons)

        form = QFormLayout()
        form.addRow(self.tr("Collection station"), self.station_edit)
        form.addRow("", self.clear_source_box)

        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(sources)
        layout.addLayout(form)
        layout.addWidget(self.progress_group, 2)
        layout.addWidget(self.summary_group, 3)
        layout.addLayout(buttons)

    def _build_summary(self) -> None:
        captions = {
            "imported": self.tr("Imported"),
            "duplicate": self.tr("Skipped (already archived)"),
            "rejected": self.tr("Rejected (left on the recorder)"),
            "failed": self.tr("Failed"),
            "damaged": self.tr("Imported but damaged"),
        }
        counts = QGridLayout()
        for column, (key, caption) in enumerate(captions.items()):
            value = QLabel("0", self)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            value.setFont(font)
            label = QLabel(caption, self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            counts.addWidget(value, 0, column)
            counts.addWidget(label, 1, column)
            self.count_labels[key] = value
        self.problem_table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Outcome"), self.tr("Reason"), self.tr("Details")]
        )
        self.problem_table.verticalHeader().setVisible(False)
        self.problem_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problem_table.setWordWrap(False)
        header = self.problem_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.cleared_label = QLabel(self)
        layout = QVBoxLayout(self.summary_group)
        layout.addLayout(counts)
        layout.addWidget(self.cleared_label)
        layout.addWidget(self.problem_table, 1)

    # sources

    def add_source(self, folder: Path | str) -> None:
        """Add a source folder to the list (once)."""
        text = str(Path(folder))
        if not self.source_list.findItems(text, Qt.MatchFlag.MatchExactly):
            self.source_list.addItem(text)

    def remove_selected_sources(self) -> None:
        for item in self.source_list.selectedItems():
            self.source_list.takeItem(self.source_list.row(item))

    def sources(self) -> list[Path]:
        return [Path(self.source_list.item(row).text()) for row in range(self.source_list.count())]

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a recorder or export folder"))
        if folder:
            self.add_source(folder)

    def _on_clear_source_clicked(self, checked: bool) -> None:
        """Only a user's click asks (programmatic setChecked does not): clearing deletes from the recorder."""
        if checked and not self.confirm(
            self.tr("Clear the recorders?"),
            self.tr(
                "Each file is deleted from the recorder only after its copy in the archive has been verified "
                "(SHA-256) and recorded. Rejected and failed files stay on the recorder. Continue?"
            ),
        ):
            self.clear_source_box.setChecked(False)

    # running

    def is_running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Start importing the listed folders on a worker thread; `ingest_finished` follows."""
        if self._running:
            return
        sources, station = self.sources(), self.station_edit.text().strip()
        if not sources:
            self._say(self.tr("Add at least one source folder first."), problem=True)
            return
        if not station:
            self._say(self.tr("Enter the collection station's name."), problem=True)
            return
        self.report, self.error = None, None
        self._relay.reset()
        self._show_progress_rows(sources)
        self.summary_group.hide()
        self._set_running(True)
        self._say(self.tr("Importing… Copies are verified before anything is recorded."))
        clear_source, client, relay = self.clear_source_box.isChecked(), self._client, self._relay

        def work() -> IngestReport:
            return client.ingest(sources, station, clear_source, relay.cancel, relay.on_progress)

        self._operations.run_file(self, work, self._on_done, self._on_failed)

    def reject(self) -> None:
        """Close; during a run, ask, then stop at the next file boundary and close once the worker is done."""
        if not self._running:
            super().reject()
            return
        if self._close_when_done or not self.confirm(
            self.tr("Stop the import?"),
            self.tr(
                "The files being copied now are finished, then the import stops. Nothing is lost or left "
                "half-done: run the import again later and it continues where it stopped."
            ),
        ):
            return
        self._close_when_done = True
        self._relay.stop()
        self.close_button.setEnabled(False)
        self._say(self.tr("Stopping after the files being copied now…"))

    def _set_running(self, running: bool) -> None:
        self._running = running
        for widget in (self.source_list, self.add_button, self.remove_button, self.station_edit):
            widget.setEnabled(not running)
        self.clear_source_box.setEnabled(not running)
        self.start_button.setEnabled(not running)
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("Stop and close") if running else self.tr("Close"))

    def _show_progress_rows(self, sources: list[Path]) -> None:
        for row in self.progress_rows.values():
            row.deleteLater()
        self.progress_rows = {}
        for source in sources:
            row = SourceProgress(str(source), self)
            self._progress_layout.insertWidget(self._progress_layout.count() - 1, row)
            self.progress_rows[str(source)] = row
        self.progress_group.show()

    def _on_progress(self, update: IngestProgress) -> None:
        row = self.progress_rows.get(update.source)
        if row is not None:
            row.show_progress(update)

    def _on_done(self, report: IngestReport) -> None:
        self.report = report
        stopped = self._close_when_done
        if stopped:
            self._say(self.tr("Import stopped. Run it again to continue."))
        else:
            self._say(self.tr("Import finished."))
        self._finish(stopped)

    def _on_failed(self, error: Exception) -> None:
        self.error = error
        self._say(self._error_text(error), problem=True)
        self._finish(self._close_when_done)

    def _finish(self, stopped: bool) -> None:
        for row in self.progress_rows.values():
            if stopped and (row.last is None or row.last.files_done < row.last.files_total):
                row.show_stopped()
            elif row.last is None and self.report is not None:
                row.show_nothing_to_import()
        if self.report is not None:
            self._show_summary(self.report)
        self._set_running(False)
        self.ingest_finished.emit()
        if self._close_when_done:
            self._close_when_done = False
            super().reject()

    def _show_summary(self, report: IngestReport) -> None:
        damaged = [r for r in report.results if r.outcome is IngestOutcome.IMPORTED and _damaged(r)]
        counts = {
            "imported": report.count(IngestOutcome.IMPORTED),
            "duplicate": report.count(IngestOutcome.DUPLICATE),
            "rejected": report.count(IngestOutcome.REJECTED),
            "failed": report.count(IngestOutcome.FAILED),
            "damaged": len(damaged),
        }
        for key, count in counts.items():
            self.count_labels[key].setText(str(count))
        cleared = sum(1 for result in report.results if result.source_cleared)
        self.cleared_label.setVisible(bool(cleared))
        self.cleared_label.setText(
            self.tr("%1 verified files were deleted from the recorders.").replace("%1", str(cleared))
        )
        problems = [r for r in report.results if r.outcome in (IngestOutcome.REJECTED, IngestOutcome.FAILED)]
        rows = [*problems, *damaged]
        self.problem_table.setRowCount(len(rows))
        for number, result in enumerate(rows):
            values = (
                self._display_path(result.source_path),
                self._outcome_text(result),
                self._reason_text(result),
                result.detail,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(result.source_path if column == 0 else value)
                self.problem_table.setItem(number, column, item)
        self.problem_table.setVisible(bool(rows))
        self.summary_group.show()

    def _display_path(self, path: str) -> str:
        """The file's path from its source folder's name on (the full path is in the tooltip)."""
        for source in self.sources():
            try:
                return str(Path(source.name) / Path(path).relative_to(source))
            except ValueError:
                continue
        return path

    def _outcome_text(self, result: IngestFileResult) -> str:
        if result.outcome is IngestOutcome.REJECTED:
            return self.tr("Rejected, left on the recorder")
        if result.outcome is IngestOutcome.FAILED:
            return self.tr("Failed, left on the recorder")
        return self.tr("Imported, damaged")

    def _reason_text(self, result: IngestFileResult) -> str:
        reasons = {
            "unrecognised_name": self.tr("Unrecognised file name"),
            "unsupported_type": self.tr("Unsupported file type"),
            "bad_timestamp": self.tr("Invalid time in file name"),
            "bad_name": self.tr("Invalid file name"),
            "link": self.tr("Link (not followed)"),
            "unreadable_source": self.tr("Cannot read the source file"),
            "import_failed": self.tr("Copy or verification failed"),
            MediaStatus.CORRUPT.value: self.tr("Damaged"),
            MediaStatus.TRUNCATED.value: self.tr("Incomplete"),
        }
        code = result.reason or (result.media_status.value if result.media_status else "")
        return reasons.get(code, code)

    def _error_text(self, error: Exception) -> str:
        if isinstance(error, DiskFull):
            return self.tr(
                "The archive storage is full; the import stopped. Every file imported so far is complete. "
                "Free or add storage, then import again: it continues where it stopped."
            )
        return failure_text(error)

    def _say(self, text: str, problem: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if problem else "")
        self.message.setText(text)

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes


def _damaged(result: IngestFileResult) -> bool:
    return result.media_status is not None and result.media_status is not MediaStatus.OK
