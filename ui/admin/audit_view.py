"""The audit viewer for inspection staff (督察) and administrators: the audit log and the access register.

Filter by user, action, file and period; export what the filter shows to Excel; check the audit log's
hash chain (`workstation audit verify`). The services refuse users without the audit duty, so the view
shows their refusal rather than relying on being hidden from them.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.admin.audit_table_model import AuditTableModel, RegisterTableModel
from ui.common.access_labels import action_name
from ui.common.messages import failure_text
from ui.common.qt_dates import archive_today, day_edit, to_date
from ui.common.tasks import Operations
from workstation import clock
from workstation.access.types import AuditFilter, RegisterRow
from workstation.client import ArchiveClient
from workstation.types import AuditEventRow, AuditVerification

SHOWN_ROWS = 1000


@dataclass(frozen=True)
class _Found:
    events: list[AuditEventRow]
    register: list[RegisterRow]


class AuditView(QWidget):
    """Read the audit log and the access register as `login`. Call `load()` to fill it.

    Services run on the application's `operations`; callbacks run on the GUI thread.

    Signals:
        loaded: a search finished and the tables show it.
        exported(int): an Excel export finished with this many rows.
        verified(AuditVerification): the hash chain was checked.
    """

    loaded = Signal()
    exported = Signal(int)
    verified = Signal(object)

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._operations = operations

        self.user_edit = QLineEdit(self)
        self.user_edit.setPlaceholderText(self.tr("Login name"))
        self.user_edit.setMinimumWidth(120)
        self.action_box = QComboBox(self)
        self.action_box.addItem(self.tr("All actions"), None)
        self.clip_edit = QLineEdit(self)
        self.clip_edit.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.clip_edit.setPlaceholderText(self.tr("File no."))
        self.clip_edit.setMinimumWidth(80)
        self.period_box = QCheckBox(self.tr("Period:"), self)
        today = archive_today()
        self.from_edit = day_edit(self, today.addDays(-7))
        self.to_edit = day_edit(self, today)
        self.period_box.toggled.connect(self.from_edit.setEnabled)
        self.period_box.toggled.connect(self.to_edit.setEnabled)
        self.period_box.setChecked(False)
        self.from_edit.setEnabled(False)
        self.to_edit.setEnabled(False)
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.clicked.connect(self.search)
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.clicked.connect(lambda: self.export())
        self.verify_button = QPushButton(self.tr("Verify audit log"), self)
        self.verify_button.clicked.connect(self.verify)
        self.verify_label = QLabel(self)
        self.verify_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy the head

        self.audit_model = AuditTableModel(self)
        self.register_model = RegisterTableModel(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(_table(self, self.audit_model), self.tr("Audit log"))
        self.tabs.addTab(_table(self, self.register_model), self.tr("Access register"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("User:"), self.user_edit),
            (self.tr("Action:"), self.action_box),
            (self.tr("File:"), self.clip_edit),
        ):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addWidget(self.period_box)
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel("–", self))
        filters.addWidget(self.to_edit)
        filters.addWidget(self.search_button)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        checks = QHBoxLayout()
        checks.addWidget(self.verify_button)
        checks.addWidget(self.verify_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(checks)
        layout.addWidget(self.status)

    def load(self) -> None:
        """Read the action codes for the filter, then search."""
        self._operations.run(
            self,
            self._client.audit_actions,
            self._on_actions,
            self._on_failed,
        )

    def criteria(self) -> AuditFilter:
        """The filter as set in the widgets; the period's end day is included."""
        start = end = None
        if self.period_box.isChecked():
            start = datetime.combine(to_date(self.from_edit.date()), time.min)
            end = datetime.combine(to_date(self.to_edit.date()) + timedelta(days=1), time.min)
        clip = self.clip_edit.text().strip()
        return AuditFilter(
            actor=self.user_edit.text().strip() or None,
            action=self.action_box.currentData(),
            clip_id=int(clip) if clip else None,
            start=start,
            end=end,
        )

    def search(self) -> None:
        """Fill both tabs with the newest matching rows."""
        criteria, client = self.criteria(), self._client
        self.status.setText(self.tr("Loading…"))

        def find() -> _Found:
            return _Found(client.audit_events(criteria, SHOWN_ROWS), client.register_rows(criteria, SHOWN_ROWS))

        self._operations.run(self, find, self._on_found, self._on_failed)

    def export(self, path: Path | None = None) -> None:
        """Export everything the filter matches in the current tab to an Excel workbook (asks where if no path)."""
        register = self.tabs.currentIndex() == 1
        if path is None:
            name = f"{'调阅登记' if register else '审计日志'}-{clock.now():%Y%m%d-%H%M%S}.xlsx"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), name, self.tr("Excel (*.xlsx)"))
            if not chosen:
                return
            path = Path(chosen)
        criteria, client = self.criteria(), self._client
        exporter = client.export_register if register else client.export_audit
        self.status.setText(self.tr("Exporting…"))
        self._operations.run(
            self,
            lambda: exporter(criteria, path),
            lambda count: self._on_exported(count, path),
            self._on_failed,
        )

    def verify(self) -> None:
        """Check the audit log's hash chain (may take a while on a long log)."""
        self.verify_label.setStyleSheet("")
        self.verify_label.setText(self.tr("Checking…"))
        self._operations.run(
            self,
            lambda: self._client.verify_audit([], None),
            self._on_verified,
            self._on_failed,
        )

    def _on_actions(self, codes: list[str]) -> None:
        current = self.action_box.currentData()
        while self.action_box.count() > 1:
            self.action_box.removeItem(1)
        for code in codes:
            self.action_box.addItem(action_name(code), code)
        self.action_box.setCurrentIndex(max(0, self.action_box.findData(current)))
        self.search()

    def _on_found(self, found: _Found) -> None:
        self.audit_model.set_rows(found.events)
        self.register_model.set_rows(found.register)
        self.status.setText(
            self.tr("%1 audit events and %2 register entries shown (at most %3 of each, newest first).")
            .replace("%1", str(len(found.events)))
            .replace("%2", str(len(found.register)))
            .replace("%3", str(SHOWN_ROWS))
        )
        self.loaded.emit()

    def _on_exported(self, count: int, path: Path) -> None:
        self.status.setText(self.tr("%1 rows exported to %2.").replace("%1", str(count)).replace("%2", str(path)))
        self.exported.emit(count)

    def _on_verified(self, result: AuditVerification) -> None:
        if result.ok:
            self.verify_label.setStyleSheet("color: #1b5e20;")
            intact = self.tr("Audit log intact: %1 events checked.").replace("%1", str(result.events_checked))
            head = self.tr("Chain head (write it down, or keep it with the printed ledger): %1")
            self.verify_label.setText(f"{intact} {head.replace('%1', result.head.printed())}")
        else:
            self.verify_label.setStyleSheet("color: #b00020;")
            self.verify_label.setText(
                self.tr("Audit log tampered with: %1 problems (first at event %2).")
                .replace("%1", str(len(result.problems)))
                .replace("%2", str(result.problems[0].seq))
            )
        self.verified.emit(result)

    def _on_failed(self, error: Exception) -> None:
        self.verify_label.setText("")
        self.status.setText(failure_text(error))


def _table(parent: QWidget, model: Any) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table
