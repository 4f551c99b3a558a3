"""The check ledger (检查台帐): every spot check of a period, filtered, and exported to Excel for printing."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.common.qt_dates import day_edit, from_date, to_date
from ui.common.status_line import StatusLine
from ui.common.tasks import Operations
from ui.spotcheck.labels import verdict_name
from ui.spotcheck.models import LedgerTableModel
from workstation import clock
from workstation.client import ArchiveClient
from workstation.spotcheck.types import LedgerExport, LedgerFilter, LedgerRow, Verdict
from workstation.types import UnitRow

SHOWN_ROWS = 1000


class LedgerView(QWidget):
    """The ledger as the client's user may read it (their unit and the units below). Call `load()` to fill it.

    Calls to the archive client run on the application's `operations`; callbacks run on the GUI thread.

    Signals:
        loaded: a search finished and the table shows it.
        exported(int): an Excel export finished with this many ledger lines.
    """

    loaded = Signal()
    exported = Signal(int)

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._operations = operations
        today = clock.now().date()
        self.from_edit = day_edit(self, from_date(today.replace(day=1)))
        self.to_edit = day_edit(self, from_date(today))
        self.unit_box = QComboBox(self)
        self.unit_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.officer_edit = QLineEdit(self)
        self.officer_edit.setPlaceholderText(self.tr("Name or badge no."))
        self.reviewer_edit = QLineEdit(self)
        self.reviewer_edit.setPlaceholderText(self.tr("Name or login"))
        self.verdict_box = QComboBox(self)
        self.verdict_box.addItem(self.tr("All verdicts"), None)
        for verdict in Verdict:
            self.verdict_box.addItem(verdict_name(verdict), verdict)
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.clicked.connect(self.search)
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.clicked.connect(lambda: self.export())
        self.model = LedgerTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = StatusLine(self)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Checked from:"), self))
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("to"), self))
        filters.addWidget(self.to_edit)
        for label, widget in (
            (self.tr("Unit:"), self.unit_box),
            (self.tr("Officer:"), self.officer_edit),
            (self.tr("Reviewer:"), self.reviewer_edit),
            (self.tr("Verdict:"), self.verdict_box),
        ):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        filters.addWidget(self.search_button)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def load(self) -> None:
        """Read the units for the filter, then search."""
        self._operations.run(
            self,
            self._client.ledger_units,
            self._on_units,
            self.status.show_failure,
        )

    def criteria(self) -> LedgerFilter:
        return LedgerFilter(
            date_from=to_date(self.from_edit.date()),
            date_to=to_date(self.to_edit.date()),
            unit_code=self.unit_box.currentData(),
            officer=self.officer_edit.text().strip() or None,
            reviewer=self.reviewer_edit.text().strip() or None,
            verdict=self.verdict_box.currentData(),
        )

    def set_period(self, date_from: date, date_to: date) -> None:
        self.from_edit.setDate(from_date(date_from))
        self.to_edit.setDate(from_date(date_to))

    def search(self) -> None:
        criteria, client = self.criteria(), self._client
        self.status.setText(self.tr("Loading…"))
        self._operations.run(
            self,
            lambda: client.ledger_rows(criteria, SHOWN_ROWS),
            self._on_found,
            self.status.show_failure,
        )

    def export(self, path: Path | None = None) -> None:
        """Export the ledger of the filter's period and unit (all lines, not only those shown) to a workbook."""
        criteria = self.criteria()
        if path is None:
            name = f"检查台帐-{criteria.date_from:%Y%m%d}-{criteria.date_to:%Y%m%d}.xlsx"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), name, self.tr("Excel (*.xlsx)"))
            if not chosen:
                return
            path = Path(chosen)
        unit_only = LedgerFilter(criteria.date_from, criteria.date_to, criteria.unit_code)
        client = self._client
        self.status.setText(self.tr("Exporting…"))
        self._operations.run(
            self,
            lambda: client.export_ledger(unit_only, path),
            lambda written: self._on_exported(written, path),
            self.status.show_failure,
        )

    def _on_units(self, units: list[UnitRow]) -> None:
        self.unit_box.clear()
        for unit in units:
            self.unit_box.addItem(f"{unit.name}（{unit.code}）", unit.code)
        self.search()

    def _on_found(self, rows: list[LedgerRow]) -> None:
        self.model.set_rows(rows)
        self.status.say(
            self.tr("%1 checks shown (at most %2, newest first).")
            .replace("%1", str(len(rows)))
            .replace("%2", str(SHOWN_ROWS))
        )
        self.loaded.emit()

    def _on_exported(self, written: LedgerExport, path: Path) -> None:
        text = self.tr("Ledger exported: %1 checks to %2.").replace("%1", str(written.rows)).replace("%2", str(path))
        if written.disputed:
            warning = self.tr("%1 of them differ from the audit log and are marked so in the 备注 column.")
            text += " " + warning.replace("%1", str(written.disputed))
        self.status.say(text, problem=bool(written.disputed))
        self.exported.emit(written.rows)
