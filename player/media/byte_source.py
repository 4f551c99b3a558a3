"""Media bytes the player reads through its own code instead of a file path: `ByteSource`.

The branch archive server (issue 12) streams footage over HTTPS with Range requests; libVLC must never
see a URL or a credential, so the player asks a ByteSource for bytes and feeds libVLC through its media
callbacks (player.libvlc). `FileByteSource` reads a local file (the embedded archive's client plays its
files through it, so both kinds of archive play the same way); workstation.client.media_stream has the
HTTPS one. Here in player.media because the archive client's interface (workstation.client) names the type.

Qt-free. `read_at` is called on libVLC's input thread and on the engine's check thread while the GUI
thread may call `close`: implementations must be thread-safe, and `close` must not wait for a read.
"""

import io
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, Protocol, runtime_checkable


@runtime_checkable
class ByteSource(Protocol):
    """Random access to the bytes of one media file.

    name: what to show for it (the original file name); not an identity: two sources may share it.
    size: the total length in bytes (may do I/O the first time, and raise OSError then).
    read_at: up to `length` bytes from `offset`; fewer only at the end (none at or past it). Raises
        OSError when the bytes cannot be had (PermissionError: refused; FileNotFoundError: gone).
    close: release connections or handles; later reads raise OSError. Never blocks on a read in progress.
    """

    @property
    def name(self) -> str: ...

    @property
    def size(self) -> int: ...

    def read_at(self, offset: int, length: int) -> bytes: ...

    def close(self) -> None: ...


ByteSourceFactory = Callable[[], ByteSource]
"""Makes a fresh source for each opening (a playlist item carries one; the engine closes what it opened)."""


class SourceClosed(OSError):
    """The source was closed; libVLC (still stopping) or a late check read it afterwards."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name} is closed")


class ShareUnreachable(OSError):
    """The folder a file must be under is not there: the archive share is offline (not the file missing)."""


class FileByteSource:
    """A local file as a ByteSource. Reads are serialised by a lock (a seek and a read must pair).

    Nothing touches the disk until the first `size` or `read_at` (a source is made on the GUI thread; a
    share that went offline can take many seconds to answer). With `root`, the folder the file must be
    under (the archive's media root), a missing root raises ShareUnreachable rather than FileNotFoundError,
    so the player tells an offline share from a missing file (player.access.source_problem).
    """

    def __init__(self, path: Path, root: Path | None = None) -> None:
        self.path = Path(path)
        self._root = root
        self._handle: BinaryIO | None = None
        self._size = 0
        self._closed = False
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def size(self) -> int:
        with self._lock:
            self._opened()
            return self._size

    def read_at(self, offset: int, length: int) -> bytes:
        with self._lock:
            handle = self._opened()
            handle.seek(offset)
            return handle.read(max(0, length))

    def close(self) -> None:
        with self._lock:  # a local read is short; waiting for it keeps the handle from closing under it
            self._closed = True
            if self._handle is not None:
                self._handle.close()

    def _opened(self) -> BinaryIO:
        """The open file (opened on first use); the lock is held."""
        if self._closed:
            raise SourceClosed(self.name)
        if self._handle is None:
            if self._root is not None and not self._root.is_dir():
                raise ShareUnreachable(f"{self._root} cannot be reached")
            self._handle = self.path.open("rb")
            self._size = os.fstat(self._handle.fileno()).st_size
        return self._handle


class SourceReader(io.RawIOBase):
    """A read-only, seekable file object over a ByteSource, for parsers that want one (MP4 headers)."""

    def __init__(self, source: ByteSource) -> None:
        super().__init__()
        self._source = source
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._source.size}[whence]
        self._position = max(0, base + offset)
        return self._position

    def readinto(self, buffer: "bytearray | memoryview") -> int:  # type: ignore[override]
        data = self._source.read_at(self._position, len(buffer))
        view = memoryview(buffer).cast("B")
        view[: len(data)] = data
        self._position += len(data)
        return len(data)
