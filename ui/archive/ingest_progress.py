"""Ingest progress for the GUI: a throttled, thread-safe relay from ingest's worker threads, and one row per source.

`workstation.ingest.ingest` calls its progress callback after every chunk (1 MiB) and file, from one worker
thread per recorder; sixteen docked recorders would flood the GUI with thousands of updates a second.
`ProgressRelay.on_progress` keeps the latest figures and forwards at most one update per source every
PROGRESS_INTERVAL_S (always a source's last file) through a queued signal to the GUI thread.
"""

import math
import threading
import time
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from workstation.footage.types import IngestProgress

PROGRESS_INTERVAL_S = 0.1
BAR_STEPS = 1000
"""Bars count in permille: byte counts do not fit QProgressBar's int."""


class ProgressRelay(QObject):
    """Carries IngestProgress from ingest worker threads to the GUI thread, throttled; stops a run on request.

    `cancel` is the event to pass as IngestOptions.cancel: `stop` sets it, and ingest then ends each
    recorder's loop at its next file (files being copied finish), records the run and returns its report.

    Thread rules: `on_progress` and `stop` may be called from any thread; `arrived` is emitted from the
    ingest threads and must be connected with a queued connection to a slot on the GUI thread.

    Signals:
        arrived(IngestProgress): the newest figures of one source.
    """

    arrived = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._sent_at: dict[str, float] = {}
        self.cancel = threading.Event()

    def reset(self) -> None:
        """Forget the previous run (call before starting one)."""
        with self._lock:
            self._sent_at.clear()
        self.cancel.clear()

    def stop(self) -> None:
        """Ask the run to end at each recorder's next file boundary."""
        self.cancel.set()

    def on_progress(self, update: IngestProgress) -> None:
        """ingest()'s progress callback (ingest worker threads)."""
        now = time.monotonic()
        with self._lock:
            due = update.files_done == update.files_total or (
                now - self._sent_at.get(update.source, -math.inf) >= PROGRESS_INTERVAL_S
            )
            if due:
                self._sent_at[update.source] = now
        if due:
            self.arrived.emit(update)


class SourceProgress(QWidget):
    """One source folder's progress on one line: its name, a bar (bytes copied, current file), files and bytes.

    Rows stay compact and aligned so that a dock of sixteen recorders fits on screen.
    """

    TITLE_WIDTH = 220
    DETAIL_WIDTH = 240

    def __init__(self, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.last: IngestProgress | None = None
        self.title = QLabel(self)
        self.title.setFixedWidth(self.TITLE_WIDTH)
        self.title.setText(
            self.title.fontMetrics().elidedText(
                Path(source).name or source, Qt.TextElideMode.ElideMiddle, self.TITLE_WIDTH
            )
        )
        self.title.setToolTip(source)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, BAR_STEPS)
        self.bar.setValue(0)
        self.detail = QLabel(self.tr("Waiting…"), self)
        self.detail.setMinimumWidth(self.DETAIL_WIDTH)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.detail)

    def show_progress(self, update: IngestProgress) -> None:
        self.last = update
        if update.bytes_total:
            value = update.bytes_done * BAR_STEPS // update.bytes_total
        else:
            value = update.files_done * BAR_STEPS // max(1, update.files_total)
        self.bar.setValue(min(BAR_STEPS, value))
        busy = update.files_done < update.files_total and update.current_file
        self.bar.setFormat(f"%p%  {update.current_file}" if busy else "%p%")
        self.detail.setText(
            self.tr("%1 of %2 files · %3 of %4")
            .replace("%1", str(update.files_done))
            .replace("%2", str(update.files_total))
            .replace("%3", _size(update.bytes_done))
            .replace("%4", _size(update.bytes_total))
        )

    def show_nothing_to_import(self) -> None:
        """A source that held no importable file (empty, only rejected files, or not found)."""
        self.bar.setValue(BAR_STEPS)
        self.detail.setText(self.tr("No files to import here"))

    def show_stopped(self) -> None:
        """The run was stopped before this source was done."""
        self.bar.setFormat("%p%")
        self.detail.setText(self.tr("Stopped; the next import continues from here"))


def _size(count: int) -> str:
    """1.5 MB, 2.3 GB: the units administrators know (base 1024, as Windows Explorer shows them)."""
    return QLocale().formattedDataSize(count, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
