"""The detail pane: every stored fact about the selected clip, its retention (保存期限) and its audit history."""

import html
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QMenu, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ui.common.access_labels import action_name
from ui.common.retention_labels import (
    RetentionLabels,
    class_text,
    keep_until_text,
    period_text,
    size_text,
    trigger_name,
)
from workstation.clock import format_time
from workstation.footage.types import ClipDetail
from workstation.retention.types import ClipRetention


class ClipDetailPane(QWidget):
    """Signals: important_toggled(bool), link_requested(), play_requested(int clip id),
    export_selected_requested() (the selected files), export_case_requested(str case number)."""

    important_toggled = Signal(bool)
    link_requested = Signal()
    play_requested = Signal(int)
    export_selected_requested = Signal()
    export_case_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: ClipDetail | None = None
        self._retention: ClipRetention | str | None = None  # a failure's text when it could not be read
        self._labels = RetentionLabels({}, {})
        self.text = QTextBrowser(openLinks=False)
        self.play = QPushButton(self.tr("Play"))
        self.important = QPushButton(self.tr("Mark important"))
        self.link = QPushButton(self.tr("Link to incident/case…"))
        self.export = QPushButton(self.tr("Export evidence…"))
        self.export_menu = QMenu(self.export)
        self.export.setMenu(self.export_menu)
        self.play.clicked.connect(lambda: self._detail and self.play_requested.emit(self._detail.clip.id))
        self.important.clicked.connect(
            lambda: self._detail and self.important_toggled.emit(not self._detail.clip.important)
        )
        self.link.clicked.connect(self.link_requested.emit)
        buttons = QGridLayout()  # two by two: in one row the four set the pane's narrowest width at 370 px
        for at, button in enumerate((self.play, self.important, self.link, self.export)):
            buttons.addWidget(button, at // 2, at % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.text)
        self.show_detail(None)

    def show_detail(self, detail: ClipDetail | None) -> None:
        """Show a clip's facts (its retention follows with `show_retention`)."""
        if detail is None or self._detail is None or detail.clip.id != self._detail.clip.id:
            self._retention = None
        self._detail = detail
        self._render()

    def show_retention(self, retention: ClipRetention | str, labels: RetentionLabels | None) -> None:
        """Show the retention of the clip shown (or why it could not be read); ignored for another clip."""
        if isinstance(retention, ClipRetention) and (self._detail is None or retention.clip_id != self._detail.clip.id):
            return
        self._retention = retention
        self._labels = labels or self._labels
        self._render()

    def _render(self) -> None:
        detail = self._detail
        for button in (self.play, self.important, self.link, self.export):
            button.setEnabled(detail is not None)
        if detail is None:
            hint = self.tr("Select a file to see its details.")
            self.text.setHtml(f"<p>{html.escape(hint)}</p>")
            return
        clip = detail.clip
        self._fill_export_menu(clip.case_numbers)
        self.important.setText(self.tr("Remove important mark") if clip.important else self.tr("Mark important"))
        facts = [
            (self.tr("File"), clip.original_name),
            (self.tr("Recorded"), " – ".join(format_time(t) for t in (clip.recorded_start, clip.recorded_end) if t)),
            (self.tr("Device clock offset"), f"{clip.clock_offset_ms / 1000:+.1f} s"),
            (self.tr("Unit"), clip.unit_name or self.tr("Unassigned")),
            (self.tr("Officer"), f"{clip.officer_name or ''} {clip.badge_no or ''}"),
            (self.tr("Device"), clip.device_no or ""),
            (self.tr("Format"), _format_text(detail)),
            (self.tr("Size"), size_text(clip.size_bytes)),
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
            f"<table cellspacing='4'>{rows}</table>{self._retention_html()}<h4>{html.escape(heading)}</h4>"
            f"<table cellspacing='4'>{history}</table>"
        )

    def _fill_export_menu(self, case_numbers: tuple[str, ...]) -> None:
        """导出证据…: the selected files, or every file of one of the shown clip's incidents/cases."""
        self.export_menu.clear()
        self.export_menu.addAction(self.tr("Selected files…"), self.export_selected_requested.emit)
        for case_no in case_numbers:
            action = self.export_menu.addAction(self.tr("Every file of %1…").replace("%1", case_no))
            action.triggered.connect(partial(self.export_case_requested.emit, case_no))

    def _retention_html(self) -> str:
        title, loading = self.tr("Retention"), self.tr("Loading…")
        heading = f"<h4>{html.escape(title)}</h4>"
        retention = self._retention
        if retention is None:
            return heading + f"<p>{html.escape(loading)}</p>"
        if isinstance(retention, str):
            return heading + f"<p style='color:#b00020'>{html.escape(retention)}</p>"
        facts = [
            (self.tr("Class"), class_text(retention.class_code, self._labels.classes)),
            (self.tr("Keep until"), keep_until_text(retention.keep_until)),
            (self.tr("Set by rule"), trigger_name(retention.rule, self._labels.names)),
        ]
        if retention.destroyed:
            facts.append((self.tr("Original"), self.tr("Destroyed; its tombstone keeps every fact")))
        for hold in retention.holds:
            facts.append(
                (
                    self.tr("Legal hold %1").replace("%1", str(hold.id)),
                    f"{hold.reason}（{hold.placed_by} {format_time(hold.placed_at)}）",
                )
            )
        rows = "".join(f"<tr><th align='left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in facts)
        names = self._labels.names
        applied = "".join(
            f"<tr><td>{'▶' if rule.governs else ''}</td><td>{html.escape(trigger_name(rule.trigger, names))}</td>"
            f"<td>{html.escape(period_text(rule.months))}</td></tr>"
            for rule in retention.applied
        )
        title = html.escape(self.tr("Rules that apply (▶ sets the period):"))
        return f"{heading}<table cellspacing='4'>{rows}</table><p>{title}</p><table cellspacing='4'>{applied}</table>"


def _format_text(detail: ClipDetail) -> str:
    clip = detail.clip
    parts = [clip.container or "", clip.video_codec or ""]
    if clip.width and clip.height:
        parts.append(f"{clip.width}×{clip.height}")
    if clip.fps:
        parts.append(f"{clip.fps:g} fps")
    return " ".join(part for part in parts if part)
