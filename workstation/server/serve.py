"""`workstation serve`: run the branch archive server until stopped (issue 12).

uvicorn serves the application over TLS on one listening socket that is bound here first, so that an
address in use or not allowed is a plain error (exit code 2) before anything starts. With one worker this
process serves; with more, spawned worker processes share the socket (workstation.server.workers), each
opening the archive itself. The pre-screen runner and the housekeeping run once, in this process; workers reach
the runner through workstation.server.runner_link. SIGTERM or Ctrl+C stops taking connections, drops the idle
ones, lets the requests in flight finish (up to `GRACE_SECONDS`), then returns.
"""

import asyncio
import signal
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing import parent_process
from multiprocessing.connection import wait
from multiprocessing.synchronize import Event
from pathlib import Path
from types import FrameType

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from workstation.archive import Archive
from workstation.errors import WorkstationError
from workstation.org.sessions import SessionPolicy
from workstation.prescreen.settings import PrescreenSettings
from workstation.server.app import create_app
from workstation.server.housekeeping import Housekeeping, audit_anchor_file
from workstation.server.runner_link import LinkAddress, RemoteRunner, RunnerLink
from workstation.server.scan_runner import STOP_WAIT_S, ScanQueue, ScanRunner
from workstation.server.workers import supervise

GRACE_SECONDS = 30
WORKER_STOP_WAIT_S = GRACE_SECONDS + 15
"""How long the server waits for a stopping worker before killing it (its grace, plus the TLS and pool closing)."""


@dataclass(frozen=True)
class Site:
    """What serving needs besides the socket (picklable: the spawned workers are given it). `open_archive` is a
    module-level function or a picklable object's method: each worker opens the archive itself."""

    open_archive: Callable[[], Archive]
    certificate: Path
    key: Path
    policy: SessionPolicy
    thumbnail_cache: Path


@dataclass(frozen=True)
class Listen:
    host: str
    port: int

    @classmethod
    def parse(cls, text: str) -> "Listen":
        """HOST:PORT, [IPv6]:PORT or :PORT (every address)."""
        host, colon, port = text.rpartition(":")
        if not colon or not port.isdigit() or not 0 < int(port) < 65536:
            raise WorkstationError("listen_address_invalid", listen=text)
        return cls(host.strip("[]") or "0.0.0.0", int(port))


def bind(listen: Listen) -> socket.socket:
    family = socket.AF_INET6 if ":" in listen.host else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on sockets whose protocol says
    # TCP, and an answer written in two pieces (headers, body) would otherwise wait ~40 ms for the client's
    # delayed ACK on every request.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((listen.host, listen.port))
    except OSError as error:
        sock.close()
        raise WorkstationError("listen_failed", listen=f"{listen.host}:{listen.port}", detail=error.strerror) from error
    sock.listen(512)
    return sock


def check_tls_files(certificate: Path, key: Path) -> None:
    """Load the pair once here, so that a wrong path or a key of another certificate is a plain error."""
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(certificate, key)
    except (OSError, ssl.SSLError) as error:
        raise WorkstationError(
            "tls_files_unusable", certificate=str(certificate), key=str(key), detail=str(error)
        ) from error


def serve(archive: Archive, site: Site, listen: Listen, workers: int, started: Callable[[str], None]) -> None:
    """Serve `archive` (opened by the caller, here for the pre-screen and housekeeping, and for serving when
    `workers` is 1) until SIGTERM/SIGINT. `started` is told the address as soon as the socket listens
    (connections made from then on wait in its backlog until a worker takes them)."""
    check_tls_files(site.certificate, site.key)
    sock = bind(listen)
    runner = ScanRunner(archive, PrescreenSettings.load())
    chores = Housekeeping(archive.sessions, audit_anchor_file())
    address = sock.getsockname()
    started(f"https://{f'[{address[0]}]' if ':' in address[0] else address[0]}:{address[1]}")
    runner.start()
    chores.start()
    try:
        if workers == 1:
            serve_socket(archive, site, sock, runner)
        else:
            link = RunnerLink(runner)
            try:
                supervise(workers, _worker, (site, sock, link.address), WORKER_STOP_WAIT_S)
            finally:
                link.close()
    finally:
        sock.close()
        runner.stop(STOP_WAIT_S)
        chores.stop(STOP_WAIT_S)


