"""Link selected clips to an incident (警情), a case (案件) or a complaint (投诉: its footage is kept
permanently): number, party and handler (001 第二十八条)."""

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from workstation.footage.types import CaseKind


class CaseLinkDialog(QDialog):
    """Collects the case fields; the caller runs the link service with them."""

    def __init__(self, clip_count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link to incident/case"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Incident (警情)"), CaseKind.INCIDENT)
        self.kind.addItem(self.tr("Case (案件)"), CaseKind.CASE)
        self.kind.addItem(self.tr("Complaint (投诉)"), CaseKind.COMPLAINT)
        self.case_no = QLineEdit(placeholderText=self.tr("e.g. J2026112100123"))
        self.party = QLineEdit()
        self.handler = QLineEdit()
        self.title = QLineEdit()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_if_complete)
        buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("%1 file(s) selected").replace("%1", str(clip_count))))
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Number"), self.case_no)
        form.addRow(self.tr("Party"), self.party)
        form.addRow(self.tr("Handler"), self.handler)
        form.addRow(self.tr("Summary"), self.title)
        form.addRow(self.error)
        form.addRow(buttons)

    def _accept_if_complete(self) -> None:
        if not self.case_no.text().strip():
            self.error.setText(self.tr("Enter the incident or case number."))
            return
        self.accept()
