"""The picture buffers libVLC decodes into when video goes to memory instead of a window.

libVLC's video thread asks for a buffer (`lock`), writes a picture into it, and later calls `displayed`
with that buffer's id when the picture is due on screen; it may write the *next* picture before the
sought one is shown, or never show it (a seek flushes it). So there are several buffers, and the GUI
thread copies out exactly the one last displayed, never one still being written. `on_frame` is called
(on the video thread) only when the previous picture has been read: at 16x speed the GUI is not flooded
with pictures it cannot show.
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy

BUFFERS = 3  # one displayed, one being written, one spare
SIZE_WAIT_S = 0.5  # the header is read while libVLC opens the file; it is normally known long before


class FrameStore:
    """The latest displayed RV32 picture (B, G, R, X bytes per pixel), shared by libVLC and the GUI.

    The picture size read from the file's header (`set_picture_size`, from any thread) is the size
    asked of libVLC: what libVLC offers is its decoder's padded buffer (1920x1090 for 1080p), and
    taking that would rescale every picture. libVLC's format request waits for it, briefly.

    `frames_displayed` counts pictures libVLC has shown (tests and benchmarks wait on it).
    """

    def __init__(self, on_frame: Callable[[], None]) -> None:
        self._on_frame = on_frame
        self._picture_size: tuple[int, int] | None = None
        self._size_known = threading.Event()
        self._lock = threading.Lock()  # guards the indexes and the displayed buffer while it is copied
        self._buffers: list[numpy.ndarray] = []
        self._displayed: int | None = None
        self._writing: int | None = None
        self._next = 0
        self._pending = False
        self.frames_displayed = 0

    def detach(self) -> None:
        """Stop reporting pictures (the store's owner is going away; libVLC may still be stopping)."""
        self._on_frame = _ignore

    # --- libVLC's video thread ---

    def set_picture_size(self, size: tuple[int, int] | None) -> None:
        """The video's own size, or None when the header does not say (then libVLC's offer is taken)."""
        self._picture_size = size
        self._size_known.set()

    def allocate(self, width: int, height: int) -> tuple[int, int]:
        """Buffers for pictures of the known picture size, else of what libVLC offers; returns the size.

        libVLC asks two or three times while its video output starts (1920x1088, again, then 1920x1090 for
        1080p). Buffers of the size already held are kept: new ones cost 5-20 ms each time (24 MiB, zeroed
        by the C library once freed memory is reused), on the path to the first picture.
        """
        self._size_known.wait(SIZE_WAIT_S)
        width, height = self._picture_size or (width, height)
        shape = (height, width, 4)
        with self._lock:
            if not self._buffers or self._buffers[0].shape != shape:
                self._buffers = [numpy.zeros(shape, numpy.uint8) for _ in range(BUFFERS)]
            self._displayed = self._writing = None
        return width, height

    def lock(self) -> tuple[int, int]:
        """(buffer id, address) of a buffer that is neither on screen nor being copied."""
        with self._lock:
            while self._next in (self._displayed, self._writing):
                self._next = (self._next + 1) % BUFFERS
            self._writing = self._next
            self._next = (self._next + 1) % BUFFERS
            return self._writing, self._buffers[self._writing].ctypes.data

    def unlock(self, buffer_id: int) -> None:
        with self._lock:
            if self._writing == buffer_id:
                self._writing = None

    def displayed(self, buffer_id: int) -> None:
        with self._lock:
            self._displayed = buffer_id
            self.frames_displayed += 1
            notify = not self._pending
            self._pending = True
        if notify:
            self._on_frame()

    # --- the GUI thread ---

    @contextmanager
    def read(self) -> Iterator[numpy.ndarray | None]:
        """The picture on screen (height x width x 4), valid only inside the block; None before the first."""
        with self._lock:
            self._pending = False
            yield None if self._displayed is None else self._buffers[self._displayed]


def _ignore() -> None:
    """on_frame of a detached store."""