def serve_socket(
    archive: Archive, site: Site, sock: socket.socket, runner: ScanQueue, ready: Callable[[], None] | None = None
) -> None:
    """Serve on the listening `sock` in this process until SIGTERM/SIGINT; `ready` is called once it serves."""
    config = uvicorn.Config(
        create_app(archive, site.policy, site.thumbnail_cache, runner),
        ssl_certfile=str(site.certificate),
        ssl_keyfile=str(site.key),
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=GRACE_SECONDS,
        server_header=False,
        lifespan="off",
    )
    server = _Server(config, ready)
    config.http = _stopping_protocol(lambda: server.should_exit)
    # uvicorn stops gracefully on SIGTERM/SIGINT, then raises the signal again for the handlers it found:
    # these take it as the end of a clean stop, so that the command exits 0 (not killed, not interrupted).
    stop_signals = (signal.SIGINT, signal.SIGTERM)
    previous = {number: signal.signal(number, _stopped_cleanly) for number in stop_signals}
    try:
        server.run(sockets=[sock])
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


class _Server(uvicorn.Server):
    """uvicorn's server, telling `ready` once it serves."""

    def __init__(self, config: uvicorn.Config, ready: Callable[[], None] | None) -> None:
        super().__init__(config)
        self._ready = ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and self._ready is not None:
            self._ready()


def _worker(site: Site, sock: socket.socket, link: LinkAddress, ready: Event) -> None:
    """A spawned worker process (workstation.server.workers): its own archive, the server's runner over the link.
    It also stops when the server process is gone (killed), rather than serving on without it."""
    if hasattr(signal, "SIGBREAK"):  # Windows: the server process sends Ctrl+Break to stop a worker
        signal.signal(signal.SIGBREAK, lambda _number, _frame: signal.raise_signal(signal.SIGTERM))
    archive = site.open_archive()
    try:
        parent = parent_process()
        if parent is not None:
            threading.Thread(target=_stop_when_gone, args=(parent.sentinel,), daemon=True).start()
        serve_socket(archive, site, sock, RemoteRunner(link), ready.set)
    finally:
        archive.close()


def _stop_when_gone(parent_sentinel: int) -> None:
    wait([parent_sentinel])
    signal.raise_signal(signal.SIGTERM)


def _stopping_protocol(stopping: Callable[[], bool]) -> type[H11Protocol]:
    """uvicorn's HTTP/1.1 protocol, except that a stop drops idle connections at once.

    uvicorn closes an idle keep-alive connection politely, and over TLS that waits for the client's
    close_notify, which an idle client (a review PC between two requests) never sends; so does a connection
    whose handshake ends just after the stop began. Either held the stop for the whole GRACE_SECONDS while
    nobody was served. Once closing with nothing left to send, the connection is dropped instead; the
    client reconnects (to the restarted server) on its next request. A connection with a request in flight
    is left alone and closes after its answer. uvicorn's own shutdown of a connection runs once: a second
    call (or one on a connection already closing) failed in h11 and ended the server with exit code 2.
    """

    class StoppingProtocol(H11Protocol):
        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            if stopping():
                self.shutdown()

        def shutdown(self) -> None:
            if not self.transport.is_closing():
                super().shutdown()
            if self.transport.is_closing() and not self.transport.get_write_buffer_size():
                self.transport.abort()

    return StoppingProtocol


def _stopped_cleanly(_number: int, _frame: FrameType | None) -> None:
    """The stop signal, raised again by uvicorn after its graceful shutdown: nothing left to do."""
