"""The statistics section (统计): a unit and a period, then per tab — 工作量, 执法记录仪, 抽查, 调阅审批, 预筛查 — the
headline figures with the previous period's, the tables per unit, officer or recorder, and a bar chart.

A double-click on a figure (or a click on a bar) asks the window to list the clips it counts in the archive
browser (signal clips_requested); 导出报表… writes the tab's report as HTML or Excel, the format from the file's
suffix. Each tab reads its report when first shown for the current unit and period, on the application's
`operations`; the services decide which units the user may see.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.qt_dates import day_edit, from_date, to_date
from ui.common.status_line import StatusLine
from ui.common.tasks import Operations
from ui.statistics import finding_tables, tables
from ui.statistics.figure_tab import FigureTab
from ui.statistics.figures import FigureRow
from ui.statistics.periods import Preset, period
from workstation import clock
from workstation.client import ArchiveClient
from workstation.statistics.types import ReportFormat, ReportKind, StatsQuery
from workstation.types import UnitRow

KINDS = (ReportKind.WORKLOAD, ReportKind.DEVICES, ReportKind.SPOTCHECK, ReportKind.ACCESS, ReportKind.PRESCREEN)
SUFFIXES = {".html": ReportFormat.HTML, ".htm": ReportFormat.HTML, ".xlsx": ReportFormat.XLSX}


class StatisticsView(QWidget):
    """Signals: clips_requested(ClipFilter), a figure's clips to list in the archive browser;
    shown(ReportKind), a tab's figures were (re)read and are on screen."""

    clips_requested = Signal(object)
    shown = Signal(object)

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client, self._operations = client, operations
        self._headlines: dict[ReportKind, str] = {}  # the tabs read for the current query
        self.unit_box = QComboBox(self)
        self.unit_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period_box = QComboBox(self)
        for text, preset in (
            (self.tr("This week"), Preset.THIS_WEEK),
            (self.tr("This month"), Preset.THIS_MONTH),
            (self.tr("Last month"), Preset.LAST_MONTH),
            (self.tr("This year"), Preset.THIS_YEAR),
            (self.tr("Custom"), Preset.CUSTOM),
        ):
            self.period_box.addItem(text, preset)
        self.from_edit, self.to_edit = day_edit(self), day_edit(self)
        self.export_button = QPushButton(self.tr("Export report…"), self)
        self.export_button.clicked.connect(lambda: self.export())
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.refresh)
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-size: 12pt; padding: 4px 0")
        self.tabs = QTabWidget(self)
        self.workload_tab = FigureTab([tables.workload_headers(False), tables.workload_headers(True)], self)
        self.devices_tab = FigureTab([tables.device_headers()], self)
        self.spotcheck_tab = FigureTab([tables.spotcheck_headers()], self)
        self.access_tab = FigureTab([tables.access_headers()], self)
        self.prescreen_tab = FigureTab(
            [finding_tables.kind_headers(), finding_tables.unit_headers(), finding_tables.model_headers()], self
        )
        for tab, title in (
            (self.workload_tab, self.tr("Workload")),
            (self.devices_tab, self.tr("Recorders")),
            (self.spotcheck_tab, self.tr("Spot checks")),
            (self.access_tab, self.tr("Viewing requests")),
            (self.prescreen_tab, self.tr("Pre-screen")),
        ):
            self.tabs.addTab(tab, title)
            tab.drill_requested.connect(self.clips_requested)
        self.status = StatusLine(self)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Unit:"), self))
        filters.addWidget(self.unit_box)
        filters.addWidget(QLabel(self.tr("Period:"), self))
        filters.addWidget(self.period_box)
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("to"), self))
        filters.addWidget(self.to_edit)
        filters.addWidget(refresh)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.headline)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self.period_box.setCurrentIndex(self.period_box.findData(Preset.THIS_MONTH))
        self._apply_preset()
        self.period_box.currentIndexChanged.connect(self._on_preset)
        self.from_edit.dateChanged.connect(self._on_dates)
        self.to_edit.dateChanged.connect(self._on_dates)
        self.unit_box.currentIndexChanged.connect(self.refresh)
        self.tabs.currentChanged.connect(self._show_tab)

    def load(self) -> None:
        """Read the units in the user's charge for the filter, then the figures."""
        self._operations.run(self, self._client.ledger_units, self._on_units, self.status.show_failure)

    def query(self) -> StatsQuery:
        return StatsQuery(to_date(self.from_edit.date()), to_date(self.to_edit.date()), self.unit_box.currentData())

    def preset(self) -> Preset:
        return Preset(self.period_box.currentData())  # Qt hands the enum back as its plain value

    def set_period(self, date_from: date, date_to: date) -> None:
        """Show a period of the user's choosing (the 自定义 preset) and read its figures."""
        self.period_box.setCurrentIndex(self.period_box.findData(Preset.CUSTOM))
        self._set_dates(date_from, date_to)
        self.refresh()

    def refresh(self) -> None:
        """Forget the figures read so far and read the current tab's for the current unit and period."""
        self._headlines.clear()
        self._show_tab(self.tabs.currentIndex())

    def _on_units(self, units: list[UnitRow]) -> None:
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        self.unit_box.addItem(self.tr("All units in my charge"), None)
        for unit in units:
            self.unit_box.addItem(f"{unit.name}（{unit.code}）", unit.code)
        self.unit_box.blockSignals(False)
        self.refresh()

    def _on_preset(self) -> None:
        if self.preset() is not Preset.CUSTOM:
            self._apply_preset()
            self.refresh()

    def _apply_preset(self) -> None:
        self._set_dates(*period(self.preset(), clock.now().date()))

    def _set_dates(self, date_from: date, date_to: date) -> None:
        for edit, day in ((self.from_edit, date_from), (self.to_edit, date_to)):
            edit.blockSignals(True)
            edit.setDate(from_date(day))
            edit.blockSignals(False)

    def _on_dates(self) -> None:
        self.period_box.blockSignals(True)
        self.period_box.setCurrentIndex(self.period_box.findData(Preset.CUSTOM))
        self.period_box.blockSignals(False)
        self.refresh()

    def _show_tab(self, index: int) -> None:
        kind = KINDS[index]
        if kind in self._headlines:
            self.headline.setText(self._headlines[kind])
            return
        query, client = self.query(), self._client
        if query.date_from > query.date_to:
            self.status.say(self.tr("The period ends before it begins."), problem=True)
            return
        read: dict[ReportKind, Callable[[], Any]] = {
            ReportKind.WORKLOAD: lambda: client.statistics_workload(query),
            ReportKind.DEVICES: lambda: client.statistics_devices(query),
            ReportKind.SPOTCHECK: lambda: client.statistics_spotchecks(query),
            ReportKind.ACCESS: lambda: client.statistics_access(query),
            ReportKind.PRESCREEN: lambda: client.statistics_prescreen(query),
        }
        self.status.say(self.tr("Loading…"))
        self._operations.run(self, read[kind], lambda report: self._on_report(kind, query, report), self._failed)

    def _on_report(self, kind: ReportKind, query: StatsQuery, report: Any) -> None:
        if query != self.query():
            return  # the user changed the unit or the period meanwhile; that answer is on its way
        rows: list[list[FigureRow]]
        if kind is ReportKind.WORKLOAD:
            tab, headline = self.workload_tab, tables.workload_headline(report)
            rows = [tables.workload_rows(report, False), tables.workload_rows(report, True)]
            chart = self.tr("Files per unit")
        elif kind is ReportKind.DEVICES:
            tab, headline = self.devices_tab, tables.device_headline(report)
            rows, chart = [tables.device_rows(report)], self.tr("Hours switched on per recorder")
        elif kind is ReportKind.SPOTCHECK:
            tab, headline = self.spotcheck_tab, tables.spotcheck_headline(report)
            rows, chart = [tables.spotcheck_rows(report)], self.tr("Reviews per unit")
        elif kind is ReportKind.ACCESS:
            tab, headline = self.access_tab, tables.access_headline(report)
            rows, chart = [tables.access_rows(report)], self.tr("Viewing requests per deciding unit")
        else:
            tab, headline = self.prescreen_tab, finding_tables.prescreen_headline(report)
            rows, chart = finding_tables.prescreen_rows(report), self.tr("Findings per kind")
        tab.show_rows(rows, chart)
        self._headlines[kind] = headline
        if KINDS[self.tabs.currentIndex()] is kind:
            self.headline.setText(headline)
        self.status.say("")
        self.shown.emit(kind)

    def _failed(self, error: Exception) -> None:
        self.headline.clear()
        self.status.show_failure(error)

    def export(self, path: Path | None = None) -> None:
        """Write the current tab's report for the current unit and period; HTML or Excel by the file's suffix."""
        kind, query = KINDS[self.tabs.currentIndex()], self.query()
        if path is None:
            name = f"{kind.value}-{query.date_from:%Y%m%d}-{query.date_to:%Y%m%d}.html"
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export report"), name, self.tr("Web page (*.html);;Excel (*.xlsx)")
            )
            if not chosen:
                return
            path = Path(chosen)
        fmt = SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            self.status.say(self.tr("Name the file .html or .xlsx."), problem=True)
            return
        client = self._client
        self.status.say(self.tr("Exporting…"))
        self._operations.run(
            self,
            lambda: client.export_report(kind, query, fmt, path),
            lambda rows: self.status.say(
                self.tr("%1 rows exported to %2").replace("%1", str(rows)).replace("%2", str(path))
            ),
            self.status.show_failure,
        )
