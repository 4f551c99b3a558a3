"""The main window: navigation (档案, 抽查, 审批, 统计, 管理), the signed-in user, the idle lock."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QMainWindow, QSplitter, QStackedWidget, QWidget

from ui import prefs
from ui.archive_view import ArchiveView
from ui.idle_lock import IdleWatcher
from ui.labels import role_name
from ui.settings_dialog import SettingsDialog
from ui.sign_in_dialog import SignInDialog
from workstation.archive import Archive
from workstation.users import SignedInUser


class MainWindow(QMainWindow):
    """One window per signed-in session. Sections are pages of a stack chosen in the navigation list."""

    def __init__(
        self, archive: Archive, user: SignedInUser, location: str, preferences: prefs.Preferences, thumbnail_dir: Path
    ) -> None:
        super().__init__()
        self.archive, self.user, self.location = archive, user, location
        self._preferences = preferences
        self.setWindowTitle(self.tr("Body-worn camera footage review workstation"))
        self.navigation = QListWidget()
        self.navigation.setFixedWidth(120)
        self.navigation.setStyleSheet("QListWidget { font-size: 13pt } QListWidget::item { padding: 10px }")
        self.pages = QStackedWidget()
        self.archive_view = ArchiveView(archive, user.login, thumbnail_dir)
        self.archive_view.problem.connect(self.show_problem)
        self.sections: dict[str, QWidget] = {}
        self.add_section("archive", self.tr("Archive"), self.archive_view)
        for key, title in (
            ("spotcheck", self.tr("Spot check")),
            ("approvals", self.tr("Approvals")),
            ("reports", self.tr("Reports")),
            ("admin", self.tr("Administration")),
        ):
            self.add_section(key, title, _placeholder(self.tr("%1 arrives with a later release.").replace("%1", title)))
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        body = QSplitter()
        body.addWidget(self.navigation)
        body.addWidget(self.pages)
        body.setStretchFactor(1, 1)
        self.setCentralWidget(body)

        self.user_label = QLabel(
            self.tr("%1 (%2) · %3 · %4")
            .replace("%1", user.display_name)
            .replace("%2", user.login)
            .replace("%3", user.unit_name)
            .replace("%4", role_name(user.role))
        )
        self.problem_label = QLabel(styleSheet="color: #b00020")
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addWidget(self.problem_label, 1)
        self.statusBar().addPermanentWidget(QLabel(self.tr("Archive: %1").replace("%1", location)))
        self._build_menu()

        self.idle = IdleWatcher(preferences.get(prefs.IDLE_LOCK_MINUTES), self)
        QApplication.instance().installEventFilter(self.idle)
        self.idle.idle.connect(self.lock)
        self.locked = False
        geometry = preferences.get(prefs.WINDOW_GEOMETRY)
        if geometry.isEmpty():
            self.resize(1500, 860)
        else:
            self.restoreGeometry(geometry)
        splitter_state = preferences.get(prefs.BROWSER_SPLITTER)
        if not splitter_state.isEmpty():
            self.archive_view.splitter.restoreState(splitter_state)

    def add_section(self, key: str, title: str, page: QWidget) -> None:
        """Add or replace a navigation section (later features put their views here)."""
        if key in self.sections:
            index = self.pages.indexOf(self.sections[key])
            self.pages.removeWidget(self.sections[key])
            self.pages.insertWidget(index, page)
        else:
            self.navigation.addItem(title)
            self.pages.addWidget(page)
        self.sections[key] = page

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        lock = QAction(self.tr("Lock screen"), self, shortcut="Ctrl+L")
        lock.triggered.connect(self.lock)
        quit_action = QAction(self.tr("Quit"), self, shortcut="Ctrl+Q")
        quit_action.triggered.connect(self.close)
        file_menu.addActions([lock, quit_action])
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        preferences = QAction(self.tr("Preferences…"), self)
        preferences.triggered.connect(self._edit_preferences)
        settings_menu.addAction(preferences)

    def load(self) -> None:
        self.archive_view.load()

    def show_problem(self, message: str) -> None:
        self.problem_label.setText(message)

    def _edit_preferences(self) -> None:
        if SettingsDialog(self._preferences, self).exec() == SettingsDialog.DialogCode.Accepted:
            self.idle.set_minutes(self._preferences.get(prefs.IDLE_LOCK_MINUTES))

    def lock(self) -> None:
        """Hide the footage until the same user signs in again; cancelling closes the program."""
        if self.locked:
            return
        self.locked = True
        self.centralWidget().setVisible(False)
        dialog = SignInDialog(self.archive, self.location, locked_login=self.user.login, parent=self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(self._on_unlock_finished)
        self.lock_dialog = dialog
        dialog.open()

    def _on_unlock_finished(self, result: int) -> None:
        if result != SignInDialog.DialogCode.Accepted:
            self.close()
            return
        self.locked = False
        self.centralWidget().setVisible(True)
        self.idle.restart()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._preferences.set(prefs.WINDOW_GEOMETRY, self.saveGeometry())
        self._preferences.set(prefs.BROWSER_SPLITTER, self.archive_view.splitter.saveState())
        self.archive_view.wait()  # workers may still hold database sessions
        QApplication.instance().removeEventFilter(self.idle)
        super().closeEvent(event)


def _placeholder(text: str) -> QWidget:
    label = QLabel(text, alignment=Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: #666; font-size: 14pt")
    return label
