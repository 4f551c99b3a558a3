"""User accounts in the administration section (管理): the accounts an administrator looks after, with
unlock (解锁) and reset password (重置密码). The services check the administrator's rights and audit both.
"""

from typing import Any

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.common.labels import role_name
from ui.common.password_dialog import PasswordDialog
from ui.common.row_table_model import DISPLAY, ROW_ROLE, RowTableModel, read_only_table
from ui.common.status_line import StatusLine
from ui.common.tasks import Operations
from workstation.client import ArchiveClient
from workstation.clock import format_time
from workstation.org.types import UserRow


class UserTableModel(RowTableModel[UserRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("Login name"), self.tr("Name"), self.tr("Role"), self.tr("Unit"), self.tr("State")]

    def cell(self, row: UserRow, column: int, role: int) -> Any:
        if role != DISPLAY:
            return None
        if column == 4:
            return self.state(row)
        return (row.login, row.display_name, role_name(row.role), f"{row.unit_code} {row.unit_name}")[column]

    def state(self, row: UserRow) -> str:
        states = []
        if row.locked_until:
            states.append(self.tr("Locked until %1").replace("%1", format_time(row.locked_until)))
        if not row.active:
            states.append(self.tr("Deactivated"))
        if row.must_change_password:
            states.append(self.tr("Must change password"))
        return "; ".join(states) or self.tr("Normal")


class UsersView(QWidget):
    """List the accounts `actor` looks after; unlock one, or give it a temporary password.

    Call `load()` to (re)read. Database work runs on the application's `operations`.
    """

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._operations = operations
        self.reset_dialog: PasswordDialog | None = None
        self.model = UserTableModel(self)
        self.table = read_only_table(self)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.reset_button = QPushButton(self.tr("Reset password…"), self)
        self.reset_button.clicked.connect(self.reset_selected)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.load)
        self.message = StatusLine(self)
        toolbar = QHBoxLayout()
        for button in (self.unlock_button, self.reset_button):
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        toolbar.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self._update_buttons()

    def load(self) -> None:
        self._operations.run(self, self._client.list_users, self._on_loaded, self.message.show_failure)

    def selected(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select_login(self, login: str) -> None:
        row = next(number for number, user in enumerate(self.model.rows) if user.login == login)
        self.table.selectRow(row)

    def unlock_selected(self) -> None:
        user = self.selected()
        if user is None:
            return
        client = self._client
        self._operations.run(
            self,
            lambda: client.unlock_user(user.login),
            lambda _none: self._done(self.tr("%1 is unlocked.").replace("%1", user.login)),
            self.message.show_failure,
        )

    def reset_selected(self) -> PasswordDialog | None:
        user = self.selected()
        if user is None:
            return None
        client = self._client
        self.reset_dialog = PasswordDialog(
            self.tr("Reset password of %1").replace("%1", user.login),
            self.tr("Give the user this temporary password in person. They must change it when they next sign in."),
            lambda _current, new: client.reset_password(user.login, new),
            self._operations,
            parent=self,
        )
        message = self.tr("The password of %1 is reset; they must change it at the next sign-in.")
        self.reset_dialog.accepted.connect(lambda: self._done(message.replace("%1", user.login)))
        self.reset_dialog.open()
        return self.reset_dialog

    def _done(self, message: str) -> None:
        self.message.say(message)
        self.load()

    def _on_loaded(self, rows: list[UserRow]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        if selected is not None and any(row.login == selected.login for row in rows):
            self.select_login(selected.login)
        self._update_buttons()

    def _update_buttons(self, *_selection: QItemSelection) -> None:
        user = self.selected()
        self.unlock_button.setEnabled(user is not None and user.locked_until is not None)
        self.reset_button.setEnabled(user is not None and user.login != self._client.who.name)
