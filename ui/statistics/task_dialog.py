"""新建报表任务: what to report (kind, unit in the user's charge, format, period), how often (daily, weekly on
a weekday, monthly on a day, at an hour) and where to (e-mail addresses, or a drop folder where there is no
mail server).

The dialog only collects the task; the caller sets it up (`ArchiveClient.add_report_task`) when the dialog is
accepted, and the service checks the addresses, the folder and the unit.
"""

import re

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.statistics.task_words import format_name, kind_name, period_name, weekday_name
from workstation.statistics.types import (
    Frequency,
    ReportFormat,
    ReportKind,
    ReportPeriod,
    ReportTaskSpec,
    Schedule,
)
from workstation.types import UnitRow

SEPARATORS = re.compile(r"[\s,;，；、]+")
"""Between e-mail addresses: what people type (commas, semicolons, spaces; Chinese punctuation too)."""


class TaskDialog(QDialog):
    """Collect a new report task; the confirm button is enabled once a unit and a destination are given.
    Read it with `spec()` after `accepted`."""

    def __init__(self, units: list[UnitRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New report task"))
        self.kind_box = _choices(self, [(kind_name(kind), kind) for kind in ReportKind])
        self.unit_box = _choices(self, [(f"{unit.name}（{unit.code}）", unit.code) for unit in units])
        self.format_box = _choices(self, [(format_name(fmt), fmt) for fmt in ReportFormat])
        self.period_box = _choices(self, [(period_name(period), period) for period in ReportPeriod])
        self.frequency_box = _choices(
            self,
            [
                (self.tr("Every day"), Frequency.DAILY),
                (self.tr("Every week"), Frequency.WEEKLY),
                (self.tr("Every month"), Frequency.MONTHLY),
            ],
        )
        self.weekday_box = _choices(self, [(weekday_name(day), day) for day in range(1, 8)])
        self.month_day_box = _spin(self, 1, 28, 1, self.tr(" (day of the month)"))
        self.hour_box = _spin(self, 0, 23, 8, ":00")
        when = QHBoxLayout()
        for widget in (self.frequency_box, self.weekday_box, self.month_day_box):
            when.addWidget(widget)
        when.addWidget(self.hour_box)
        when.addStretch(1)

        self.mail_button = QRadioButton(self.tr("By e-mail to"), self)
        self.folder_button = QRadioButton(self.tr("Into the folder"), self)
        self.mail_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.mail_button)
        group.addButton(self.folder_button)
        self.mail_edit = QLineEdit(self)
        self.mail_edit.setPlaceholderText(self.tr("Addresses, separated by commas"))
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setPlaceholderText(
            self.tr("Full path of a folder on the computer that sends the reports (no mail server)")
        )
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Report"), self.kind_box)
        form.addRow(self.tr("Unit"), self.unit_box)
        form.addRow(self.tr("Format"), self.format_box)
        form.addRow(self.tr("Report on"), self.period_box)
        form.addRow(self.tr("Runs"), when)
        form.addRow(self.mail_button, self.mail_edit)
        form.addRow(self.folder_button, self.folder_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.confirm_button = self.buttons.addButton(self.tr("Set up task"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        self.frequency_box.currentIndexChanged.connect(self._update)
        self.mail_button.toggled.connect(self._update)
        self.mail_edit.textChanged.connect(self._update)
        self.folder_edit.textChanged.connect(self._update)
        self._update()
        self.resize(620, 360)

    def recipients(self) -> tuple[str, ...]:
        return tuple(address for address in SEPARATORS.split(self.mail_edit.text()) if address)

    def spec(self) -> ReportTaskSpec | None:
        """The task as set up, or None while a unit or the destination is missing."""
        unit = self.unit_box.currentData()
        by_mail = self.mail_button.isChecked()
        recipients, folder = (self.recipients(), "") if by_mail else ((), self.folder_edit.text().strip())
        if unit is None or not (recipients or folder):
            return None
        frequency = Frequency(self.frequency_box.currentData())
        schedule = Schedule(
            frequency,
            self.hour_box.value(),
            self.weekday_box.currentData() if frequency is Frequency.WEEKLY else None,
            self.month_day_box.value() if frequency is Frequency.MONTHLY else None,
        )
        return ReportTaskSpec(
            ReportKind(self.kind_box.currentData()),
            unit,
            ReportFormat(self.format_box.currentData()),
            ReportPeriod(self.period_box.currentData()),
            schedule,
            recipients,
            folder,
        )

    def _update(self) -> None:
        frequency = Frequency(self.frequency_box.currentData())
        self.weekday_box.setVisible(frequency is Frequency.WEEKLY)
        self.month_day_box.setVisible(frequency is Frequency.MONTHLY)
        by_mail = self.mail_button.isChecked()
        self.mail_edit.setEnabled(by_mail)
        self.folder_edit.setEnabled(not by_mail)
        if self.unit_box.count() == 0:
            problem = self.tr("You have no unit in your charge to report on.")
        elif by_mail and not self.recipients():
            problem = self.tr("Enter the e-mail addresses the report goes to.")
        elif not by_mail and not self.folder_edit.text().strip():
            problem = self.tr("Enter the folder the report is put into.")
        else:
            problem = ""
        self.summary.setText(problem)
        self.confirm_button.setEnabled(not problem)


def _choices(parent: QWidget, items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox(parent)
    for text, value in items:
        box.addItem(text, value)
    return box


def _spin(parent: QWidget, low: int, high: int, value: int, suffix: str) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setValue(value)
    box.setSuffix(suffix)
    return box
