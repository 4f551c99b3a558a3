"""Writing a package (制作证据包) off the GUI thread, with bytes done, speed and time left, cancel and resume.

`run_export` (workstation.client.evidence_run) runs on the application's file thread: it starts the export
through the archive client, writes and verifies the package from the bytes the client streams, and records
it. The writer reports progress after every chunk; `_Relay` forwards at most ten updates a second to the GUI
thread. Cancelling raises ExportCancelled inside the writer: nothing is recorded and no package appears at the
place chosen; writing again to the same place goes on from what was already written and verified.
"""

import math
import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ui.common.retention_labels import size_text
from ui.common.status_line import StatusLine
from ui.common.tasks import Operations
from ui.evidence.labels import format_name
from workstation.client import ArchiveClient
from workstation.client.evidence_run import run_export
from workstation.evidence.errors import ExportCancelled
from workstation.evidence.types import ExportFormat, ExportRow

PROGRESS_INTERVAL_S = 0.1
BAR_STEPS = 1000
"""The bar counts in permille: byte counts do not fit QProgressBar's int."""
SPEED_AFTER_S = 0.5
"""Speed and time left are shown once the run has gone on this long (earlier figures only jitter)."""


class _Relay(QObject):
    """Carries the writer's (bytes done, total) from the file thread to the GUI thread, throttled; holds the
    cancel flag the writer polls. Signals: progressed(done, total) — Python ints (sizes pass 2 GB)."""

    progressed = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancel = threading.Event()
        self._sent_at = -math.inf

    def reset(self) -> None:
        self.cancel.clear()
        self._sent_at = -math.inf

    def on_progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._sent_at >= PROGRESS_INTERVAL_S:
            self._sent_at = now
            self.progressed.emit(done, total)


def rate_text(done: int, total: int, since: int, elapsed: float) -> str:
    """'12.5 MB/s, about 3:20 left' from the bytes written `since` the run began, in `elapsed` seconds."""
    if elapsed < SPEED_AFTER_S or done <= since:
        return ""
    speed = (done - since) / elapsed
    left = round((total - done) / speed)
    clock = f"{left // 3600}:{left // 60 % 60:02d}:{left % 60:02d}" if left >= 3600 else f"{left // 60}:{left % 60:02d}"
    return (
        QCoreApplication.translate("evidence_progress", "%1 MB/s, about %2 left")
        .replace("%1", f"{speed / 1e6:,.1f}")
        .replace("%2", clock)
    )


class WriteDialog(QDialog):
    """Writes export `row` to `out` as `fmt` when `start()` is called.
    Signals: written(ExportRow) once the package is complete and recorded."""

    written = Signal(object)

    def __init__(
        self,
        client: ArchiveClient,
        operations: Operations,
        row: ExportRow,
        out: Path,
        fmt: ExportFormat,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._client, self._operations = client, operations
        self.row, self.out, self.fmt = row, out, fmt
        self.running = False
        self.result_row: ExportRow | None = None
        self._began = 0.0
        self._began_bytes: int | None = None
        self.setWindowTitle(self.tr("Writing evidence package %1").replace("%1", row.export_no))
        self.setMinimumWidth(680)  # a SHA-256 on one line
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._on_progress)
        where = QLabel(self.tr("%1, to %2").replace("%1", format_name(fmt)).replace("%2", str(out)), self)
        where.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, BAR_STEPS)
        self.figures = QLabel(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setVisible(False)
        self.message = StatusLine(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        self.resume = QPushButton(self.tr("Go on writing"), self)
        self.resume.setVisible(False)
        self.resume.clicked.connect(self.start)
        self.buttons.addButton(self.resume, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.bar)
        layout.addWidget(self.figures)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def start(self) -> None:
        """Write (or go on writing) the package."""
        self.running = True
        self._began, self._began_bytes = time.monotonic(), None
        self._relay.reset()
        self.resume.setVisible(False)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)
        self.message.say(self.tr("Writing the package; every file is hashed as it is copied…"))
        client, export_id, out, fmt, relay = self._client, self.row.id, self.out, self.fmt, self._relay
        self._operations.run_file(
            self,
            lambda: run_export(client, export_id, out, fmt, relay.on_progress, relay.cancel.is_set),
            self._on_done,
            self._on_failed,
        )

    def reject(self) -> None:
        """Cancel: the writer stops at its next chunk (closes at once when nothing runs)."""
        if self.running:
            self._relay.cancel.set()
            self.message.say(self.tr("Stopping…"))
            return
        super().reject()

    def _on_progress(self, done: int, total: int) -> None:
        if self._began_bytes is None:
            self._began_bytes = done  # a resumed run starts past what was already written
        self.bar.setValue(done * BAR_STEPS // total if total else BAR_STEPS)
        figures = self.tr("%1 of %2").replace("%1", size_text(done)).replace("%2", size_text(total))
        rate = rate_text(done, total, self._began_bytes, time.monotonic() - self._began)
        self.figures.setText(f"{figures}  {rate}".strip())

    def _on_done(self, row: ExportRow) -> None:
        self.running = False
        self.result_row = row
        self.bar.setValue(BAR_STEPS)
        facts = (
            (self.tr("Files"), str(row.clip_count)),
            (self.tr("Size"), size_text(row.total_bytes)),
            (self.tr("Format"), format_name(row.format)),
            (self.tr("Written to"), str(self.out)),
            (self.tr("Manifest SHA-256"), row.manifest_sha256),
            (self.tr("Check"), self.tr("Verified: every file has the archive's SHA-256")),
        )
        self.summary.setText(
            "\n".join(self.tr("%1: %2").replace("%1", name).replace("%2", value) for name, value in facts)
        )
        self.summary.setVisible(True)
        self.adjustSize()  # room for the summary lines
        self.message.say(self.tr("Evidence package %1 is complete.").replace("%1", row.export_no))
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.written.emit(row)

    def _on_failed(self, error: Exception) -> None:
        self.running = False
        if isinstance(error, ExportCancelled):
            self.message.say(
                self.tr(
                    "Cancelled. The package was not completed; export again to the same place to go on "
                    "where it stopped."
                ),
                problem=True,
            )
        else:
            self.message.show_failure(error)
        self.resume.setVisible(True)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
