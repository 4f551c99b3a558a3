"""TimelineWidget: the scrub bar, with markers as ticks, segments as coloured bands, and gaps between clips;
below the track, a lane of hints (the pre-screen's findings) when there are any.

Knows nothing of the archive: it draws TimelineMark, TimelineSpan and TimelineBand values it is given, in
integer milliseconds of its own time axis (one clip, or an officer's day of several clips).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from player.timecode import format_position, wall_clock

MARGIN = 8
RULER_HEIGHT = 18
MARK_LANE = 22
TRACK_HEIGHT = 18
BAND_LANE = 14
MIN_BAND_PX = 6.0  # a finding at an instant (a clip's end) stays visible and clickable
POINT_HIT_PX = 5
TICK_STEPS_MS = (
    100,
    200,
    500,
    1_000,
    2_000,
    5_000,
    10_000,
    15_000,
    30_000,
    60_000,
    120_000,
    300_000,
    600_000,
    900_000,
    1_800_000,
    3_600_000,
    7_200_000,
    10_800_000,
)
MIN_TICK_SPACING_PX = 70


@dataclass(frozen=True)
class TimelineMark:
    """A point (end_ms None) or a segment on the timeline. key comes back in mark_activated."""

    key: object
    start_ms: int
    end_ms: int | None
    color: str  # "#rrggbb"
    label: str = ""
    draft: bool = False  # being set with I/O, not saved yet: drawn dashed

    @property
    def is_point(self) -> bool:
        return self.end_ms is None


@dataclass(frozen=True)
class TimelineSpan:
    """Where media exists on the timeline (a clip of an officer's day); what lies between is a gap."""

    start_ms: int
    end_ms: int
    label: str = ""


@dataclass(frozen=True)
class TimelineBand:
    """A hint over a stretch of the timeline (a pre-screen finding), in the lane below the track; overlapping
    bands share the lane in rows. key comes back in band_activated; `faded` draws it pale (set aside)."""

    key: object
    start_ms: int
    end_ms: int
    color: str  # "#rrggbb"
    label: str = ""
    faded: bool = False


class TimelineWidget(QWidget):
    """Draws the time axis, spans and gaps, marks and the playhead; a click or drag asks to seek.

    Signals:
        seek_requested(int): ms, from a click or drag on the track
        mark_activated(object): the key of a clicked mark (a seek to its start follows)
        band_activated(object): the key of a clicked band (a seek to its start follows)
    """

    seek_requested = Signal(int)
    mark_activated = Signal(object)
    band_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._duration_ms = 0
        self._position_ms = 0
        self._marks: tuple[TimelineMark, ...] = ()
        self._spans: tuple[TimelineSpan, ...] = ()
        self._bands: tuple[tuple[TimelineBand, int], ...] = ()  # with the row each is drawn in
        self._band_rows = 0
        self._origin: datetime | None = None
        self._selected: object = None
        self._dragging = False
        self.setMouseTracking(True)
        self.setMinimumHeight(RULER_HEIGHT + MARK_LANE + TRACK_HEIGHT + 8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    # --- content ---

    @property
    def duration_ms(self) -> int:
        return self._duration_ms

    @property
    def position_ms(self) -> int:
        return self._position_ms

    @property
    def marks(self) -> tuple[TimelineMark, ...]:
        return self._marks

    def set_duration(self, ms: int) -> None:
        self._duration_ms = max(0, int(ms))
        self.update()

    def set_position(self, ms: int) -> None:
        if ms != self._position_ms:
            self._position_ms = int(ms)
            self.update()

    def set_marks(self, marks: Sequence[TimelineMark]) -> None:
        self._marks = tuple(marks)
        self.update()

    @property
    def bands(self) -> tuple[TimelineBand, ...]:
        return tuple(band for band, _ in self._bands)

    def set_bands(self, bands: Sequence[TimelineBand]) -> None:
        """Hints in the lane below the track (none: no lane); overlapping ones get rows of their own."""
        ends: list[int] = []  # the end of the last band in each row
        placed = []
        for band in sorted(bands, key=lambda b: (b.start_ms, b.end_ms)):
            row = next((number for number, end in enumerate(ends) if end <= band.start_ms), len(ends))
            if row == len(ends):
                ends.append(band.end_ms)
            ends[row] = band.end_ms
            placed.append((band, row))
        self._bands, self._band_rows = tuple(placed), len(ends)
        self.setMinimumHeight(RULER_HEIGHT + MARK_LANE + TRACK_HEIGHT + 8 + (BAND_LANE + 2 if placed else 0))
        self.updateGeometry()
        self.update()

    def set_spans(self, spans: Sequence[TimelineSpan]) -> None:
        """Media coverage; empty means the whole axis is media (a single clip)."""
        self._spans = tuple(spans)
        self.update()

    def set_origin(self, origin: datetime | None) -> None:
        """With an origin the ruler shows wall-clock times (origin + position), else positions."""
        self._origin = origin
        self.update()

    def set_selected(self, key: object) -> None:
        self._selected = key
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, self.minimumHeight())

    # --- geometry ---

    def _track_width(self) -> int:
        return max(1, self.width() - 2 * MARGIN)

    def x_at(self, ms: int) -> float:
        if not self._duration_ms:
            return float(MARGIN)
        return MARGIN + self._track_width() * min(max(ms, 0), self._duration_ms) / self._duration_ms

    def ms_at(self, x: float) -> int:
        if not self._duration_ms:
            return 0
        fraction = min(max((x - MARGIN) / self._track_width(), 0.0), 1.0)
        return round(fraction * self._duration_ms)

    def _lane(self) -> QRect:
        return QRect(MARGIN, RULER_HEIGHT, self._track_width(), MARK_LANE)

    def _track(self) -> QRect:
        return QRect(MARGIN, RULER_HEIGHT + MARK_LANE + 2, self._track_width(), TRACK_HEIGHT)

    def _band_lane(self) -> QRect:
        return QRect(MARGIN, self._track().bottom() + 3, self._track_width(), BAND_LANE)

    def band_rect(self, band: TimelineBand) -> QRectF:
        """Where a band is drawn (tests click it)."""
        lane, row = self._band_lane(), next(row for placed, row in self._bands if placed == band)
        height = lane.height() / max(1, self._band_rows)
        left, right = self.x_at(band.start_ms), self.x_at(band.end_ms)
        return QRectF(
            min(left, lane.right() - MIN_BAND_PX), lane.top() + row * height, max(MIN_BAND_PX, right - left), height
        )

    def band_at(self, point: QPoint) -> TimelineBand | None:
        """The band under point, the shortest where they overlap."""
        hits = [band for band, _ in self._bands if self.band_rect(band).adjusted(-2, 0, 2, 0).contains(point)]
        return min(hits, key=lambda b: b.end_ms - b.start_ms) if hits else None

    def mark_at(self, point: QPoint) -> TimelineMark | None:
        """The mark under point: points first (they are thin), then the shortest segment."""
        lane = self._lane().adjusted(0, -2, 0, 2)
        if not lane.contains(point):
            return None
        points = [m for m in self._marks if m.is_point and abs(self.x_at(m.start_ms) - point.x()) <= POINT_HIT_PX]
        if points:
            return min(points, key=lambda m: abs(self.x_at(m.start_ms) - point.x()))
        ms = self.ms_at(point.x())
        segments = [m for m in self._marks if not m.is_point and m.start_ms <= ms <= (m.end_ms or 0)]
        return min(segments, key=lambda m: (m.end_ms or 0) - m.start_ms) if segments else None

    # --- mouse ---

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self._duration_ms:
            return
        point = event.position().toPoint()
        mark = self.mark_at(point)
        if mark is not None:
            self.mark_activated.emit(mark.key)
            self.seek_requested.emit(mark.start_ms)
            return
        band = self.band_at(point)
        if band is not None:
            self.band_activated.emit(band.key)
            self.seek_requested.emit(band.start_ms)
            return
        self._dragging = True
        self.seek_requested.emit(self.ms_at(point.x()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._dragging:
            self.seek_requested.emit(self.ms_at(point.x()))
            return
        mark = self.mark_at(point)
        band = self.band_at(point) if mark is None else None
        if mark is not None and mark.label:
            QToolTip.showText(event.globalPosition().toPoint(), mark.label, self)
        elif band is not None and band.label:
            QToolTip.showText(event.globalPosition().toPoint(), band.label, self)
        elif self._duration_ms:
            QToolTip.showText(event.globalPosition().toPoint(), self._time_text(self.ms_at(point.x())), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: ARG002 - Qt's signature
        self._dragging = False

    # --- painting ---

    def _time_text(self, ms: int, *, milliseconds: bool = True) -> str:
        if self._origin is not None:
            moment = wall_clock(self._origin, ms)
            return f"{moment:%H:%M:%S}" + (f".{moment.microsecond // 1000:03d}" if milliseconds else "")
        return format_position(ms, milliseconds=milliseconds)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002 - Qt's signature
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.window())
        self._paint_track(painter)
        self._paint_ruler(painter)
        self._paint_marks(painter)
        self._paint_bands(painter)
        self._paint_playhead(painter)
        painter.end()

    def _paint_track(self, painter: QPainter) -> None:
        track = self._track()
        if self._spans:
            painter.fillRect(track, QBrush(QColor("#c0392b"), Qt.BrushStyle.BDiagPattern))  # gaps
            painter.setPen(QPen(QColor("#c0392b"), 1))
            painter.drawRect(track)
            for span in self._spans:
                left, right = self.x_at(span.start_ms), self.x_at(span.end_ms)
                painter.fillRect(QRectF(left, track.top(), max(1.0, right - left), track.height()), QColor("#5d7fa3"))
        else:
            painter.fillRect(track, QColor("#5d7fa3"))
        played = QRectF(track.left(), track.top(), self.x_at(self._position_ms) - track.left(), track.height())
        painter.fillRect(played, QColor(255, 255, 255, 60))

    def _paint_ruler(self, painter: QPainter) -> None:
        if not self._duration_ms:
            return
        step = next(
            (s for s in TICK_STEPS_MS if self._track_width() * s / self._duration_ms >= MIN_TICK_SPACING_PX),
            TICK_STEPS_MS[-1],
        )
        painter.setPen(self.palette().windowText().color())
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        first = self._first_tick(step)
        for tick in range(first, self._duration_ms + 1, step):
            x = self.x_at(tick)
            painter.drawLine(QPointF(x, RULER_HEIGHT - 5), QPointF(x, RULER_HEIGHT))
            label = self._time_text(tick, milliseconds=step < 1000)
            painter.drawText(QRectF(x - 50, 0, 100, RULER_HEIGHT - 5), Qt.AlignmentFlag.AlignCenter, label)

    def _first_tick(self, step: int) -> int:
        """Ticks fall on round wall-clock times when the ruler shows them."""
        if self._origin is None:
            return 0
        since_midnight = (self._origin.hour * 3600 + self._origin.minute * 60 + self._origin.second) * 1000
        since_midnight += self._origin.microsecond // 1000
        return (-since_midnight) % step

    def _paint_marks(self, painter: QPainter) -> None:
        lane = self._lane()
        painter.fillRect(lane, self.palette().base())
        segments = [m for m in self._marks if not m.is_point]
        for mark in sorted(segments, key=lambda m: m.start_ms):
            color = QColor(mark.color)
            left, right = self.x_at(mark.start_ms), self.x_at(mark.end_ms or mark.start_ms)
            band = QRectF(left, lane.top() + 3, max(2.0, right - left), lane.height() - 6)
            fill = QColor(color)
            fill.setAlpha(90 if mark.draft else 170)
            painter.fillRect(band, fill)
            pen = QPen(color.darker(130), 2 if mark.key == self._selected else 1)
            if mark.draft:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(band)
        for mark in (m for m in self._marks if m.is_point):
            color = QColor(mark.color)
            x = self.x_at(mark.start_ms)
            pen = QPen(color.darker(120), 3 if mark.key == self._selected else 2)
            if mark.draft:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, lane.top()), QPointF(x, self._track().bottom()))
            head = QPolygonF([QPointF(x - 5, lane.top()), QPointF(x + 5, lane.top()), QPointF(x, lane.top() + 7)])
            painter.setBrush(color)
            painter.drawPolygon(head)
            painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_bands(self, painter: QPainter) -> None:
        if not self._bands:
            return
        painter.fillRect(self._band_lane(), self.palette().base())
        for band, _ in self._bands:
            color = QColor(band.color)
            fill = QColor(color)
            fill.setAlpha(70 if band.faded else 220)
            rect = self.band_rect(band)
            painter.fillRect(rect, fill)
            painter.setPen(QPen(color.darker(140), 2 if band.key == self._selected else 1))
            painter.drawRect(rect)

    def _paint_playhead(self, painter: QPainter) -> None:
        if not self._duration_ms:
            return
        x = self.x_at(self._position_ms)
        painter.setPen(QPen(QColor("#e74c3c"), 2))
        painter.drawLine(QPointF(x, RULER_HEIGHT - 2), QPointF(x, self._track().bottom() + 2))
        painter.setBrush(QColor("#e74c3c"))
        painter.drawEllipse(QPointF(x, self._track().center().y()), 5, 5)
