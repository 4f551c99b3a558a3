"""`workstation serve --workers N`: worker processes sharing the server's socket (real processes, SQLite and
PostgreSQL). Which worker serves a connection is read from Linux's own tables (/proc: the worker processes are
the server's children; the socket of an accepted connection is open in the worker that accepted it), so the
product has no test-only code. Proven: both workers answer; a scan asked on one worker's connection is the same
job on the other's (one runner, in the server process); a stop lets the request in flight finish, exits 0 and
leaves no worker behind; a worker that dies is replaced; workers end when the server process is killed (none
serves on without it, and the server starts again on the same port); a taken port is still exit code 2 before
any worker.
"""

import http.client
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from tests.helpers.archive_server import ServerProcess, free_port, restartable_server, running_server
from tests.helpers.builders import ADMIN_PASSWORD, build_org
from tests.helpers.cli_archive import cli_invocation
from tests.helpers.processes import alive, children
from workstation import cli
from workstation.archive import Archive
from workstation.client.connection import tls_context
from workstation.client.wire import API, PRESCREEN_SCANS
from workstation.server.tls import self_signed

pytestmark = pytest.mark.skipif(not Path("/proc/self/net/tcp").exists(), reason="reads Linux's /proc")

WAIT_S = 30.0


def _workers(server_pid: int) -> set[int]:
    """The server's worker processes (its spawned children; not multiprocessing's resource tracker)."""
    return {child for child in children(server_pid) if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes()}


def _serving_pid(workers: set[int], server_port: int, client_port: int) -> int:
    """The worker holding the server's end of the connection from `client_port`."""
    inode = None
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote = fields[1].split(":"), fields[2].split(":")
        if int(local[1], 16) == server_port and int(remote[1], 16) == client_port:
            inode = fields[9]
    assert inode is not None, f"no server socket for the connection from port {client_port}"
    for pid in workers:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                if os.readlink(fd) == f"socket:[{inode}]":
                    return pid
            except FileNotFoundError:  # closed meanwhile
                continue
    raise AssertionError(f"no worker holds socket {inode}")


class _Connection:
    """One kept-alive HTTPS connection (the standard library's client) and the worker that accepted it."""

    def __init__(self, server: ServerProcess, workers: set[int]) -> None:
        host, port = server.url.removeprefix("https://").split(":")
        self.http = http.client.HTTPSConnection(host, int(port), context=tls_context(server.pin), timeout=WAIT_S)
        self.request("GET", f"{API}/health")  # answered: the connection was accepted by a worker
        assert self.http.sock is not None
        self.pid = _serving_pid(workers, int(port), self.http.sock.getsockname()[1])

    def request(self, method: str, path: str, body: object = None, token: str | None = None) -> tuple[int, object]:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.http.request(method, path, None if body is None else json.dumps(body), headers)
        answer = self.http.getresponse()
        return answer.status, json.loads(answer.read() or b"null")


@contextmanager
def _one_per_worker(server: ServerProcess, count: int) -> Iterator[dict[int, _Connection]]:
    """A connection accepted by each of the `count` workers (connections are opened until each has one)."""
    workers = _workers(server.process.pid)
    assert len(workers) == count, workers
    with ExitStack() as stack:
        held: dict[int, _Connection] = {}
        deadline = time.monotonic() + WAIT_S  # a worker just started may still be loading
        while len(held) < count:
            assert time.monotonic() < deadline, f"connections for {WAIT_S} s reached only {set(held)} of {workers}"
            connection = _Connection(server, workers)
            if connection.pid in held:
                connection.http.close()
                time.sleep(0.02)  # leave the cores to a worker still starting
            else:
                held[connection.pid] = connection
                stack.callback(connection.http.close)
        yield held


def _sign_in(connection: _Connection, login: str) -> str:
    status, answer = connection.request("POST", f"{API}/session", {"login": login, "password": ADMIN_PASSWORD})
    assert status == 200, answer
    assert isinstance(answer, dict)
    return str(answer["token"])


def test_both_workers_serve_and_share_the_one_scan_runner(archive, database_kind, tmp_path):
    build_org(archive)
    server_running = running_server(database_kind, archive, tmp_path, ["--workers", "2"])
    with server_running as server, _one_per_worker(server, 2) as held:
        first, second = held.values()
        token = _sign_in(first, "admin")  # a session made through one worker holds on the other
        scans = f"{API}{PRESCREEN_SCANS}"
        asked = {"unit_code": "DD01", "date_from": None, "date_to": None, "workers": 1}
        status, job = first.request("POST", scans, asked, token)
        assert status == 200, job
        assert isinstance(job, dict)
        status, polled = second.request("GET", f"{scans}/{job['job_id']}", token=token)
        assert status == 200 and isinstance(polled, dict), polled
        assert polled["job_id"] == job["job_id"]  # asked on one worker, known on the other
        status, other = second.request("POST", scans, {**asked, "unit_code": "DD02"}, token)
        assert status == 200 and isinstance(other, dict), other
        assert other["job_id"] == job["job_id"] + 1  # one runner numbers the jobs of both workers


