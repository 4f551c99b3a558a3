"""The server's one pre-screen runner, reached from its worker processes (workstation.server.serve).

The `ScanRunner` keeps its queue and jobs in memory and must run once per server, so that no clip is decoded
twice and a job asked on one connection can be polled on another (each connection lands on whichever worker
accepted it). It lives in the `workstation serve` process; `RunnerLink` there answers the workers' calls over
a local connection (multiprocessing.connection: a Unix socket, a named pipe on Windows, with a random key
that only the spawned workers are given), and each worker's `RemoteRunner` is the routes' `ScanQueue`.
A refusal (PermissionDenied for another user's job) travels back as itself.
"""

import logging
import secrets
import threading
from dataclasses import dataclass
from multiprocessing.connection import Client, Connection, Listener
from typing import Any

from workstation.client.wire import ScanJob, ScanRequest
from workstation.errors import WorkstationError
from workstation.identity import Identity
from workstation.server.scan_runner import ScanQueue

_log = logging.getLogger(__name__)

_CALLS = ("wake", "request", "job")


@dataclass(frozen=True)
class LinkAddress:
    """Where a worker reaches the runner (picklable: handed to the spawned workers)."""

    address: str
    key: bytes


class RunnerLink:
    """Answers the workers' calls on `runner` from a thread of this process, until `close`."""

    def __init__(self, runner: ScanQueue) -> None:
        self.runner = runner
        key = secrets.token_bytes(32)
        self._listener = Listener(authkey=key)
        self.address = LinkAddress(str(self._listener.address), key)
        threading.Thread(target=self._accept, name="runner-link", daemon=True).start()

    def close(self) -> None:
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                connection = self._listener.accept()
            except OSError:  # closed: the server stops
                return
            except Exception:  # a caller without the key (multiprocessing.AuthenticationError), a broken handshake
                _log.warning("runner link: a connection was refused", exc_info=True)
                continue
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection: Connection) -> None:
        with connection:
            try:
                name, arguments = connection.recv()
                if name not in _CALLS:
                    raise ValueError(f"unknown runner call {name!r}")
                try:
                    connection.send((True, getattr(self.runner, name)(*arguments)))
                except WorkstationError as error:
                    connection.send((False, error))
            except (EOFError, OSError):  # the worker went away mid-call
                pass
            except Exception:
                _log.exception("runner link: a call failed")


class RemoteRunner:
    """A worker's `ScanQueue`: each call one short local connection to the server's `RunnerLink`."""

    def __init__(self, address: LinkAddress) -> None:
        self.address = address

    def wake(self) -> None:
        """Told after an upload run: a runner out of reach (the server stopping) is logged, never the upload's
        failure; the periodic round scans what it missed."""
        try:
            self._call("wake")
        except (OSError, EOFError) as error:
            _log.warning("the pre-screen runner was not told of a finished upload run: %s", error)

    def request(self, who: Identity, asked: ScanRequest) -> ScanJob:
        job: ScanJob = self._call("request", who, asked)
        return job

    def job(self, who: Identity, job_id: int) -> ScanJob:
        job: ScanJob = self._call("job", who, job_id)
        return job

    def _call(self, name: str, *arguments: object) -> Any:
        with Client(self.address.address, authkey=self.address.key) as connection:
            connection.send((name, arguments))
            answered, value = connection.recv()
        if not answered:
            raise value
        return value
