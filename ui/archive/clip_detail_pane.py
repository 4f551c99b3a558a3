"""The detail pane: every stored fact about the selected clip, and its audit history."""

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ui.common.access_labels import action_name
from workstation.clock import format_time
from workstation.footage.types import ClipDetail


class ClipDetailPane(QWidget):
    """Signals: important_toggled(bool), link_requested(), play_requested(int clip id)."""

    important_toggled = Signal(bool)
    link_requested = Signal()
    play_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: ClipDetail | None = None
        self.text = QTextBrowser(openLinks=False)
        self.play = QPushButton(self.tr("Play"))
        self.important = QPushButton(self.tr("Mark important"))
        self.link = QPushButton(self.tr("Link to incident/case…"))
        self.play.clicked.connect(lambda: self._detail and self.play_requested.emit(self._detail.clip.id))
        self.important.clicked.connect(
            lambda: self._detail and self.important_toggled.emit(not self._detail.clip.important)
        )
        self.link.clicked.connect(self.link_requested.emit)
        buttons = QHBoxLayout()
        for button in (self.play, self.important, self.link):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.text)
        self.show_detail(None)

    def show_detail(self, detail: ClipDetail | None) -> None:
        self._detail = detail
        for button in (self.play, self.important, self.link):
            button.setEnabled(detail is not None)
        if detail is None:
            hint = self.tr("Select a file to see its details.")
            self.text.setHtml(f"<p>{html.escape(hint)}</p>")
            return
        clip = detail.clip
        self.important.setText(self.tr("Remove important mark") if clip.important else self.tr("Mark important"))
        facts = [
            (self.tr("File"), clip.original_name),
            (self.tr("Recorded"), " – ".join(format_time(t) for t in (clip.recorded_start, clip.recorded_end) if t)),
            (self.tr("Device clock offset"), f"{clip.clock_offset_ms / 1000:+.1f} s"),
            (self.tr("Unit"), clip.unit_name or self.tr("Unassigned")),
            (self.tr("Officer"), f"{clip.officer_name or ''} {clip.badge_no or ''}"),
            (self.tr("Device"), clip.device_no or ""),
            (self.tr("Format"), _format_text(detail)),
            (self.tr("Size"), _size_text(clip.size_bytes)),
            ("SHA-256", clip.sha256),
            (self.tr("Ingested"), f"{format_time(clip.ingested_at)}  {clip.ingest_station}"),
            (self.tr("Incident/case"), "、".join(clip.case_numbers) or self.tr("not linked")),
            (self.tr("Integrity"), clip.media_problem or self.tr("OK")),
            (self.tr("Archive path"), clip.media_path),
        ]
        rows = "".join(f"<tr><th align='left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in facts)
        history = "".join(
            f"<tr><td>{format_time(e.occurred_at)}</td><td>{html.escape(e.actor)}</td>"
            f"<td>{html.escape(action_name(e.action))}</td></tr>"
            for e in detail.history
        )
        heading = self.tr("Audit history")
        self.text.setHtml(
            f"<table cellspacing='4'>{rows}</table><h4>{html.escape(heading)}</h4>"
            f"<table cellspacing='4'>{history}</table>"
        )


def _size_text(size: int) -> str:
    return f"{size / 1e6:,.1f} MB" if size >= 1_000_000 else f"{size / 1e3:,.0f} KB"


def _format_text(detail: ClipDetail) -> str:
    clip = detail.clip
    parts = [clip.container or "", clip.video_codec or ""]
    if clip.width and clip.height:
        parts.append(f"{clip.width}×{clip.height}")
    if clip.fps:
        parts.append(f"{clip.fps:g} fps")
    return " ".join(part for part in parts if part)
