"""The operation layer: results on the GUI thread, nothing delivered to a closed widget, one failure wording."""

import logging
import threading

from PySide6.QtCore import QEvent, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.common.messages import failure_text
from ui.common.tasks import InlineOperations, Operations
from workstation.errors import PermissionDenied


def test_results_and_failures_arrive_on_the_gui_thread(qtbot, threaded_operations: Operations):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[str, object, bool]] = []

    def on_gui_thread() -> bool:
        return QThread.currentThread() is QApplication.instance().thread()

    worker_threads: list[bool] = []

    def work() -> int:
        worker_threads.append(on_gui_thread())
        return 42

    def refuse() -> None:
        raise PermissionDenied("duty_missing")

    threaded_operations.run(parent, work, lambda value: seen.append(("done", value, on_gui_thread())))
    threaded_operations.run(parent, refuse, print, lambda error: seen.append(("failed", error, on_gui_thread())))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert worker_threads == [False]
    assert seen[0] == ("done", 42, True)
    assert seen[1][0] == "failed" and isinstance(seen[1][1], PermissionDenied) and seen[1][2]


def test_a_result_for_a_closed_widget_is_dropped(qtbot, threaded_operations: Operations):
    parent = QWidget()
    release, delivered = threading.Event(), []
    threaded_operations.run(parent, lambda: release.wait(5), delivered.append)
    parent.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    assert threaded_operations.wait(5000)
    qtbot.wait(50)  # the queued delivery is processed, and dropped
    assert delivered == []


def test_the_inline_runner_delivers_before_run_returns(qtbot, operations: InlineOperations):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[object] = []
    operations.run(parent, lambda: "page", seen.append)
    operations.run_file(parent, lambda: "thumbnail", seen.append)
    assert seen == ["page", "thumbnail"]


def test_a_refusal_is_shown_as_worded_and_a_bug_as_an_internal_error_that_is_logged(qtbot, operations, caplog):
    assert failure_text(PermissionDenied("duty_missing")) == "您没有此项权限。"
    with caplog.at_level(logging.ERROR):
        text = failure_text(KeyError("clip"))
    assert text == "程序内部错误（KeyError）。此前已保存的内容不受影响。"
    assert [record.exc_info[0] for record in caplog.records] == [KeyError]
    caplog.clear()

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    operations.run(window, lambda: (_ for _ in ()).throw(PermissionDenied("duty_missing")), print)
    box = next(widget for widget in QApplication.topLevelWidgets() if isinstance(widget, QMessageBox))
    assert box.isVisible() and box.text() == "您没有此项权限。" and box.windowTitle() == "操作未能完成"
    box.accept()