def test_a_stop_finishes_the_request_in_flight_exits_0_and_ends_every_worker(archive, database_kind, tmp_path):
    build_org(archive)
    with running_server(database_kind, archive, tmp_path, ["--workers", "2"]) as server:
        workers = _workers(server.process.pid)
        with _one_per_worker(server, 2) as held:
            connection = next(iter(held.values()))
            body = json.dumps({"login": "admin", "password": ADMIN_PASSWORD}).encode()
            connection.http.putrequest("POST", f"{API}/session")
            connection.http.putheader("Content-Type", "application/json")
            connection.http.putheader("Content-Length", str(len(body)))
            connection.http.endheaders(body[:10])
            time.sleep(0.3)  # the worker has the request's headers: the request is in flight
            server.process.send_signal(signal.SIGTERM)
            time.sleep(0.5)  # the stop has reached the workers
            connection.http.send(body[10:])
            answer = connection.http.getresponse()
            assert answer.status == 200, answer.read()
            assert "token" in json.loads(answer.read())
        assert server.process.wait(timeout=60) == 0  # (running_server checks it again)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]


def test_a_worker_that_dies_is_replaced(archive, database_kind, tmp_path):
    build_org(archive)
    with running_server(database_kind, archive, tmp_path, ["--workers", "2"]) as server:
        with _one_per_worker(server, 2) as held:  # both serve (one killed while starting stops the server)
            victim = min(held)
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + WAIT_S
        while not (len(now := _workers(server.process.pid)) == 2 and victim not in now):
            assert time.monotonic() < deadline, f"not replaced: {now}"
            time.sleep(0.1)
        with _one_per_worker(server, 2) as held:  # the new worker serves too
            assert set(held) == now and victim not in held
    log = (tmp_path / "server.log").read_text()
    assert "starting another" in log and f"process {victim}" in log


def test_workers_end_when_the_server_process_is_killed(archive, database_kind, tmp_path):
    build_org(archive)
    with restartable_server(database_kind, archive, tmp_path, ["--workers", "2"]) as server:
        with _one_per_worker(server.current, 2):
            workers = _workers(server.process.pid)
        server.kill()  # SIGKILL: the server process cannot tell its workers
        deadline = time.monotonic() + WAIT_S
        try:
            while running := [pid for pid in workers if alive(pid)]:
                assert time.monotonic() < deadline, f"workers serve on without the server: {running}"
                time.sleep(0.1)
        finally:  # none may outlive a failed test
            for pid in filter(alive, workers):
                os.kill(pid, signal.SIGKILL)
        server.start()  # the port is free again: a restarted server serves (and stops with exit code 0)
        with _one_per_worker(server.current, 2) as held:
            assert not set(held) & workers


def test_a_taken_port_is_exit_code_2_before_any_worker_starts(tmp_path):
    archive = Archive.open_embedded(tmp_path / "archive", create=True)
    archive.close()
    pair = self_signed(tmp_path / "tls")
    command, env = cli_invocation("sqlite", archive, tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", free_port()))
        taken.listen()
        listen = f"127.0.0.1:{taken.getsockname()[1]}"
        serve = [*command, "serve", "--listen", listen, "--tls-cert", str(pair.certificate)]
        result = subprocess.run(
            [*serve, "--tls-key", str(pair.key), "--workers", "2"], env=env, capture_output=True, timeout=60
        )
    assert result.returncode == 2
    assert f"无法在 {listen} 上监听" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


@pytest.mark.parametrize("workers", ["0", "65"])
def test_a_worker_count_out_of_range_is_refused(tmp_path, capsys, workers):
    pair = self_signed(tmp_path / "tls")
    arguments = ["--archive", str(tmp_path / "archive"), "serve", "--listen", "127.0.0.1:1"]
    arguments += ["--tls-cert", str(pair.certificate), "--tls-key", str(pair.key), "--workers", workers]
    assert cli.main(arguments) == 2
    assert f"工作进程数 {workers} 无效" in capsys.readouterr().err
