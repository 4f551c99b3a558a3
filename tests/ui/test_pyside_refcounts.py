"""Guard against PySide6 reference-count bugs that crash a long-running session.

PySide6 6.12.0 drops a reference to True on every Signal.emit(), to None on every QThreadPool.start() of a
Python QRunnable, and to None on every Python-side QModelIndex.data() whose model returns None: after some
thousand calls the interpreter aborts ("deallocating True or False"). constraints.txt pins 6.11.3; this test
fails on any version with such a leak, before users meet it as a crash hours into a review session.
"""

import gc
import sys

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    QThreadPool,
    Signal,
)

CALLS = 6000
TOLERANCE = CALLS // 3  # a leak loses one reference a call; other threads' objects come and go meanwhile


def _counts() -> tuple[int, int, int]:
    gc.collect()  # garbage left by earlier tests would otherwise be freed in the middle of a measurement
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def _assert_no_leak(before: tuple[int, int, int]) -> None:
    after = _counts()
    assert all(b - a < TOLERANCE for a, b in zip(after, before, strict=True)), (before, after)


class _Emitter(QObject):
    fired = Signal(object)


class _Nothing(QRunnable):
    def run(self) -> None:
        pass


class _NoneModel(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, _index, _role=0):
        return None


def test_emitting_signals_keeps_true_alive(qapp):
    emitter, received = _Emitter(), []
    emitter.fired.connect(received.append)
    before = _counts()
    for number in range(CALLS):
        emitter.fired.emit(number)
    _assert_no_leak(before)
    assert len(received) == CALLS


def test_starting_python_runnables_keeps_none_alive(qapp):
    pool = QThreadPool()
    pool.start(_Nothing())  # the pool's first start creates a thread and caches a few objects
    pool.waitForDone()
    before = _counts()
    for _ in range(CALLS):
        pool.start(_Nothing())
    pool.waitForDone()
    _assert_no_leak(before)


def test_reading_a_python_model_from_python_keeps_none_alive(qapp):
    model = _NoneModel()
    before = _counts()
    for _ in range(CALLS):
        model.index(0, 0).data()
    _assert_no_leak(before)
