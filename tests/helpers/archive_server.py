"""A real `workstation serve` process on loopback, over TLS, in front of a test's archive (either database).

The server is started as users start it (the command line in a subprocess, with a self-signed pair made by
`workstation.server.tls`); `running_server` waits until it answers, yields its address and pinned
certificate, and on leaving sends SIGTERM and checks that the server stopped cleanly (exit code 0).
"""

import signal
import socket
import subprocess
import time
from collections.abc import Iterator
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
def running_server(database_kind: str, archive: Archive, tmp_path: Path) -> Iterator[ServerProcess]:
    pair = self_signed(tmp_path / "server-tls")
    command, env = cli_invocation(database_kind, archive, tmp_path)
    port = free_port()
    serve = [*command, "serve", "--listen", f"127.0.0.1:{port}", "--tls-cert", str(pair.certificate)]
    serve += ["--tls-key", str(pair.key)]
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(serve, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"https://127.0.0.1:{port}"
    try:
        _wait_until_up(url, pair.certificate, process, tmp_path / "server.log")
        yield ServerProcess(url, pair.certificate, process, command[:3], env)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            code = process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
        finally:
            log.close()
    assert code == 0, (tmp_path / "server.log").read_text(errors="replace")


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
