"""User accounts in the administration section (管理): the accounts an administrator looks after, with
unlock (解锁) and reset password (重置密码). The services check the administrator's rights and audit both.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common.error_text import describe
from ui.common.labels import role_name
from ui.common.password_dialog import PasswordDialog
from ui.common.row_table_model import DISPLAY, ROW_ROLE, RowTableModel, read_only_table
from ui.common.tasks import TaskRunner
from workstation.archive import Archive
from workstation.clock import format_time
from workstation.errors import WorkstationError
from workstation.identity import Identity
from workstation.org import user_admin
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

    Call `load()` to (re)read; `wait()` before the archive closes. Database work runs on the task runner.
    """

    def __init__(self, archive: Archive, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive, self._who = archive, Identity.user(actor)
        self._tasks = TaskRunner(self)
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
        self.message = QLabel(self, wordWrap=True)
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
        def read() -> list[UserRow]:
            with self._archive.sessions.read() as session:
                return user_admin.list_users(session, self._who)

        self._run(read, self._on_loaded)

    def wait(self, msecs: int = -1) -> bool:
        return self._tasks.wait(msecs)

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
        sessions = self._archive.sessions
        self._run(
            lambda: user_admin.unlock_user(sessions, self._who, user.login),
            lambda _none: self._done(self.tr("%1 is unlocked.").replace("%1", user.login)),
        )

    def reset_selected(self) -> PasswordDialog | None:
        user = self.selected()
        if user is None:
            return None
        sessions, who = self._archive.sessions, self._who
        self.reset_dialog = PasswordDialog(
            self.tr("Reset password of %1").replace("%1", user.login),
            self.tr("Give the user this temporary password in person. They must change it when they next sign in."),
            lambda _current, new: user_admin.reset_password(sessions, who, user.login, new),
            parent=self,
        )
        message = self.tr("The password of %1 is reset; they must change it at the next sign-in.")
        self.reset_dialog.accepted.connect(lambda: self._done(message.replace("%1", user.login)))
        self.reset_dialog.open()
        return self.reset_dialog

    def _done(self, message: str) -> None:
        self.message.setText(message)
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
        self.reset_button.setEnabled(user is not None and user.login != self._who.name)

    def _run(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._tasks.run(work, on_done, self._on_failed)

    def _on_failed(self, error: Exception) -> None:
        self.message.setText(
            describe(error) if isinstance(error, WorkstationError) else self.tr("The archive cannot be reached.")
        )
