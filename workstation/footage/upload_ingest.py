"""Ingest at a station without an archive: upload the recorders' files to the branch server (issue 12).

The recorder folders are scanned exactly as local ingest scans them (workstation.footage.ingest_scan,
the same rejections of odd names, links and devices), recorders in parallel, the files of one in order
(workstation.footage.ingest_runner). Each file is read once: sent in chunks, each streamed from the file in
pieces (never held whole in memory) that also feed the station's running SHA-256 of the file, claimed at
finish; the server archives it only if the bytes it received have that SHA-256 (workstation.footage.upload).
A resumed upload first hashes the part the server holds from the station's own file (a file changed since
fails the server's check and is sent again). Only when the server says the file may be archived already
(a clip has its name and size) is it hashed before begin, so that a duplicate is found without sending it.
A broken
connection or a refused chunk is retried from where the server's received bytes end, a refused file
(bytes damaged on the way) is sent again; the next run resumes what this one could not finish. A file
is cleared from the recorder (`clear_source`) only after the server confirmed that the archive holds
exactly its bytes, and only if it is unchanged since it was read (workstation.footage.source_clearing).

The server is reached through an `UploadTarget`: `ServiceUploadTarget` calls the services in-process
(the tests, and a station that holds the archive itself); the branch server's client implements the same
Protocol over HTTPS and raises UploadInterrupted when the connection breaks.
"""

import functools
import hashlib
import io
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from workstation.archive import Archive
from workstation.errors import DiskFull, UploadError, UploadInterrupted, UploadRefused, WorkstationError
from workstation.footage import upload
from workstation.footage.ingest import shown_sources
from workstation.footage.ingest_runner import ProgressCallback, Scheduling, failed, run_sources
from workstation.footage.ingest_scan import Candidate
from workstation.footage.naming import DEFAULT_PATTERNS, NamePattern
from workstation.footage.source_clearing import clear_if_confirmed, unchanged
from workstation.footage.source_guard import ArchiveGuard
from workstation.footage.types import IngestFileResult, IngestReport, UploadSpec, UploadState
from workstation.footage.verified_copy import open_source, sha256_of_source
from workstation.identity import Identity

_log = logging.getLogger(__name__)

CHUNK_BYTES = 64 * 1024 * 1024
"""Bytes per chunk (one request, made durable and counted once): large enough that the server's fsync and
count per chunk cost little, small enough to resend cheaply after a server restart (a broken connection
loses nothing: the server counts what it received)."""
PIECE_BYTES = 1024 * 1024
"""Bytes read from the file at a time while a chunk is sent."""
NO_ARCHIVE_HERE = ArchiveGuard([])
"""A station has no archive of its own: nothing on it is the archive's (the server guards its own)."""


class UploadTarget(Protocol):
    """The branch server as the station sees it: the services of workstation.footage.upload, for the
    signed-in station account. Raise UploadInterrupted when the connection breaks (the station retries);
    any other typed error is the server's answer."""

    def start_run(self, station: str, sources: Sequence[str]) -> int: ...

    def begin(self, spec: UploadSpec) -> UploadState: ...

    def append(self, upload_id: str, offset: int, length: int, pieces: Iterable[bytes]) -> UploadState:
        """Send `length` bytes at `offset`, as `pieces` yields them (the whole chunk; it may raise midway)."""
        ...

    def finish(self, upload_id: str, sha256: str) -> IngestFileResult:
        """Archive the upload if the bytes received have `sha256`, the station's SHA-256 of the file."""
        ...

    def finish_run(self, report: IngestReport) -> None: ...


class ServiceUploadTarget:
    """The upload services called in-process on an open archive, as `who`."""

    def __init__(self, archive: Archive, who: Identity, patterns: Sequence[NamePattern] | None = None) -> None:
        self.archive, self.who, self.patterns = archive, who, patterns

    def start_run(self, station: str, sources: Sequence[str]) -> int:
        return upload.start_upload_run(self.archive, self.who, station, sources)

    def begin(self, spec: UploadSpec) -> UploadState:
        return upload.begin_upload(self.archive, self.who, spec, patterns=self.patterns)

    def append(self, upload_id: str, offset: int, length: int, pieces: Iterable[bytes]) -> UploadState:
        appending = upload.start_append(self.archive, self.who, upload_id, offset, length)
        if isinstance(appending, UploadState):
            return appending
        with appending.ending():
            for piece in pieces:
                appending.write(piece)
        return appending.state

    def finish(self, upload_id: str, sha256: str) -> IngestFileResult:
        return upload.finish_upload(self.archive, self.who, upload_id, sha256=sha256, patterns=self.patterns)

    def finish_run(self, report: IngestReport) -> None:
        upload.finish_upload_run(self.archive, self.who, report)


@dataclass(frozen=True)
class UploadOptions:
    station: str = field(default_factory=socket.gethostname)
    clear_source: bool = False
    patterns: Sequence[NamePattern] = DEFAULT_PATTERNS
    """The station's patterns, for the scan; the server parses the names again with its own."""
    parallel_sources: int = 4
    cancel: threading.Event | None = None
    """Set it (from any thread) to stop at each recorder's next file; files being sent finish first."""
    chunk_bytes: int = CHUNK_BYTES
    attempts: int = 5
    """Tries per file when the connection breaks or the server refuses the bytes received."""
    retry_delay: float = 1.0
    """Seconds before the second try, doubled for each further one."""


class _Changed(Exception):
    """The file changed while it was sent."""


class _Retry(Exception):
    """This try of a file ended in a way another try can mend."""


