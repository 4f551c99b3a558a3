"""The archive browser's clip table: a paged model over the database, fast on millions of clips.

rowCount() is the filter's count; rows are fetched a page at a time on the database thread when the view
first asks for them (data() of a row not loaded yet shows a blank row and requests its page), and kept in
a small LRU cache. The default order pages by keyset from a cached neighbour page, so scrolling never runs
a deep OFFSET scan (what the user may see is worked out by the client once per query, not per page).
Thumbnails come from the client on the I/O pool (made and cached by the archive or the server), kept by hash.
The pre-screen's findings (预筛查 column) come with each page: one client call for the page's clips, on the
database thread, kept as long as the page is.
"""

import logging
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPixmap

from ui.common.findings_text import findings_summary, findings_tooltip
from ui.common.messages import failure_text
from ui.common.tasks import Operations
from workstation.client import ArchiveClient
from workstation.clock import format_time
from workstation.footage.types import NEWEST_FIRST, ClipFilter, ClipOrder, ClipRow, SortKey, cursor_after
from workstation.prescreen.types import Finding, FindingStatus
from workstation.types import FileType, MediaStatus

_log = logging.getLogger(__name__)
_Index = QModelIndex | QPersistentModelIndex

# PySide6 6.12: QModelIndex.data() called from Python on a Python model whose data() returns None drops a
# reference to None each time (it crashes after some thousand calls). Python code therefore reads this model
# through row_at() or model.data(index, role), never index.data().
PAGE_ROWS = 200
CACHED_PAGES = 64
CACHED_THUMBNAILS = 2000
ClipRowRole = Qt.ItemDataRole.UserRole + 1

COLUMNS = (
    "recorded",
    "duration",
    "unit",
    "officer",
    "badge",
    "device",
    "type",
    "findings",
    "important",
    "cases",
    "marks",
    "flags",
    "name",
)
_SORTABLE = {
    "recorded": SortKey.RECORDED,
    "duration": SortKey.DURATION,
    "type": SortKey.FILE_TYPE,
    "name": SortKey.NAME,
}


