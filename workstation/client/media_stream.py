"""Footage from the branch archive server, read with HTTP Range requests: `HttpsRangeSource` (issue 12).

A review PC plays footage only through the server. The player (player.media.byte_source.ByteSource, which
this class satisfies without importing the player) asks for bytes at offsets; this module fetches
them with `GET {base_url}/api/v1/media/{entry_id}`, `Authorization: Bearer {token}` and
`Range: bytes=A-B` over one keep-alive HTTPS connection that trusts exactly the pinned certificate.
libVLC never sees the URL or the token.

libVLC reads in pieces of a few KiB to 256 KiB, mostly in order, and its prefetch filter reads 16 MiB
ahead at every open and every seek out of what it holds. Bytes are fetched in aligned blocks (256 KiB)
kept in an LRU cache, and a run of in-order reads fetches ever more blocks per request (read-ahead: 256 KiB
after a jump, doubling up to 8 MiB), so playing costs a request per few MiB, not per libVLC read. The cache
(24 MiB) holds more than libVLC's read-ahead: libVLC forgets what it has passed, and the paused seek back
to the first picture that ends every open, or a step back, then finds its bytes here instead of fetching
them again. Measured on loopback (tests/benchmarks/test_player_stream.py, 180 s 1080p clip): 2 MiB requests
and an 8 MiB cache made a paused seek 1.4-1.6x the embedded archive's, 8 MiB requests and 24 MiB 1.1x
(fewer requests, so less of the server's and this process's CPU taken from the decoder while libVLC fills
its buffer again), and half the opens no longer fetch the clip's first 16 MiB twice.

Opening is what a reviewer waits for, so `prefetch` fetches what libVLC reads first before it asks, on a
thread of its own: the file's head (512 KiB: an MP4's index when written first, and the first pictures)
and, for an MP4 whose index a recorder wrote last, the end where the index lies: libVLC then finds both
in the cache instead of a round trip each between its own steps. The source may read through a client
it is given (the connection's own, still connected from `start_viewing`): no new TLS handshake either.

Errors are OSErrors, so the player tells them apart by type: `MediaStreamRefused` (401, 403; a
PermissionError), `MediaStreamNotFound` (404; a FileNotFoundError), `MediaStreamUntrusted` (the
server's certificate is not the pinned one) and `MediaStreamError` for the rest (server down, bad
answers). A connection dropped by the network or the server is retried once, transparently.

Thread-safe: libVLC reads on its input thread, the engine's check thread reads the header, and the GUI
thread closes; requests are serialised, and `close` never waits for one in progress.
"""

import itertools
import logging
import re
import ssl
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from player.media.mp4 import index_after

BLOCK_SIZE = 256 * 1024
CACHE_BLOCKS = 96  # 24 MiB
MAX_RUN_BLOCKS = 32  # read-ahead: at most 8 MiB per request
HEAD_BLOCKS = 2  # prefetch: the first 512 KiB
TAIL_LIMIT = 4 * 1024 * 1024  # prefetch: the end of an MP4 whose index is last, if no longer than this
TIMEOUT = httpx.Timeout(15.0, connect=5.0)
_log = logging.getLogger(__name__)
_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+)")


class MediaStreamError(OSError):
    """The server could not give the bytes. status is the HTTP status (0 without an answer); code and
    message are the server's (`{"code": ..., "message": ...}`) or this client's own."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message

    def __str__(self) -> str:
        return f"{self.message} ({self.status or 'no answer'}, {self.code})"


class MediaStreamRefused(MediaStreamError, PermissionError):
    """401 (the token expired or was revoked: sign in again) or 403 (no right to this footage)."""


class MediaStreamNotFound(MediaStreamError, FileNotFoundError):
    """404: the server has no such media entry."""


class MediaStreamUntrusted(MediaStreamError):
    """The server's certificate is not the pinned one (a wrong pin, or not the archive server)."""


