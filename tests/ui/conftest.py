"""GUI tests: the application gets our Chinese translators installed once, as the real program does."""

import pytest
from PySide6.QtWidgets import QApplication

from ui.app import install_translators


@pytest.fixture(scope="session", autouse=True)
def chinese_ui(qapp: QApplication):
    translators = install_translators(qapp)
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
