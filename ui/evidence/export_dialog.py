"""导出证据…: ask for an export of selected files, a case or an officer's day, and write it when it may be.

The dialog collects the receiving body, its document number, the purpose, the receiver and where to write,
shows what will be exported (files, size) and asks the archive (`request_evidence_export`). An outside body's
export goes to legal review and the head first — the dialog says so, and it is written later from the
证据导出 page; an export for the own unit is authorised by the download right and written at once.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.export_target import ExportTarget
from ui.common.retention_labels import size_text
from ui.common.status_line import StatusLine
from ui.common.tasks import Operations
from ui.evidence.labels import BODIES, body_name
from ui.evidence.output import OutputChooser
from ui.evidence.write_dialog import WriteDialog
from workstation.client import ArchiveClient
from workstation.evidence.types import ExportRow, ExportStatus, ReceivingBody
from workstation.footage.types import NEWEST_FIRST

PREVIEW_LIMIT = 5000
"""A case or a day is counted from at most this many of its files before it is asked for."""


class ExportDialog(QDialog):
    """Signals: requested(ExportRow) when the archive has the export (the 证据导出 page refreshes)."""

    requested = Signal(object)

    def __init__(
        self, client: ArchiveClient, operations: Operations, target: ExportTarget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._client, self._operations, self.target = client, operations, target
        self.answer: ExportRow | None = None
        self.write_dialog: WriteDialog | None = None
        self.setWindowTitle(self.tr("Export evidence"))
        self.setMinimumWidth(620)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.body_box = QComboBox(self)
        for body in BODIES:
            self.body_box.addItem(body_name(body), body)
        self.document = QLineEdit(self)
        self.document.setPlaceholderText(self.tr("e.g. 检调〔2026〕7号"))
        self.purpose = QLineEdit(self)
        self.purpose.setPlaceholderText(self.tr("e.g. transfer for review and prosecution"))
        self.receiver = QLineEdit(self)
        self.receiver.setPlaceholderText(self.tr("optional"))
        self.output = OutputChooser(parent=self)
        self.route = QLabel(self)
        self.route.setWordWrap(True)
        self.message = StatusLine(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.submit_button = QPushButton(self.tr("Submit"), self)
        self.submit_button.setDefault(True)
        self.buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.submit_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Footage to export"), QLabel(target.label, self))
        form.addRow(self.tr("Amount"), self.summary)
        form.addRow(self.tr("Receiving body"), self.body_box)
        form.addRow(self.tr("Document no."), self.document)
        form.addRow(self.tr("Purpose"), self.purpose)
        form.addRow(self.tr("Receiver"), self.receiver)
        form.addRow(self.tr("Write as"), self.output)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.route)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.body_box.currentIndexChanged.connect(self._show_route)
        self._show_route()
        if target.clip_filter() is None:
            self._show_summary(len(target.clip_ids), target.total_bytes or 0, complete=True)

    def load(self) -> None:
        """Count a case's or a day's files (selected files are known already)."""
        criteria = self.target.clip_filter()
        if criteria is None:
            return
        self.summary.setText(self.tr("Counting…"))
        client = self._client
        self._operations.run(
            self,
            lambda: client.first_clip_page(criteria, NEWEST_FIRST, PREVIEW_LIMIT),
            lambda rows: self._show_summary(
                len(rows), sum(row.size_bytes for row in rows), complete=len(rows) < PREVIEW_LIMIT
            ),
            self.message.show_failure,
        )

    def body(self) -> ReceivingBody:
        return ReceivingBody(self.body_box.currentData())

    def submit(self) -> None:
        if self.body() is ReceivingBody.INTERNAL and self.output.package_path("-") is None:
            self.message.say(self.tr("Choose where to write the package."), problem=True)
            return
        spec = self.target.spec(self.body(), self.document.text(), self.purpose.text(), self.receiver.text())
        self.submit_button.setEnabled(False)
        self.message.say(self.tr("Asking the archive…"))
        client = self._client
        self._operations.run(self, lambda: client.request_evidence_export(spec), self._on_answer, self._on_failed)

    def _on_failed(self, error: Exception) -> None:
        self.submit_button.setEnabled(True)
        self.message.show_failure(error)

    def _on_answer(self, row: ExportRow) -> None:
        self.answer = row
        self.requested.emit(row)
        self._show_summary(row.clip_count, row.total_bytes, complete=True)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        if row.status is ExportStatus.AWAITING_APPROVAL:
            self.message.say(
                self.tr(
                    "Export %1 has gone to legal review and then to the head for approval. Once it is approved, "
                    "write it from the Evidence export page."
                ).replace("%1", row.export_no)
            )
            return
        if row.status is ExportStatus.REFUSED:
            self.message.say(self.tr("Export %1 was refused.").replace("%1", row.export_no), problem=True)
            return
        out = self.output.package_path(row.export_no)
        if out is None:
            self.message.say(
                self.tr("Export %1 is authorised. Write it from the Evidence export page.").replace("%1", row.export_no)
            )
            return
        self.write_dialog = WriteDialog(
            self._client, self._operations, row, out, self.output.fmt(), self.parentWidget()
        )
        self.write_dialog.written.connect(self.requested)
        self.write_dialog.show()
        self.accept()
        self.write_dialog.start()

    def _show_route(self) -> None:
        if self.body() is ReceivingBody.INTERNAL:
            text = self.tr("For the own unit: your download right decides, and the package is written at once.")
        else:
            text = self.tr(
                "For an outside body: the export goes to legal review and then to the head for approval; it is "
                "written after approval. The place to write may be chosen then."
            )
        self.route.setText(text)

    def _show_summary(self, count: int, size: int, complete: bool) -> None:
        text = self.tr("%1 file(s), %2").replace("%1", str(count)).replace("%2", size_text(size))
        self.summary.setText(text if complete else self.tr("at least %1").replace("%1", text))
