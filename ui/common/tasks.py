"""The one operation layer of the GUI: service calls run off the GUI thread, results come back to it.

The application creates one `Operations` and hands it to every view (Anki's CollectionOp, Picard's
run_task): `run` for archive work on one thread (database work is serialised, as SQLite writes are
anyway), `run_file` for file I/O (thumbnails) on a small pool of its own so it never queues behind the
database. A callback is dropped when the widget that asked has been destroyed meanwhile; a failure
without its own handler is shown by `ui.common.messages.show_failure`. `InlineOperations` runs each
call at once on the calling thread: tests use it and need no waiting.

Services are synchronous and Qt-free and own their transactions. Only plain dataclasses travel back
(no ORM objects cross threads).
"""

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import Shiboken

from ui.common.messages import show_failure

_log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class _Delivery:
    """Where a result goes: `on_done` or `on_failed` of `parent`, unless `parent` is gone."""

    def __init__(self, parent: QObject, on_done: Done, on_failed: Failed | None) -> None:
        self.parent, self.on_done, self.on_failed = parent, on_done, on_failed

    def deliver(self, outcome: Any) -> None:
        if not Shiboken.isValid(self.parent):
            _log.debug("result dropped: the widget that asked for it was closed")
            return
        if not isinstance(outcome, _Failure):
            self.on_done(outcome)
        elif self.on_failed is not None:
            self.on_failed(outcome.error)
        else:
            show_failure(self.parent, outcome.error)


class _Failure:
    """A call's exception on its way to the GUI thread (a call may well return an exception as a value)."""

    def __init__(self, error: Exception) -> None:
        self.error = error


class _Job:
    """One call on its way: what to run, where the result goes, and (once run) the outcome.

    Jobs are owned by the GUI thread (`Operations._jobs`). A worker drops its reference before it
    signals, so the last reference to the call, the asking widget and the outcome (whose traceback may
    reach that widget) always goes on the GUI thread: a widget must never be destroyed on a worker.
    """

    def __init__(self, call: Callable[[], Any], delivery: _Delivery) -> None:
        self.call, self.delivery = call, delivery
        self.outcome: Any = None


class _Relay(QObject):
    """Lives on the GUI thread: a worker emits a job's number and the job is delivered on the GUI thread."""

    finished = Signal(int)


def _outcome(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except Exception as error:  # handed to the GUI thread, which decides how to show it
        return _Failure(error)


class _Task(QRunnable):
    def __init__(self, number: int, job: _Job, relay: _Relay) -> None:
        super().__init__()
        self._number, self._relay = number, relay
        self._job: _Job | None = job

    def run(self) -> None:
        job, self._job = self._job, None
        assert job is not None, "a task runs once"
        job.outcome = _outcome(job.call)
        del job  # the GUI thread holds the job until it is delivered
        self._relay.finished.emit(self._number)


class Operations(QObject):
    """The application's worker threads: one for the archive, `file_threads` for file I/O.

    `run(parent, call, on_done, on_failed=None)`: `call()` runs on the archive thread; its result goes to
    `on_done`, its exception to `on_failed` (or the shared failure message), both on the GUI thread and
    only while `parent` exists. `wait()` blocks until all work is done: call it before closing the archive.
    """

    def __init__(self, parent: QObject | None = None, file_threads: int = 2) -> None:
        super().__init__(parent)
        self._archive_pool = QThreadPool(self)
        self._archive_pool.setMaxThreadCount(1)
        self._file_pool = QThreadPool(self)
        self._file_pool.setMaxThreadCount(file_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._jobs: dict[int, _Job] = {}
        self._numbers = itertools.count()

    def run(self, parent: QObject, call: Callable[[], Any], on_done: Done, on_failed: Failed | None = None) -> None:
        """Archive work (services, which open their own database sessions)."""
        self._start(self._archive_pool, call, _Delivery(parent, on_done, on_failed))

    def run_file(
        self, parent: QObject, call: Callable[[], Any], on_done: Done, on_failed: Failed | None = None
    ) -> None:
        """File work that must not wait behind the database (thumbnails)."""
        self._start(self._file_pool, call, _Delivery(parent, on_done, on_failed))

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued work is done (results still need the event loop to arrive)."""
        return self._archive_pool.waitForDone(msecs) and self._file_pool.waitForDone(msecs)

    def _start(self, pool: QThreadPool, call: Callable[[], Any], delivery: _Delivery) -> None:
        number = next(self._numbers)
        self._jobs[number] = job = _Job(call, delivery)
        pool.start(_Task(number, job, self._relay))

    @Slot(int)
    def _deliver(self, number: int) -> None:
        job = self._jobs.pop(number)
        job.delivery.deliver(job.outcome)


class InlineOperations(Operations):
    """Runs each call at once on the calling thread and delivers its result before `run` returns (tests)."""

    def _start(self, pool: QThreadPool, call: Callable[[], Any], delivery: _Delivery) -> None:  # noqa: ARG002
        delivery.deliver(_outcome(call))
