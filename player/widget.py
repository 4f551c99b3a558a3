"""PlayerWidget: picture, clip details with the absolute time at the playhead, timeline, transport, keys.

Plays a Playlist: one file, or an officer's day of files on one timeline, played through from one to
the next. Marking is started here by key (M, I/O, Enter) as a draft on the timeline; saving it is the
caller's business (draft_saved), as are the saved marks it is given back (set_marks). Knows nothing
of the archive.
"""

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QFont, QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from player.access import MediaProblem, check_access, source_problem
from player.engine import PlaybackEngine, PlaybackError, PlaybackState
from player.media.byte_source import ByteSource
from player.playlist import MediaKind, Playlist, PlaylistItem
from player.shortcuts import SHORTCUTS, ShortcutsDialog, describe, key_text
from player.timecode import format_position, format_wall_clock
from player.timeline import TimelineMark, TimelineSpan, TimelineWidget
from player.transport import TransportBar
from player.video_surface import SurfaceMode, VideoSurface

NATIVE_PLATFORMS = ("xcb", "windows", "cocoa")  # where libVLC can draw into a Qt window
DRAFT_KEY = "draft"
DRAFT_COLOR = "#f39c12"
VOLUME_STEP = 10


@dataclass(frozen=True)
class Draft:
    """A mark being made: a point, or a segment whose end may not be set yet. Times are in the item."""

    index: int  # playlist item
    start_ms: int
    end_ms: int | None
    segment: bool

    @property
    def complete(self) -> bool:
        return not self.segment or (self.end_ms is not None and self.end_ms > self.start_ms)


class _PhotoLoader(QObject):
    """Loads a photo off the GUI thread (a share that went away can take seconds to say so)."""

    loaded = Signal(int, object, object)  # request number, QImage or None, MediaProblem or None


