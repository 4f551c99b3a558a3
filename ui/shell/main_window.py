"""The main window: navigation (档案, 抽查, 审批, 证据导出, 统计, 管理), the signed-in user, the idle lock."""

from datetime import date
from typing import Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from ui.admin.audit_view import AuditView
from ui.admin.devices_view import DevicesView
from ui.admin.retention_view import RetentionView
from ui.admin.users_view import UsersView
from ui.approvals.view import ApprovalsView
from ui.archive.ingest_dialog import IngestDialog
from ui.archive.view import ArchiveView
from ui.common import prefs
from ui.common.application import running_application
from ui.common.export_target import ExportTarget
from ui.common.labels import role_name
from ui.common.password_dialog import PasswordDialog
from ui.common.tasks import Operations
from ui.evidence.export_dialog import ExportDialog
from ui.evidence.view import EvidenceExportsView
from ui.playback.player_window import PlayerWindow
from ui.shell.idle_lock import IdleWatcher
from ui.shell.settings_dialog import SettingsDialog
from ui.shell.sign_in_dialog import SignInDialog
from ui.spotcheck.ledger_view import LedgerView
from ui.spotcheck.review_window import ReviewWindow
from ui.spotcheck.view import SpotCheckView
from ui.statistics.tasks_panel import ReportTasksPanel
from ui.statistics.view import StatisticsView
from workstation.client import ArchiveClient
from workstation.client.links import ArchiveLink
from workstation.footage.types import ClipFilter
from workstation.org.users import SignedInUser
from workstation.spotcheck.types import SampleItemRow
from workstation.types import Role


class _Section(Protocol):
    """A section that loads data (on the application's operations)."""

    def load(self) -> None: ...


_Player = TypeVar("_Player", bound=PlayerWindow)


