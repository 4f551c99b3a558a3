"""PlaybackEngine: libVLC behind integer-millisecond positions and Qt signals.

Exactness: a paused seek shows the picture at the requested time, so frame steps (both directions)
are paused seeks to the middle of the wanted frame. libVLC's own `next_frame` is not used: right
after a seek it repeats a picture once, sometimes on the first call and sometimes on the second
(measured on VLC 3.0.24), so counting with it would drift by a frame. Pausing playback likewise
settles on an exact frame (the interpolated playhead), so the picture on screen is always the frame
at `position_ms` while paused, which is what markers and stills record. A paused seek is sent only
once libVLC has confirmed the pause: sent earlier, one more picture follows the sought one.

Media: a file path, or a `ByteSource` (player.media.byte_source; a stream from the archive server) that
libVLC reads through callbacks. The engine owns an opened ByteSource and closes it with the media. For
a ByteSource the access check reads its first byte instead of looking at shares, and a failed read
while playing fails the media with the problem the error's type says (player.access.source_problem).

Threads: every method runs on the GUI thread. libVLC's event and video callbacks run on its threads
and only emit `_Bridge` signals, which Qt queues to the GUI thread; the engine calls libVLC from there
only (player.libvlc stops a closed player on a thread of its own; the waveform uses its own instance).
"""

import logging
import math
import threading
import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, QSize, QTimer, Signal, SignalInstance, Slot
from PySide6.QtGui import QImage

from player import libvlc, waveform
from player.access import MediaProblem, check_access, check_source, picture_size, source_problem
from player.frames import FrameStore
from player.media.byte_source import ByteSource

_log = logging.getLogger(__name__)

SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
DEFAULT_FRAME_MS = 40.0  # 25 fps, until libVLC reports the real rate (and for audio: the step size)
POSITION_INTERVAL_MS = 33
FRAME_EPSILON = 1e-6  # 90 * (1000 / 30) is 3000.0000000000005: frame arithmetic must not trip on that
OPEN_TIMEOUT_MS = 15_000
SEEK_SETTLE_S = 0.3  # libVLC's time events lag a seek while playing; ignore them this long
WAVEFORM_BUCKETS = 2000
PAUSE_SETTLE_MS = 50  # libVLC reports Paused before its video output has paused (see _on_paused)


class PlaybackState(Enum):
    IDLE = "idle"  # nothing open
    OPENING = "opening"
    PLAYING = "playing"
    PAUSED = "paused"
    ENDED = "ended"
    FAILED = "failed"


@dataclass(frozen=True)
class PlaybackError:
    """Why the open media cannot be played. path is the file, or Path(source.name) of a ByteSource (for
    messages only); detail is the technical cause (for a stream, the server's message)."""

    problem: MediaProblem
    path: Path
    detail: str = ""


class _Bridge(QObject):
    """Carries values from libVLC's and worker threads to the GUI thread (queued connections)."""

    vlc_event = Signal(int, str, int)  # session token, libVLC event name, value (not `event`: QObject.event)
    frame = Signal(int)  # session token
    checked = Signal(int, object, object, str)  # media token, MediaProblem or None, picture size or None, detail
    waveform = Signal(int, object)  # media token, tuple of peaks


def _emit(signal: SignalInstance, *values: object) -> None:
    """Emit from a libVLC or worker thread; the engine may have been deleted meanwhile (program exit)."""
    try:
        signal.emit(*values)
    except RuntimeError:  # "Signal source has been deleted"
        _log.debug("dropped a %s after the engine was deleted", signal)


class _Listener:
    """libVLC event listener for one session: tags each event with the session's token."""

    def __init__(self, bridge: _Bridge, token: int) -> None:
        self._bridge: _Bridge | None = bridge
        self._token = token

    def vlc_event(self, name: str, value: int) -> None:
        bridge = self._bridge
        if bridge is not None:
            _emit(bridge.vlc_event, self._token, name, value)

    def detach(self) -> None:
        """Drop events from now on: the session is closing and the engine may be gone soon."""
        self._bridge = None


