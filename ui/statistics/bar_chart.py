"""A horizontal bar chart drawn with QPainter: one labelled bar per row, longest value full width.

Qt Charts is not part of PySide6-Essentials (it ships in PySide6-Addons, about 50 MB more in the installer),
and the 统计 page needs only labelled bars, so the page draws them itself. Clicking a bar emits its index,
so a bar opens the same clips as its table row.
"""

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_HEIGHT = 18
GAP = 6
LABEL_WIDTH = 160
VALUE_WIDTH = 70
TITLE_HEIGHT = 24
BAR_COLOR = QColor("#3d7ab8")


class BarChart(QWidget):
    """Signals: bar_clicked(int), the index of the bar clicked (the row of the table it was drawn from)."""

    bar_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.bars: list[tuple[str, float, str]] = []  # (label, value, value as shown)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(360)

    def show_bars(self, title: str, bars: Sequence[tuple[str, float, str]]) -> None:
        self.title, self.bars = title, list(bars)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, TITLE_HEIGHT + max(len(self.bars), 1) * (BAR_HEIGHT + GAP) + GAP)

    def bar_at(self, y: float) -> int | None:
        """The bar at height `y`, or None."""
        index = int((y - TITLE_HEIGHT) // (BAR_HEIGHT + GAP))
        return index if y >= TITLE_HEIGHT and 0 <= index < len(self.bars) else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().y())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.bar_clicked.emit(index)
        super().mouseReleaseEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().text().color()
        painter.setPen(text)
        bold = painter.font()
        bold.setBold(True)
        painter.save()
        painter.setFont(bold)
        painter.drawText(QRectF(0, 0, self.width(), TITLE_HEIGHT), Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.restore()
        largest = max((value for _label, value, _shown in self.bars), default=0.0)
        room = max(self.width() - LABEL_WIDTH - VALUE_WIDTH - 2 * GAP, 1)
        for index, (label, value, shown) in enumerate(self.bars):
            top = TITLE_HEIGHT + index * (BAR_HEIGHT + GAP)
            painter.setPen(text)
            label_box = QRectF(0, top, LABEL_WIDTH - GAP, BAR_HEIGHT)
            elided = painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideMiddle, int(label_box.width()))
            painter.drawText(label_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, elided)
            length = room * value / largest if largest > 0 else 0.0
            painter.fillRect(QRectF(LABEL_WIDTH, top, length, BAR_HEIGHT), BAR_COLOR)
            value_box = QRectF(LABEL_WIDTH + length + GAP, top, VALUE_WIDTH, BAR_HEIGHT)
            painter.drawText(value_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        painter.end()
