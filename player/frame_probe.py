"""Decode one video picture with libVLC into memory: proof that libVLC and its plugins work here.

The frozen build's smoke test (`workstation --smoke-test`) uses it to check that the bundled libVLC,
its demuxers, decoders and the memory video output are all present, without a window or a sound
card. Qt-free and blocking (a second at most on a short local clip): call it from a script or a
worker thread, never from the GUI thread of a running program. python-vlc is reached only through
player.libvlc, which points it at the bundled libVLC first.
"""

import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy

from player import libvlc
from player.access import picture_size
from player.frames import FrameStore

# No sound card and no display needed: audio goes nowhere, video to memory (libVLC's vmem output).
PROBE_OPTIONS = (*libvlc.DEFAULT_OPTIONS, "--aout=dummy", "--no-audio")


class FrameProbeFailed(RuntimeError):
    """libVLC started but did not show a picture of the clip (a plugin is missing, or the file is bad)."""


@dataclass(frozen=True)
class DecodedFrame:
    """The first picture libVLC displayed: its size and its pixels (height x width x 4, B,G,R,X bytes)."""

    width: int
    height: int
    pixels: numpy.ndarray
    libvlc_version: str
    libvlc_files: tuple[str, ...]  # libVLC and the plugins that were loaded while the picture was shown

    def is_blank(self) -> bool:
        """True for a picture of one flat colour (what a decoder that produced nothing would leave)."""
        return int(self.pixels[:, :, :3].std()) == 0


class _Events:
    """Remembers whether libVLC reported an error or the end of the clip (called on libVLC's threads)."""

    def __init__(self, finished: threading.Event) -> None:
        self._finished = finished
        self.failed = False

    def vlc_event(self, name: str, value: int) -> None:  # noqa: ARG002 - EventListener's signature
        if name in ("MediaPlayerEncounteredError", "MediaPlayerEndReached"):
            self.failed = self.failed or name == "MediaPlayerEncounteredError"
            self._finished.set()


def decode_first_frame(path: Path, timeout_s: float = 10.0) -> DecodedFrame:
    """Play `path` into memory until libVLC displays one picture; return a copy of it.

    Raises libvlc.LibVlcUnavailable when libVLC or its plugins cannot be loaded, FrameProbeFailed when
    no picture came within `timeout_s`.
    """
    shown = threading.Event()
    finished = threading.Event()
    store = FrameStore(shown.set)
    store.set_picture_size(picture_size(Path(path)))  # as the engine does: the header's size, not libVLC's padded one
    events = _Events(finished)
    player = libvlc.VlcPlayer(Path(path), events, frames=store, options=PROBE_OPTIONS)
    try:
        player.play()
        deadline = time.monotonic() + timeout_s
        while not shown.is_set() and not finished.is_set() and time.monotonic() < deadline:
            shown.wait(0.02)
        with store.read() as picture:
            pixels = None if picture is None else picture.copy()
        files = tuple(loaded_plugins())  # now: libVLC unloads its plugins when the player is released
    finally:
        store.detach()
        player.close().join(timeout=5.0)
    if pixels is None:
        if events.failed:
            raise FrameProbeFailed(f"libVLC could not play {path} (a demuxer or decoder plugin may be missing)")
        raise FrameProbeFailed(f"libVLC showed no picture of {path} within {timeout_s:.0f} s")
    height, width = pixels.shape[:2]
    return DecodedFrame(width, height, pixels, libvlc.libvlc_version(), files)


def library_path() -> str:
    """The libVLC file python-vlc loaded (in a frozen build it must be the bundled one)."""
    return str(getattr(libvlc.vlc.dll, "_name", "") or "")


def loaded_plugins() -> list[str]:
    """libvlc, libvlccore and the libVLC plugin files loaded into this process, by full path.

    For the smoke test's isolation check: in a frozen build none may come from a VLC installed on the
    machine. Linux reads /proc/self/maps, Windows asks psapi; elsewhere (or on error) the list is empty.
    """
    if sys.platform.startswith("linux"):
        paths = _linux_mapped_files()
    elif sys.platform == "win32":
        paths = _windows_modules()
    else:
        return []
    return sorted({path for path in paths if "_plugin." in Path(path).name or Path(path).name.startswith("libvlc")})


def _linux_mapped_files() -> list[str]:
    try:
        maps = Path("/proc/self/maps").read_text(errors="replace")
    except OSError:
        return []
    return [line.split(None, 5)[5] for line in maps.splitlines() if len(line.split(None, 5)) == 6]


def _windows_modules() -> list[str]:
    if sys.platform != "win32":  # called on Windows only; tells mypy that the names below are Windows ones
        return []
    import ctypes
    from ctypes import wintypes

    try:
        psapi, kernel32 = ctypes.WinDLL("psapi"), ctypes.WinDLL("kernel32")
        kernel32.GetCurrentProcess.restype = wintypes.HANDLE
        psapi.EnumProcessModules.argtypes = [
            wintypes.HANDLE,
            ctypes.POINTER(wintypes.HMODULE),
            wintypes.DWORD,
            ctypes.POINTER(wintypes.DWORD),
        ]
        kernel32.GetModuleFileNameW.argtypes = [wintypes.HMODULE, wintypes.LPWSTR, wintypes.DWORD]
        modules = (wintypes.HMODULE * 4096)()
        needed = wintypes.DWORD()
        if not psapi.EnumProcessModules(
            kernel32.GetCurrentProcess(), modules, ctypes.sizeof(modules), ctypes.byref(needed)
        ):
            return []
        count = min(len(modules), needed.value // ctypes.sizeof(wintypes.HMODULE))
        names = []
        for handle in modules[:count]:
            buffer = ctypes.create_unicode_buffer(32768)
            if kernel32.GetModuleFileNameW(handle, buffer, len(buffer)):
                names.append(buffer.value)
        return names
    except (OSError, AttributeError, ValueError):
        return []
