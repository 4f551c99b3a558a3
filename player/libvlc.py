"""The only module that imports python-vlc: finds a bundled libVLC, makes the instance, wraps a media player.

Media is a file path, or a `ByteSource` read through libVLC's media callbacks (a stream from the
archive server: libVLC never sees a URL or a credential).

Thread rules: `VlcPlayer` methods are called from one thread (the GUI thread), except `close`, which
hands the blocking stop/release to a background thread so that a file on a dead network share cannot
freeze the program. libVLC calls event and video callbacks on its own threads; here they only pass
plain values on to the listener and frame sink, which must never call back into libVLC (libVLC is not
reentrant from its callbacks: a call from one can deadlock).
"""

import ctypes
import logging
import os
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, TypeAlias

from player.media.byte_source import ByteSource


def _use_bundled_libvlc() -> None:
    """In a PyInstaller build, point python-vlc at the libVLC shipped next to the program.

    Must run before `import vlc`, which looks the library up at import time. On Linux libvlccore finds
    `<its folder>/vlc/plugins` by itself (setting the plugin path too would load every plugin twice).
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if not bundle:
        return
    library = "libvlc.dll" if sys.platform == "win32" else "libvlc.so.5"
    os.environ.setdefault("PYTHON_VLC_LIB_PATH", os.path.join(bundle, library))
    if sys.platform == "win32":
        os.environ.setdefault("PYTHON_VLC_MODULE_PATH", os.path.join(bundle, "plugins"))


_use_bundled_libvlc()

import vlc as vlc  # noqa: E402 - only after the library path is set; re-exported for player.frame_probe

_log = logging.getLogger(__name__)

DEFAULT_OPTIONS = (
    "--quiet",
    "--no-xlib",  # Qt owns the X connection; VLC must not call XInitThreads
    "--no-video-title-show",  # no file name flashed over the evidence
    "--no-snapshot-preview",
    "--file-caching=100",  # the 300 ms default adds ~400 ms to the first position and ~50 ms to seeks
    "--no-avcodec-hurry-up",  # when decoding runs late (a seek decodes from the keyframe on a busy machine)
    # libVLC may otherwise show a picture decoded without its reference frames: grey, not evidence
)


class LibVlcUnavailable(RuntimeError):
    """libVLC or its plugins are not installed (python-vlc imports fine without them)."""


SOURCE_READ_LIMIT = 256 * 1024
"""Most bytes handed to libVLC per read callback. libVLC's prefetch filter asks for up to 16 MiB at once
(a whole clip, measured); a stream would then download all of it before the first picture. Shorter
reads are fine: libVLC reads on (in the background) until its buffer is full."""

SOURCE_FAILED = "ByteSourceFailed"
"""Not a libVLC event: a ByteSource failed to give bytes (`VlcPlayer.source_error` says why). libVLC itself
takes a failed read for the end of the stream and would report `MediaPlayerEndReached`."""


class EventListener(Protocol):
    """Receives libVLC player events on libVLC's threads; must only queue them for the GUI thread.

    Besides libVLC's events, `SOURCE_FAILED` comes once from libVLC's input thread when a ByteSource fails.
    """

    def vlc_event(self, name: str, value: int) -> None: ...


class FrameSink(Protocol):
    """Owns the RV32 picture buffers libVLC decodes into (see player.frames.FrameStore).

    Every method runs on a libVLC video thread. `allocate` gets the size libVLC offers and returns the
    size to use; `lock` returns (buffer id, buffer address); the id comes back to `unlock` and `displayed`.
    """

    def allocate(self, width: int, height: int) -> tuple[int, int]: ...

    def lock(self) -> tuple[int, int]: ...

    def unlock(self, buffer_id: int) -> None: ...

    def displayed(self, buffer_id: int) -> None: ...


# Callback prototype of libvlc_video_set_format_callbacks with a writable chroma pointer: python-vlc
# declares it c_char_p, which ctypes turns into a copy, so the chosen chroma would never reach libVLC.
_FormatCallback = ctypes.CFUNCTYPE(
    ctypes.c_uint,
    ctypes.POINTER(ctypes.c_void_p),
    ctypes.c_void_p,
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
)

# The pointer arguments libVLC passes to the video callbacks (void* arguments arrive as int or None).
_VoidPointer: TypeAlias = "ctypes._Pointer[ctypes.c_void_p]"
_UIntPointer: TypeAlias = "ctypes._Pointer[ctypes.c_uint]"

# libVLC events re-emitted by name, with the event's number where it has one (time, length; 0 otherwise).
# The vout count is read with has_video() instead: python-vlc's event union gives it garbage high bits.
_EVENTS = (
    "MediaPlayerOpening",
    "MediaPlayerPlaying",
    "MediaPlayerPaused",
    "MediaPlayerStopped",
    "MediaPlayerEndReached",
    "MediaPlayerEncounteredError",
    "MediaPlayerVout",
    "MediaPlayerLengthChanged",
    "MediaPlayerTimeChanged",
)


def _event_value(name: str, event: vlc.Event) -> int:
    if name == "MediaPlayerLengthChanged":
        return int(event.u.new_length)
    if name == "MediaPlayerTimeChanged":
        return int(event.u.new_time)
    return 0


def new_instance(options: Sequence[str] = DEFAULT_OPTIONS) -> vlc.Instance:
    """A libVLC instance (3 ms with the plugin cache). Each player gets its own: measured on VLC 3.0.24,
    a player stopping on one thread stalls a new player of the same instance starting on another.
    """
    try:
        created = vlc.Instance(list(options))
    except (NameError, OSError, AttributeError) as error:  # no libvlc: python-vlc fell back to CDLL(None)
        raise LibVlcUnavailable(f"libVLC is not installed: {error}") from error
    if created is None:  # libvlc found, but no plugins
        raise LibVlcUnavailable("libVLC could not start (are the VLC plugins installed?)")
    return created


def libvlc_version() -> str:
    return str(vlc.libvlc_get_version().decode("ascii", "replace"))


class _FrameCallbacks:
    """The four ctypes callbacks of libVLC's memory video output, bound to one FrameSink.

    Instances must stay referenced while libVLC may call them (a collected callback is a segfault).
    """

    def __init__(self, sink: FrameSink) -> None:
        self.sink = sink

        def setup(
            opaque: int | None,  # noqa: ARG001 - libVLC's signature
            chroma: _VoidPointer,
            width: _UIntPointer,
            height: _UIntPointer,
            pitches: _UIntPointer,
            lines: _UIntPointer,
        ) -> int:
            ctypes.memmove(chroma, b"RV32", 4)  # B,G,R,X bytes: QImage.Format_RGB32
            width[0], height[0] = sink.allocate(width[0], height[0])
            pitches[0], lines[0] = width[0] * 4, height[0]
            return 1

        def cleanup(opaque: int | None) -> None:  # noqa: ARG001
            return None

        # libVLC hands the lock callback's return value (the picture id) back to unlock and display;
        # it must not be NULL, hence buffer id + 1.
        def lock(opaque: int | None, planes: _VoidPointer) -> int:  # noqa: ARG001
            buffer_id, address = sink.lock()
            planes[0] = address
            return buffer_id + 1

        def unlock(opaque: int | None, picture: int | None, planes: _VoidPointer) -> None:  # noqa: ARG001
            sink.unlock((picture or 1) - 1)

        def display(opaque: int | None, picture: int | None) -> None:  # noqa: ARG001
            sink.displayed((picture or 1) - 1)

        # Wrapped by call, not as decorators: the ctypes prototypes would hide the signatures from mypy.
        callbacks = vlc.CallbackDecorators
        self.setup = _FormatCallback(setup)
        self.cleanup = callbacks.VideoCleanupCb(cleanup)
        self.lock = callbacks.VideoLockCb(lock)
        self.unlock = callbacks.VideoUnlockCb(unlock)
        self.display = callbacks.VideoDisplayCb(display)

    def attach(self, player: vlc.MediaPlayer) -> None:
        player.video_set_callbacks(self.lock, self.unlock, self.display, None)
        player.video_set_format_callbacks(ctypes.cast(self.setup, vlc.VideoFormatCb), self.cleanup)


class _SourceCallbacks:
    """libVLC's four media callbacks over a ByteSource (libvlc_media_new_callbacks).

    libVLC calls them on its input thread, one at a time for one media instance. A failed read returns
    -1, which libVLC takes for the end of the stream; so the error is kept (`error`) and reported once
    to the listener as SOURCE_FAILED, and every later read fails too. The ctypes objects must stay
    referenced as long as libVLC may call them (until the player is stopped and released).
    """

    def __init__(self, source: ByteSource, listener: EventListener) -> None:
        self.source = source
        self.error: OSError | None = None
        self._position = 0

        def open_media(opaque: int | None, data: _VoidPointer, size: "ctypes._Pointer[ctypes.c_uint64]") -> int:  # noqa: ARG001
            try:
                size[0] = source.size
            except OSError as error:
                self._failed(listener, error)
                return -1
            self._position = 0
            data[0] = None
            return 0

        def read(opaque: int | None, buffer: "ctypes._Pointer[ctypes.c_char]", length: int) -> int:  # noqa: ARG001
            if self.error is not None:
                return -1
            try:
                chunk = source.read_at(self._position, min(length, SOURCE_READ_LIMIT))
            except OSError as error:
                self._failed(listener, error)
                return -1
            ctypes.memmove(buffer, chunk, len(chunk))
            self._position += len(chunk)
            return len(chunk)

        def seek(opaque: int | None, offset: int) -> int:  # noqa: ARG001
            self._position = offset
            return 0

        def close(opaque: int | None) -> None:  # noqa: ARG001 - the engine closes the source, not libVLC
            return None

        callbacks = vlc.CallbackDecorators
        self.open = callbacks.MediaOpenCb(open_media)
        self.read = callbacks.MediaReadCb(read)
        self.seek = callbacks.MediaSeekCb(seek)
        self.close = callbacks.MediaCloseCb(close)

    def _failed(self, listener: EventListener, error: OSError) -> None:
        first = self.error is None
        self.error = error
        if first:
            _log.info("reading %s failed: %s", self.source.name, error)
            listener.vlc_event(SOURCE_FAILED, 0)

    def new_media(self, instance: vlc.Instance) -> vlc.Media:
        return instance.media_new_callbacks(self.open, self.read, self.seek, self.close, None)


def _new_media(
    instance: vlc.Instance, media: Path | ByteSource, listener: EventListener
) -> tuple[vlc.Media, _SourceCallbacks | None]:
    """A libVLC media for a file, or for a ByteSource with the callbacks that must outlive it."""
    if isinstance(media, Path):
        return instance.media_new_path(str(media)), None
    callbacks = _SourceCallbacks(media, listener)
    return callbacks.new_media(instance), callbacks


class VlcPlayer:
    """One media file (or ByteSource) on its own libVLC media player: a new one per file, so closing never waits.

    Video goes either into a native window (`window` handle) or, with `frames`, into memory. A ByteSource
    stays the caller's: it is read, never closed, here.
    """

    def __init__(
        self,
        media: Path | ByteSource,
        listener: EventListener,
        *,
        window: int | None = None,
        frames: FrameSink | None = None,
        options: Sequence[str] = DEFAULT_OPTIONS,
        media_options: Sequence[str] = (),
    ) -> None:
        self._instance = new_instance(options)
        self._player = self._instance.media_player_new()
        vlc_media, self._source_callbacks = _new_media(self._instance, media, listener)
        for option in media_options:
            vlc_media.add_option(option)
        self._player.set_media(vlc_media)
        vlc_media.release()
        self._callbacks = _FrameCallbacks(frames) if frames is not None else None
        if self._callbacks is not None:
            self._callbacks.attach(self._player)
        elif window is not None:
            self._player.video_set_mouse_input(False)  # let Qt see clicks and keys over the video
            self._player.video_set_key_input(False)
            _set_window(self._player, window)
        # python-vlc keeps the ctypes event callback on the EventManager object: it must stay referenced.
        self._events = self._player.event_manager()
        for name in _EVENTS:

            def handler(event: vlc.Event, name: str = name) -> None:
                listener.vlc_event(name, _event_value(name, event))

            self._events.event_attach(getattr(vlc.EventType, name), handler)

    def play(self) -> None:
        self._player.play()

    def set_pause(self, paused: bool) -> None:
        self._player.set_pause(1 if paused else 0)

    def set_time(self, ms: int) -> None:
        self._player.set_time(int(ms))

    def time(self) -> int:
        return max(0, int(self._player.get_time()))

    def length(self) -> int:
        return max(0, int(self._player.get_length()))

    def fps(self) -> float:
        return float(self._player.get_fps() or 0.0)

    def video_size(self) -> tuple[int, int]:
        """The picture's visible size, (0, 0) before the video output exists or for audio."""
        try:
            width, height = self._player.video_get_size(0)
        except vlc.VLCException:  # no video track (yet)
            return 0, 0
        return int(width), int(height)

    @property
    def source_error(self) -> OSError | None:
        """Why the ByteSource failed (after SOURCE_FAILED); None for a file or while it reads fine."""
        return None if self._source_callbacks is None else self._source_callbacks.error

    def has_video(self) -> bool:
        return bool(self._player.has_vout() > 0)

    def set_rate(self, rate: float) -> None:
        self._player.set_rate(float(rate))

    def set_volume(self, volume: int) -> None:
        self._player.audio_set_volume(int(volume))

    def set_muted(self, muted: bool) -> None:
        self._player.audio_set_mute(bool(muted))

    def snapshot(self, target: Path) -> bool:
        """Write the displayed picture, at the video's own resolution, to target as PNG."""
        return bool(self._player.video_take_snapshot(0, str(target), 0, 0) == 0)

    def close(self) -> threading.Thread:
        """Stop and release on a background thread; stop() blocks while the input thread is stuck in a read."""
        worker = threading.Thread(
            target=_stop_and_release,
            # the callbacks stay referenced until the player is released
            args=(self._player, self._instance, self._events, self._callbacks, self._source_callbacks),
            name="vlc-close",
            daemon=True,
        )
        worker.start()
        return worker


