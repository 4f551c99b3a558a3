"""PlayerWindow: plays archive footage with its markers and segments; marking, stills, an officer's day; the
pre-screen's findings on the clips as bands below the timeline, and a reviewer's 确认 / 排除 of them.

Glue between the archive services (markers, stills, officer_day, clips) and the archive-agnostic
player: clips become PlaylistItems, markers become TimelineMarks, the player's drafts become saved
markers. Every call to the archive client runs on the application's archive thread (ui.common.tasks); only
dataclasses come back. The files are played from the byte sources the client makes for each viewing
(`media_source`: the archive's file, or a stream from the archive server), so both play the same way.
"""

import tempfile
import threading
import weakref
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar, cast

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QCloseEvent, QImage
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from player.engine import PlaybackEngine
from player.media.byte_source import ByteSource, ByteSourceFactory
from player.playlist import MediaKind, Playlist, PlaylistItem
from player.timecode import format_position, format_wall_clock
from player.timeline import TimelineBand, TimelineMark
from player.widget import Draft, PlayerWidget
from ui.common.findings_text import finding_line
from ui.common.labels import event_name, finding_color, finding_kind_name, finding_status_name
from ui.common.messages import failure_text
from ui.common.tasks import Operations
from ui.playback.findings_panel import FindingsPanel
from ui.playback.marker_panel import MarkerPanel
from workstation.access.types import Viewing
from workstation.client import ArchiveClient
from workstation.errors import PermissionDenied
from workstation.footage.types import ClipRow, DayEvent, DeviceEventType, MarkerCategoryRow, MarkerRow, OfficerDay
from workstation.prescreen.types import Finding, FindingStatus
from workstation.types import FileType, MediaStatus

EVENT_COLOR = "#95a5a6"
SHOWN_EVENTS = (
    DeviceEventType.ABNORMAL_INTERRUPTION,
    DeviceEventType.POWER_OFF,
    DeviceEventType.LOW_BATTERY,
    DeviceEventType.BATTERY_CHANGE,
)
KINDS = {FileType.VIDEO: MediaKind.VIDEO, FileType.AUDIO: MediaKind.AUDIO, FileType.PHOTO: MediaKind.PHOTO}


_Result = TypeVar("_Result")  # what a worker's job returns to its done callback


