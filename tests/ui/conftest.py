"""GUI tests: the application gets our Chinese translators installed once, as the real program does.

Views take the application's `Operations`. `operations` runs every call inline (the result is there when
the call returns: no waiting); `threaded_operations` is the real thing, for the tests that are about
threads (paging, ingest, closing while work runs) and the main window's end-to-end tests.
"""

import logging
import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from ui.app import install_translators
from ui.common.tasks import InlineOperations, Operations


@pytest.fixture(scope="session", autouse=True)
def chinese_ui(qapp: QApplication):
    translators = install_translators(qapp)
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def operations(qapp: QApplication) -> InlineOperations:
    return InlineOperations()


@pytest.fixture
def threaded_operations(qapp: QApplication) -> Iterator[Operations]:
    # Owned by the application, not by Python: were the garbage collector to destroy the thread pools
    # while a late job of this test still ran, their destructor would wait for it holding the GIL that
    # the job needs (a deadlock seen in CI). Idle threads end by themselves after 30 s.
    threaded = Operations(qapp)
    yield threaded
    threaded.wait()  # no worker may outlive the test's archive


@pytest.fixture(autouse=True)
def fail_on_logged_errors(request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """A GUI test fails when something logs an error it did not expect: a view that swallowed a bug into
    the log would otherwise pass. Mark a test `allow_log("regex")` for each error it provokes on purpose."""
    allowed = [re.compile(marker.args[0]) for marker in request.node.iter_markers("allow_log")]
    yield
    unexpected = [
        f"{record.name}: {record.getMessage()}"
        for when in ("setup", "call")
        for record in caplog.get_records(when)
        if record.levelno >= logging.ERROR and not any(pattern.search(record.getMessage()) for pattern in allowed)
    ]
    assert unexpected == [], "unexpected errors logged"
