"""The worker processes of `workstation serve --workers N` (N > 1), and how the server process keeps them.

One Python process serves with one interpreter lock, so at most about one core; N processes, each with its own
interpreter and its own connections to the archive, share the listening socket bound by the server process
(each accepts the connections it is the first to take). The processes are spawned (a fresh interpreter, no
thread or database connection copied; the same in the frozen program, whose entry calls
multiprocessing.freeze_support) and handed the socket.

The server process keeps them:
- a worker that ends before it serves (its archive cannot be opened, a bug at start) would end so again: the
  others are stopped and the server ends with `WorkerFailed` (exit code 2);
- a worker that ends while serving (killed, out of memory, a crash in a library) loses the connections it held;
  another is started in its place, and the log says so;
- on SIGTERM or Ctrl+C (Windows: the service's Ctrl+C, and Ctrl+Break sent to each worker), every worker is
  told to stop; each finishes its requests in flight (workstation.server.serve) and ends; `supervise`
  returns once all have ended. A worker still running `STOP_WAIT_S` later is killed (and logged).
"""

import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess
from types import FrameType
from typing import Any

from workstation.errors import WorkstationError

_log = logging.getLogger(__name__)

MOST_WORKERS = 4
"""The default is one worker per core up to this many (see `default_workers`)."""
WORKER_LIMIT = 64
"""The most `--workers` may ask for (a typo's thousand processes would take the machine down)."""
POLL_S = 0.2
"""How often the server process looks for a stop signal while its workers run."""

_spawn = multiprocessing.get_context("spawn")
if sys.platform == "win32":  # a service is stopped with Ctrl+C (or Ctrl+Break); a worker is sent Ctrl+Break
    _STOP_SIGNALS: tuple[int, ...] = (signal.SIGINT, signal.SIGTERM, signal.SIGBREAK)
    _STOP_WORKER: int = signal.CTRL_BREAK_EVENT
else:
    _STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
    _STOP_WORKER = signal.SIGTERM


class WorkerFailed(WorkstationError):
    """A worker process ended before it served: the server cannot start as configured."""


def default_workers() -> int:
    """One worker per core, at most MOST_WORKERS: a worker uses at most about one core, so more workers than
    cores only add memory and database connections (each worker has its own pool, up to 15 PostgreSQL
    connections); past four, run another instance behind the reverse proxy instead."""
    return max(1, min(os.cpu_count() or 1, MOST_WORKERS))


class _Worker:
    """One worker process: `target(*arguments, ready)`, which calls `ready()` once it serves."""

    def __init__(self, number: int, target: Callable[..., None], arguments: tuple[Any, ...]) -> None:
        self.number, self.ready = number, _spawn.Event()
        self.process: BaseProcess = _spawn.Process(
            target=target, args=(*arguments, self.ready), name=f"workstation-serve-{number}", daemon=False
        )
        self.process.start()

    @property
    def exitcode(self) -> int | None:
        return self.process.exitcode

    def stop(self) -> None:
        """Ask the worker to stop gracefully (SIGTERM; Ctrl+Break on Windows, which the worker takes as it)."""
        if self.process.is_alive() and self.process.pid is not None:
            with suppress(OSError):  # it has just ended
                os.kill(self.process.pid, _STOP_WORKER)


def supervise(count: int, target: Callable[..., None], arguments: tuple[Any, ...], stop_wait_s: float) -> None:
    """Run `count` workers (`target(*arguments, ready)` each, `target` a module-level function and the
    arguments picklable) until SIGTERM/SIGINT, keeping them as the module docstring says; then stop them and
    return once they have ended. Raises WorkerFailed when a worker ends before it serves."""
    stopping = threading.Event()

    def stop(_number: int, _frame: FrameType | None) -> None:
        stopping.set()

    previous = {number: signal.signal(number, stop) for number in _STOP_SIGNALS}
    workers = [_Worker(number, target, arguments) for number in range(count)]
    try:
        failed = _keep(workers, target, arguments, stopping)
    finally:
        _stop_all(workers, stop_wait_s)
        for number, handler in previous.items():
            signal.signal(number, handler)
    if failed is not None:
        raise WorkerFailed(number=failed.number, exit_code=failed.exitcode)


def _keep(
    workers: list[_Worker], target: Callable[..., None], arguments: tuple[Any, ...], stopping: threading.Event
) -> _Worker | None:
    """Until `stopping`: restart a worker that ends while serving; the worker that ended before it served, if one
    did (then the others are to be stopped)."""
    while not stopping.is_set():
        wait([worker.process.sentinel for worker in workers], timeout=POLL_S)
        for index, worker in enumerate(workers):
            if worker.process.is_alive() or stopping.is_set():
                continue
            if not worker.ready.is_set():
                _log.error("server worker %d ended before serving (exit code %s)", worker.number, worker.exitcode)
                return worker
            _log.warning(
                "server worker %d (process %s) ended with exit code %s; starting another",
                worker.number,
                worker.process.pid,
                worker.exitcode,
            )
            workers[index] = _Worker(worker.number, target, arguments)
    return None


def _stop_all(workers: list[_Worker], stop_wait_s: float) -> None:
    for worker in workers:
        worker.stop()
    deadline = time.monotonic() + stop_wait_s
    for worker in workers:
        worker.process.join(max(0.0, deadline - time.monotonic()))
        if worker.process.is_alive():
            _log.error("server worker %d did not stop within %s s: killed", worker.number, stop_wait_s)
            worker.process.kill()
            worker.process.join()
