"""The process's one QApplication, typed: PySide6 types `QApplication.instance()` as a QCoreApplication."""

from collections.abc import Sequence
from typing import cast

from PySide6.QtWidgets import QApplication


def application(argv: Sequence[str]) -> QApplication:
    """The running application (pytest-qt's in the tests), else a new one made with argv."""
    return cast(QApplication | None, QApplication.instance()) or QApplication(list(argv))


def running_application() -> QApplication:
    """The application that exists once any window does."""
    return cast(QApplication, QApplication.instance())
