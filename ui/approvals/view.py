"""The approvals section (审批): the user's inbox, their own and their unit's requests, and new requests.

Top, the viewing requests (调阅) waiting for the signed-in user's decision (approve, or reject with a
comment), then the destruction requests (销毁) waiting for it; bottom, the viewing requests they made and
those routed to their unit, with their status, route and expiry (a head may revoke a grant in force). The
services decide who may do what (never the requester); the buttons only offer it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.approvals.request_dialog import AccessRequestDialog
from ui.approvals.request_model import AccessRequestTableModel
from ui.common.access_labels import request_status_name
from ui.common.destruction_model import DestructionRequestTableModel
from ui.common.retention_labels import destruction_status_name
from ui.common.row_table_model import ROW_ROLE, read_only_table
from ui.common.status_line import StatusLine
from ui.common.tasks import Operations
from workstation.access.types import AccessRequestRow, RequestStatus
from workstation.client import ArchiveClient
from workstation.retention.types import DestructionRequestRow


@dataclass(frozen=True)
class _Lists:
    inbox: list[AccessRequestRow]
    requests: list[AccessRequestRow]
    destruction: list[DestructionRequestRow]


class ApprovalsView(QWidget):
    """Decide and follow viewing requests as the client's user. Call `load()` to (re)read them.

    Calls to the archive client run on the application's `operations`; callbacks run on the GUI thread.

    Signals:
        loaded: the lists were (re)read.
        inbox_count_changed(int): how many requests (viewing and destruction) wait for this user (for the
            navigation's badge).
    """

    loaded = Signal()
    inbox_count_changed = Signal(int)

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._operations = operations
        self.request_dialog: AccessRequestDialog | None = None

        self.inbox_model = AccessRequestTableModel(self)
        self.inbox_table = _table(self, self.inbox_model)
        self.destruction_model = DestructionRequestTableModel(self)
        self.destruction_table = read_only_table(self)
        self.destruction_table.setModel(self.destruction_model)
        self.destruction_title = QLabel(self)
        self.destruction_approve_button = QPushButton(self.tr("Approve destruction"), self)
        self.destruction_approve_button.clicked.connect(self.approve_destruction_selected)
        self.destruction_reject_button = QPushButton(self.tr("Reject destruction"), self)
        self.destruction_reject_button.clicked.connect(self.reject_destruction_selected)
        self.requests_model = AccessRequestTableModel(self)
        self.requests_table = _table(self, self.requests_model)
        self.comment_edit = QLineEdit(self)
        self.comment_edit.setPlaceholderText(self.tr("Comment (required when rejecting)"))
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button = QPushButton(self.tr("Reject"), self)
        self.reject_button.clicked.connect(self.reject_selected)
        self.revoke_button = QPushButton(self.tr("Revoke grant"), self)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.new_button = QPushButton(self.tr("New request…"), self)
        self.new_button.clicked.connect(self.open_request_dialog)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.load)
        self.inbox_title = QLabel(self)
        self.message = StatusLine(self)
        self.inbox_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.requests_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.destruction_table.selectionModel().selectionChanged.connect(self._update_buttons)

        decisions = QHBoxLayout()
        decisions.addWidget(self.comment_edit, 1)
        decisions.addWidget(self.approve_button)
        decisions.addWidget(self.reject_button)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("My requests and my unit's requests"), self), 1)
        actions.addWidget(self.revoke_button)
        actions.addWidget(self.new_button)
        actions.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.inbox_title)
        layout.addWidget(self.inbox_table, 1)
        layout.addLayout(decisions)
        destruction = QHBoxLayout()
        destruction.addWidget(self.destruction_title, 1)
        destruction.addWidget(self.destruction_approve_button)
        destruction.addWidget(self.destruction_reject_button)
        layout.addLayout(destruction)
        layout.addWidget(self.destruction_table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.requests_table, 2)
        layout.addWidget(self.message)
        self._show_inbox_count(0, 0)
        self._update_buttons()

    def load(self) -> None:
        """Re-read the inbox and the request list."""
        self._operations.run(self, self._read, self._on_loaded, self._on_failed)

    def selected_inbox_request(self) -> AccessRequestRow | None:
        return _selected(self.inbox_table)

    def selected_request(self) -> AccessRequestRow | None:
        return _selected(self.requests_table)

    def selected_destruction(self) -> DestructionRequestRow | None:
        rows = self.destruction_table.selectionModel().selectedRows()
        return self.destruction_model.row_at(rows[0].row()) if rows else None

    def approve_destruction_selected(self) -> None:
        request = self.selected_destruction()
        if request is not None:
            comment, client = self.comment_edit.text(), self._client
            self._decide_destruction(lambda: client.approve_destruction(request.id, comment))

    def reject_destruction_selected(self) -> None:
        request = self.selected_destruction()
        if request is not None:
            comment, client = self.comment_edit.text(), self._client
            self._decide_destruction(lambda: client.reject_destruction(request.id, comment))

    def approve_selected(self) -> None:
        request = self.selected_inbox_request()
        if request is not None:
            comment = self.comment_edit.text()
            client = self._client
            self._decide(lambda: client.approve_request(request.id, comment))

    def reject_selected(self) -> None:
        request = self.selected_inbox_request()
        if request is not None:
            comment = self.comment_edit.text()
            client = self._client
            self._decide(lambda: client.reject_request(request.id, comment))

    def revoke_selected(self) -> None:
        request = self.selected_request()
        if request is not None:
            comment = self.comment_edit.text()
            client = self._client
            self._decide(lambda: client.revoke_request(request.id, comment))

    def open_request_dialog(self) -> AccessRequestDialog:
        """Open the request form (window-modal, not blocking); the lists reload once a request is filed."""
        dialog = AccessRequestDialog(self._client, self._operations, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(self._on_request_submitted)
        dialog.destroyed.connect(self._forget_request_dialog)
        self.request_dialog = dialog
        dialog.open()
        return dialog

    def _read(self) -> _Lists:
        client = self._client
        return _Lists(client.inbox(), client.my_requests(), client.destruction_requests(True))

    def _on_loaded(self, lists: _Lists) -> None:
        self.inbox_model.set_rows(lists.inbox)
        self.requests_model.set_rows(lists.requests)
        self.destruction_model.set_rows(lists.destruction)
        self._show_inbox_count(len(lists.inbox), len(lists.destruction))
        self._update_buttons()
        self.loaded.emit()

    def _decide(self, work: Callable[[], AccessRequestRow]) -> None:
        self.approve_button.setEnabled(False)
        self.reject_button.setEnabled(False)
        self.revoke_button.setEnabled(False)
        self._operations.run(self, work, self._on_decided, self._on_failed)

    def _decide_destruction(self, work: Callable[[], DestructionRequestRow]) -> None:
        self.destruction_approve_button.setEnabled(False)
        self.destruction_reject_button.setEnabled(False)
        self._operations.run(self, work, self._on_destruction_decided, self._on_failed)

    def _on_destruction_decided(self, row: DestructionRequestRow) -> None:
        self.comment_edit.clear()
        self.message.say(
            self.tr("Destruction request %1: %2.")
            .replace("%1", str(row.id))
            .replace("%2", destruction_status_name(row.status))
        )
        self.load()

    def _on_decided(self, row: AccessRequestRow) -> None:
        self.comment_edit.clear()
        self.message.say(
            self.tr("Request %1: %2.").replace("%1", str(row.id)).replace("%2", request_status_name(row.status))
        )
        self.load()

    def _on_request_submitted(self, row: AccessRequestRow) -> None:
        self.message.say(self.tr("Request %1 submitted.").replace("%1", str(row.id)))
        self.load()

    def _forget_request_dialog(self) -> None:
        self.request_dialog = None

    def _show_inbox_count(self, viewing: int, destruction: int) -> None:
        self.inbox_title.setText(self.tr("Waiting for my decision: %1").replace("%1", str(viewing)))
        self.destruction_title.setText(
            self.tr("Destruction requests waiting for my decision: %1").replace("%1", str(destruction))
        )
        self.inbox_count_changed.emit(viewing + destruction)

    def _update_buttons(self) -> None:
        has_inbox = self.selected_inbox_request() is not None
        self.approve_button.setEnabled(has_inbox)
        self.reject_button.setEnabled(has_inbox)
        selected = self.selected_request()
        self.revoke_button.setEnabled(selected is not None and selected.status is RequestStatus.APPROVED)
        has_destruction = self.selected_destruction() is not None
        self.destruction_approve_button.setEnabled(has_destruction)
        self.destruction_reject_button.setEnabled(has_destruction)

    def _on_failed(self, error: Exception) -> None:
        self._update_buttons()
        self.message.show_failure(error)


def _selected(table: QTableView) -> AccessRequestRow | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].data(ROW_ROLE) if rows else None


def _table(parent: QWidget, model: AccessRequestTableModel) -> QTableView:
    table = read_only_table(parent)
    table.setModel(model)
    return table