def upload_ingest(
    target: UploadTarget,
    sources: Sequence[Path],
    options: UploadOptions,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Upload every file under the source folders; returns what happened to each file.

    Raises DiskFull (after recording the run) when the server's media store fills up; everything
    archived before that is complete and the next run continues from there.
    """
    report = IngestReport(target.start_run(options.station, shown_sources(sources)))
    disk_full = run_sources(
        report,
        sources,
        Scheduling(options.patterns, NO_ARCHIVE_HERE, options.parallel_sources, options.cancel),
        functools.partial(_upload_file, target, options),
        progress,
    )
    target.finish_run(report)
    if disk_full:
        raise DiskFull("ingest_disk_full")
    return report


def _upload_file(
    target: UploadTarget, options: UploadOptions, candidate: Candidate, on_bytes: Callable[[int], None]
) -> IngestFileResult:
    read = _Read()
    counted = _Counted(on_bytes)
    for attempt in range(max(1, options.attempts)):
        if attempt:
            time.sleep(options.retry_delay * 2 ** (attempt - 1))
        try:
            result, sha256 = _try_upload(target, options, candidate, read, counted)
        except _Retry as reason:
            _log.warning("upload of %s interrupted (%s), try %d", candidate.shown, reason, attempt + 1)
            continue
        except UploadRefused:
            _log.warning("the server refused the bytes of %s, try %d", candidate.shown, attempt + 1)
            read = _Read()  # read it again: it may have changed since it was hashed
            continue
        except DiskFull:
            raise
        except WorkstationError as error:
            return failed(candidate, f"服务器拒绝了该文件（{error.code}），文件仍在原处")
        except OSError as error:
            return failed(candidate, f"无法读取文件：{error.strerror or error}，文件仍在原处")
        cleared = (
            options.clear_source
            and sha256 is not None
            and clear_if_confirmed(NO_ARCHIVE_HERE, candidate, result, sha256)
        )
        return replace(result, source_cleared=cleared)
    return failed(candidate, "上传多次中断，未归档，文件仍在原处；再次导入将从中断处继续")


class _Counted:
    """Reports each byte the server acknowledged once, however often it was sent."""

    def __init__(self, on_bytes: Callable[[int], None]) -> None:
        self.on_bytes, self.reported = on_bytes, 0

    def acknowledged(self, received: int) -> None:
        if received > self.reported:
            self.on_bytes(received - self.reported)
            self.reported = received


class _Read:
    """What the station read of one file: its SHA-256 read whole before begin (`whole`, when the server
    asked for it), or else a running SHA-256 of its bytes [0, position), fed as they are read to be sent."""

    def __init__(self) -> None:
        self.whole: str | None = None
        self._start_over()

    def _start_over(self) -> None:
        self._digest, self.position = hashlib.sha256(), 0

    def catch_up(self, reader: io.FileIO, offset: int) -> None:
        """Make the running hash cover exactly [0, offset): read what it lacks from the file (a resumed
        upload: the part the server holds), or start over if it went further (bytes the server never got)."""
        if self.position > offset:
            self._start_over()
        for _piece in self.pieces(reader, self.position, offset - self.position):
            pass

    def pieces(self, reader: io.FileIO, offset: int, length: int) -> Iterator[bytes]:
        """`length` bytes from `offset` (where the running hash ends), as _pieces reads them, hashed on the way."""
        for piece in _pieces(reader, offset, length):
            self._digest.update(piece)
            self.position += len(piece)
            yield piece

    def claim(self, reader: io.FileIO, size: int) -> str:
        """The SHA-256 of the whole file as the station read it (to claim at finish)."""
        if self.whole is not None:
            return self.whole
        self.catch_up(reader, size)
        return self._digest.hexdigest()


def _try_upload(
    target: UploadTarget, options: UploadOptions, candidate: Candidate, read: _Read, counted: _Counted
) -> tuple[IngestFileResult, str | None]:
    """One try: begin (or resume), send what the server lacks, finish; returns the result and the SHA-256 the
    station read, if it read the file. Raises _Retry when a retry can help."""
    spec = UploadSpec(
        options.station,
        candidate.shown,
        candidate.path.name,
        candidate.size,
        read.whole,
        confirm_duplicate=options.clear_source,
    )
    try:
        state = target.begin(spec)
        if state.hash_first and read.whole is None:  # may be archived already: the SHA-256 tells
            read.whole = sha256_of_source(candidate.path)
            state = target.begin(replace(spec, sha256=read.whole))
        if state.result is not None:
            return state.result, read.whole
        counted.acknowledged(state.received)
        with open_source(candidate.path) as reader:
            offset = state.received
            while offset < candidate.size:
                if not unchanged(candidate):
                    raise _Changed()
                length = min(options.chunk_bytes, candidate.size - offset)
                if read.whole is None:
                    read.catch_up(reader, offset)
                pieces = _pieces(reader, offset, length) if read.whole else read.pieces(reader, offset, length)
                state = target.append(state.upload_id, offset, length, pieces)
                counted.acknowledged(state.received)
                offset = state.received
            sha256 = read.claim(reader, candidate.size)
        return target.finish(state.upload_id, sha256), sha256
    except _Changed:
        return failed(candidate, "文件在导入过程中被改动，未归档，文件仍在原处"), None
    except UploadInterrupted as error:
        raise _Retry("connection broken") from error
    except UploadRefused:
        raise
    except UploadError as error:  # not where the server stands, or its bytes are gone: begin again
        if error.code in ("upload_offset_mismatch", "upload_gone", "upload_incomplete"):
            raise _Retry(error.code) from error
        raise


def _pieces(reader: io.FileIO, offset: int, length: int) -> Iterator[bytes]:
    """`length` bytes of the file from `offset`, PIECE_BYTES at a time; raises _Changed if it ends early."""
    reader.seek(offset)
    while length:
        piece = reader.read(min(PIECE_BYTES, length))
        if not piece:
            raise _Changed()
        length -= len(piece)
        yield piece