class ClipPageModel(QAbstractTableModel):
    """Read-only; `set_query` replaces the filter or order.

    Signals: first_page_shown(), count_changed(int), load_failed(str).
    """

    first_page_shown = Signal()
    count_changed = Signal(int)
    load_failed = Signal(str)

    def __init__(
        self,
        client: ArchiveClient,
        operations: Operations,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._started = False  # the first page of a query has come back: the client knows the query's scope
        self._operations = operations
        self._criteria = ClipFilter()
        self._order = NEWEST_FIRST
        self._generation = 0
        self._count = 0
        self._pages: OrderedDict[int, list[ClipRow]] = OrderedDict()
        self._pending: set[int] = set()
        self._thumbnails: OrderedDict[str, QPixmap | None] = OrderedDict()  # LRU, by the file's hash
        self._findings: dict[int, tuple[Finding, ...]] = {}  # by clip id, for the pages kept
        self._headers = (
            self.tr("Recorded"),
            self.tr("Duration"),
            self.tr("Unit"),
            self.tr("Officer"),
            self.tr("Badge no."),
            self.tr("Device"),
            self.tr("Type"),
            self.tr("Pre-screen"),
            self.tr("Important"),
            self.tr("Incident/case"),
            self.tr("Marks"),
            self.tr("Notes"),
            self.tr("File"),
        )
        self._types = {
            FileType.VIDEO: self.tr("Video"),
            FileType.AUDIO: self.tr("Audio"),
            FileType.PHOTO: self.tr("Photo"),
            FileType.LOG: self.tr("Log"),
        }

    # --- querying -------------------------------------------------------------------------------------

    @property
    def criteria(self) -> ClipFilter:
        return self._criteria

    def set_query(self, criteria: ClipFilter, order: ClipOrder | None = None) -> None:
        """Show the clips matching `criteria`.

        The first page is fetched and shown first; the full count follows as a second task (counting a
        large result costs more than a page), and the rows beyond the first page appear when it arrives.
        Signals: first_page_shown() when the first page is in the model, count_changed(total) after.
        """
        self._criteria = criteria
        self._order = order or self._order
        self._generation += 1
        generation, order_now = self._generation, self._order
        self.beginResetModel()
        self._count, self._pages, self._pending, self._started = 0, OrderedDict(), {0}, False
        self._findings = {}
        self.endResetModel()
        client = self._client

        def on_first(rows: list[ClipRow]) -> None:
            if generation != self._generation:
                return
            self._started = True
            self._on_first_page(generation, rows)
            if len(rows) == PAGE_ROWS:
                self._operations.run(
                    self,
                    lambda: client.count_clips(criteria),
                    lambda total: self._on_count(generation, total),
                    self._on_failed,
                )

        self._operations.run(
            self, lambda: client.first_clip_page(criteria, order_now, PAGE_ROWS), on_first, self._on_failed
        )

    def refresh(self) -> None:
        self.set_query(self._criteria, self._order)

    def _on_first_page(self, generation: int, first: list[ClipRow]) -> None:
        if generation != self._generation:
            return  # the filter changed while this was loading
        self.beginResetModel()
        self._count = len(first)
        self._pages = OrderedDict({0: first})
        self._pending = set()
        self.endResetModel()
        self.first_page_shown.emit()
        if len(first) < PAGE_ROWS:
            self.count_changed.emit(len(first))
        self._load_findings(generation, 0, first)

    def _on_count(self, generation: int, total: int) -> None:
        if generation != self._generation or total <= self._count:
            return
        self.beginInsertRows(QModelIndex(), self._count, total - 1)
        self._count = total
        self.endInsertRows()
        self.count_changed.emit(total)

    def _on_failed(self, error: Exception) -> None:
        self._pending = set()
        self.load_failed.emit(failure_text(error))

    def _request_page(self, page: int) -> None:
        if not self._started or page in self._pending or page in self._pages:
            return  # not started: the first page, which begins the query, has not come back
        self._pending.add(page)
        generation, criteria, order, client = self._generation, self._criteria, self._order, self._client
        previous = self._pages.get(page - 1)
        after = cursor_after(previous[-1]) if previous and order == NEWEST_FIRST else None

        def fetch() -> list[ClipRow]:
            return client.clip_page(criteria, order, PAGE_ROWS, after=after, offset=page * PAGE_ROWS)

        self._operations.run(self, fetch, lambda rows: self._on_page(generation, page, rows), self._on_failed)

    def _on_page(self, generation: int, page: int, rows: list[ClipRow]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        self._pages[page] = rows
        while len(self._pages) > CACHED_PAGES:
            _, dropped = self._pages.popitem(last=False)
            for row in dropped:
                self._findings.pop(row.id, None)
        first = page * PAGE_ROWS
        last = min(first + len(rows), self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self._load_findings(generation, page, rows)

    def _load_findings(self, generation: int, page: int, rows: list[ClipRow]) -> None:
        """The findings of a page's clips, in one call; the 预筛查 cells of the page repaint when they arrive."""
        ids, client = [row.id for row in rows], self._client
        if not ids:
            return

        def arrived(found: list[Finding]) -> None:
            if generation != self._generation or page not in self._pages:
                return
            by_clip: dict[int, list[Finding]] = {clip_id: [] for clip_id in ids}
            for finding in found:
                if finding.clip_id in by_clip:
                    by_clip[finding.clip_id].append(finding)
            self._findings.update((clip_id, tuple(items)) for clip_id, items in by_clip.items())
            column = COLUMNS.index("findings")
            first = page * PAGE_ROWS
            last = min(first + len(ids), self._count) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, column), self.index(last, column))

        self._operations.run(
            self, lambda: client.clip_findings(ids), arrived, lambda error: self.load_failed.emit(failure_text(error))
        )

    def findings_of(self, clip_id: int) -> tuple[Finding, ...] | None:
        """The findings of a listed clip; None while its page's findings are loading."""
        return self._findings.get(clip_id)

    def reload_findings(self, clip_ids: list[int]) -> None:
        """Read these clips' findings again (a reviewer decided one in the player)."""
        for page, rows in list(self._pages.items()):
            if any(row.id in clip_ids for row in rows):
                self._load_findings(self._generation, page, rows)

    def row_at(self, row: int) -> ClipRow | None:
        """The clip at a row, or None while its page is still loading (the page is then requested)."""
        page = row // PAGE_ROWS
        rows = self._pages.get(page)
        if rows is None:
            self._request_page(page)
            return None
        self._pages.move_to_end(page)
        offset = row - page * PAGE_ROWS
        return rows[offset] if offset < len(rows) else None

    def update_row(self, updated: ClipRow) -> None:
        """Replace one loaded clip (after marking it or linking it to a case) without reloading the page."""
        for page, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.id == updated.id:
                    rows[offset] = updated
                    number = page * PAGE_ROWS + offset
                    self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))
                    return

    # --- Qt model interface ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = _SORTABLE.get(COLUMNS[column])
        if key is not None:
            self.set_query(self._criteria, ClipOrder(key, order == Qt.SortOrder.DescendingOrder))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ClipRowRole:
            return row
        if role == Qt.ItemDataRole.DecorationRole and column == "recorded":
            return self._thumbnail(row, index.row())
        if role == Qt.ItemDataRole.ToolTipRole and column == "flags":
            return "\n".join(self._flags(row)) or None
        if role == Qt.ItemDataRole.ToolTipRole and column == "findings":
            return findings_tooltip(self._findings.get(row.id, ())) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == "flags" and row.has_media_problem:
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.ForegroundRole and column == "findings":
            return _findings_brush(self._findings.get(row.id, ()))
        return None

    def _display(self, row: ClipRow, column: str) -> str:
        if column == "recorded":
            return format_time(row.recorded_start)
        if column == "duration":
            return _duration_text(row.duration_ms)
        if column == "unit":
            return row.unit_name or self.tr("Unassigned")
        if column == "officer":
            return row.officer_name or ""
        if column == "badge":
            return row.badge_no or ""
        if column == "device":
            return row.device_no or ""
        if column == "type":
            return self._types[row.file_type]
        if column == "important":
            return "★" if row.important else ""
        if column == "cases":
            return "、".join(row.case_numbers)
        if column == "marks":
            return str(row.marker_count) if row.marker_count else ""
        if column == "findings":
            return findings_summary(self._findings.get(row.id, ()))
        if column == "flags":
            return "；".join(self._flags(row))
        return row.original_name

    def _flags(self, row: ClipRow) -> list[str]:
        flags = []
        if row.media_status is not MediaStatus.OK:
            flags.append(self.tr("Integrity problem: %1").replace("%1", row.media_problem or row.media_status.value))
        if row.late_upload:
            flags.append(self.tr("Uploaded after 24 h"))
        if not row.case_numbers and row.file_type is not FileType.LOG:
            flags.append(self.tr("Not linked to a case"))
        return flags

    def _thumbnail(self, row: ClipRow, number: int) -> QPixmap | None:
        if row.file_type not in (FileType.VIDEO, FileType.PHOTO) or row.has_media_problem:
            return None
        if row.sha256 in self._thumbnails:
            self._thumbnails.move_to_end(row.sha256)
            return self._thumbnails[row.sha256]
        self._thumbnails[row.sha256] = None  # requested; shown when it arrives
        while len(self._thumbnails) > CACHED_THUMBNAILS:
            self._thumbnails.popitem(last=False)
        client, clip_id = self._client, row.id

        def make() -> QImage | None:
            jpeg = client.thumbnail(clip_id)
            image = QImage.fromData(jpeg) if jpeg else None
            return image.scaledToHeight(36) if image is not None and not image.isNull() else None

        def arrived(image: QImage | None) -> None:
            self._thumbnails[row.sha256] = QPixmap.fromImage(image) if image is not None else None
            if number < self._count:
                self.dataChanged.emit(self.index(number, 0), self.index(number, 0), [Qt.ItemDataRole.DecorationRole])

        self._operations.run_file(
            self, make, arrived, lambda error: _log.info("no thumbnail for clip %s: %s", row.id, error)
        )
        return None


def _findings_brush(findings: tuple[Finding, ...]) -> QBrush | None:
    """Waiting for a reviewer: amber; confirmed: red; only dismissed ones: grey."""
    statuses = {finding.status for finding in findings}
    if FindingStatus.PENDING in statuses:
        return QBrush(QColor("#a04000"))
    if FindingStatus.CONFIRMED in statuses:
        return QBrush(QColor("#b00020"))
    return QBrush(QColor("#7f8c8d")) if statuses else None


def _duration_text(duration_ms: int | None) -> str:
    if not duration_ms:
        return ""
    seconds = duration_ms // 1000
    return (
        f"{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        if seconds >= 3600
        else (f"{seconds // 60:02d}:{seconds % 60:02d}")
    )
