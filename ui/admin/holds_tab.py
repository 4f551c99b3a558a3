"""法律保全: legal holds. Place one on files by number (or on files chosen in the expiry queue), release one
with a reason. A held file is never destroyed, whatever its class; the services let only 法制 and 督察 place
and release holds, and audit both."""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.common.row_table_model import DISPLAY, RowTableModel, read_only_table
from ui.common.status_line import StatusLine
from ui.common.tasks import Operations
from workstation.client import ArchiveClient
from workstation.clock import format_time
from workstation.retention.types import HoldRow


class HoldTableModel(RowTableModel[HoldRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("No."),
            self.tr("Reason"),
            self.tr("Files"),
            self.tr("Placed by"),
            self.tr("Placed"),
            self.tr("Released by"),
            self.tr("Released"),
            self.tr("Reason for release"),
        ]

    def cell(self, row: HoldRow, column: int, role: int) -> Any:
        if role != DISPLAY:
            return None
        return (
            str(row.id),
            row.reason,
            str(row.clip_count),
            row.placed_by,
            format_time(row.placed_at),
            row.released_by or "",
            format_time(row.released_at),
            row.release_reason,
        )[column]


def parse_clip_numbers(text: str) -> list[int] | None:
    """ "12, 15 17" → [12, 15, 17]; None when a part is not a number."""
    parts = text.replace("，", ",").replace(",", " ").split()
    return [int(part) for part in parts] if parts and all(part.isdigit() for part in parts) else None


class HoldsTab(QWidget):
    """Signals: loaded; holds_changed (a hold was placed or released: the queue's reasons change)."""

    loaded = Signal()
    holds_changed = Signal()

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client, self._operations = client, operations
        self.model = HoldTableModel(self)
        self.table = read_only_table(self)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.released_box = QCheckBox(self.tr("Show released holds"), self)
        self.released_box.toggled.connect(self.load)
        self.clips_edit = QLineEdit(self)
        self.clips_edit.setPlaceholderText(self.tr("File numbers, e.g. 12, 15, 17"))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("Reason (required), e.g. the case or complaint it concerns"))
        self.place_button = QPushButton(self.tr("Place hold"), self)
        self.place_button.clicked.connect(self.place_from_fields)
        self.release_button = QPushButton(self.tr("Release selected hold"), self)
        self.release_button.clicked.connect(self.release_selected)
        self.message = StatusLine(self)
        fields = QHBoxLayout()
        fields.addWidget(QLabel(self.tr("Files:"), self))
        fields.addWidget(self.clips_edit, 1)
        fields.addWidget(QLabel(self.tr("Reason:"), self))
        fields.addWidget(self.reason_edit, 2)
        fields.addWidget(self.place_button)
        fields.addWidget(self.release_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.released_box)
        layout.addWidget(self.table, 1)
        layout.addLayout(fields)
        layout.addWidget(self.message)
        self._update_buttons()

    def load(self) -> None:
        include = self.released_box.isChecked()
        client = self._client
        self._operations.run(self, lambda: client.legal_holds(include), self._on_loaded, self.message.show_failure)

    def place_from_fields(self) -> None:
        clip_ids = parse_clip_numbers(self.clips_edit.text())
        if clip_ids is None:
            self.message.say(self.tr("Enter the numbers of the files to hold."), problem=True)
            return
        self.place(clip_ids, self.reason_edit.text().strip())

    def place(self, clip_ids: Sequence[int], reason: str) -> None:
        """Place a hold on `clip_ids` (the queue tab's selection comes here too)."""
        if not reason:
            self.message.say(self.tr("Give the reason for the hold."), problem=True)
            return
        client, ids = self._client, list(clip_ids)
        self._operations.run(self, lambda: client.place_hold(ids, reason), self._on_placed, self.message.show_failure)

    def release_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        reason = self.reason_edit.text().strip()
        if not rows:
            return
        if not reason:
            self.message.say(self.tr("Give the reason for releasing the hold."), problem=True)
            return
        hold, client = self.model.row_at(rows[0].row()), self._client
        self._operations.run(
            self, lambda: client.release_hold(hold.id, reason), self._on_released, self.message.show_failure
        )

    def _on_placed(self, hold: HoldRow) -> None:
        self.clips_edit.clear()
        self.reason_edit.clear()
        self.message.say(
            self.tr("Legal hold %1 placed on %2 files.").replace("%1", str(hold.id)).replace("%2", str(hold.clip_count))
        )
        self.holds_changed.emit()
        self.load()

    def _on_released(self, hold: HoldRow) -> None:
        self.reason_edit.clear()
        self.message.say(self.tr("Legal hold %1 released.").replace("%1", str(hold.id)))
        self.holds_changed.emit()
        self.load()

    def _on_loaded(self, rows: list[HoldRow]) -> None:
        self.model.set_rows(rows)
        self._update_buttons()
        self.loaded.emit()

    def _update_buttons(self, *_selection: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.release_button.setEnabled(bool(rows) and self.model.row_at(rows[0].row()).released_at is None)
