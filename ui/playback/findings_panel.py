"""FindingsPanel: the pre-screen's findings on the clips shown (hints, 需人工复核 until a reviewer decides), with
a legend of the band colours and the reviewer's 确认 / 排除 with an optional note.

Only widgets: the player window fills it and acts on its signals (the decision goes through the client, so
it works the same on an archive opened here and through the archive server).
"""

from collections.abc import Callable, Sequence
from typing import cast

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common.findings_text import decision_text, finding_line
from ui.common.labels import (
    DAY_COLOR,
    PICTURE_COLOR,
    SOUND_COLOR,
    UNDECODABLE_COLOR,
    finding_color,
    finding_kind_name,
)
from ui.playback.marker_panel import swatch
from workstation.prescreen.types import MAX_FINDING_NOTE, Finding, FindingStatus


class FindingsPanel(QWidget):
    """Findings in timeline order; the selected one is confirmed or dismissed with the buttons below.

    Signals:
        finding_selected(object): the Finding clicked in the list
        decide_requested(object, bool, str): the Finding, True to confirm / False to dismiss, the note
    """

    finding_selected = Signal(object)
    decide_requested = Signal(object, bool, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Finding] = []
        self.title = QLabel(self.tr("Pre-screen findings: hints for a person to check, never a verdict"), self)
        self.title.setWordWrap(True)
        self.legend = QLabel(self._legend(), self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.list = QTreeWidget(self)
        self.list.setHeaderLabels([self.tr("When"), self.tr("Finding"), self.tr("Confidence"), self.tr("Review")])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.list.itemClicked.connect(self._on_item_clicked)
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self.empty = QLabel(self.tr("No pre-screen findings on this footage."), self)
        self.empty.setStyleSheet("color: palette(mid)")
        self.note = QLineEdit(self)
        self.note.setMaxLength(MAX_FINDING_NOTE)
        self.note.setPlaceholderText(self.tr("Review note, optional"))
        self.confirm = QPushButton(self.tr("Confirm"), self)
        self.dismiss = QPushButton(self.tr("Dismiss"), self)
        for button, confirmed in ((self.confirm, True), (self.dismiss, False)):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, confirmed=confirmed: self._decide(confirmed))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm)
        buttons.addWidget(self.dismiss)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.legend)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.set_findings([], str)

    def _legend(self) -> str:
        families = (
            (PICTURE_COLOR, self.tr("Picture")),
            (SOUND_COLOR, self.tr("Sound")),
            (UNDECODABLE_COLOR, self.tr("Cannot be decoded")),
            (DAY_COLOR, self.tr("Officer's day records")),
        )
        return "&nbsp;&nbsp;".join(f'<span style="color:{color}">■</span>&nbsp;{name}' for color, name in families)

    @property
    def findings(self) -> list[Finding]:
        return list(self._rows)

    def set_findings(self, rows: Sequence[Finding], time_text: Callable[[Finding], str]) -> None:
        """Rows in the order given (the caller sorts them by timeline time); the selection is kept by id."""
        chosen = self.current()
        self._rows = list(rows)
        self.list.clear()
        for row in rows:
            item = QTreeWidgetItem(
                [time_text(row), finding_kind_name(row.kind), f"{row.confidence:.2f}", decision_text(row)]
            )
            item.setIcon(1, swatch(finding_color(row.kind)))
            item.setToolTip(1, finding_line(row))
            item.setToolTip(3, row.note or decision_text(row))
            if row.status is FindingStatus.PENDING:
                item.setForeground(3, Qt.GlobalColor.darkYellow)
            self.list.addTopLevelItem(item)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        self.empty.setVisible(not rows)
        self.select(chosen.id if chosen else None)

    def current(self) -> Finding | None:
        item = self.list.currentItem()
        return self._rows[self.list.indexOfTopLevelItem(item)] if item is not None and self._rows else None

    def select(self, finding_id: int | None) -> None:
        for index, row in enumerate(self._rows):
            if row.id == finding_id:
                self.list.setCurrentItem(cast(QTreeWidgetItem, self.list.topLevelItem(index)))  # one item a row
                self._enable()
                return
        self.list.setCurrentIndex(QModelIndex())  # nothing current
        self._enable()

    def _enable(self) -> None:
        chosen = self.current() is not None
        for widget in (self.note, self.confirm, self.dismiss):
            widget.setEnabled(chosen)

    def _decide(self, confirmed: bool) -> None:
        chosen = self.current()
        if chosen is not None:
            self.decide_requested.emit(chosen, confirmed, self.note.text())

    def _on_item_clicked(self, item: QTreeWidgetItem) -> None:
        row = self._rows[self.list.indexOfTopLevelItem(item)]
        self.note.setText(row.note)
        self.finding_selected.emit(row)
