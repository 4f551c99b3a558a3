"""Write an upload's bytes into its staging file as they arrive, proven and hashed on the way (issue 12).

One append (one request of a station) is a `Receipt`: opened at the upload's received count, fed the bytes
in pieces as the network delivers them, then ended. Each piece is written at its offset, read back and
compared byte for byte with what arrived (as workstation.footage.verified_copy proves a local copy), and
fed to a running SHA-256 of the upload; ending fsyncs the file before the caller counts the bytes
(durable before counted).

The running hash lets finish skip re-reading the whole staged file: it is kept in this process between
appends and is valid only while it covers exactly the bytes the archive counts, [0, received). Any doubt
drops it, and finish then hashes the staged file as before: a server restarted (the hash died with it),
an append taken by another server process (this one's hash no longer ends at the received count), an
append that failed midway. While an append runs it holds the upload's lock in this process and an
exclusive lock on the staging file (flock) against other server processes, so no other writer can change
bytes this hash covers. Where the operating system offers no such lock (Windows), no running hash is
kept and finish always re-hashes.
"""

import errno
import hashlib
import os
import sys
import threading
import weakref
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workstation.archive import Archive
from workstation.errors import DiskFull, UploadError, UploadOffsetMismatch
from workstation.footage.filing import INCOMING_FOLDER

STAGING_SUFFIX = ".upload"
SHARED_LOCKS = sys.platform != "win32"
"""Whether staging files can be locked against other server processes (flock); without it no hash is kept."""

_locks: "weakref.WeakValueDictionary[str, threading.Lock]" = weakref.WeakValueDictionary()
_locks_guard = threading.Lock()
_running: dict[str, "_Running"] = {}
_running_guard = threading.Lock()


@dataclass
class _Running:
    """The SHA-256 of an upload's bytes [0, offset), as this process wrote them."""

    offset: int
    digest: Any  # hashlib's object; its type is private


def staging(archive: Archive, upload_id: str) -> Path:
    return archive.media_root / INCOMING_FOLDER / f"{upload_id}{STAGING_SUFFIX}"


@contextmanager
def upload_lock(upload_id: str) -> Iterator[None]:
    """One append or finish of an upload at a time in this server process (a retry while the first try
    still runs waits for it, then sees its effect)."""
    with _locks_guard:
        lock = _locks.get(upload_id)
        if lock is None:
            lock = _locks[upload_id] = threading.Lock()
    with lock:
        yield


@contextmanager
def staged_exclusively(path: Path) -> Iterator[int]:
    """The staging file opened (created if missing) for reading and writing, locked against the other
    server processes where the system can (see SHARED_LOCKS); yields its descriptor."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
    try:
        if SHARED_LOCKS:
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_EX)  # released when the descriptor closes
        yield descriptor
    finally:
        os.close(descriptor)


def running_sha256(upload_id: str, size: int) -> str | None:
    """The running SHA-256 of a fully received upload, if this process holds one covering exactly its
    `size` bytes; None means hash the staged file. Taken once: the upload is finishing."""
    with _running_guard:
        running = _running.pop(upload_id, None)
    return running.digest.hexdigest() if running is not None and running.offset == size else None


def forget(upload_id: str) -> None:
    """Drop the running hash of an upload that ended or expired."""
    with _running_guard:
        _running.pop(upload_id, None)


class Receipt:
    """The bytes of one append, written from `offset` of the staging file as they arrive.

    Make it under the upload's lock: it opens and locks the staging file; then read the received count
    (no other server process can move it now) and `start` at it; `write` each piece; `durable()` fsyncs
    and returns the offset the written bytes reach, to be counted; then `keep_hash(counted)` once the
    archive counted them (or not), and `close()` (always).
    """

    def __init__(self, archive: Archive, upload_id: str) -> None:
        self.upload_id, self.offset, self.position = upload_id, 0, 0
        self._stack = ExitStack()
        self._descriptor = self._stack.enter_context(staged_exclusively(staging(archive, upload_id)))
        self._hash: _Running | None = None
        self._broken = False

    def start(self, offset: int) -> None:
        """Continue at `offset`, the received count; anything written after it was never counted and is cut."""
        if os.fstat(self._descriptor).st_size < offset:  # the received bytes are gone (removed, or expired)
            raise UploadError("upload_gone", upload_id=self.upload_id)
        os.ftruncate(self._descriptor, offset)
        self.offset = self.position = offset
        with _running_guard:
            running = _running.pop(self.upload_id, None)
        if running is None and offset == 0:
            running = _Running(0, hashlib.sha256())
        self._hash = running if SHARED_LOCKS and running is not None and running.offset == offset else None

    def write(self, data: bytes) -> None:
        """Write a piece at the current position, read it back, compare, hash it. On any failure nothing of
        this append is kept (the file is cut back to where it began) and the error propagates: DiskFull
        when the media store is full; UploadOffsetMismatch (expected: where this append began, the
        received count) when the stored bytes read back differ from those received: send them again."""
        if self._broken:
            raise UploadError("upload_append_failed", upload_id=self.upload_id)
        try:
            view = memoryview(data)
            position = self.position
            while view:
                written = os.pwrite(self._descriptor, view, position)
                view, position = view[written:], position + written
            if os.pread(self._descriptor, len(data), self.position) != data:
                raise UploadOffsetMismatch("upload_offset_mismatch", offset=self.position, expected=self.offset)
        except BaseException as error:
            self._broken, self._hash, self.position = True, None, self.offset
            os.ftruncate(self._descriptor, self.offset)
            if isinstance(error, OSError) and error.errno == errno.ENOSPC:
                raise DiskFull("ingest_disk_full") from error
            raise
        if self._hash is not None:
            self._hash.digest.update(data)
        self.position += len(data)

    def durable(self) -> int:
        """Fsync the written bytes; returns the offset they reach (the append's start if it failed)."""
        if self.position > self.offset:
            os.fsync(self._descriptor)
        return self.position

    def keep_hash(self, counted: bool) -> None:
        """Keep the running hash for the next append or finish, if the archive counted these bytes."""
        if counted and self._hash is not None:
            self._hash.offset = self.position
            with _running_guard:
                _running[self.upload_id] = self._hash
        self._hash = None

    def close(self) -> None:
        self._stack.close()
