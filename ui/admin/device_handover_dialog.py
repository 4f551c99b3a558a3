"""The handover (交接) dialog: pick the recorder's new holder, write the handover note, confirm.

The dialog only collects the choice; the caller performs the change (`workstation.devices.reassign_device`)
off the GUI thread when the dialog is accepted.
"""

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.admin.device_table_model import person
from workstation.org.types import MAX_NOTE_CHARS, DeviceRow, OfficerRow


class HandoverDialog(QDialog):
    """Choose an officer (searchable by name, 警号 or unit) and a note for handing over one recorder.

    The confirm button is enabled only for a new holder other than the current one and a non-empty note
    of at most MAX_NOTE_CHARS characters. Read the choice with `officer()` and `note()` after `accepted`.
    """

    def __init__(self, device: DeviceRow, officers: list[OfficerRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.device = device
        self._officers = [officer for officer in officers if officer.id != device.holder_id]
        self.setWindowTitle(self.tr("Handover of recorder %1").replace("%1", device.device_no))

        self.officer_box = QComboBox(self)
        self.officer_box.setEditable(True)
        self.officer_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for officer in self._officers:
            self.officer_box.addItem(self._officer_text(officer), officer.id)
        self.officer_box.setCurrentIndex(-1)
        line_edit = cast(QLineEdit, self.officer_box.lineEdit())  # an editable box has one
        line_edit.setPlaceholderText(self.tr("Type a name, badge no. or unit"))
        completer = QCompleter(self.officer_box.model(), self.officer_box)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.officer_box.setCompleter(completer)

        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlaceholderText(self.tr("Why the recorder changes hands, e.g. transfer, repair, new issue"))
        self.note_edit.setTabChangesFocus(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)

        current = person(device.holder_name, device.holder_badge_no) if not device.unassigned else self.tr("Unassigned")
        form = QFormLayout()
        form.addRow(self.tr("Recorder"), QLabel(self._device_text(device), self))
        form.addRow(self.tr("Current holder"), QLabel(current, self))
        form.addRow(self.tr("New holder"), self.officer_box)
        form.addRow(self.tr("Handover note"), self.note_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.confirm_button = self.buttons.addButton(
            self.tr("Confirm handover"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.officer_box.currentTextChanged.connect(self._update)
        self.note_edit.textChanged.connect(self._update)
        self._current = current
        self._update()
        self.resize(520, 320)

    def officer(self) -> OfficerRow | None:
        """The chosen new holder; None while the text matches no officer exactly."""
        index = self.officer_box.findText(self.officer_box.currentText(), Qt.MatchFlag.MatchExactly)
        return self._officers[index] if index >= 0 else None

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def _update(self) -> None:
        officer, note = self.officer(), self.note()
        if officer is None:
            problem = self.tr("Choose the officer who receives the recorder.")
        elif not note:
            problem = self.tr("Write a handover note.")
        elif len(note) > MAX_NOTE_CHARS:
            problem = self.tr("The note is too long: %1 of at most %2 characters.")
            problem = problem.replace("%1", str(len(note))).replace("%2", str(MAX_NOTE_CHARS))
        else:
            problem = ""
        self.confirm_button.setEnabled(not problem)
        if problem or officer is None:
            self.summary.setText(problem)
        else:
            self.summary.setText(
                self.tr("%1: %2 → %3. The current holding period ends now and is kept in the history.")
                .replace("%1", self.device.device_no)
                .replace("%2", self._current)
                .replace("%3", person(officer.name, officer.badge_no))
            )

    def _officer_text(self, officer: OfficerRow) -> str:
        unit = officer.unit_name or self.tr("Unassigned")
        return f"{person(officer.name, officer.badge_no)} · {unit}"

    @staticmethod
    def _device_text(device: DeviceRow) -> str:
        return "  ".join(part for part in (device.device_no, device.model, device.serial) if part)
