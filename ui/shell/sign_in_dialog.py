"""Sign-in (and re-sign-in after the idle lock), and setting up the first administrator of a new archive.

Signing in goes through the archive link (workstation.client.links): the archive opened here, or the
archive server, which then counts the failures and locks the account the same way. The first administrator
is set up in an embedded archive only (a server's archive is set up where it runs)."""

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ui.common.error_text import describe
from ui.common.labels import level_name
from ui.common.messages import failure_text
from ui.common.password_dialog import PasswordDialog
from ui.common.tasks import Operations
from workstation.archive import Archive
from workstation.client.links import ArchiveLink
from workstation.errors import AuthenticationFailed, WorkstationError
from workstation.org import users
from workstation.org.users import SignedInUser
from workstation.types import UnitLevel


class SignInDialog(QDialog):
    """Asks for login and password and checks them with the service (failures count towards lock-out).

    With `locked_login` the dialog is the idle lock: only that user can unlock. `user` holds the result.
    After an administrator's reset the user sets a new password (`change_dialog`) before the dialog accepts.
    """

    def __init__(
        self,
        link: ArchiveLink,
        location: str,
        operations: Operations,
        locked_login: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._link = link
        self._operations = operations
        self.user: SignedInUser | None = None
        self.setWindowTitle(self.tr("Screen locked") if locked_login else self.tr("Sign in"))
        self.login = QLineEdit(locked_login or "")
        self.login.setReadOnly(locked_login is not None)
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Unlock") if locked_login else self.tr("Sign in")
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        title = QLabel(self.tr("Body-worn camera footage review workstation"), alignment=Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 16pt; font-weight: bold; margin: 8px")
        form.addRow(title)
        form.addRow(QLabel(self.tr("Archive: %1").replace("%1", location), wordWrap=True))
        form.addRow(self.tr("Login name"), self.login)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.message)
        form.addRow(self.buttons)
        (self.password if locked_login else self.login).setFocus()

    def submit(self) -> None:
        login, password, link = self.login.text().strip(), self.password.text(), self._link
        self.buttons.setEnabled(False)
        self._operations.run(
            self,
            lambda: link.sign_in(login, password),
            lambda user: self._on_signed_in(user, password),
            self._on_failed,
        )

    def _on_signed_in(self, user: SignedInUser, password: str) -> None:
        if not user.must_change_password:
            self.user = user
            self.accept()
            return
        link = self._link
        self.change_dialog = PasswordDialog(
            self.tr("Set a new password"),
            self.tr("An administrator has reset your password. Choose a new one before you continue."),
            lambda _current, new: link.change_password(user.login, password, new),
            self._operations,
            parent=self,
        )
        self.change_dialog.finished.connect(lambda result: self._on_password_set(user, result))
        self.change_dialog.open()

    def _on_password_set(self, user: SignedInUser, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self.user = replace(user, must_change_password=False)
            self.accept()
            return
        self._on_failed(AuthenticationFailed("new_password_required"))

    def _on_failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.message.setText(failure_text(error))


class FirstAdministratorDialog(QDialog):
    """For a new archive with no users: its top unit and the first administrator's account."""

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self.setWindowTitle(self.tr("Set up a new archive"))
        self.unit_code = QLineEdit(placeholderText="ZD01")
        self.unit_name = QLineEdit()
        self.level = QComboBox()
        for level in (UnitLevel.DETACHMENT, UnitLevel.BRIGADE, UnitLevel.CORPS):
            self.level.addItem(level_name(level), level)
        self.police_type = QLineEdit(self.tr("Fire"))
        self.login = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(
            QLabel(self.tr("This archive has no users yet. Create its unit and first administrator."), wordWrap=True)
        )
        for label, widget in (
            (self.tr("Unit code"), self.unit_code),
            (self.tr("Unit name"), self.unit_name),
            (self.tr("Level"), self.level),
            (self.tr("Police type"), self.police_type),
            (self.tr("Login name"), self.login),
            (self.tr("Display name"), self.display_name),
            (self.tr("Password"), self.password),
            (self.tr("Repeat password"), self.repeat),
        ):
            form.addRow(label, widget)
        form.addRow(self.message)
        form.addRow(buttons)

    def submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        fields = (self.unit_code, self.unit_name, self.login, self.display_name)
        if not all(field.text().strip() for field in fields):
            self.message.setText(self.tr("Fill in every field."))
            return
        try:
            users.create_first_administrator(
                self._archive.sessions,
                self.unit_code.text().strip(),
                self.unit_name.text().strip(),
                self.level.currentData(),
                self.police_type.text().strip(),
                self.login.text().strip(),
                self.display_name.text().strip(),
                self.password.text(),
            )
        except WorkstationError as error:
            self.message.setText(describe(error))
            return
        self.accept()