class PlaybackEngine(QObject):
    """Plays one video or audio file at a time.

    Video goes into the native window set with `set_window`, or, without one, into memory: then each
    shown picture arrives as `frame_ready` (offscreen use, tests, screenshots).

    Signals:
        state_changed(PlaybackState)
        position_changed(int): ms, while playing about 30 times a second, and after every seek
        duration_changed(int): ms
        video_size_changed(QSize): the picture's visible size
        frame_ready(QImage): memory output only; a copy, safe to keep
        rate_changed(float), volume_changed(int, bool)
        waveform_ready(tuple): peaks 0..1 of an audio-only file (opened with audio_only=True)
        failed(PlaybackError)
        ended()
        closed(object, tuple): a file was closed (or replaced), with the (start_ms, end_ms) spans of it
            that were played: the proof of review that spot checks and the viewing register keep. The
            object is what `open` was given: the Path, or the ByteSource object itself (its identity:
            a source's name is only for display and need not be unique)
    """

    state_changed = Signal(object)
    position_changed = Signal(int)
    duration_changed = Signal(int)
    video_size_changed = Signal(QSize)
    frame_ready = Signal(QImage)
    rate_changed = Signal(float)
    volume_changed = Signal(int, bool)
    waveform_ready = Signal(object)
    failed = Signal(object)
    ended = Signal()
    closed = Signal(object, object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        vlc_options: tuple[str, ...] = libvlc.DEFAULT_OPTIONS,
        open_timeout_ms: int = OPEN_TIMEOUT_MS,
    ) -> None:
        super().__init__(parent)
        self._options = vlc_options
        self._bridge = _Bridge(self)
        self._bridge.vlc_event.connect(self._on_bridge_event)
        self._bridge.frame.connect(self._on_bridge_frame)
        self._bridge.checked.connect(self._on_bridge_checked)
        self._bridge.waveform.connect(self._on_bridge_waveform)
        self._ticker = QTimer(self)
        self._ticker.setInterval(POSITION_INTERVAL_MS)
        self._ticker.timeout.connect(self._tick)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(open_timeout_ms)
        self._watchdog.timeout.connect(self._on_watchdog)
        self._window: int | None = None
        self._session: libvlc.VlcPlayer | None = None
        self._listener: _Listener | None = None
        self._frames: FrameStore | None = None
        self._token = 0  # identifies the libVLC session: events of earlier sessions are dropped
        self._media_token = 0  # identifies the opened file (a restart after the end keeps it)
        self._media: Path | ByteSource | None = None
        self._audio_only = False
        self._state = PlaybackState.IDLE
        self._duration_ms = 0
        self._position_ms = 0
        self._anchor_ms, self._anchor_clock, self._settle_until = 0, 0.0, 0.0
        self._frame_ms = DEFAULT_FRAME_MS
        self._video_size = QSize()
        self._picture_size: tuple[int, int] | None = None  # from the file's header, when it says
        self._checked = False  # the access check has answered for the open file
        self._deferred_failure: tuple[MediaProblem, str] | None = None  # libVLC's, until the check answers
        self._rate = 1.0
        self._volume, self._muted = 100, False
        self._starting = False  # play() sent; not yet known to be playable
        self._reported_playing = False  # libVLC has sent Playing since play()
        self._last_vlc_time: int | None = None  # the latest time libVLC reported since play()
        self._awaiting_pause = False  # set_pause(True) sent, Paused event not yet seen
        self._pause_target: int | None = None  # the paused seek to send once the pause is confirmed
        self._start_ms, self._start_playing = 0, False
        self._saw_video = False
        self._image: QImage | None = None
        self._played: list[tuple[int, int]] = []  # spans of the open file played so far
        self._span_start: int | None = None  # where the current playing stretch began

    # --- what is open, and where it is ---

    @property
    def state(self) -> PlaybackState:
        return self._state

    @property
    def media(self) -> Path | ByteSource | None:
        """What is open: the file's Path or the ByteSource given to `open` (None when nothing is)."""
        return self._media

    @property
    def path(self) -> Path | None:
        """The open file; None when nothing is open or the media is a ByteSource (see `media`)."""
        return self._media if isinstance(self._media, Path) else None

    @property
    def _display_path(self) -> Path:
        """The file, or a ByteSource's name as a Path: what PlaybackError names."""
        media = self._media
        return Path() if media is None else media if isinstance(media, Path) else Path(media.name)

    @property
    def duration_ms(self) -> int:
        return self._duration_ms

    @property
    def position_ms(self) -> int:
        if self._state is PlaybackState.PLAYING and self._anchor_clock:
            elapsed = (time.monotonic() - self._anchor_clock) * 1000 * self._rate
            position = int(self._anchor_ms + elapsed)
            return min(position, self._duration_ms) if self._duration_ms else position
        return self._position_ms

    @property
    def frame_ms(self) -> float:
        """How long one picture lasts (1000 / fps); the size of a frame step."""
        return self._frame_ms

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def volume(self) -> int:
        return self._volume

    @property
    def muted(self) -> bool:
        return self._muted

    @property
    def video_size(self) -> QSize:
        return QSize(self._video_size)

    @property
    def frames_displayed(self) -> int:
        """Pictures shown so far in memory output (0 with a native window)."""
        return self._frames.frames_displayed if self._frames else 0

    def frame_index(self, position_ms: int | None = None) -> int:
        """The frame shown at position_ms (default: the playhead)."""
        position = self.position_ms if position_ms is None else position_ms
        return math.floor((position + FRAME_EPSILON) / self._frame_ms)

    def frame_start_ms(self, frame: int) -> int:
        """Where frame begins: frame n lasts from frame_start_ms(n) to frame_start_ms(n + 1)."""
        return math.ceil(frame * self._frame_ms - FRAME_EPSILON)

    @property
    def played_spans(self) -> tuple[tuple[int, int], ...]:
        """(start_ms, end_ms) stretches of the open file played so far, in order, the current one included."""
        spans = list(self._played)
        if self._span_start is not None:
            spans.append((self._span_start, self.position_ms))
        return tuple((start, end) for start, end in spans if end > start)

    def current_image(self) -> QImage | None:
        """The last picture from memory output (None with a native window or before the first)."""
        return self._image

    # --- output ---

    def set_window(self, handle: int | None) -> None:
        """Render into this native window (winId) from the next `open`; None renders into memory."""
        self._window = handle

    # --- opening and closing ---

    def open(
        self,
        media: Path | ByteSource,
        *,
        start_ms: int = 0,
        play: bool = False,
        root: Path | None = None,
        audio_only: bool = False,
    ) -> None:
        """Start opening a file or a ByteSource; the result is `state_changed` (PAUSED or PLAYING) or `failed`.

        root is where a file should be found (the archive's media root) and lets a missing file be
        told apart from an unreachable share; it does not apply to a ByteSource, which the engine owns
        from now on and closes with the media. Paused, the picture at start_ms is shown.
        """
        self.close()
        self._media, self._audio_only = media, audio_only
        self._start_ms, self._start_playing = max(0, int(start_ms)), play
        self._position_ms = self._start_ms
        self._set_state(PlaybackState.OPENING)
        self._checked, self._deferred_failure = False, None
        self._start_session()
        if self._session is None:  # libVLC is missing
            return
        media_token, bridge, frames, opened = self._media_token, self._bridge, self._frames, self._media

        def check() -> None:
            if isinstance(opened, Path):
                problem, detail = check_access(opened, root), ""
            else:
                problem, detail = check_source(opened) or (None, "")
            size = None if problem or audio_only else picture_size(opened)
            if frames is not None:
                frames.set_picture_size(size)
            _emit(bridge.checked, media_token, problem, size, detail)

        # In parallel with libVLC opening the file: the check tells a missing file from an offline
        # share, and reads the picture size from the header before libVLC asks for it.
        threading.Thread(target=check, name="media-access", daemon=True).start()

    def close(self) -> None:
        """Stop and forget the current file (libVLC finishes stopping on a background thread)."""
        media, played = self._media, self.played_spans
        self._played, self._span_start = [], None
        if media is not None:
            self.closed.emit(media, played)
        self._token += 1
        self._media_token += 1
        self._ticker.stop()
        self._watchdog.stop()
        self._release_session()
        if media is not None and not isinstance(media, Path):
            media.close()  # libVLC, still stopping, reads no more: its reads fail (and are not reported)
        self._frames, self._image = None, None
        self._media, self._starting, self._saw_video = None, False, False
        self._awaiting_pause, self._pause_target = False, None
        self._duration_ms = self._position_ms = self._anchor_ms = 0
        self._anchor_clock = 0.0
        self._frame_ms = DEFAULT_FRAME_MS
        self._video_size = QSize()
        self._set_state(PlaybackState.IDLE)

    # --- transport ---

    def play(self) -> None:
        if self._session is None or self._state in (PlaybackState.OPENING, PlaybackState.FAILED):
            return
        if self._state is PlaybackState.ENDED:
            self._restart(0, play=True)
        elif self._state is PlaybackState.PAUSED:
            if self._pause_target is not None:  # a seek still waiting for the pause: play from there
                self._session.set_time(self._pause_target)
            self._awaiting_pause, self._pause_target = False, None
            self._session.set_pause(False)
            self._anchor(self._position_ms)
            self._set_state(PlaybackState.PLAYING)

    def pause(self) -> None:
        """Pause on an exact frame: the one at the playhead when asked."""
        if self._session is None or self._state is not PlaybackState.PLAYING:
            return
        position = self.position_ms
        self._request_pause()
        self._seek_paused(position)

    def toggle_play(self) -> None:
        if self._state is PlaybackState.PLAYING:
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        """Pause at the start."""
        if self._state is PlaybackState.PLAYING:
            self.pause()
        self.seek(0)

    def seek(self, ms: int) -> None:
        """Go to ms (clamped to the media). Paused, the exact frame at ms is shown."""
        if self._session is None or self._state is PlaybackState.FAILED:
            return
        ms = self._clamp(ms)
        if self._state is PlaybackState.OPENING:
            self._start_ms = ms
            self._position_ms = ms
        elif self._state is PlaybackState.ENDED:
            self._restart(ms, play=False)
        elif self._state is PlaybackState.PAUSED:
            self._seek_paused(ms)
        else:
            self._end_span()
            self._span_start = ms
            self._session.set_time(ms)
            self._anchor(ms)
            self._settle_until = time.monotonic() + SEEK_SETTLE_S
            self._position_ms = ms
            self.position_changed.emit(ms)

    def step(self, frames: int) -> None:
        """Step `frames` pictures forward (negative: back), pausing first if playing."""
        if self._session is None or self._state not in (PlaybackState.PLAYING, PlaybackState.PAUSED):
            if self._state is PlaybackState.ENDED:
                self._restart(self._clamp(self._duration_ms + frames * self._frame_ms), play=False)
            return
        if self._state is PlaybackState.PLAYING:
            self._position_ms = self.position_ms
            self._request_pause()
        target = max(0, self.frame_index(self._position_ms) + frames)
        self._seek_paused(self._clamp(self.frame_start_ms(target)))

    def jump(self, delta_ms: int) -> None:
        """Skip delta_ms forward or back (±5 s, ±30 s)."""
        self.seek(self.position_ms + delta_ms)

    def set_rate(self, rate: float) -> None:
        rate = min(max(float(rate), SPEEDS[0]), SPEEDS[-1])
        if self._state is PlaybackState.PLAYING:
            self._anchor(self.position_ms)
        self._rate = rate
        if self._session is not None:
            self._session.set_rate(rate)
        self.rate_changed.emit(rate)

    def faster(self) -> None:
        self.set_rate(next((speed for speed in SPEEDS if speed > self._rate), SPEEDS[-1]))

    def slower(self) -> None:
        self.set_rate(next((speed for speed in reversed(SPEEDS) if speed < self._rate), SPEEDS[0]))

    def set_volume(self, volume: int) -> None:
        self._volume = min(max(int(volume), 0), 100)
        if self._session is not None:
            self._session.set_volume(self._volume)
        self.volume_changed.emit(self._volume, self._muted)

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        if self._session is not None:
            self._session.set_muted(self._muted)
        self.volume_changed.emit(self._volume, self._muted)

    def snapshot(self, target: Path) -> bool:
        """Save the picture on screen as PNG at the video's own resolution; False if there is none."""
        if self._session is None or not self._saw_video:
            return False
        return self._session.snapshot(target)

    # --- internals ---

    def _release_session(self) -> None:
        if self._listener is not None:
            self._listener.detach()
        if self._frames is not None:
            self._frames.detach()
        if self._session is not None:
            self._session.close()
        self._session, self._listener = None, None

    def _clamp(self, ms: float) -> int:
        ms = max(0, int(ms))
        return min(ms, self._duration_ms - 1) if self._duration_ms else ms

    def _request_pause(self) -> None:
        assert self._session is not None
        self._session.set_pause(True)
        self._awaiting_pause = True
        self._set_state(PlaybackState.PAUSED)

    def _seek_paused(self, ms: int) -> None:
        """Show the frame at ms, now or (while a pause is on its way) once libVLC has paused."""
        self._position_ms = ms
        if self._awaiting_pause:
            self._pause_target = ms
        else:
            self._send_paused_seek(ms)
        self.position_changed.emit(ms)

    def _send_paused_seek(self, ms: int) -> None:
        """Aim at the middle of the frame at ms, where libVLC lands exactly."""
        assert self._session is not None
        target = ms
        if not self._audio_only:
            target = int(self.frame_index(ms) * self._frame_ms + self._frame_ms / 2)  # at n * frame_ms: n - 1
            if self._duration_ms:
                target = min(target, self._duration_ms - 1)
        self._session.set_time(target)

    def _anchor(self, ms: int) -> None:
        self._anchor_ms, self._anchor_clock = ms, time.monotonic()

    def _restart(self, ms: int, play: bool) -> None:
        """After the end libVLC's player is spent: start a fresh one on the same file, then go to ms."""
        self._start_ms, self._start_playing = ms, play
        self._release_session()
        self._token += 1
        self._start_session()

    def _set_state(self, state: PlaybackState) -> None:
        if state is PlaybackState.PLAYING:
            if self._state is not PlaybackState.PLAYING:
                self._span_start = self._position_ms
            self._ticker.start()
        else:
            self._end_span()
            self._ticker.stop()
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    def _end_span(self) -> None:
        """Close the stretch being played (call while the state still says PLAYING)."""
        if self._span_start is not None:
            end = self.position_ms
            if end > self._span_start:
                self._played.append((self._span_start, end))
            self._span_start = None

    def _fail(self, problem: MediaProblem, detail: str = "") -> None:
        path = self._display_path
        self._watchdog.stop()
        self._ticker.stop()
        self._release_session()
        self._token += 1  # ignore whatever the closed session still reports
        self._set_state(PlaybackState.FAILED)
        self.failed.emit(PlaybackError(problem, path, detail))

    @Slot(int, object, object, str)
    def _on_bridge_checked(
        self, media_token: int, problem: MediaProblem | None, size: tuple[int, int] | None, detail: str
    ) -> None:
        """The access check's verdict: a problem it found wins over what libVLC said meanwhile."""
        if media_token != self._media_token or self._media is None:
            return
        self._checked, self._picture_size = True, size
        if problem is not None:
            self._fail(problem, detail)
        elif self._deferred_failure is not None:
            self._fail(*self._deferred_failure)
        elif self._audio_only and self._state is not PlaybackState.FAILED:
            media, bridge = self._media, self._bridge

            def analyse() -> None:
                _emit(bridge.waveform, media_token, waveform.waveform(media, WAVEFORM_BUCKETS))

            threading.Thread(target=analyse, name="waveform", daemon=True).start()

    def _fail_after_check(self, problem: MediaProblem, detail: str) -> None:
        """libVLC gave up; if the access check has not answered yet, its answer may explain it better.

        The first reason given is kept: a ByteSource's failure comes before libVLC's error about it.
        """
        if self._checked:
            self._fail(problem, detail)
        elif self._deferred_failure is None:
            self._deferred_failure = (problem, detail)

    def _media_options(self) -> tuple[str, ...]:
        if self._audio_only:
            return (":no-video",)
        if self._window is None:
            # Pictures go to memory: hardware decoding would only add a copy back, and libVLC tries
            # VA-API and VDPAU first, which costs ~40 ms before the first picture (measured).
            return (":avcodec-hw=none",)
        return ()

    def _start_session(self) -> None:
        """A libVLC player for the open file, told to play; _start_when_ready takes it from there."""
        assert self._media is not None
        token = self._token
        try:
            bridge = self._bridge
            self._frames = None if self._window is not None else FrameStore(lambda: _emit(bridge.frame, token))
            if self._frames is not None and self._checked:  # a restart: the size is known
                self._frames.set_picture_size(self._picture_size)
            self._listener = _Listener(bridge, token)
            self._session = libvlc.VlcPlayer(
                self._media,
                self._listener,
                window=self._window,
                frames=self._frames,
                options=self._options,
                media_options=self._media_options(),
            )
        except libvlc.LibVlcUnavailable as error:
            self._fail(MediaProblem.NO_PLAYER, str(error))
            return
        self._starting, self._reported_playing, self._last_vlc_time = True, False, None
        self._watchdog.start()
        self._session.play()

    @Slot(int, str, int)
    def _on_bridge_event(self, token: int, name: str, value: int) -> None:
        if token != self._token or self._session is None:
            return
        if name == "MediaPlayerPlaying":
            self._reported_playing = True
        elif name == "MediaPlayerPaused":
            self._on_paused()
        elif name == "MediaPlayerLengthChanged" and value > 0:
            self._duration_ms = value
            self.duration_changed.emit(value)
        elif name == "MediaPlayerTimeChanged":
            self._last_vlc_time = value
            if self._state is PlaybackState.PLAYING and time.monotonic() >= self._settle_until:
                self._anchor(value)
        elif name == "MediaPlayerVout" and self._session.has_video():
            self._on_video_output()
        elif name == "MediaPlayerEndReached":
            self._on_end()
            return
        elif name == "MediaPlayerEncounteredError":
            self._fail_after_check(MediaProblem.DAMAGED, "libVLC could not read or decode the file")
            return
        elif name == libvlc.SOURCE_FAILED:
            error = self._session.source_error or OSError("the source failed")
            self._fail_after_check(source_problem(error), str(error))
            return
        self._start_when_ready()

    def _ready(self) -> bool:
        """Has the file shown it can be played, as far as starting (or pausing) needs?

        A damaged file also reaches Playing, then ends at once, so Playing alone is not enough. To
        start paused there must be a picture on screen first: libVLC 3 shows nothing for a paused
        seek until its video output has displayed one picture (measured; `--start-paused` and a
        pause sent on the Playing event both leave the screen empty).
        """
        assert self._session is not None
        if not (self._starting and self._reported_playing):
            return False
        if self._audio_only:
            return bool(self._session.length())
        if self._start_playing:
            return bool(self._session.length() or self._saw_video)
        clock_running = self._last_vlc_time is not None
        if self._frames is not None:
            shown = self._frames.frames_displayed
            if not isinstance(self._media, Path):
                # libVLC's callback input buffers a fixed 300 ms (DEFAULT_PTS_DELAY; --file-caching does not
                # apply), and holds its first time event back that long. The first picture is shown before
                # the clock starts; a second one only once it runs, which is what the time event tells.
                clock_running = clock_running or shown > 1
            return shown > 0 and clock_running
        return self._saw_video and clock_running  # native window: no display callback

    def _start_when_ready(self) -> None:
        """Once ready after play(): apply the settings, then pause or go on as asked."""
        if self._session is None or not self._ready():
            return
        self._starting = False
        self._watchdog.stop()
        self._session.set_volume(self._volume)
        self._session.set_muted(self._muted)
        self._session.set_rate(self._rate)
        self._duration_ms = self._session.length() or self._duration_ms
        self.duration_changed.emit(self._duration_ms)
        self._read_frame_rate()
        start = self._clamp(self._start_ms)
        if self._start_playing:
            if start:
                self._session.set_time(start)
            self._position_ms = start
            self._anchor(start)
            self._set_state(PlaybackState.PLAYING)
        else:
            self._request_pause()
            self._seek_paused(start)

    def _on_paused(self) -> None:
        """Send the waiting paused seek a little after libVLC reports the pause.

        The Paused event comes from the input thread before the video output has paused; a seek sent
        at once showed nothing in a quarter of the tries (measured), one sent 50 ms later in 40 of 40.
        """
        if self._awaiting_pause:
            token = self._token
            QTimer.singleShot(PAUSE_SETTLE_MS, lambda: self._after_pause(token))

    def _after_pause(self, token: int) -> None:
        if token != self._token or not self._awaiting_pause or self._session is None:
            return
        self._awaiting_pause = False
        target, self._pause_target = self._pause_target, None
        if target is not None:
            self._send_paused_seek(target)

    def _on_video_output(self) -> None:
        assert self._session is not None
        self._saw_video = True
        self._read_frame_rate()
        width, height = self._session.video_size()
        if width and height and QSize(width, height) != self._video_size:
            self._video_size = QSize(width, height)
            self.video_size_changed.emit(QSize(self._video_size))

    def _read_frame_rate(self) -> None:
        assert self._session is not None
        fps = self._session.fps()
        if fps > 0 and not self._audio_only:
            self._frame_ms = 1000.0 / fps

    def _on_end(self) -> None:
        if self._starting:
            self._fail_after_check(MediaProblem.DAMAGED, "no picture or sound could be decoded")
            return
        self._anchor(self._duration_ms)  # the last stretch played ends at the end
        self._position_ms = self._duration_ms
        self._set_state(PlaybackState.ENDED)
        self.position_changed.emit(self._position_ms)
        self.ended.emit()

    @Slot()
    def _tick(self) -> None:
        self.position_changed.emit(self.position_ms)

    @Slot(int)
    def _on_bridge_frame(self, token: int) -> None:
        if token != self._token or self._frames is None:
            return
        with self._frames.read() as picture:
            if picture is None:
                return
            height, width = picture.shape[:2]
            image = QImage(picture.data, width, height, width * 4, QImage.Format.Format_RGB32).copy()
        self._image = image
        self.frame_ready.emit(image)
        self._start_when_ready()

    @Slot(int, object)
    def _on_bridge_waveform(self, media_token: int, peaks: tuple[float, ...]) -> None:
        if media_token == self._media_token:
            self.waveform_ready.emit(peaks)

    @Slot()
    def _on_watchdog(self) -> None:
        if self._state is PlaybackState.OPENING or self._starting:
            self._fail(MediaProblem.NO_RESPONSE)
