"""TransportBar: the row of playback buttons, the speed list and the volume under the timeline.

Only widgets: each button triggers one of the PlayerWidget's actions (which carry the shortcuts), so a
click and its key always do the same thing.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSlider, QStyle, QToolButton, QWidget

from player.engine import SPEEDS

BUTTONS = (
    ("back_30s", None),
    ("back_5s", None),
    ("frame_back", QStyle.StandardPixmap.SP_MediaSkipBackward),
    ("toggle_play", QStyle.StandardPixmap.SP_MediaPlay),
    ("frame_forward", QStyle.StandardPixmap.SP_MediaSkipForward),
    ("forward_5s", None),
    ("forward_30s", None),
    ("stop", QStyle.StandardPixmap.SP_MediaStop),
)
TOOL_BUTTONS = (
    ("still", None),
    ("full_screen", QStyle.StandardPixmap.SP_TitleBarMaxButton),
    ("help", QStyle.StandardPixmap.SP_DialogHelpButton),
)


class TransportBar(QWidget):
    """Buttons for the given actions, a speed list and a volume slider.

    Signals:
        speed_chosen(float)
        volume_chosen(int): 0..100
    """

    speed_chosen = Signal(float)
    volume_chosen = Signal(int)

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(2)
        for name, icon in BUTTONS:
            layout.addWidget(self._button(actions[name], icon))
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("Speed")))
        self.speed = QComboBox(self)
        for speed in SPEEDS:
            self.speed.addItem(f"{speed:g}×", speed)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.speed.activated.connect(lambda index: self.speed_chosen.emit(float(self.speed.itemData(index))))
        layout.addWidget(self.speed)
        layout.addStretch(1)
        layout.addWidget(self._button(actions["mute"], QStyle.StandardPixmap.SP_MediaVolume))
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(100)
        self.volume.setFixedWidth(100)
        self.volume.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.volume.setToolTip(self.tr("Volume"))
        self.volume.valueChanged.connect(self.volume_chosen)
        layout.addWidget(self.volume)
        layout.addSpacing(12)
        for name, icon in TOOL_BUTTONS:
            layout.addWidget(self._button(actions[name], icon))

    def _button(self, action: QAction, icon: QStyle.StandardPixmap | None) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the player's shortcuts
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        else:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.buttons[action.objectName()] = button
        return button

    def show_speed(self, rate: float) -> None:
        index = self.speed.findData(rate)
        if index >= 0:
            self.speed.setCurrentIndex(index)

    def show_volume(self, volume: int, muted: bool) -> None:
        self.volume.blockSignals(True)
        self.volume.setValue(volume)
        self.volume.blockSignals(False)
        icon = QStyle.StandardPixmap.SP_MediaVolumeMuted if muted else QStyle.StandardPixmap.SP_MediaVolume
        self.buttons["mute"].defaultAction().setIcon(self.style().standardIcon(icon))

    def show_playing(self, playing: bool) -> None:
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.buttons["toggle_play"].defaultAction().setIcon(self.style().standardIcon(icon))
