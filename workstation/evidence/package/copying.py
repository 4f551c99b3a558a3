"""One original into the package: read once through its ByteSource, SHA-256 and SM3 of that one read, written
and fsynced. The two hashes and the write each run on their own thread (verify_package.fan_out): hashlib and
file writes release the GIL, so SM3 — the slowest part, about 490 MB/s — overlaps the reading and writing."""

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from player.media.byte_source import ByteSource
from workstation.evidence.errors import ExportCancelled
from workstation.evidence.sm3 import new_sm3
from workstation.evidence.verify_package import CHUNK_BYTES, fan_out


class SourceUnreadable(Exception):
    """The source could not be read; `error` is its OSError (told apart from the target's)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass(frozen=True)
class Copied:
    size: int
    sha256: str
    sm3: str


def copy_original(
    source: ByteSource,
    target: Path,
    on_bytes: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> Copied:
    """Read `source` once into `target` (created or truncated), hashing it twice; fsynced before returning.

    Raises SourceUnreadable if the source fails, ExportCancelled when `cancelled()` turns true (checked per
    chunk), OSError from the target. The caller compares the SHA-256 with the archive's.
    """
    sha256, sm3 = hashlib.sha256(), new_sm3()
    size = 0

    def chunks() -> Iterator[bytes]:
        nonlocal size
        while True:
            if cancelled():
                raise ExportCancelled("export_cancelled")
            try:
                chunk = source.read_at(size, CHUNK_BYTES)
            except OSError as error:
                raise SourceUnreadable(error) from error
            if not chunk:
                return
            size += len(chunk)
            yield chunk
            on_bytes(len(chunk))

    with target.open("wb", buffering=0) as handle:

        def write(chunk: bytes) -> None:
            view = memoryview(chunk)
            while view:  # an unbuffered write may write less than asked (network shares do)
                view = view[handle.write(view) :]

        fan_out(chunks(), [sha256.update, sm3.update, write])
        os.fsync(handle.fileno())
    return Copied(size, sha256.hexdigest(), sm3.hexdigest())
