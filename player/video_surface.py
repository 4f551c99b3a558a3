"""VideoSurface: where a clip is seen — video, a photo, the waveform of a sound file, or why it cannot play.

Video reaches it one of two ways. With a native window (X11, Windows) libVLC draws straight into a
child window whose handle `native_handle()` gives; Qt cannot see those pixels (`grab()` shows black).
Without one (offscreen, Wayland, tests, screenshots) the engine's decoded frames are painted here.
"""

from collections.abc import Sequence
from enum import Enum

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

BACKGROUND = QColor("#101214")


class SurfaceMode(Enum):
    EMPTY = "empty"
    VIDEO = "video"
    PHOTO = "photo"
    AUDIO = "audio"
    MESSAGE = "message"


class VideoSurface(QWidget):
    """Shows one thing at a time (SurfaceMode). Signals: retry_requested() from the message's button."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, native: bool = False) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self.setAutoFillBackground(False)
        self._mode = SurfaceMode.EMPTY
        self._image: QImage | None = None
        self._aspect = QSize()
        self._peaks: tuple[float, ...] = ()
        self._audio_fraction = 0.0
        self._title, self._text = "", ""
        self._native: QWidget | None = None
        if native:
            self._native = QWidget(self)
            self._native.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
            self._native.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
            self._native.setStyleSheet("background: #101214")
            self._native.hide()
        self._retry = QPushButton(self.tr("Try again"), self)
        self._retry.hide()
        self._retry.clicked.connect(self.retry_requested)

    @property
    def mode(self) -> SurfaceMode:
        return self._mode

    @property
    def message(self) -> tuple[str, str]:
        return self._title, self._text

    def native_handle(self) -> int | None:
        """The window handle for libVLC (None when frames are painted instead)."""
        return int(self._native.winId()) if self._native is not None else None

    # --- what to show ---

    def show_video(self, aspect: QSize | None = None) -> None:
        self._set_mode(SurfaceMode.VIDEO)
        self._image = None
        self._aspect = QSize(aspect) if aspect else QSize()

    def set_video_size(self, size: QSize) -> None:
        """The picture's visible size: painted frames may have a few padding lines, the aspect comes from here."""
        self._aspect = QSize(size)
        self.update()

    def set_frame(self, image: QImage) -> None:
        if self._mode is SurfaceMode.VIDEO:
            self._image = image
            self.update()

    def show_photo(self, image: QImage) -> None:
        self._set_mode(SurfaceMode.PHOTO)
        self._image, self._aspect = image, image.size()

    def show_audio(self) -> None:
        self._set_mode(SurfaceMode.AUDIO)
        self._peaks, self._audio_fraction = (), 0.0

    def set_waveform(self, peaks: Sequence[float]) -> None:
        self._peaks = tuple(peaks)
        self.update()

    def set_audio_position(self, fraction: float) -> None:
        self._audio_fraction = min(max(fraction, 0.0), 1.0)
        if self._mode is SurfaceMode.AUDIO:
            self.update()

    def show_message(self, title: str, text: str, *, retry: bool = False) -> None:
        self._set_mode(SurfaceMode.MESSAGE)
        self._title, self._text = title, text
        self._retry.setVisible(retry)
        self._place_retry()

    def clear(self) -> None:
        self._set_mode(SurfaceMode.EMPTY)
        self._image = None

    def _set_mode(self, mode: SurfaceMode) -> None:
        self._mode = mode
        if mode is not SurfaceMode.MESSAGE:
            self._retry.hide()
        if self._native is not None:
            self._native.setVisible(mode is SurfaceMode.VIDEO)
        self.update()

    # --- layout and painting ---

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._native is not None:
            self._native.setGeometry(self.rect())
        self._place_retry()

    def _place_retry(self) -> None:
        hint = self._retry.sizeHint()
        self._retry.setGeometry((self.width() - hint.width()) // 2, self.height() * 2 // 3, hint.width(), hint.height())

    def picture_rect(self) -> QRectF:
        """Where the picture goes: centred, as large as fits, at its own aspect ratio."""
        aspect = self._aspect if self._aspect.isValid() and not self._aspect.isEmpty() else None
        if aspect is None and self._image is not None:
            aspect = self._image.size()
        if aspect is None or aspect.isEmpty():
            return QRectF(self.rect())
        scaled = aspect.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QRectF(
            (self.width() - scaled.width()) / 2, (self.height() - scaled.height()) / 2, scaled.width(), scaled.height()
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002 - Qt's signature
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        if self._mode in (SurfaceMode.VIDEO, SurfaceMode.PHOTO) and self._image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.picture_rect(), self._image)
        elif self._mode is SurfaceMode.AUDIO:
            self._paint_audio(painter)
        elif self._mode is SurfaceMode.MESSAGE:
            self._paint_message(painter)
        painter.end()

    def _paint_audio(self, painter: QPainter) -> None:
        """The whole file's waveform, the played part brighter, the playhead, and a level meter."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        meter_width = 28
        area = self.rect().adjusted(24, 40, -(24 + meter_width + 16), -40)
        centre = area.center().y()
        painter.setPen(QColor("#8fa3b8"))
        painter.drawText(QRect(24, 8, self.width() - 48, 24), Qt.AlignmentFlag.AlignLeft, self.tr("Audio only"))
        painter.setPen(QPen(QColor("#3a4450"), 1))
        painter.drawLine(area.left(), centre, area.right(), centre)
        playhead = area.left() + area.width() * self._audio_fraction
        if self._peaks:
            count = len(self._peaks)
            for column in range(area.width()):
                peak = self._peaks[min(count - 1, column * count // max(1, area.width()))]
                half = max(1.0, peak * area.height() / 2)
                x = area.left() + column
                painter.setPen(QColor("#4fb3e8") if x <= playhead else QColor("#2c5d7a"))
                painter.drawLine(QPointF(x, centre - half), QPointF(x, centre + half))
        painter.setPen(QPen(QColor("#e74c3c"), 2))
        painter.drawLine(QPointF(playhead, area.top()), QPointF(playhead, area.bottom()))
        self._paint_level(painter, QRect(area.right() + 16, area.top(), meter_width, area.height()))

    def _paint_level(self, painter: QPainter, meter: QRect) -> None:
        level = 0.0
        if self._peaks:
            index = min(len(self._peaks) - 1, int(self._audio_fraction * len(self._peaks)))
            level = max(self._peaks[max(0, index - 2) : index + 3])
        painter.fillRect(meter, QColor("#1d2329"))
        filled = int(meter.height() * min(level * 2, 1.0))  # recorders sit well below full scale
        color = QColor("#27ae60") if level < 0.35 else QColor("#f1c40f") if level < 0.45 else QColor("#e74c3c")
        painter.fillRect(QRect(meter.left(), meter.bottom() - filled, meter.width(), filled), color)

    def _paint_message(self, painter: QPainter) -> None:
        box = self.rect().adjusted(40, 0, -40, 0)
        painter.setPen(QColor("#f5b041"))
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        painter.setFont(font)
        title_area = QRect(box.left(), self.height() // 3 - 30, box.width(), 30)
        painter.drawText(title_area, Qt.AlignmentFlag.AlignCenter, self._title)
        font.setPointSizeF(font.pointSizeF() / 1.4)
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(QColor("#e5e8eb"))
        text_area = QRect(box.left(), self.height() // 3 + 8, box.width(), self.height() // 3 - 16)
        painter.drawText(text_area, Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, self._text)
