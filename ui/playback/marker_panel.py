"""MarkerPanel: the list of a clip's (or a day's) markers and segments, and the form to save or edit one.

Only widgets: the player window fills it with rows and texts and acts on its signals.
"""

from collections.abc import Callable, Sequence
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.footage.types import MAX_NOTE_CHARS, MarkerCategoryRow, MarkerRow


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class MarkerPanel(QWidget):
    """Markers in timeline order; below, the category and note of the mark being saved or edited.

    Signals:
        marker_selected(object): the MarkerRow clicked in the list
        save_clicked(), delete_clicked(), new_clicked()
    """

    marker_selected = Signal(object)
    save_clicked = Signal()
    delete_clicked = Signal()
    new_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MarkerRow] = []
        self.list = QTreeWidget(self)
        self.list.setHeaderLabels([self.tr("When"), self.tr("Category"), self.tr("By"), self.tr("Note")])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.list.itemClicked.connect(self._on_item_clicked)

        self.what = QLabel(self)
        self.what.setWordWrap(True)
        self.category = QComboBox(self)
        self.category.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.note = QLineEdit(self)
        self.note.setMaxLength(MAX_NOTE_CHARS)
        self.note.setPlaceholderText(self.tr("Note (备注), optional"))
        self.save = QPushButton(self.tr("Save"), self)
        self.delete = QPushButton(self.tr("Delete"), self)
        self.new = QPushButton(self.tr("New"), self)
        for button in (self.save, self.delete, self.new):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.save.clicked.connect(self.save_clicked)
        self.delete.clicked.connect(self.delete_clicked)
        self.new.clicked.connect(self.new_clicked)
        self.help = QLabel(self.tr("M: marker at the playhead · I / O: segment start / end · Enter: save"), self)
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: palette(mid)")

        form = QFormLayout()
        form.addRow(self.what)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Note"), self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.delete)
        buttons.addStretch(1)
        buttons.addWidget(self.new)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Markers and segments")))
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.help)
        self.show_form("", editable=False, deletable=False)

    def set_categories(self, categories: Sequence[MarkerCategoryRow]) -> None:
        current = self.category_code()
        self.category.clear()
        for category in categories:
            self.category.addItem(swatch(category.color), category.name, category.code)
        if current:
            self.set_category(current)

    def category_code(self) -> str | None:
        code: str | None = self.category.currentData()
        return code

    def set_category(self, code: str) -> None:
        index = self.category.findData(code)
        if index >= 0:
            self.category.setCurrentIndex(index)

    def set_markers(
        self,
        rows: Sequence[MarkerRow],
        time_text: Callable[[MarkerRow], str],
        category_of: Callable[[str], MarkerCategoryRow | None],
    ) -> None:
        """Rows in the order given (the caller sorts them by timeline time)."""
        self._rows = list(rows)
        self.list.clear()
        for row in rows:
            category = category_of(row.category)
            item = QTreeWidgetItem([time_text(row), category.name if category else row.category, row.author, row.note])
            if category is not None:
                item.setIcon(1, swatch(category.color))
            item.setToolTip(3, row.note)
            self.list.addTopLevelItem(item)
        for column in range(3):
            self.list.resizeColumnToContents(column)

    def select(self, marker_id: int | None) -> None:
        for index, row in enumerate(self._rows):
            if row.id == marker_id:
                self.list.setCurrentItem(cast(QTreeWidgetItem, self.list.topLevelItem(index)))  # one item a row
                return
        self.list.clearSelection()

    def show_form(self, what: str, *, editable: bool, deletable: bool) -> None:
        """What the form is about (a new mark, a marker being edited, someone else's marker)."""
        self.what.setText(what)
        for widget in (self.category, self.note, self.save):
            widget.setEnabled(editable)
        self.delete.setEnabled(deletable)

    def _on_item_clicked(self, item: QTreeWidgetItem) -> None:
        self.marker_selected.emit(self._rows[self.list.indexOfTopLevelItem(item)])
