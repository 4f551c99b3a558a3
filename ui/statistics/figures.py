"""The rows of the 统计 page's tables: each cell's text and the clips its figure counts (what a double-click
opens in the archive browser), and the table model that shows them."""

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from ui.common.row_table_model import DISPLAY, TOOLTIP, RowTableModel
from workstation.footage.types import ClipFilter

ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class FigureRow:
    """One row of figures. `drills[i]` is the ClipFilter listing exactly what cell i counts (None: the figure
    is not a count of clips, e.g. a spot check's verdicts); `bar` is the value the tab's chart draws."""

    cells: tuple[str, ...]
    drills: tuple[ClipFilter | None, ...]
    bar: float = 0.0
    label_columns: int = 1  # the leading cells that name the row (left-aligned); the rest are figures

    def drill(self, column: int) -> ClipFilter | None:
        """What a double-click on `column` opens: that cell's clips, else the row's (its first cell's)."""
        found = self.drills[column] if 0 <= column < len(self.drills) else None
        return found if found is not None else self.drills[0]


class FigureModel(RowTableModel[FigureRow]):
    """A read-only table of FigureRows; figures right-aligned, and a tooltip where a double-click leads."""

    def cell(self, row: FigureRow, column: int, role: int) -> Any:
        if role == DISPLAY:
            return row.cells[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= row.label_columns:
            return ALIGN_RIGHT
        if role == TOOLTIP and row.drill(column) is not None:
            return self.tr("Double-click to list these files in the archive")
        return None
