"""Media bytes the player reads through its own code instead of a file path: `ByteSource`.

The branch archive server (issue 12) streams footage over HTTPS with Range requests; libVLC must never
see a URL or a credential, so the player asks a ByteSource for bytes and feeds libVLC through its media
callbacks (player.libvlc). `FileByteSource` is the reference implementation over a local file (tests,
benchmarks); workstation.client.media_stream has the HTTPS one.

Qt-free. `read_at` is called on libVLC's input thread and on the engine's check thread while the GUI
thread may call `close`: implementations must be thread-safe, and `close` must not wait for a read.
"""

import io
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, runtime_checkable


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


class FileByteSource:
    """A local file as a ByteSource. Reads are serialised by a lock (a seek and a read must pair)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._handle = self.path.open("rb")
        self._size = self.path.stat().st_size
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def size(self) -> int:
        return self._size

    def read_at(self, offset: int, length: int) -> bytes:
        with self._lock:
            if self._handle.closed:
                raise SourceClosed(self.name)
            self._handle.seek(offset)
            return self._handle.read(max(0, length))

    def close(self) -> None:
        with self._lock:  # a local read is short; waiting for it keeps the handle from closing under it
            self._handle.close()


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
