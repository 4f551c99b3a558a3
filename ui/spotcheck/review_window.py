"""Reviewing one spot-check item (抽查): the clip in the player, the checklist beside it.

The checklist is told, as playback goes on, which spans of the clip were actually played and the top speed
used: the ledger's proof of review, and what lets the service refuse 合格 for a clip that was not watched.
"""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QWidget

from player.engine import PlaybackState
from ui.common.tasks import Operations
from ui.playback.player_window import PlayerWindow
from ui.spotcheck.review_checklist import ReviewChecklist
from workstation.client import ArchiveClient
from workstation.spotcheck.types import SampleItemRow

PROGRESS_INTERVAL_MS = 500


class ReviewWindow(PlayerWindow):
    """Signals: reviewed(LedgerRow) once the verdict is recorded (the window then closes)."""

    reviewed = Signal(object)

    def __init__(
        self,
        client: ArchiveClient,
        item: SampleItemRow,
        operations: Operations,
        parent: QWidget | None = None,
    ):
        super().__init__(client, operations, parent)
        self.item = item
        self._top_speed = 1.0
        self.checklist = ReviewChecklist(client, operations, self)
        self.checklist.set_item(item)
        dock = QDockWidget(self.tr("Spot-check checklist"), self)
        dock.setWidget(self.checklist)
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.resize(1600, 900)
        engine = self.player.engine
        engine.rate_changed.connect(self._on_rate)
        self._progress = QTimer(self, interval=PROGRESS_INTERVAL_MS)
        self._progress.timeout.connect(self._report_playback)
        self._progress.start()
        self.checklist.submitted.connect(self._on_submitted)
        self.open_clip(item.clip_id)

    def _on_rate(self, rate: float) -> None:
        if self.player.engine.state is PlaybackState.PLAYING:
            self._top_speed = max(self._top_speed, rate)

    def _report_playback(self) -> None:
        engine = self.player.engine
        if engine.state is PlaybackState.PLAYING:
            self._top_speed = max(self._top_speed, engine.rate)
        self.checklist.set_playback(engine.played_spans, self._top_speed)

    def _on_submitted(self, row: object) -> None:
        self._progress.stop()
        self.reviewed.emit(row)
        self.close()