class PlayerWindow(QMainWindow):
    """One clip, or one officer's day, with the markers of the clips shown.

    `busy` is True while a database task is running (tests wait on it).

    Signals: finding_decided(int clip id) after a reviewer confirmed or dismissed a finding on that clip.
    """

    finding_decided = Signal(int)

    def __init__(
        self,
        client: ArchiveClient,
        operations: Operations,
        parent: QWidget | None = None,
        *,
        engine: PlaybackEngine | None = None,
        native: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._operations = operations
        self._pending = 0
        self._categories: dict[str, MarkerCategoryRow] = {}
        self._markers: list[MarkerRow] = []
        self._editing: MarkerRow | None = None
        self._day_events: list[tuple[int, DayEvent]] = []  # (timeline ms, event) of an officer's day
        self._viewings: dict[int, Viewing] = {}  # open access-register entries, by entry id
        self._lock = threading.Lock()  # sources are made on the GUI thread and (photos) on workers
        self._sources: weakref.WeakKeyDictionary[ByteSource, int] = weakref.WeakKeyDictionary()  # → entry id
        self.setWindowTitle(self.tr("Footage playback"))

        self.player = PlayerWidget(self, engine=engine, native=native)
        self.panel = MarkerPanel(self)
        self.findings = FindingsPanel(self)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fdebd0; color: #7e5109; padding: 4px")
        self.banner.hide()
        self.status = QLabel(self)
        self.statusBar().addWidget(self.status, 1)

        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.banner)
        column.addWidget(self.player, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.side = QSplitter(Qt.Orientation.Vertical, self)
        self.side.addWidget(self.panel)
        self.side.addWidget(self.findings)
        self.side.setSizes([500, 300])
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 400])
        self.setCentralWidget(self.splitter)
        self.resize(1400, 820)

        self.player.draft_saved.connect(self._on_draft_saved)
        self.player.draft_changed.connect(self._on_draft_changed)
        self.player.mark_activated.connect(self._on_mark_activated)
        self.player.still_requested.connect(self.save_still)
        self.player.full_screen_changed.connect(lambda full: self.side.setVisible(not full))
        self.player.actions_by_name["save_draft"].triggered.connect(self._on_enter)
        self.panel.marker_selected.connect(self._on_marker_selected)
        self.panel.save_clicked.connect(self._on_save_clicked)
        self.panel.delete_clicked.connect(self._delete_marker)
        self.panel.new_clicked.connect(self._stop_editing)
        self.player.timeline.band_activated.connect(self.findings.select)
        self.findings.finding_selected.connect(self._on_finding_selected)
        self.findings.decide_requested.connect(self.decide_finding)
        self.player.engine.closed.connect(self._on_media_closed)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    # --- opening ---

    def open_clip(self, clip_id: int, start_ms: int = 0) -> None:
        """Load the clip's record, the vocabulary and the clip's markers, then open it in the player."""

        client = self._client

        def load() -> tuple[ClipRow | None, Viewing, list[MarkerCategoryRow], list[MarkerRow]]:
            # checks the right to view (PermissionDenied otherwise) and registers the viewing (003 第二十二条)
            viewing = self._register(client.start_viewing(clip_id))
            rows = client.get_clips([clip_id])
            return (rows[0] if rows else None, viewing, client.marker_categories(), client.list_markers([clip_id]))

        self._run(load, lambda result: self._show_clip(*result, start_ms=start_ms))

    def open_officer_day(self, badge_no: str, day: date) -> None:
        """All of an officer's video and audio of a day on one timeline, gaps shown, played through."""

        client = self._client

        def load() -> tuple[OfficerDay, dict[int, Viewing], list[MarkerCategoryRow], list[MarkerRow]]:
            found, viewings = self._viewable(client.officer_day(badge_no, day))
            clip_ids = [clip.clip_id for clip in found.clips]
            return found, viewings, client.marker_categories(), client.list_markers(clip_ids)

        self._run(load, lambda result: self._show_day(*result))

    def _show_clip(
        self,
        row: ClipRow | None,
        viewing: Viewing,
        categories: list[MarkerCategoryRow],
        marker_rows: list[MarkerRow],
        start_ms: int,
    ) -> None:
        if row is None:
            self._say(self.tr("This file is no longer in the archive."))
            return
        self._set_categories(categories)
        officer = f"{row.officer_name} ({row.badge_no})" if row.officer_name else (row.badge_no or "")
        item = PlaylistItem(
            Path(row.original_name),
            KINDS.get(row.file_type, MediaKind.VIDEO),
            duration_ms=row.duration_ms or 0,
            origin=row.recorded_start + timedelta(milliseconds=row.clock_offset_ms),
            file_name=row.original_name,
            officer=officer,
            device=row.device_no or "",
            key=row.id,
            source=self._source_factory(viewing),
        )
        self._day_events = []
        self.setWindowTitle(self.tr("Playback — %1").replace("%1", row.original_name))
        self._show_banner(row.media_status, row.media_problem)
        self.player.open_item(item, start_ms=start_ms)
        self._set_markers(marker_rows)
        self._reload_findings()

    def _show_day(
        self,
        day: OfficerDay,
        viewings: dict[int, Viewing],
        categories: list[MarkerCategoryRow],
        marker_rows: list[MarkerRow],
    ) -> None:
        self._set_categories(categories)
        title = self.tr("%1 (%2), %3").replace("%1", day.officer_name).replace("%2", day.badge_no)
        self.setWindowTitle(self.tr("An officer's day — %1").replace("%1", title.replace("%3", f"{day.day:%Y-%m-%d}")))
        self.banner.hide()
        if not day.clips:
            self.player.set_playlist(Playlist([]))
            self._say(self.tr("No recordings of %1 on this day.").replace("%1", title.replace("%3", "")))
            return
        first = day.clips[0].start
        officer = f"{day.officer_name} ({day.badge_no})"
        items = [
            PlaylistItem(
                Path(clip.original_name),
                KINDS.get(clip.file_type, MediaKind.VIDEO),
                start_ms=int((clip.start - first).total_seconds() * 1000),
                duration_ms=clip.duration_ms,
                origin=clip.start,
                file_name=clip.original_name,
                officer=officer,
                device=clip.device_no or "",
                key=clip.clip_id,
                source=self._source_factory(viewings[clip.clip_id]),
            )
            for clip in day.clips
        ]
        self._day_events = [
            (int((event.occurred_at - first).total_seconds() * 1000), event)
            for event in day.events
            if event.event_type in SHOWN_EVENTS and event.occurred_at >= first
        ]
        self.player.set_playlist(Playlist(items))
        self._set_markers(marker_rows)
        self._reload_findings()
        gap_minutes = sum(gap.duration_ms for gap in day.gaps) // 60_000
        self._say(
            self.tr("%1 recordings, %2 gaps (%3 min without recording)")
            .replace("%1", str(len(items)))
            .replace("%2", str(len(day.gaps)))
            .replace("%3", str(gap_minutes))
        )

    def _show_banner(self, status: MediaStatus, problem: str) -> None:
        texts = {
            MediaStatus.CORRUPT: self.tr("Ingest found this file damaged: %1"),
            MediaStatus.TRUNCATED: self.tr("Ingest found this file incomplete: %1"),
            MediaStatus.MISSING: self.tr("The last verification did not find this file: %1"),
            MediaStatus.MISMATCH: self.tr("The last verification found this file changed since ingest: %1"),
            MediaStatus.UNATTESTED: self.tr(
                "The last verification could not prove this file against the audit log: %1"
            ),
        }
        text = texts.get(status)
        self.banner.setVisible(text is not None)
        if text is not None:
            self.banner.setText(text.replace("%1", problem))

    # --- markers on the timeline and in the list ---

    def _set_categories(self, categories: list[MarkerCategoryRow]) -> None:
        self._categories = {category.code: category for category in categories}
        self.panel.set_categories([category for category in categories if category.active])

    def _item_index(self, clip_id: int) -> int | None:
        for index, item in enumerate(self.player.playlist.items):
            if item.key == clip_id:
                return index
        return None

    def _set_markers(self, rows: list[MarkerRow]) -> None:
        playlist = self.player.playlist
        found = [(row, self._item_index(row.clip_id)) for row in rows]
        shown = [(row, index) for row, index in found if index is not None]
        shown.sort(key=lambda pair: (playlist.timeline_ms(pair[1], pair[0].start_ms), pair[0].id))
        self._markers = [row for row, _ in shown]
        marks = []
        for row, index in shown:
            category = self._categories.get(row.category)
            label = f"{category.name if category else row.category} {self._time_text(row)} {row.note}".strip()
            marks.append(
                TimelineMark(
                    row.id,
                    playlist.timeline_ms(index, row.start_ms),
                    None if row.end_ms is None else playlist.timeline_ms(index, row.end_ms),
                    category.color if category else EVENT_COLOR,
                    label,
                )
            )
        for number, (timeline_ms, event) in enumerate(self._day_events):
            label = f"{format_wall_clock(event.occurred_at)} {event_name(event.event_type)} ({event.device_no})"
            marks.append(TimelineMark(("event", number), timeline_ms, None, EVENT_COLOR, label))
        self.player.set_marks(marks)
        self.panel.set_markers(self._markers, self._time_text, self._categories.get)
        if self._editing is not None:
            self._editing = next((row for row in self._markers if row.id == self._editing.id), None)
        self._refresh_form()

    def _time_text(self, row: MarkerRow) -> str:
        """When in the recording (wall-clock time where the clip has one): a point, or start–end."""
        return self._span_text(row.clip_id, row.start_ms, row.end_ms, milliseconds=True)

    def _finding_time(self, row: Finding) -> str:
        """A finding's span to the second (the detectors sample a few times a second at most)."""
        end = None if row.end_ms <= row.start_ms else row.end_ms
        return self._span_text(row.clip_id, row.start_ms, end, milliseconds=False)

    def _span_text(self, clip_id: int | None, start_ms: int, end_ms: int | None, *, milliseconds: bool) -> str:
        index = self._item_index(clip_id) if clip_id is not None else None
        item = self.player.playlist.items[index] if index is not None else None

        def at(ms: int) -> str:
            moment = item.wall_clock(ms) if item else None
            if moment is None:
                return format_position(ms, milliseconds=milliseconds)
            return f"{moment:%H:%M:%S}" + (f".{moment.microsecond // 1000:03d}" if milliseconds else "")

        return at(start_ms) if end_ms is None else f"{at(start_ms)}–{at(end_ms)}"

    # --- the pre-screen's findings: bands below the track, the list beside the markers ---

    def _reload_findings(self) -> None:
        clip_ids = [cast(int, item.key) for item in self.player.playlist.items]  # the keys are clip ids
        client = self._client
        if clip_ids:
            self._run(lambda: client.clip_findings(clip_ids), self._set_findings)

    def _set_findings(self, found: list[Finding]) -> None:
        """The findings on the clips shown (an officer's-day finding on no clip, a gap say, is not drawn)."""
        playlist = self.player.playlist
        placed = [(row, self._item_index(row.clip_id)) for row in found if row.clip_id is not None]
        shown = sorted(
            ((row, index) for row, index in placed if index is not None),
            key=lambda pair: (playlist.timeline_ms(pair[1], pair[0].start_ms), pair[0].id),
        )
        bands = [
            TimelineBand(
                row.id,
                playlist.timeline_ms(index, row.start_ms),
                playlist.timeline_ms(index, max(row.end_ms, row.start_ms)),
                finding_color(row.kind),
                f"{self._finding_time(row)} {finding_line(row)}",
                faded=row.status is FindingStatus.DISMISSED,
            )
            for row, index in shown
        ]
        self.player.timeline.set_bands(bands)
        self.findings.set_findings([row for row, _ in shown], self._finding_time)

    def _on_finding_selected(self, row: Finding) -> None:
        index = self._item_index(row.clip_id) if row.clip_id is not None else None
        if index is not None:
            self.player.seek(self.player.playlist.timeline_ms(index, row.start_ms))

    def decide_finding(self, row: Finding, confirmed: bool, note: str) -> None:
        """确认 / 排除 a finding (the panel's buttons): through the client, which checks the reviewer's right and
        audits it; the list and the bands then show the decision and who made it."""
        client = self._client

        def done(decided: Finding) -> None:
            self._say(
                self.tr("%1: %2")
                .replace("%1", finding_kind_name(decided.kind))
                .replace("%2", finding_status_name(decided.status))
            )
            if decided.clip_id is not None:
                self.finding_decided.emit(decided.clip_id)
            self._reload_findings()

        self._run(lambda: client.decide_finding(row.id, confirmed, note), done)

    # --- marking ---

    def _on_marker_selected(self, row: MarkerRow) -> None:
        index = self._item_index(row.clip_id)
        if index is not None:
            self.player.seek(self.player.playlist.timeline_ms(index, row.start_ms))
        self._editing = row
        self.player.clear_draft()
        self.player.timeline.set_selected(row.id)
        self.panel.set_category(row.category)
        self.panel.note.setText(row.note)
        self._refresh_form()

    def _on_mark_activated(self, key: Any) -> None:
        row = next((row for row in self._markers if row.id == key), None)
        if row is not None:
            self.panel.select(row.id)
            self._on_marker_selected(row)

    def _stop_editing(self) -> None:
        self._editing = None
        self.player.timeline.set_selected(None)
        self.panel.select(None)
        self.panel.note.clear()
        self._refresh_form()

    def _on_draft_changed(self, draft: Draft | None) -> None:  # noqa: ARG002 - the form reads the player's draft
        self._refresh_form()

    def _refresh_form(self) -> None:
        draft, editing = self.player.draft, self._editing
        if editing is not None and editing.author != self._client.who.name:
            text = self.tr("Added by %1: only they may change it.").replace("%1", editing.author)
            self.panel.show_form(text, editable=False, deletable=False)
            return
        if editing is not None:
            times = self._time_text(editing)
            if draft is not None:
                times = self.tr("%1, moving to %2").replace("%1", times).replace("%2", self._draft_text(draft))
            self.panel.show_form(
                self.tr("Editing the marker at %1").replace("%1", times), editable=True, deletable=True
            )
            return
        if draft is None:
            self.panel.show_form(
                self.tr("Press M for a marker, I and O for a segment."), editable=False, deletable=False
            )
            return
        self.panel.show_form(self.tr("New: %1").replace("%1", self._draft_text(draft)), editable=True, deletable=False)

    def _draft_text(self, draft: Draft) -> str:
        item = self.player.playlist.items[draft.index]

        def at(ms: int) -> str:
            moment = item.wall_clock(ms)
            return f"{moment:%H:%M:%S}.{moment.microsecond // 1000:03d}" if moment else format_position(ms)

        if not draft.segment:
            return self.tr("marker at %1").replace("%1", at(draft.start_ms))
        end = at(draft.end_ms) if draft.end_ms is not None else self.tr("(press O for the end)")
        return self.tr("segment %1 – %2").replace("%1", at(draft.start_ms)).replace("%2", end)

    def _on_draft_saved(self, draft: Draft) -> None:
        clip_id = cast(int, self.player.playlist.items[draft.index].key)  # the keys are clip ids
        category, note, editing = self.panel.category_code(), self.panel.note.text(), self._editing
        if category is None:
            return
        client = self._client
        if editing is not None and editing.clip_id == clip_id:

            def save() -> MarkerRow:
                return client.update_marker(
                    editing.id, start_ms=draft.start_ms, end_ms=draft.end_ms, category=category, note=note
                )

        else:

            def save() -> MarkerRow:
                return client.add_marker(clip_id, draft.start_ms, draft.end_ms, category, note)

        self._run(save, self._after_save)

    def _on_save_clicked(self) -> None:
        if self.player.draft is not None:
            self.player.save_draft()  # comes back as draft_saved
        else:
            self._on_enter()

    def _on_enter(self) -> None:
        """Enter without a draft saves the category and note of the marker being edited.

        (With a draft the player emits draft_saved, handled by _on_draft_saved.)
        """
        editing, category = self._editing, self.panel.category_code()
        if self.player.draft is not None or editing is None or editing.author != self._client.who.name or not category:
            return
        note, client = self.panel.note.text(), self._client

        def save() -> MarkerRow:
            return client.update_marker(
                editing.id, start_ms=editing.start_ms, end_ms=editing.end_ms, category=category, note=note
            )

        self._run(save, self._after_save)

    def _after_save(self, row: MarkerRow) -> None:
        self.player.clear_draft()
        self._editing = None
        self.panel.note.clear()
        self.player.timeline.set_selected(None)
        self._say(self.tr("Saved: %1").replace("%1", self._time_text(row)))
        self._reload_markers()

    def _delete_marker(self) -> None:
        editing = self._editing
        if editing is None:
            return

        client = self._client

        def delete() -> None:
            client.delete_marker(editing.id)

        def done(_: None) -> None:
            self._stop_editing()
            self._say(self.tr("Marker deleted."))
            self._reload_markers()

        self._run(delete, done)

    def _reload_markers(self) -> None:
        clip_ids = [cast(int, item.key) for item in self.player.playlist.items]  # the keys are clip ids

        client = self._client
        self._run(lambda: client.list_markers(clip_ids), self._set_markers)

    # --- stills ---

    def save_still(self) -> None:
        """The frame on screen, as PNG with its source recorded in it, into the archive's stills."""
        item = self.player.current_item
        if item is None or item.kind is not MediaKind.VIDEO:
            return
        position = self.player.local_position_ms
        with tempfile.TemporaryDirectory(prefix="still-") as folder:
            target = Path(folder) / "frame.png"
            image = QImage(str(target)) if self.player.engine.snapshot(target) else QImage()
        if image.isNull():
            self._say(self.tr("No picture to save yet."))
            return
        moment = item.wall_clock(position)
        image.setText("Source", item.file_name)
        image.setText("Position", format_position(position))
        if moment is not None:
            image.setText("Recorded", format_wall_clock(moment))
        png = _png_bytes(image)
        clip_id = cast(int, item.key)  # the keys are clip ids

        client = self._client
        self._run(
            lambda: client.record_still(clip_id, position, png),
            lambda still: self._say(self.tr("Still saved: %1").replace("%1", format_wall_clock(still.shown_at))),
        )

    # --- plumbing ---

    def _run(self, work: Callable[[], _Result], on_done: Callable[[_Result], None]) -> None:
        self._pending += 1

        def done(value: _Result) -> None:
            self._pending -= 1
            on_done(value)

        def failed(error: Exception) -> None:
            self._pending -= 1
            self._say(failure_text(error))

        self._operations.run(self, work, done, failed)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # --- the access register: every playback is registered, with how long it was played ---

    def _register(self, viewing: Viewing) -> Viewing:
        """(worker thread) Remember an open register entry until its footage is closed."""
        with self._lock:
            self._viewings[viewing.entry_id] = viewing
        return viewing

    def _viewable(self, day: OfficerDay) -> tuple[OfficerDay, dict[int, Viewing]]:
        """(worker thread) The day's clips the user may view, each registered (its viewing by clip id); the
        others are left out."""
        viewings: dict[int, Viewing] = {}
        for clip in day.clips:
            try:
                viewings[clip.clip_id] = self._register(self._client.start_viewing(clip.clip_id))
            except PermissionDenied:
                continue
        return replace(day, clips=tuple(clip for clip in day.clips if clip.clip_id in viewings)), viewings

    def _source_factory(self, viewing: Viewing) -> ByteSourceFactory:
        """Makes the viewing's byte source for each opening, remembering which register entry it reads."""
        client = self._client

        def make() -> ByteSource:
            source = client.media_source(viewing)
            with self._lock:
                self._sources[source] = viewing.entry_id
            return source

        return make

    def _on_media_closed(self, media: object, spans: tuple[tuple[int, int], ...]) -> None:
        """The engine closed a source: its register entry is closed with how long it was played (the first
        closing counts; the entry is not reopened when the item is played again)."""
        with self._lock:
            entry_id = self._sources.pop(cast(ByteSource, media), None)
            viewing = self._viewings.pop(entry_id, None) if entry_id is not None else None
        if viewing is None:
            return
        played_ms = sum(end - start for start, end in spans)
        client = self._client
        self._run(lambda: client.finish_viewing(viewing.entry_id, played_ms), lambda _: None)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.player.engine.close()  # queues the register's "finished viewing" (the main window waits for it)
        super().closeEvent(event)


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs type format as bytes; PySide6 wants str
    buffer.close()
    return bytes(data.data())
