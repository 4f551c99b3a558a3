"""登记移交: on which medium a completed package left, who received it and when (the retained copy record)."""

from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ui.common.qt_dates import from_datetime, to_datetime
from workstation import clock
from workstation.evidence.types import ExportRow, Handover


class HandoverDialog(QDialog):
    """Collects the handover; read it with `handover()` after `accepted`. OK needs a medium and a receiver."""

    def __init__(self, row: ExportRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record the handover of %1").replace("%1", row.export_no))
        self.medium = QComboBox(self)
        self.medium.setEditable(True)
        self.medium.addItems([self.tr("Optical disc"), self.tr("USB drive"), self.tr("Portable hard disk")])
        self.received_by = QLineEdit(row.receiver, self)
        self.received_by.setPlaceholderText(self.tr("Name and unit of the person who received it"))
        self.received_at = QDateTimeEdit(from_datetime(clock.now()), self)
        self.received_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received_at.setCalendarPopup(True)
        self.note = QLineEdit(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(f"{row.export_no}  {row.selector}", self))
        form.addRow(self.tr("Medium"), self.medium)
        form.addRow(self.tr("Received by"), self.received_by)
        form.addRow(self.tr("Received at"), self.received_at)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.buttons)
        self.medium.currentTextChanged.connect(self._enable)
        self.received_by.textChanged.connect(self._enable)
        self._enable()

    def handover(self) -> Handover:
        return Handover(
            self.medium.currentText().strip(),
            self.received_by.text().strip(),
            to_datetime(self.received_at.dateTime()).replace(second=0, microsecond=0),
            self.note.text().strip(),
        )

    def _enable(self) -> None:
        complete = bool(self.medium.currentText().strip() and self.received_by.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(complete)