def _stop_and_release(player: vlc.MediaPlayer, owner: vlc.Instance, *keep_alive: object) -> None:  # noqa: ARG001
    player.stop()
    player.release()
    owner.release()


def _set_window(player: vlc.MediaPlayer, handle: int) -> None:
    if sys.platform == "win32":
        player.set_hwnd(handle)
    elif sys.platform == "darwin":
        player.set_nsobject(handle)
    else:
        player.set_xwindow(handle)


class _NoEvents:
    """The listener of a player whose events nobody waits for (a ByteSource failure shows as no result)."""

    def vlc_event(self, name: str, value: int) -> None:  # noqa: ARG002 - EventListener's signature
        return None


def extract_audio(source: Path | ByteSource, target: Path, sample_rate: int = 8000, timeout_s: float = 120.0) -> bool:
    """Decode source's sound to a mono 16-bit WAV at target, as fast as libVLC can (not in real time).

    Blocking: run it on a worker thread. Used for the waveform of audio-only clips (a 10-minute AAC
    file takes about 0.3 s). Returns False when there is no sound or libVLC gave up.
    """
    chain = (
        f"#transcode{{acodec=s16l,channels=1,samplerate={sample_rate}}}"
        f":std{{access=file,mux=wav,dst='{_sout_escape(str(target))}'}}"
    )
    owner = new_instance((*DEFAULT_OPTIONS, "--aout=dummy", "--vout=dummy"))
    player = owner.media_player_new()
    media, callbacks = _new_media(owner, source, _NoEvents())
    media.add_option(f":sout={chain}")
    media.add_option(":no-sout-video")
    media.add_option(":no-sout-spu")
    player.set_media(media)
    media.release()
    finished = (vlc.State.Ended, vlc.State.Error, vlc.State.Stopped)
    try:
        player.play()
        deadline = time.monotonic() + timeout_s
        while player.get_state() not in finished and time.monotonic() < deadline:
            time.sleep(0.01)
        completed = player.get_state() == vlc.State.Ended and (callbacks is None or callbacks.error is None)
    finally:
        player.stop()
        player.release()
        owner.release()
    return completed and target.exists() and target.stat().st_size > 44


def _sout_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("'", "\\'")
