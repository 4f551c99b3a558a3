"""The 证据导出 page: the exports the user may see (the retained copy record, 导出登记), searchable; writing an
authorised or interrupted export, recording a handover, and the ledger as an Excel workbook."""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.common.row_table_model import read_only_table
from ui.common.status_line import StatusLine
from ui.common.tasks import Operations
from ui.evidence.handover_dialog import HandoverDialog
from ui.evidence.model import ExportTableModel
from ui.evidence.output import OutputDialog
from ui.evidence.write_dialog import WriteDialog
from workstation import clock
from workstation.client import ArchiveClient
from workstation.evidence.types import ExportFormat, ExportRow, ExportStatus, Handover

LIST_LIMIT = 500
WRITABLE = (ExportStatus.AUTHORISED, ExportStatus.WRITING)


class EvidenceExportsView(QWidget):
    """Signals: loaded(int rows shown)."""

    loaded = Signal(int)

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client, self._operations = client, operations
        self.write_dialog: WriteDialog | None = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search: export no., document no., case no., purpose, receiver, file"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.load)
        find = QPushButton(self.tr("Search"), self)
        find.clicked.connect(self.load)
        self.model = ExportTableModel(self)
        self.table = read_only_table(self)
        self.table.setModel(self.model)
        self.write_button = QPushButton(self.tr("Write / go on…"), self)
        self.handover_button = QPushButton(self.tr("Record handover…"), self)
        self.ledger_button = QPushButton(self.tr("Export ledger…"), self)
        self.write_button.clicked.connect(lambda: self.write_selected())
        self.handover_button.clicked.connect(lambda: self.record_handover())
        self.ledger_button.clicked.connect(lambda: self.export_ledger())
        self.message = StatusLine(self)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(find)
        buttons = QHBoxLayout()
        for button in (self.write_button, self.handover_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.ledger_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self._enable()

    def load(self) -> None:
        search, client = self.search.text(), self._client
        self._operations.run(self, lambda: client.evidence_exports(search, LIST_LIMIT), self._on_rows, self._on_failed)

    def select(self, export_id: int) -> None:
        for number, row in enumerate(self.model.rows):
            if row.id == export_id:
                self.table.selectRow(number)

    def selected(self) -> ExportRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def write_selected(self, target: tuple[Path, ExportFormat] | None = None) -> WriteDialog | None:
        """制作/继续: asks where and how (unless `target` is given), then writes with progress."""
        row = self.selected()
        if row is None or row.status not in WRITABLE:
            return None
        if target is None:
            prompt = OutputDialog(row.export_no, self)
            out = prompt.target() if prompt.exec() == OutputDialog.DialogCode.Accepted else None
            if out is None:
                return None
            target = (out, prompt.chooser.fmt())
        dialog = WriteDialog(self._client, self._operations, row, *target, parent=self)
        dialog.written.connect(lambda _row: self.load())
        dialog.finished.connect(lambda _result: self.load())
        self.write_dialog = dialog
        dialog.show()
        dialog.start()
        return dialog

    def record_handover(self, handover: Handover | None = None) -> None:
        """登记移交 of the selected completed export (asks for the particulars unless given)."""
        row = self.selected()
        if row is None or row.status is not ExportStatus.COMPLETED:
            return
        if handover is None:
            dialog = HandoverDialog(row, self)
            if dialog.exec() != HandoverDialog.DialogCode.Accepted:
                return
            handover = dialog.handover()
        client, export_id, given = self._client, row.id, handover
        self._operations.run(
            self,
            lambda: client.record_evidence_handover(export_id, given),
            lambda done: self._after(self.tr("Handover of %1 recorded.").replace("%1", done.export_no)),
            self._on_failed,
        )

    def export_ledger(self, path: Path | None = None) -> None:
        """导出登记表: the exports matching the search, as an Excel workbook (asks where unless given)."""
        if path is None:
            name = f"导出登记-{clock.now():%Y%m%d-%H%M%S}.xlsx"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), name, self.tr("Excel (*.xlsx)"))
            if not chosen:
                return
            path = Path(chosen)
        search, client, where = self.search.text(), self._client, path
        self.message.say(self.tr("Exporting…"))
        self._operations.run(
            self,
            lambda: client.export_evidence_ledger(search, where),
            lambda count: self.message.say(
                self.tr("%1 export(s) written to %2").replace("%1", str(count)).replace("%2", str(where))
            ),
            self._on_failed,
        )

    def _after(self, news: str) -> None:
        self.message.say(news)
        self.load()

    def _on_rows(self, rows: list[ExportRow]) -> None:
        chosen = self.selected()
        self.model.set_rows(rows)
        if chosen is not None:
            self.select(chosen.id)
        self._enable()
        self.loaded.emit(len(rows))

    def _on_failed(self, error: Exception) -> None:
        self.message.show_failure(error)

    def _enable(self) -> None:
        row = self.selected()
        self.write_button.setEnabled(
            row is not None and row.status in WRITABLE and row.requester == self._client.who.name
        )
        self.handover_button.setEnabled(row is not None and row.status is ExportStatus.COMPLETED)