class PlayerWidget(QWidget):
    """The whole player. `engine` is public for callers that need exact control (stills, tests).

    Signals:
        item_changed(int): another playlist item is now the current one
        position_changed(int): the playhead on the timeline, ms
        draft_changed(object): the Draft being made, or None
        draft_saved(object): Enter on a complete Draft; the caller stores it, then calls clear_draft
        mark_activated(object): the key of a mark clicked on the timeline
        still_requested(): S or the still button
        full_screen_changed(bool)
    """

    item_changed = Signal(int)
    position_changed = Signal(int)
    draft_changed = Signal(object)
    draft_saved = Signal(object)
    mark_activated = Signal(object)
    still_requested = Signal()
    full_screen_changed = Signal(bool)

    def __init__(
        self, parent: QWidget | None = None, *, engine: PlaybackEngine | None = None, native: bool | None = None
    ) -> None:
        super().__init__(parent)
        if native is None:
            native = QGuiApplication.platformName() in NATIVE_PLATFORMS
        self.engine = engine or PlaybackEngine(self)
        self.playlist = Playlist([])
        self._index = 0
        self._draft: Draft | None = None
        self._marks: tuple[TimelineMark, ...] = ()
        self._photo_request = 0
        self._photo_loader = _PhotoLoader(self)
        self._photo_loader.loaded.connect(self._on_photo_loaded)
        self._help: ShortcutsDialog | None = None

        self.surface = VideoSurface(self, native=native)
        self.timeline = TimelineWidget(self)
        self.actions_by_name = self._make_actions()
        self.transport = TransportBar(self.actions_by_name, self)
        self._build_layout()
        self._connect()
        self._show_item_details(None)

    # --- layout ---

    def _build_layout(self) -> None:
        self.file_label = QLabel(self)
        bold = QFont(self.file_label.font())
        bold.setBold(True)
        self.file_label.setFont(bold)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.officer_label = QLabel(self)
        self.device_label = QLabel(self)
        self.clock_label = QLabel(self)
        clock_font = QFont("monospace")
        clock_font.setStyleHint(QFont.StyleHint.Monospace)
        clock_font.setPointSizeF(self.font().pointSizeF() * 1.35)
        clock_font.setBold(True)
        self.clock_label.setFont(clock_font)
        self.clock_label.setToolTip(self.tr("Recording time at the playhead (device clock corrected)"))
        self.position_label = QLabel(self)
        self.position_label.setFont(QFont(clock_font.family()))
        self.item_label = QLabel(self)

        details = QHBoxLayout()
        details.addWidget(self.file_label)
        details.addSpacing(16)
        details.addWidget(self.officer_label)
        details.addSpacing(16)
        details.addWidget(self.device_label)
        details.addSpacing(16)
        details.addWidget(self.item_label)
        details.addStretch(1)
        details.addWidget(self.clock_label)
        details.addSpacing(12)
        details.addWidget(self.position_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(details)
        layout.addWidget(self.surface, 1)
        layout.addWidget(self.timeline)
        layout.addWidget(self.transport)
        self.surface.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _make_actions(self) -> dict[str, QAction]:
        texts = {
            "toggle_play": self.tr("Play / pause"),
            "pause": self.tr("Pause"),
            "slower": self.tr("Slower"),
            "play_faster": self.tr("Play / faster"),
            "frame_back": self.tr("Frame back"),
            "frame_forward": self.tr("Frame forward"),
            "back_5s": self.tr("−5 s"),
            "forward_5s": self.tr("+5 s"),
            "back_30s": self.tr("−30 s"),
            "forward_30s": self.tr("+30 s"),
            "stop": self.tr("Stop"),
            "volume_up": self.tr("Volume up"),
            "volume_down": self.tr("Volume down"),
            "mute": self.tr("Mute"),
            "mark_point": self.tr("Marker"),
            "segment_in": self.tr("In"),
            "segment_out": self.tr("Out"),
            "save_draft": self.tr("Save mark"),
            "clear_draft": self.tr("Discard mark"),
            "still": self.tr("Still"),
            "full_screen": self.tr("Full screen"),
            "help": self.tr("Shortcuts"),
        }
        handlers = {
            "toggle_play": self.engine.toggle_play,
            "pause": self.engine.pause,
            "slower": self.engine.slower,
            "play_faster": self._play_or_faster,
            "frame_back": lambda: self.engine.step(-1),
            "frame_forward": lambda: self.engine.step(1),
            "back_5s": lambda: self.jump(-5_000),
            "forward_5s": lambda: self.jump(5_000),
            "back_30s": lambda: self.jump(-30_000),
            "forward_30s": lambda: self.jump(30_000),
            "stop": self.engine.stop,
            "volume_up": lambda: self.engine.set_volume(self.engine.volume + VOLUME_STEP),
            "volume_down": lambda: self.engine.set_volume(self.engine.volume - VOLUME_STEP),
            "mute": lambda: self.engine.set_muted(not self.engine.muted),
            "mark_point": self.mark_point,
            "segment_in": self.mark_in,
            "segment_out": self.mark_out,
            "save_draft": self.save_draft,
            "clear_draft": self._escape,
            "still": self.still_requested.emit,
            "full_screen": self.toggle_full_screen,
            "help": self.show_shortcuts,
        }
        keys = {shortcut.name: shortcut for shortcut in SHORTCUTS}
        actions = {}
        for name, text in texts.items():
            action = QAction(text, self)
            action.setObjectName(name)
            shortcut = keys.get(name)
            if shortcut is not None:
                action.setShortcuts([QKeySequence(key) for key in shortcut.keys])
                action.setToolTip(f"{describe(shortcut)} ({key_text(shortcut)})")
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(handlers[name])
            self.addAction(action)
            actions[name] = action
        return actions

    def _connect(self) -> None:
        engine = self.engine
        engine.state_changed.connect(self._on_state_changed)
        engine.position_changed.connect(self._on_position_changed)
        engine.duration_changed.connect(self._on_duration_changed)
        engine.frame_ready.connect(self.surface.set_frame)
        engine.video_size_changed.connect(self.surface.set_video_size)
        engine.waveform_ready.connect(self.surface.set_waveform)
        engine.rate_changed.connect(self.transport.show_speed)
        engine.volume_changed.connect(self.transport.show_volume)
        engine.failed.connect(self._on_failed)
        engine.ended.connect(self._on_ended)
        self.timeline.seek_requested.connect(self.seek)
        self.timeline.mark_activated.connect(self.mark_activated)
        self.transport.speed_chosen.connect(engine.set_rate)
        self.transport.volume_chosen.connect(engine.set_volume)
        self.surface.retry_requested.connect(self.reload)

    # --- what plays ---

    @property
    def current_index(self) -> int:
        return self._index

    @property
    def current_item(self) -> PlaylistItem | None:
        return self.playlist.items[self._index] if self.playlist.items else None

    @property
    def local_position_ms(self) -> int:
        """The playhead inside the current item."""
        return self.engine.position_ms

    @property
    def position_ms(self) -> int:
        """The playhead on the timeline."""
        return self.playlist.timeline_ms(self._index, self.engine.position_ms) if self.playlist.items else 0

    def open_item(self, item: PlaylistItem, *, start_ms: int = 0, play: bool = False) -> None:
        self.set_playlist(Playlist([item]), local_ms=start_ms, play=play)

    def set_playlist(self, playlist: Playlist, *, index: int = 0, local_ms: int = 0, play: bool = False) -> None:
        """Show these items on the timeline and open one of them."""
        self.playlist = playlist
        self.clear_draft()
        self.timeline.set_duration(playlist.duration_ms)
        self.timeline.set_spans(
            [TimelineSpan(item.start_ms, item.end_ms, item.file_name) for item in playlist.items]
            if playlist.has_gaps
            else []
        )
        first = playlist.items[0] if playlist.items else None
        self.timeline.set_origin(first.wall_clock(-first.start_ms) if first and first.origin else None)
        if playlist.items:
            self._open(index, local_ms, play)
        else:
            self.engine.close()
            self.surface.clear()
            self._show_item_details(None)

    def reload(self) -> None:
        """Open the current item again (after the share came back)."""
        if self.playlist.items:
            self._open(self._index, self.engine.position_ms, play=False)

    def _open(self, index: int, local_ms: int, play: bool) -> None:
        item = self.playlist.items[index]
        self._index = index
        self._show_item_details(item)
        self.item_changed.emit(index)
        if item.kind is MediaKind.PHOTO:
            self.engine.close()
            self._load_photo(item)
            return
        if item.kind is MediaKind.AUDIO:
            self.surface.show_audio()
            self.engine.set_window(None)
        else:
            self.surface.show_video()
            self.engine.set_window(self.surface.native_handle())
        audio_only = item.kind is MediaKind.AUDIO
        media: Path | ByteSource = item.path if item.source is None else item.source()
        self.engine.open(media, start_ms=local_ms, play=play, root=item.root, audio_only=audio_only)
        self.timeline.set_position(self.playlist.timeline_ms(index, local_ms))

    def _load_photo(self, item: PlaylistItem) -> None:
        self.surface.clear()
        self._photo_request += 1
        request, loader = self._photo_request, self._photo_loader

        def load() -> None:
            image, problem = _read_photo(item)
            if image is not None and image.isNull():
                image, problem = None, MediaProblem.DAMAGED
            loader.loaded.emit(request, image, problem)

        threading.Thread(target=load, name="photo", daemon=True).start()

    @Slot(int, object, object)
    def _on_photo_loaded(self, request: int, image: QImage | None, problem: MediaProblem | None) -> None:
        if request != self._photo_request:
            return
        if image is not None:
            self.surface.show_photo(image)
        else:
            item = self.current_item
            self._on_failed(PlaybackError(problem or MediaProblem.DAMAGED, item.path if item else Path()))

    # --- transport ---

    def seek(self, timeline_ms: int) -> None:
        """Go to a point on the timeline; in a gap, to the start of the next clip."""
        if not self.playlist.items:
            return
        location = self.playlist.locate(timeline_ms)
        if location.index != self._index or self.engine.state is PlaybackState.FAILED:
            self._open(location.index, location.local_ms, play=self.engine.state is PlaybackState.PLAYING)
        else:
            self.engine.seek(location.local_ms)

    def jump(self, delta_ms: int) -> None:
        self.seek(self.position_ms + delta_ms)

    def _play_or_faster(self) -> None:
        if self.engine.state is PlaybackState.PLAYING:
            self.engine.faster()
        else:
            self.engine.play()

    def toggle_full_screen(self) -> None:
        window = self.window()
        if window.isFullScreen():
            window.showNormal()
        else:
            window.showFullScreen()
        self.full_screen_changed.emit(window.isFullScreen())

    def show_shortcuts(self) -> None:
        if self._help is None:
            self._help = ShortcutsDialog(self)
        self._help.open()

    def _escape(self) -> None:
        if self._draft is not None:
            self.clear_draft()
        elif self.window().isFullScreen():
            self.toggle_full_screen()

    # --- marking ---

    @property
    def draft(self) -> Draft | None:
        return self._draft

    def mark_point(self) -> None:
        self._set_draft(Draft(self._index, self.local_position_ms, None, segment=False))

    def mark_in(self) -> None:
        end = None
        if self._draft and self._draft.segment and self._draft.index == self._index:
            end = self._draft.end_ms if (self._draft.end_ms or 0) > self.local_position_ms else None
        self._set_draft(Draft(self._index, self.local_position_ms, end, segment=True))

    def mark_out(self) -> None:
        here = self.local_position_ms
        draft = self._draft
        start = draft.start_ms if draft and draft.segment and draft.index == self._index else 0
        self._set_draft(Draft(self._index, min(start, here), max(start, here), segment=True))

    def save_draft(self) -> None:
        if self._draft is not None and self._draft.complete:
            self.draft_saved.emit(self._draft)

    def clear_draft(self) -> None:
        self._set_draft(None)

    def _set_draft(self, draft: Draft | None) -> None:
        self._draft = draft
        self._refresh_marks()
        self.draft_changed.emit(draft)

    def set_marks(self, marks: list[TimelineMark]) -> None:
        """Saved marks, in timeline ms (the caller converts from its own records)."""
        self._marks = tuple(marks)
        self._refresh_marks()

    def _refresh_marks(self) -> None:
        marks = list(self._marks)
        draft = self._draft
        if draft is not None and self.playlist.items:
            start = self.playlist.timeline_ms(draft.index, draft.start_ms)
            end = None if draft.end_ms is None else self.playlist.timeline_ms(draft.index, draft.end_ms)
            marks.append(TimelineMark(DRAFT_KEY, start, end, DRAFT_COLOR, self.tr("Not saved yet"), draft=True))
        self.timeline.set_marks(marks)

    # --- engine events ---

    @Slot(object)
    def _on_state_changed(self, state: PlaybackState) -> None:
        self.transport.show_playing(state is PlaybackState.PLAYING)

    @Slot(int)
    def _on_position_changed(self, local_ms: int) -> None:
        item = self.current_item
        if item is None:
            return
        timeline_ms = self.playlist.timeline_ms(self._index, local_ms)
        self.timeline.set_position(timeline_ms)
        moment = item.wall_clock(local_ms)
        self.clock_label.setText(format_wall_clock(moment) if moment else "")
        duration = self.engine.duration_ms or item.duration_ms
        self.position_label.setText(f"{format_position(local_ms)} / {format_position(duration)}")
        if duration and self.surface.mode is SurfaceMode.AUDIO:
            self.surface.set_audio_position(local_ms / duration)
        self.position_changed.emit(timeline_ms)

    @Slot(int)
    def _on_duration_changed(self, duration_ms: int) -> None:
        """A single file's own length wins over what was known beforehand (the day keeps its layout)."""
        if len(self.playlist) == 1 and duration_ms and duration_ms != self.playlist.items[0].duration_ms:
            self.playlist = self.playlist.with_duration(0, duration_ms)
            self.timeline.set_duration(duration_ms)
            self._refresh_marks()
        self._on_position_changed(self.engine.position_ms)

    @Slot()
    def _on_ended(self) -> None:
        """Play through: the next clip of the day starts where this one ended."""
        if self._index + 1 < len(self.playlist):
            self._open(self._index + 1, 0, play=True)

    @Slot(object)
    def _on_failed(self, error: PlaybackError) -> None:
        titles = {
            MediaProblem.MISSING: self.tr("The file is missing"),
            MediaProblem.UNREACHABLE: self.tr("The archive cannot be reached"),
            MediaProblem.UNREADABLE: self.tr("The file cannot be read"),
            MediaProblem.DAMAGED: self.tr("The file is damaged"),
            MediaProblem.NO_RESPONSE: self.tr("The file does not respond"),
            MediaProblem.NO_PLAYER: self.tr("The video player is not installed"),
        }
        texts = {
            MediaProblem.MISSING: self.tr("%1 is not where the archive keeps it. Ask the archive administrator."),
            MediaProblem.UNREACHABLE: self.tr(
                "The archive share holding %1 is offline. Check the network connection to the file server, "
                "then try again."
            ),
            MediaProblem.UNREADABLE: self.tr("This workstation has no permission to read %1."),
            MediaProblem.DAMAGED: self.tr(
                "%1 cannot be decoded: it is corrupt or was cut short when it was recorded. The original is kept "
                "unchanged as evidence."
            ),
            MediaProblem.NO_RESPONSE: self.tr(
                "%1 did not start playing in time. The archive share may be slow or offline; try again."
            ),
            MediaProblem.NO_PLAYER: self.tr("Install VLC 3.0 (libVLC) to play recordings."),
        }
        name = self.current_item.file_name if self.current_item else error.path.name
        retry = error.problem in (MediaProblem.UNREACHABLE, MediaProblem.NO_RESPONSE, MediaProblem.MISSING)
        self.surface.show_message(titles[error.problem], texts[error.problem].replace("%1", name), retry=retry)

    def _show_item_details(self, item: PlaylistItem | None) -> None:
        self.file_label.setText(item.file_name if item else self.tr("No file open"))
        self.officer_label.setText(self.tr("Officer: %1").replace("%1", item.officer) if item and item.officer else "")
        self.device_label.setText(self.tr("Device: %1").replace("%1", item.device) if item and item.device else "")
        many = len(self.playlist) > 1
        self.item_label.setText(
            self.tr("Clip %1 of %2").replace("%1", str(self._index + 1)).replace("%2", str(len(self.playlist)))
            if many
            else ""
        )
        moment = item.wall_clock(0) if item else None
        self.clock_label.setText(format_wall_clock(moment) if moment else "")
        self.position_label.setText("")
        enabled = item is not None and item.kind is not MediaKind.PHOTO
        for name in ("toggle_play", "frame_back", "frame_forward", "back_5s", "forward_5s", "back_30s", "forward_30s"):
            self.actions_by_name[name].setEnabled(enabled)
        self.actions_by_name["still"].setEnabled(item is not None and item.kind is MediaKind.VIDEO)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.engine.close()
        super().closeEvent(event)


def _read_photo(item: PlaylistItem) -> tuple[QImage | None, MediaProblem | None]:
    """(worker thread) The item's photo from its file or its ByteSource, or what is wrong."""
    if item.source is None:
        problem = check_access(item.path, item.root)
        return (QImage(str(item.path)) if problem is None else None), problem
    source = item.source()
    try:
        return QImage.fromData(source.read_at(0, source.size)), None
    except OSError as error:
        return None, source_problem(error)
    finally:
        source.close()
