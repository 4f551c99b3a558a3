"""The player's keyboard shortcuts, in one table, and the dialog that lists them."""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def QT_TRANSLATE_NOOP(_context: str, source: str) -> str:
    """Marks source for lupdate in context and returns it as is; Qt's own is typed as returning object."""
    return source


@dataclass(frozen=True)
class Shortcut:
    name: str  # the PlayerWidget action it triggers
    keys: tuple[str, ...]  # QKeySequence portable text
    description: str  # English source text; translated when shown, in context "PlayerShortcuts"


SHORTCUTS = (
    Shortcut("toggle_play", ("Space",), QT_TRANSLATE_NOOP("PlayerShortcuts", "Play / pause")),
    Shortcut("slower", ("J",), QT_TRANSLATE_NOOP("PlayerShortcuts", "Slower")),
    Shortcut("pause", ("K",), QT_TRANSLATE_NOOP("PlayerShortcuts", "Pause")),
    Shortcut("play_faster", ("L",), QT_TRANSLATE_NOOP("PlayerShortcuts", "Play; faster when playing")),
    Shortcut("frame_back", ("Left",), QT_TRANSLATE_NOOP("PlayerShortcuts", "One frame back")),
    Shortcut("frame_forward", ("Right",), QT_TRANSLATE_NOOP("PlayerShortcuts", "One frame forward")),
    Shortcut("back_5s", ("Shift+Left",), QT_TRANSLATE_NOOP("PlayerShortcuts", "5 seconds back")),
    Shortcut("forward_5s", ("Shift+Right",), QT_TRANSLATE_NOOP("PlayerShortcuts", "5 seconds forward")),
    Shortcut("back_30s", ("Ctrl+Left",), QT_TRANSLATE_NOOP("PlayerShortcuts", "30 seconds back")),
    Shortcut("forward_30s", ("Ctrl+Right",), QT_TRANSLATE_NOOP("PlayerShortcuts", "30 seconds forward")),
    Shortcut("volume_up", ("Up",), QT_TRANSLATE_NOOP("PlayerShortcuts", "Volume up")),
    Shortcut("volume_down", ("Down",), QT_TRANSLATE_NOOP("PlayerShortcuts", "Volume down")),
    Shortcut("mute", ("U",), QT_TRANSLATE_NOOP("PlayerShortcuts", "Mute / unmute")),
    Shortcut("mark_point", ("M",), QT_TRANSLATE_NOOP("PlayerShortcuts", "Marker at the playhead")),
    Shortcut("segment_in", ("I",), QT_TRANSLATE_NOOP("PlayerShortcuts", "Segment start (in)")),
    Shortcut("segment_out", ("O",), QT_TRANSLATE_NOOP("PlayerShortcuts", "Segment end (out)")),
    Shortcut("save_draft", ("Return", "Enter"), QT_TRANSLATE_NOOP("PlayerShortcuts", "Save the marker or segment")),
    Shortcut(
        "clear_draft",
        ("Escape",),
        QT_TRANSLATE_NOOP("PlayerShortcuts", "Discard the unsaved marker; leave full screen"),
    ),
    Shortcut("still", ("S",), QT_TRANSLATE_NOOP("PlayerShortcuts", "Save the frame as a still")),
    Shortcut("full_screen", ("F",), QT_TRANSLATE_NOOP("PlayerShortcuts", "Full screen")),
    Shortcut("help", ("F1", "?"), QT_TRANSLATE_NOOP("PlayerShortcuts", "These shortcuts")),
)


def describe(shortcut: Shortcut) -> str:
    return QCoreApplication.translate("PlayerShortcuts", shortcut.description)


def key_text(shortcut: Shortcut) -> str:
    """The keys as the user's keyboard names them (Return and Enter may read the same: shown once)."""
    names = [QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) for key in shortcut.keys]
    return " / ".join(dict.fromkeys(names))


class ShortcutsDialog(QDialog):
    """A table of every key and what it does."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Player shortcuts"))
        table = QTableWidget(len(SHORTCUTS), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("What it does")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        for row, shortcut in enumerate(SHORTCUTS):
            key = QTableWidgetItem(key_text(shortcut))
            key.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, 0, key)
            table.setItem(row, 1, QTableWidgetItem(describe(shortcut)))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(480, 760)
