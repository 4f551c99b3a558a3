"""One tab of the 统计 page: its tables of figures side by side with a bar chart of the first table."""

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QSplitter, QTableView, QVBoxLayout, QWidget

from ui.common.row_table_model import read_only_table
from ui.statistics.bar_chart import BarChart
from ui.statistics.figures import FigureModel, FigureRow


class FigureTab(QWidget):
    """Tables (one per header list) and a chart. Signals: drill_requested(ClipFilter) on a double-click on a
    figure, or a click on a bar, that counts clips."""

    drill_requested = Signal(object)

    def __init__(self, headers: Sequence[Sequence[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.models: list[FigureModel] = []
        self.tables: list[QTableView] = []
        tables = QSplitter(Qt.Orientation.Vertical)
        for columns in headers:
            model = FigureModel(columns, self)
            table = read_only_table(self)
            table.setModel(model)
            table.doubleClicked.connect(lambda index, model=model: self._drill(model, index))
            tables.addWidget(table)
            self.models.append(model)
            self.tables.append(table)
        self.chart = BarChart(self)
        self.chart.bar_clicked.connect(lambda row: self._drill(self.models[0], self.models[0].index(row, 0)))
        splitter = QSplitter()
        splitter.addWidget(tables)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def show_rows(self, rows: Sequence[Sequence[FigureRow]], chart_title: str) -> None:
        """Fill the tables (rows[i] into table i) and chart the first table's rows."""
        for model, table_rows in zip(self.models, rows, strict=True):
            model.set_rows(table_rows)
        bars = [(" ".join(row.cells[: row.label_columns]), row.bar, f"{round(row.bar, 1):g}") for row in rows[0]]
        self.chart.show_bars(chart_title, bars)

    def _drill(self, model: FigureModel, index: QModelIndex) -> None:
        if not index.isValid():
            return
        criteria = model.row_at(index.row()).drill(index.column())
        if criteria is not None:
            self.drill_requested.emit(criteria)
