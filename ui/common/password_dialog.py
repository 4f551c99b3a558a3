"""Setting a password: one's own (changing it, or replacing a temporary one at sign-in) or, for an
administrator, another user's temporary password. The service does the checking (the password policy,
the old password, the administrator's rights); this dialog only asks twice and shows what it says.
"""

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ui.common.error_text import describe
from ui.common.tasks import TaskRunner
from workstation.errors import WorkstationError


class PasswordDialog(QDialog):
    """Asks for a new password twice, and with `ask_current` for the current one too.

    `apply(current, new)` runs on the task runner (scrypt takes a moment); the dialog closes when it
    succeeds and shows the service's message when it fails. `current` is "" without `ask_current`.
    """

    def __init__(
        self,
        title: str,
        explanation: str,
        apply: Callable[[str, str], None],
        ask_current: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._apply = apply
        self._tasks = TaskRunner(self)
        self.setWindowTitle(title)
        self.current = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.new = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(explanation, wordWrap=True))
        if ask_current:
            form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("Repeat password"), self.repeat)
        form.addRow(self.message)
        form.addRow(self.buttons)
        (self.current if ask_current else self.new).setFocus()

    def submit(self) -> None:
        if self.new.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        current, new = self.current.text(), self.new.text()
        self.message.clear()
        self.buttons.setEnabled(False)
        self._tasks.run(lambda: self._apply(current, new), lambda _none: self.accept(), self._on_failed)

    def _on_failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(
            describe(error) if isinstance(error, WorkstationError) else self.tr("The archive cannot be reached.")
        )

    def done(self, result: int) -> None:
        self._tasks.wait()  # a running change must finish (or fail) before the dialog goes
        super().done(result)
