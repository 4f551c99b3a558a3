"""What every window of a signed-in session has: the user and the archive in the status bar, a failed call
shown with Retry, the menus, the idle lock, the password change, and a careful close.

Two windows build on it: the main window of reviewers and administrators (ui.shell.main_window), and the
ingest station's (ui.shell.station_window), whose account may upload recorder dumps and nothing else.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QWidget

from ui.archive.ingest_dialog import IngestDialog
from ui.common import prefs
from ui.common.application import running_application
from ui.common.labels import role_name
from ui.common.password_dialog import PasswordDialog
from ui.common.tasks import Operations
from ui.shell.idle_lock import IdleWatcher
from ui.shell.settings_dialog import SettingsDialog
from ui.shell.sign_in_dialog import SignInDialog
from workstation.client import ArchiveClient
from workstation.client.links import ArchiveLink
from workstation.org.users import SignedInUser


class SignedInWindow(QMainWindow):
    """The frame of a signed-in session around `body` (hidden while the screen is locked).

    Subclasses build their body, hand it to `set_body`, and may extend `load` (fetch what the body shows),
    `ingest_finished` (after an import from recorders) and `closing` (before the window goes).
    """

    def __init__(
        self,
        client: ArchiveClient,
        link: ArchiveLink,
        user: SignedInUser,
        location: str,
        preferences: prefs.Preferences,
        operations: Operations,
    ) -> None:
        super().__init__()
        self.link, self.user, self.location = link, user, location
        self.client = client  # every section asks the archive through it
        self.operations = operations
        self._preferences = preferences
        self.setWindowTitle(self.tr("Body-worn camera footage review workstation"))
        self.body = QWidget()
        self.ingest_dialog: IngestDialog | None = None
        self.user_label = QLabel(
            self.tr("%1 (%2) · %3 · %4")
            .replace("%1", user.display_name)
            .replace("%2", user.login)
            .replace("%3", user.unit_name)
            .replace("%4", role_name(user.role))
        )
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #b00020")
        self.retry = QPushButton(self.tr("Retry"))
        self.retry.setVisible(False)
        self.retry.clicked.connect(self._retry)
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addWidget(self.problem_label, 1)
        self.statusBar().addWidget(self.retry)
        self.statusBar().addPermanentWidget(QLabel(self.tr("Archive: %1").replace("%1", location)))
        self._build_menu()

        self.idle = IdleWatcher(preferences.get(prefs.IDLE_LOCK_MINUTES), self)
        running_application().installEventFilter(self.idle)
        self.idle.idle.connect(self.lock)
        self.locked = False
        geometry = preferences.get(prefs.WINDOW_GEOMETRY)
        if geometry.isEmpty():
            self.resize(1500, 860)
        else:
            self.restoreGeometry(geometry)

    def set_body(self, body: QWidget) -> None:
        self.body = body
        self.setCentralWidget(body)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        lock = QAction(self.tr("Lock screen"), self, shortcut=QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock)
        quit_action = QAction(self.tr("Quit"), self, shortcut=QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        ingest = QAction(self.tr("Import from recorders…"), self, shortcut=QKeySequence("Ctrl+I"))
        ingest.triggered.connect(self.open_ingest)
        file_menu.addActions([ingest, lock, quit_action])
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        preferences = QAction(self.tr("Preferences…"), self)
        preferences.triggered.connect(self._edit_preferences)
        change_password = QAction(self.tr("Change password…"), self)
        change_password.triggered.connect(self.open_change_password)
        settings_menu.addActions([preferences, change_password])

    def load(self) -> None:
        """Fetch what the window shows (again, after Retry)."""

    def ingest_finished(self) -> None:
        """An import from recorders ended: show what it brought."""

    def closing(self) -> None:
        """The window is about to close (no import is running any more)."""

    def open_ingest(self) -> IngestDialog:
        """The ingest dialog (non-modal: the window goes on working while recorders copy)."""
        if self.ingest_dialog is None:
            self.ingest_dialog = IngestDialog(self.client, self.operations, self)
            self.ingest_dialog.ingest_finished.connect(self.ingest_finished)
        self.ingest_dialog.show()
        self.ingest_dialog.raise_()
        return self.ingest_dialog

    def show_problem(self, message: str) -> None:
        """A failed call (database or archive server gone, share offline): say so, and offer to try again."""
        self.problem_label.setText(self.tr("The archive could not be read: %1").replace("%1", message))
        self.retry.setVisible(True)

    def _retry(self) -> None:
        self.problem_label.clear()
        self.retry.setVisible(False)
        self.load()

    def _edit_preferences(self) -> None:
        if SettingsDialog(self._preferences, self).exec() == SettingsDialog.DialogCode.Accepted:
            self.idle.set_minutes(self._preferences.get(prefs.IDLE_LOCK_MINUTES))

    def open_change_password(self) -> PasswordDialog:
        link, login = self.link, self.user.login
        dialog = PasswordDialog(
            self.tr("Change password"),
            self.tr("Five wrong current passwords lock the account, as at sign-in."),
            lambda current, new: link.change_password(login, current, new),
            self.operations,
            ask_current=True,
            parent=self,
        )
        dialog.open()
        return dialog

    def lock(self) -> None:
        """Hide the window's contents until the same user signs in again; cancelling closes the program."""
        if self.locked:
            return
        self.locked = True
        self.body.setVisible(False)
        dialog = SignInDialog(self.link, self.location, self.operations, locked_login=self.user.login, parent=self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(self._on_unlock_finished)
        self.lock_dialog = dialog
        dialog.open()

    def _on_unlock_finished(self, result: int) -> None:
        if result != SignInDialog.DialogCode.Accepted:
            self.close()
            return
        self.locked = False
        self.body.setVisible(True)
        self.idle.restart()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ingest_dialog is not None and self.ingest_dialog.is_running():
            self.ingest_dialog.reject()  # asks, then stops at the next file (ingest resumes next time)
            if self.ingest_dialog.is_running():
                event.ignore()
                return
        self._preferences.set(prefs.WINDOW_GEOMETRY, self.saveGeometry())
        self.closing()
        self.operations.wait()  # workers may still hold database sessions
        running_application().removeEventFilter(self.idle)
        super().closeEvent(event)
