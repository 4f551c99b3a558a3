"""Run service calls off the GUI thread; results come back to the GUI thread through a queued signal.

Services are synchronous and Qt-free; each task opens its own database session. Only plain dataclasses
travel back (no ORM objects cross threads).
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Carrier(QObject):
    """Lives on the GUI thread; its signals are delivered there (queued) when emitted from a worker."""

    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], carrier: _Carrier) -> None:
        super().__init__()
        self._work = work
        self._carrier = carrier

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to the GUI thread, which decides how to show it
            self._carrier.failed.emit(error)
        else:
            self._carrier.done.emit(result)


class TaskRunner(QObject):
    """Runs work on a thread pool. Database work goes through one thread (SQLite writes serialise anyway)."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._carriers: set[_Carrier] = set()

    def run(
        self, work: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[Exception], None]
    ) -> None:
        carrier = _Carrier(self)
        self._carriers.add(carrier)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._carriers.discard(carrier)
            carrier.deleteLater()
            callback(value)

        carrier.done.connect(lambda result: finish(on_done, result))
        carrier.failed.connect(lambda error: finish(on_error, error))
        self._pool.start(_Task(work, carrier))

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)