class HttpsRangeSource:
    """One media entry of the archive server as a ByteSource (see the module docstring).

    Nothing is fetched until `prefetch`, or the first `size` or `read_at`; the first request also tells
    the size. `token` may be a function giving the connection's current token (a re-sign-in after the idle
    lock replaces it while footage plays). With no `pin`, the system's certificate authorities are trusted.
    With `client`, requests go through that HTTPS client (already pinned; shared, so never closed here)
    instead of one of the source's own.
    """

    def __init__(
        self,
        base_url: str,
        entry_id: int | str,
        token: str | Callable[[], str | None],
        pin: Path | None,
        *,
        name: str = "",
        block_size: int = BLOCK_SIZE,
        cache_blocks: int = CACHE_BLOCKS,
        timeout: httpx.Timeout = TIMEOUT,
        client: httpx.Client | None = None,
    ) -> None:
        self.entry_id = entry_id
        self._name = name or str(entry_id)
        self._url = f"{base_url.rstrip('/')}/api/v1/media/{entry_id}"
        self._token = token
        self._block_size = block_size
        self._cache_blocks = max(cache_blocks, MAX_RUN_BLOCKS)
        self._timeout = timeout
        self._owns_client = client is None
        if client is None:
            verify = ssl.create_default_context(cafile=str(pin)) if pin else ssl.create_default_context()
            client = httpx.Client(verify=verify, timeout=timeout)
        self._client = client
        self._lock = threading.Lock()  # one request at a time on the one connection; guards the cache
        self._blocks: OrderedDict[int, bytes] = OrderedDict()
        self._size: int | None = None
        self._next_block = 0  # the block after the last one fetched: asking for it continues a run
        self._run = 1  # blocks per request in the current run of in-order reads
        self._closed = False
        self.requests = 0  # HTTP requests made (for tests and benchmarks)

    def __repr__(self) -> str:  # never the token
        return f"HttpsRangeSource({self._url!r})"

    @property
    def name(self) -> str:
        return self._name

    @property
    def size(self) -> int:
        if self._size is None:
            with self._locked():
                if self._size is None:
                    self._fetch(0, 1)
        assert self._size is not None
        return self._size

    def read_at(self, offset: int, length: int) -> bytes:
        if self._closed:
            raise self._closed_error()
        if length <= 0 or offset >= self.size:
            return b""
        end = min(offset + length, self.size)
        first, last = offset // self._block_size, (end - 1) // self._block_size
        with self._locked():
            pieces = [self._block(index, last) for index in range(first, last + 1)]
        data = b"".join(pieces)
        start = offset - first * self._block_size
        return data[start : start + end - offset]

    def prefetch(self) -> threading.Thread:
        """Fetch, on a thread of its own, what a player reads first (the module docstring); returns the thread.

        Reads wait for it (the lock) and then find their bytes cached. A failure is left for the reads to
        meet (and report) themselves.
        """
        worker = threading.Thread(target=self._prefetch, name="media-prefetch", daemon=True)
        worker.start()
        return worker

    def close(self) -> None:
        """Later reads fail; the connection closes now, or when the request in progress ends."""
        self._closed = True
        if self._lock.acquire(blocking=False):
            try:
                self._close_client()
            finally:
                self._lock.release()

    # --- internals (called with the lock held) ---

    def _closed_error(self) -> MediaStreamError:
        return MediaStreamError(0, "closed", f"{self._name}: the stream is closed")

    def _close_client(self) -> None:
        if self._owns_client:
            self._client.close()

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """The lock, held; closing the connection on the way out if `close` came meanwhile."""
        with self._lock:
            try:
                yield
            finally:
                if self._closed:
                    self._close_client()

    def _prefetch(self) -> None:
        try:
            with self._locked():
                if 0 not in self._blocks:
                    self._fetch(0, HEAD_BLOCKS)
                self._fetch_index()
        except OSError as error:
            _log.debug("prefetching %s failed: %s", self._name, error)

    def _fetch_index(self) -> None:
        """The end of an MP4 whose index lies past the cached head (mp4.index_after), if it fits beside it.

        The run of in-order reads goes on where it was: libVLC reads on after the head once it has the index.
        """
        head_blocks = next(index for index in itertools.count() if index not in self._blocks)
        head = b"".join(self._blocks[index] for index in range(head_blocks))
        assert self._size is not None  # known since the head was fetched
        tail = index_after(head, self._size)
        if tail is None or self._size - tail > TAIL_LIMIT:
            return
        first = tail // self._block_size
        count = -(-self._size // self._block_size) - first
        if count <= self._cache_blocks - head_blocks:  # never at the cost of the head
            run_ends = self._next_block
            self._fetch(first, count)
            self._next_block = run_ends

    def _block(self, index: int, last_wanted: int) -> bytes:
        cached = self._blocks.get(index)
        if cached is not None:
            self._blocks.move_to_end(index)
            return cached
        self._run = min(self._run * 2, MAX_RUN_BLOCKS) if index == self._next_block else 1
        count = max(self._run, last_wanted - index + 1)
        self._fetch(index, min(count, self._cache_blocks))
        return self._blocks[index]

    def _fetch(self, first: int, count: int) -> None:
        """Blocks first .. first + count - 1 (fewer at the end of the media) into the cache."""
        start = first * self._block_size
        end = start + count * self._block_size - 1
        if self._size is not None:
            end = min(end, self._size - 1)
        data = self._get_range(start, end)
        for number in range(0, len(data), self._block_size):
            self._blocks[first + number // self._block_size] = data[number : number + self._block_size]
            self._blocks.move_to_end(first + number // self._block_size)
        while len(self._blocks) > self._cache_blocks:
            self._blocks.popitem(last=False)
        self._next_block = first + max(1, -(-len(data) // self._block_size))

    def _get_range(self, start: int, end: int) -> bytes:
        token = self._token if isinstance(self._token, str) else self._token() or ""
        headers = {"Authorization": f"Bearer {token}", "Range": f"bytes={start}-{end}"}
        for attempt in (1, 2):
            if self._closed or self._client.is_closed:  # a shared client closes with its connection (sign-out)
                raise self._closed_error()
            self.requests += 1
            try:
                with self._client.stream("GET", self._url, headers=headers, timeout=self._timeout) as response:
                    return self._range_body(response, start, end)
            except httpx.TransportError as error:
                untrusted = _certificate_error(error)
                if untrusted is not None:
                    message = f"the server's certificate is not the pinned one: {untrusted.verify_message}"
                    raise MediaStreamUntrusted(0, "untrusted", message) from error
                if attempt == 2 or isinstance(error, httpx.TimeoutException):
                    message = f"the archive server cannot be reached: {error or type(error).__name__}"
                    raise MediaStreamError(0, "unreachable", message) from error
                # a dropped connection: once more, on a new connection
        raise AssertionError("not reached: the second attempt returns or raises")

    def _range_body(self, response: httpx.Response, start: int, end: int) -> bytes:
        """The body of a 206 answer for bytes start..end, checked; the typed error for any other answer."""
        if response.status_code == 200:  # the whole file is coming: do not read it
            raise MediaStreamError(200, "no_ranges", "the server sent the whole file instead of a range")
        if response.status_code != 206:
            response.read()  # the server's JSON reason (small)
            raise _refusal(response)
        found = _CONTENT_RANGE.fullmatch(response.headers.get("content-range", ""))
        body = response.read()
        if found is None or int(found[1]) != start or len(body) != int(found[2]) - start + 1:
            raise MediaStreamError(206, "bad_range", f"the server answered another range than bytes={start}-{end}")
        total = int(found[3])
        if self._size is not None and total != self._size:
            raise MediaStreamError(206, "size_changed", f"{self._name} changed size on the server")
        self._size = total
        return body


def _certificate_error(error: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate verification failure behind an httpx error, if that is what it is."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _refusal(response: httpx.Response) -> MediaStreamError:
    """The typed error for a non-206 answer, with the server's code and message when it sent them."""
    status = response.status_code
    try:
        body = response.json()
        code, message = str(body["code"]), str(body["message"])
    except (ValueError, KeyError, TypeError):
        code, message = f"http_{status}", response.reason_phrase or f"HTTP {status}"
    if status in (401, 403):
        return MediaStreamRefused(status, code, message)
    if status == 404:
        return MediaStreamNotFound(status, code, message)
    return MediaStreamError(status, code, message)
