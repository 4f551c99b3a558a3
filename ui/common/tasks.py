"""Run service calls off the GUI thread; results come back to the GUI thread through a queued signal.

Services are synchronous and Qt-free; each task opens its own database session. Only plain dataclasses
travel back (no ORM objects cross threads).
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Lives on the GUI thread: a worker emits (callback, value) and the callback runs on the GUI thread."""

    delivered = Signal(object, object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.delivered.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        callback(value)


class _Task(QRunnable):
    def __init__(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        relay: _Relay,
    ) -> None:
        super().__init__()
        self._work, self._on_done, self._on_error, self._relay = work, on_done, on_error, relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to the GUI thread, which decides how to show it
            self._relay.delivered.emit(self._on_error, error)
        else:
            self._relay.delivered.emit(self._on_done, result)


class TaskRunner(QObject):
    """Runs work on its own thread pool (one thread by default: database work, serialised as SQLite
    writes are anyway). `wait` blocks until all work is done; call it before closing the archive."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)

    def run(
        self, work: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[Exception], None]
    ) -> None:
        self._pool.start(_Task(work, on_done, on_error, self._relay))

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)
