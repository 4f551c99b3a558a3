"""The main window: navigation (档案, 抽查, 审批, 证据导出, 统计, 管理), the signed-in user, the idle lock."""

from datetime import date
from typing import Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from ui.admin.audit_view import AuditView
from ui.admin.devices_view import DevicesView
from ui.admin.retention_view import RetentionView
from ui.admin.users_view import UsersView
from ui.approvals.view import ApprovalsView
from ui.archive.view import ArchiveView
from ui.common import prefs
from ui.common.export_target import ExportTarget
from ui.common.tasks import Operations
from ui.evidence.export_dialog import ExportDialog
from ui.evidence.view import EvidenceExportsView
from ui.playback.player_window import PlayerWindow
from ui.shell.signed_in_window import SignedInWindow
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


class MainWindow(SignedInWindow):
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
        super().__init__(client, link, user, location, preferences, operations)
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
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.set_body(body)
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

    def ingest_finished(self) -> None:
        self.archive_view.load()
        if self.devices_view is not None:
            self.devices_view.load()

    def closing(self) -> None:
        self._preferences.set(prefs.BROWSER_SPLITTER, self.archive_view.splitter.saveState())
        self._preferences.set(prefs.BROWSER_COLUMNS, self.archive_view.table.horizontalHeader().saveState())
        for player in self.players:
            player.close()  # registers how long each was played


def _placeholder(text: str) -> QWidget:
    label = QLabel(text, alignment=Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: #666; font-size: 14pt")
    return label
