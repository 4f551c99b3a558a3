"""销毁申请: the destruction requests the user may see, their status and approval route; 执行销毁 for an
approved one (ui.admin.destruction_progress) and 导出审批表 (the 销毁审批表 and 销毁清单 workbook).
The services decide who may execute (the delete right) and re-check every clip."""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.admin.destruction_progress import BATCH, ExecutionDialog
from ui.common.destruction_model import DestructionRequestTableModel
from ui.common.row_table_model import read_only_table
from ui.common.status_line import StatusLine
from ui.common.tasks import Operations
from workstation.client import ArchiveClient
from workstation.retention.types import DestructionRequestRow, DestructionStatus


class DestructionTab(QWidget):
    """Signals: loaded; executed (an execution run ended: the queue and the archive changed); exported(int)."""

    loaded = Signal()
    executed = Signal()
    exported = Signal(int)

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client, self._operations = client, operations
        self.execution_dialog: ExecutionDialog | None = None
        self.batch = BATCH  # clips per execute_destruction call
        self.model = DestructionRequestTableModel(self)
        self.table = read_only_table(self)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.execute_button = QPushButton(self.tr("Execute destruction…"), self)
        self.execute_button.clicked.connect(self.execute_selected)
        self.export_button = QPushButton(self.tr("Export approval form…"), self)
        self.export_button.clicked.connect(lambda: self.export_selected())
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.load)
        self.message = StatusLine(self)
        actions = QHBoxLayout()
        actions.addWidget(self.execute_button)
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        actions.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        self._update_buttons()

    def load(self) -> None:
        client = self._client
        self._operations.run(
            self, lambda: client.destruction_requests(False), self._on_loaded, self.message.show_failure
        )

    def selected(self) -> DestructionRequestRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_request(self, request_id: int) -> None:
        self.table.selectRow(next(n for n, row in enumerate(self.model.rows) if row.id == request_id))

    def execute_selected(self) -> ExecutionDialog | None:
        request = self.selected()
        if request is None or request.status is not DestructionStatus.APPROVED:
            return None
        dialog = ExecutionDialog(self._client, self._operations, request, self.batch, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished_run.connect(self._on_executed)
        dialog.destroyed.connect(self._forget_dialog)
        self.execution_dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def export_selected(self, path: Path | None = None) -> None:
        request = self.selected()
        if request is None:
            return
        if path is None:
            name = f"销毁审批表-{request.id}.xlsx"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export approval form"), name, "Excel (*.xlsx)")
            if not chosen:
                return
            path = Path(chosen)
        client, target = self._client, path
        self._operations.run(
            self,
            lambda: client.export_destruction_forms(request.id, target),
            lambda count: self._on_exported(count, target),
            self.message.show_failure,
        )

    def _on_executed(self, destroyed: int, done: bool) -> None:
        text = self.tr("%1 files destroyed.") if done else self.tr("%1 files destroyed; the request is not finished.")
        self.message.say(text.replace("%1", str(destroyed)))
        self.executed.emit()
        self.load()

    def _on_exported(self, count: int, path: Path) -> None:
        self.message.say(
            self.tr("Approval form with %1 files written to %2.").replace("%1", str(count)).replace("%2", str(path))
        )
        self.exported.emit(count)

    def _forget_dialog(self) -> None:
        self.execution_dialog = None

    def _on_loaded(self, rows: list[DestructionRequestRow]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        if selected is not None and any(row.id == selected.id for row in rows):
            self.select_request(selected.id)
        self._update_buttons()
        self.loaded.emit()

    def _update_buttons(self, *_selection: object) -> None:
        request = self.selected()
        self.execute_button.setEnabled(request is not None and request.status is DestructionStatus.APPROVED)
        self.export_button.setEnabled(request is not None)
