"""Setting a password: one's own (changing it, or replacing a temporary one at sign-in) or, for an
administrator, another user's temporary password. The service does the checking (the password policy,
the old password, the administrator's rights); this dialog only asks twice and shows what it says.
"""

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ui.common.messages import failure_text
from ui.common.tasks import Operations


class PasswordDialog(QDialog):
    """Asks for a new password twice, and with `ask_current` for the current one too.

    `apply(current, new)` runs on `operations` (scrypt takes a moment); the dialog closes when it
    succeeds and shows the service's message when it fails. `current` is "" without `ask_current`.
    While a change is on its way the dialog cannot be cancelled: its answer must find the dialog there.
    """

    def __init__(
        self,
        title: str,
        explanation: str,
        apply: Callable[[str, str], None],
        operations: Operations,
        ask_current: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._apply = apply
        self._operations = operations
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
        self._operations.run(self, lambda: self._apply(current, new), self._on_changed, self._on_failed)

    def reject(self) -> None:
        if self.buttons.isEnabled():
            super().reject()

    def _on_changed(self, _none: None) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(failure_text(error))
