"""GUI tests: the application gets our Chinese translators installed once, as the real program does.

Views take the application's `Operations`. `operations` runs every call inline (the result is there when
the call returns: no waiting); `threaded_operations` is the real thing, for the tests that are about
threads (paging, ingest, closing while work runs) and the main window's end-to-end tests.
"""

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from ui.app import install_translators
from ui.common.tasks import InlineOperations, Operations


@pytest.fixture(scope="session", autouse=True)
def chinese_ui(qapp: QApplication):
    translators = install_translators(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def operations(qapp: QApplication) -> InlineOperations:
    return InlineOperations()


@pytest.fixture
def threaded_operations(qapp: QApplication) -> Iterator[Operations]:
    threaded = Operations()
    yield threaded
    threaded.wait()  # no worker may outlive the test's archive