class MainWindow(QMainWindow):
    """One window per signed-in session. Sections are pages of a stack chosen in the navigation list.

    The window gets the signed-in user's archive client — local or the archive server's, the window works the
    same on both — and hands it to every section (issue 11: the views never open a database session); the
    link it was signed in through checks the password again after the idle lock. Every view runs its work on
    the application's one `operations`; closing waits for it to finish.
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
        self.navigation = QListWidget()
        self.navigation.setFixedWidth(120)
        self.navigation.setStyleSheet("QListWidget { font-size: 13pt } QListWidget::item { padding: 10px }")
        self.pages = QStackedWidget()
        self.archive_view = ArchiveView(self.client, operations)
        self.archive_view.problem.connect(self.show_problem)
        self.archive_view.play_requested.connect(self.open_clip)
        self.archive_view.tree.day_requested.connect(self.open_officer_day)
        self.archive_view.export_requested.connect(self.open_evidence_export)
        self.players: list[PlayerWindow] = []
        self.sections: dict[str, QWidget] = {}
        self.add_section("archive", self.tr("Archive"), self.archive_view)
        self.spotcheck_view = SpotCheckView(self.client, operations)
        self.spotcheck_view.review_requested.connect(self.open_review)
        self.ledger_view = LedgerView(self.client, operations)
        spot_tabs = QTabWidget()
        spot_tabs.addTab(self.spotcheck_view, self.tr("Daily spot check"))
        spot_tabs.addTab(self.ledger_view, self.tr("Check ledger"))
        self.add_section("spotcheck", self.tr("Spot check"), spot_tabs)
        self.approvals_view = ApprovalsView(self.client, operations)
        self.approvals_view.inbox_count_changed.connect(self._show_inbox_count)
        self.add_section("approvals", self.tr("Approvals"), self.approvals_view)
        # every role may export within its download right; the services list each user's own exports, and all
        # of them to administrators and inspection staff
        self.evidence_view = EvidenceExportsView(self.client, operations)
        self.add_section("evidence", self.tr("Evidence export"), self.evidence_view)
        self.export_dialog: ExportDialog | None = None
        self.statistics_view = StatisticsView(self.client, operations)
        self.statistics_view.clips_requested.connect(self.show_clips)
        self.report_tasks_view: ReportTasksPanel | None = None
        if user.role is Role.ADMIN:  # scheduled reports are the administrators' (the services refuse others)
            self.report_tasks_view = ReportTasksPanel(self.client, operations)
            self.report_tabs = QTabWidget()
            self.report_tabs.addTab(self.statistics_view, self.tr("Figures"))
            self.report_tabs.addTab(self.report_tasks_view, self.tr("Report tasks"))
            self.report_tasks_view.failures_changed.connect(self._show_report_failures)
            self.add_section("reports", self.tr("Reports"), self.report_tabs)
        else:
            self.add_section("reports", self.tr("Reports"), self.statistics_view)
        self.admin_tabs = QTabWidget()
        # the services refuse these functions to anyone else; the tabs are only shown to those who may use them
        self.devices_view: DevicesView | None = None
        self.users_view: UsersView | None = None
        self.audit_view: AuditView | None = None
        self.retention_view: RetentionView | None = None
        if user.role is Role.ADMIN:
            self.devices_view = DevicesView(self.client, operations)
            self.devices_view.registry_changed.connect(self.archive_view.load)
            self.admin_tabs.addTab(self.devices_view, self.tr("Recorders and holders"))
            self.users_view = UsersView(self.client, operations)
            self.admin_tabs.addTab(self.users_view, self.tr("User accounts"))
        if user.role in (Role.ADMIN, Role.INSPECTION):
            self.audit_view = AuditView(self.client, operations)
            self.admin_tabs.addTab(self.audit_view, self.tr("Audit log and access register"))
        if user.role in (Role.ADMIN, Role.LEGAL, Role.INSPECTION):  # policy and destruction; holds (法制, 督察)
            self.retention_view = RetentionView(self.client, operations)
            self.retention_view.destruction_tab.executed.connect(self.archive_view.load)
            self.admin_tabs.addTab(self.retention_view, self.tr("Retention periods"))
        if self.admin_tabs.count() == 0:
            self.admin_tabs.addTab(_placeholder(self.tr("Your role has no administration functions.")), "")
        self.add_section("admin", self.tr("Administration"), self.admin_tabs)
        self.ingest_dialog: IngestDialog | None = None
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(body)
        self.body = body  # hidden while the screen is locked

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
        splitter_state = preferences.get(prefs.BROWSER_SPLITTER)
        if not splitter_state.isEmpty():
            self.archive_view.splitter.restoreState(splitter_state)
        columns = preferences.get(prefs.BROWSER_COLUMNS)
        if not columns.isEmpty():
            self.archive_view.table.horizontalHeader().restoreState(columns)

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
        for view in self._views():
            view.load()

    def _views(self) -> list[_Section]:
        """The sections that load data."""
        views = (
            self.archive_view,
            self.spotcheck_view,
            self.ledger_view,
            self.approvals_view,
            self.evidence_view,
            self.statistics_view,
            self.report_tasks_view,
            self.devices_view,
            self.users_view,
            self.audit_view,
            self.retention_view,
        )
        return [view for view in views if view]

    def show_clips(self, criteria: ClipFilter) -> None:
        """Open the archive browser listing `criteria` (a figure of the 统计 page: the clips it counts)."""
        self.archive_view.show_clips(criteria)
        self.navigation.setCurrentRow(list(self.sections).index("archive"))

    def _show_player(self, window: _Player) -> _Player:
        """Players are separate windows (a second screen shows footage while the browser stays in view)."""
        self.players = [player for player in self.players if player.isVisible()]
        self.players.append(window)
        window.finding_decided.connect(lambda clip_id: self.archive_view.model.reload_findings([clip_id]))
        window.show()
        return window

    def open_clip(self, clip_id: int) -> PlayerWindow:
        window = self._show_player(PlayerWindow(self.client, self.operations))
        window.open_clip(clip_id)
        return window

    def open_officer_day(self, badge_no: str, day: date) -> PlayerWindow:
        window = self._show_player(PlayerWindow(self.client, self.operations))
        window.open_officer_day(badge_no, day)
        return window

    def open_review(self, item: SampleItemRow) -> ReviewWindow:
        window = ReviewWindow(self.client, item, self.operations)
        window.reviewed.connect(self._on_reviewed)
        return self._show_player(window)

    def open_evidence_export(self, target: ExportTarget) -> ExportDialog:
        """导出证据… (from the browser's selection, a case or an officer's day); the 证据导出 page follows it."""
        dialog = ExportDialog(self.client, self.operations, target, self)
        dialog.requested.connect(lambda _row: self.evidence_view.load())
        self.export_dialog = dialog
        dialog.show()
        dialog.load()
        return dialog

    def _on_reviewed(self, _row: object) -> None:
        self.spotcheck_view.load()
        self.ledger_view.load()

    def _show_inbox_count(self, count: int) -> None:
        title = self.tr("Approvals")
        item = self.navigation.item(list(self.sections).index("approvals"))
        item.setText(f"{title} ({count})" if count else title)

    def _show_report_failures(self, failed: int) -> None:
        tasks = self.report_tasks_view
        if tasks is not None:
            title = self.tr("Report tasks (%1 not delivered)").replace("%1", str(failed)) if failed else ""
            self.report_tabs.setTabText(self.report_tabs.indexOf(tasks), title or self.tr("Report tasks"))

    def open_ingest(self) -> IngestDialog:
        """The ingest dialog (non-modal: browsing goes on while recorders copy); the browser refreshes after."""
        if self.ingest_dialog is None:
            self.ingest_dialog = IngestDialog(self.client, self.operations, self)
            self.ingest_dialog.ingest_finished.connect(self.archive_view.load)
            if self.devices_view is not None:
                self.ingest_dialog.ingest_finished.connect(self.devices_view.load)
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
        self.archive_view.load()

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
        """Hide the footage until the same user signs in again; cancelling closes the program."""
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
        self._preferences.set(prefs.WINDOW_GEOMETRY, self.saveGeometry())
        self._preferences.set(prefs.BROWSER_SPLITTER, self.archive_view.splitter.saveState())
        self._preferences.set(prefs.BROWSER_COLUMNS, self.archive_view.table.horizontalHeader().saveState())
        if self.ingest_dialog is not None and self.ingest_dialog.is_running():
            self.ingest_dialog.reject()  # asks, then stops at the next file (ingest resumes next time)
            if self.ingest_dialog.is_running():
                event.ignore()
                return
        for player in self.players:
            player.close()  # registers how long each was played
        self.operations.wait()  # workers may still hold database sessions
        running_application().removeEventFilter(self.idle)
        super().closeEvent(event)


def _placeholder(text: str) -> QWidget:
    label = QLabel(text, alignment=Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: #666; font-size: 14pt")
    return label
