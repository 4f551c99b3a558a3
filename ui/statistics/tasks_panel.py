"""报表任务: the scheduled reports of the units in an administrator's charge (R10).

Lists each task — what it reports, when it runs, where it goes, its next run and how its latest delivery went,
the last failure in words — with the tasks whose deliveries finally failed marked in red and counted in a
warning line above them; 新建任务… sets one up (TaskDialog), 删除任务 removes the selected one after asking.
The deliveries themselves are made where the archive is (`workstation report run-due`). Shown to
administrators only; the services refuse everyone else anyway.
"""

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ui.common.row_table_model import DISPLAY, TOOLTIP, RowTableModel, read_only_table
from ui.common.status_line import PROBLEM_STYLE, StatusLine
from ui.common.tasks import Operations
from ui.statistics.task_dialog import TaskDialog
from ui.statistics.task_words import (
    delivery_words,
    destination,
    error_words,
    format_name,
    kind_name,
    period_name,
    schedule_words,
)
from workstation.client import ArchiveClient
from workstation.clock import format_time
from workstation.statistics.types import ReportTaskRow
from workstation.types import UnitRow

FAILED_BACKGROUND = QColor("#fde2e2")
ERROR_COLUMN = 10
"""The last column: it takes the width that is left (the whole text in its tooltip)."""


class TaskTableModel(RowTableModel[ReportTaskRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("No."),
            self.tr("Report"),
            self.tr("Unit"),
            self.tr("Format"),
            self.tr("Report on"),
            self.tr("Runs"),
            self.tr("Send to"),
            self.tr("Next run"),
            self.tr("Last delivery"),
            self.tr("Set up by"),
            self.tr("Last error"),
        ]

    def cell(self, row: ReportTaskRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.failed:
            return QBrush(FAILED_BACKGROUND)
        if role == TOOLTIP and column == ERROR_COLUMN:
            return error_words(row.last) or None
        if role != DISPLAY:
            return None
        spec = row.spec
        return (
            str(row.id),
            kind_name(spec.kind),
            spec.unit_code,
            format_name(spec.fmt),
            period_name(spec.period),
            schedule_words(spec.schedule),
            destination(spec),
            format_time(row.next_run_at),
            delivery_words(row.last),
            row.owner,
            error_words(row.last),
        )[column]


class ReportTasksPanel(QWidget):
    """Signals: loaded (the list is on screen); failures_changed(int), the deliveries that finally failed."""

    loaded = Signal()
    failures_changed = Signal(int)

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client, self._operations = client, operations
        self.task_dialog: TaskDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"{PROBLEM_STYLE} font-weight: bold; padding: 4px 0")
        self.warning.setVisible(False)
        self.model = TaskTableModel(self)
        self.table = read_only_table(self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(ERROR_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_button = QPushButton(self.tr("New task…"), self)
        self.new_button.clicked.connect(self.open_new_task)
        self.remove_button = QPushButton(self.tr("Delete task"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.load)
        note = QLabel(
            self.tr(
                "Reports are sent by the computer that keeps the archive, when the system scheduler runs "
                "“workstation report run-due”. A delivery that fails is tried again at later runs."
            ),
            self,
        )
        note.setWordWrap(True)
        self.message = StatusLine(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(note)
        layout.addWidget(self.message)
        self._update_buttons()

    def load(self) -> None:
        self._operations.run(self, self._client.report_tasks, self._on_loaded, self.message.show_failure)

    def open_new_task(self) -> None:
        """Read the units in the user's charge, then open the new-task dialog (tests drive it)."""
        self._operations.run(self, self._client.ledger_units, self._open_dialog, self.message.show_failure)

    def _open_dialog(self, units: list[UnitRow]) -> None:
        dialog = TaskDialog(units, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._add)
        dialog.destroyed.connect(self._forget_dialog)
        self.task_dialog = dialog
        dialog.open()

    def _forget_dialog(self) -> None:
        self.task_dialog = None

    def _add(self) -> None:
        dialog, client = self.task_dialog, self._client
        spec = dialog.spec() if dialog is not None else None
        if spec is None:
            return
        self._operations.run(self, lambda: client.add_report_task(spec), self._on_added, self.message.show_failure)

    def _on_added(self, row: ReportTaskRow) -> None:
        self.message.say(
            self.tr("Report task %1 set up; first run %2.")
            .replace("%1", str(row.id))
            .replace("%2", format_time(row.next_run_at))
        )
        self.load()

    def selected(self) -> ReportTaskRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_task(self, task_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == task_id:
                self.table.selectRow(row)

    def remove_selected(self) -> None:
        """Ask, then remove the selected task and its delivery history (the audit log keeps both)."""
        task = self.selected()
        if task is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete report task"),
            self.tr("Delete report task %1 (%2, %3)? Its reports are no longer sent.")
            .replace("%1", str(task.id))
            .replace("%2", kind_name(task.spec.kind))
            .replace("%3", task.spec.unit_code),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda answer: self._on_answer(task, answer))
        self.confirm_box = box
        box.open()

    def _on_answer(self, task: ReportTaskRow, answer: int) -> None:
        if self.confirm_box is not None:
            self.confirm_box.deleteLater()
            self.confirm_box = None
        if answer != QMessageBox.StandardButton.Yes:
            return
        client = self._client
        self._operations.run(
            self,
            lambda: client.remove_report_task(task.id),
            lambda _: self._on_removed(task),
            self.message.show_failure,
        )

    def _on_removed(self, task: ReportTaskRow) -> None:
        self.message.say(self.tr("Report task %1 deleted.").replace("%1", str(task.id)))
        self.load()

    def _on_loaded(self, rows: list[ReportTaskRow]) -> None:
        self.model.set_rows(rows)
        failed = sum(row.failed for row in rows)
        self.warning.setText(
            self.tr(
                "%1 reports could not be delivered and are no longer retried (the tasks marked in red). "
                "Put right the cause shown, then delete the task and set it up again."
            ).replace("%1", str(failed))
        )
        self.warning.setVisible(failed > 0)
        self._update_buttons()
        self.failures_changed.emit(failed)
        self.loaded.emit()

    def _update_buttons(self, *_selection: object) -> None:
        self.remove_button.setEnabled(self.selected() is not None)
