"""A real `workstation serve` process on loopback, over TLS, in front of a test's archive (either database).

The server is started as users start it (the command line in a subprocess, with a self-signed pair made by
`workstation.server.tls`); `running_server` waits until it answers, yields its address and pinned
certificate, and on leaving sends SIGTERM and checks that the server stopped cleanly (exit code 0).
`restartable_server` does the same for a fault test that kills or stops the server and starts it again on
the same port.
"""

import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.helpers.cli_archive import cli_invocation
from workstation.archive import Archive
from workstation.client.connection import tls_context
from workstation.server.tls import self_signed

START_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class ServerProcess:
    url: str
    pin: Path
    process: subprocess.Popen[bytes]
    command: list[str]
    """`python -m ui.launcher` without the archive options: what a review PC runs (add --server/--pin)."""
    env: dict[str, str]

    def http(self) -> httpx.Client:
        """A plain HTTP client (no program code): what someone typing requests would use."""
        return httpx.Client(base_url=self.url, verify=tls_context(self.pin), timeout=30)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(
    database_kind: str, archive: Archive, tmp_path: Path, options: Sequence[str] = ()
) -> Iterator[ServerProcess]:
    """A running server (`options` added to its `serve` command line, e.g. --workers 2)."""
    with restartable_server(database_kind, archive, tmp_path, options) as server:
        yield server.current


class RestartableServer:
    """A server a fault test kills (SIGKILL) or stops (SIGTERM) and starts again: the same archive, port,
    certificate and log file, so a client's retries reach the new process where they reached the old."""

    def __init__(self, command: list[str], env: dict[str, str], tmp_path: Path, options: Sequence[str] = ()) -> None:
        pair = self_signed(tmp_path / "server-tls")
        self.url, self.pin, self.command, self.env = f"https://127.0.0.1:{free_port()}", pair.certificate, command, env
        listen = self.url.removeprefix("https://")
        self.serve = [*command, "serve", "--listen", listen, "--tls-cert", str(pair.certificate)]
        self.serve += ["--tls-key", str(pair.key), *options]
        self.log_path = tmp_path / "server.log"
        self.log = self.log_path.open("ab")
        self.process = self.start()

    @property
    def current(self) -> ServerProcess:
        """The process running now, as `running_server` yields it."""
        return ServerProcess(self.url, self.pin, self.process, self.command[:3], self.env)

    def start(self, wait: bool = True) -> subprocess.Popen[bytes]:
        """Start a server process on the port (again); with `wait`, return once it answers."""
        self.process = subprocess.Popen(self.serve, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        if wait:
            try:
                self.wait_until_up()
            except BaseException:
                self.process.kill()
                self.process.wait()
                raise
        return self.process

    def wait_until_up(self) -> None:
        _wait_until_up(self.url, self.pin, self.process, self.log_path)

    def kill(self) -> None:
        """SIGKILL: the server dies at once, in whatever it was doing."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=40)

    def stop(self) -> int:
        """SIGTERM, as systemd stops it: the exit code once it has finished its requests."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise


@contextmanager
def restartable_server(
    database_kind: str, archive: Archive, tmp_path: Path, options: Sequence[str] = ()
) -> Iterator[RestartableServer]:
    """A running server that the test may kill and start again; on leaving, the process then running is
    stopped with SIGTERM and must exit 0."""
    command, env = cli_invocation(database_kind, archive, tmp_path)
    server = RestartableServer(command, env, tmp_path, options)
    try:
        yield server
        code = server.stop() if server.process.poll() is None else server.process.returncode
    finally:
        if server.process.poll() is None:  # the test failed: no process may outlive it, nor stay unreaped
            server.process.kill()
            server.process.wait()
        server.log.close()
    assert code == 0, server.log_path.read_text(errors="replace")


def _wait_until_up(url: str, pin: Path, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    with httpx.Client(verify=tls_context(pin), timeout=2) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise AssertionError(f"the server stopped: {log.read_text(errors='replace')}")
            try:
                if client.get(f"{url}/api/v1/health").status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
    raise AssertionError(f"the server did not answer within {START_TIMEOUT_S} s: {log.read_text(errors='replace')}")
