"""执行销毁: carry out an approved destruction request batch by batch, off the GUI thread, with progress.

Each batch is one `execute_destruction(request_id, BATCH)` on the application's operations (the services
check every clip at that moment: still expired, not held, hash unchanged). Cancelling stops after the batch
in flight; what was done stays done, and executing again goes on with the rest.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from ui.common.retention_labels import outcomes_text, size_text
from ui.common.status_line import StatusLine
from ui.common.tasks import Operations
from workstation.client import ArchiveClient
from workstation.retention.types import DestructionRequestRow, ExecutionReport, ItemOutcome

BATCH = 200


class ExecutionDialog(QDialog):
    """Executes `request` when `start()` is called. Signals: finished_run(total destroyed, done: bool)."""

    finished_run = Signal(int, bool)

    def __init__(
        self,
        client: ArchiveClient,
        operations: Operations,
        request: DestructionRequestRow,
        batch: int = BATCH,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._client, self._operations, self._batch = client, operations, batch
        self.request = request
        self.destroyed_count = self.freed = 0
        self.kept: dict[ItemOutcome, int] = {}
        self.running = self.cancelled = False
        self.setWindowTitle(self.tr("Executing destruction request %1").replace("%1", str(request.id)))
        self.bar = QProgressBar(self)
        self.bar.setRange(0, max(1, request.clip_count))
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.message = StatusLine(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Each file is checked once more before it is destroyed."), self))
        layout.addWidget(self.bar)
        layout.addWidget(self.counts)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._show_counts()

    def start(self) -> None:
        self.running = True
        self._next()

    def reject(self) -> None:
        """Cancel: stop after the batch in flight (closes at once when nothing runs)."""
        if self.running:
            self.cancelled = True
            self.message.say(self.tr("Stopping after the current batch…"))
            return
        super().reject()

    def _next(self) -> None:
        client, request_id, batch = self._client, self.request.id, self._batch
        self._operations.run(
            self, lambda: client.execute_destruction(request_id, batch), self._on_batch, self._on_failed
        )

    def _on_batch(self, report: ExecutionReport) -> None:
        self.destroyed_count += report.destroyed
        self.freed += report.bytes_freed
        for outcome, count in report.kept:
            self.kept[outcome] = self.kept.get(outcome, 0) + count
        self.bar.setMaximum(max(1, self._handled() + report.remaining))
        self._show_counts()
        if report.done or self.cancelled:
            self._stop(report.done)
        else:
            self._next()

    def _on_failed(self, error: Exception) -> None:
        self.message.show_failure(error)
        self._stop(False)

    def _stop(self, done: bool) -> None:
        self.running = False
        if done:
            self.message.say(self.tr("Done."))
        elif self.cancelled:
            self.message.say(self.tr("Stopped. Execute the request again to go on with the remaining files."))
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.finished_run.emit(self.destroyed_count, done)

    def _handled(self) -> int:
        return self.destroyed_count + sum(self.kept.values())

    def _show_counts(self) -> None:
        self.bar.setValue(self._handled())
        kept = outcomes_text(tuple(sorted(self.kept.items())))
        self.counts.setText(
            self.tr("Destroyed: %1 (%2 freed). Kept: %3")
            .replace("%1", str(self.destroyed_count))
            .replace("%2", size_text(self.freed))
            .replace("%3", kept or "0")
        )
