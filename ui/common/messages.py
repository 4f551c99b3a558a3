"""What the user is told when an operation fails: one wording for every view.

Services raise `WorkstationError`s worded in plain Chinese for the user; they are shown as they are.
Anything else is a bug or an unforeseen environment problem: it is logged with its traceback for support
and the user reads a short "internal error" text naming the exception's type.
"""

import logging

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.common.error_text import describe
from workstation.errors import WorkstationError

_log = logging.getLogger(__name__)


def failure_text(error: Exception) -> str:
    """The message to show for a failed operation (logs the unexpected ones)."""
    if isinstance(error, WorkstationError):
        return describe(error)
    _log.error("operation failed unexpectedly", exc_info=error)
    return QCoreApplication.translate("messages", "Internal error (%1). What was saved before is kept.").replace(
        "%1", type(error).__name__
    )


def show_failure(parent: QObject, error: Exception) -> QMessageBox:
    """A failure nobody handled in place: a window-modal warning over the window that asked (not blocking)."""
    window = parent.window() if isinstance(parent, QWidget) else None
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("messages", "The operation failed"),
        failure_text(error),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
