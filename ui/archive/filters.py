"""The archive browser's filter bar: unit, officer, device, dates, case, flags, type and free text; the
filters a figure of the 统计 page opens with (uploaded late, linked to a case, footage without the logs); and
the pre-screen's findings on the clip (kinds and review status; a finding on an officer's day, such as a gap,
is on no clip and is not among them)."""

from collections.abc import Sequence

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.labels import finding_kind_name, finding_status_name
from ui.common.qt_dates import archive_today, day_edit, to_date
from workstation.footage.types import FOOTAGE_TYPES, RECORDING_TYPES, ClipFilter
from workstation.prescreen.types import FindingStatus
from workstation.types import FileType

TYPING_PAUSE_MS = 300
SHORTEST_CHOICE_CHARS = 4
"""A filter choice shrinks to this many characters when the window is narrow (it shows all of its text when wide)."""
PICTURE_KINDS = ("covered", "dark", "frozen")
SOUND_KINDS = ("silent", "clipped")
CLIP_FINDING_KINDS = (*PICTURE_KINDS, *SOUND_KINDS, "undecodable", "abnormal_end", "low_battery_end", "late_upload")
"""The kinds a finding on a clip has: the media's, and the day findings kept on the clip they are about."""


class FilterBar(QWidget):
    """Edits a ClipFilter. Signals: changed(ClipFilter), after the user pauses typing or picks a value."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._debounce = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._debounce.timeout.connect(self._emit)
        self.search = self._line(self.tr("Search officer, badge no., device or case"))
        self.unit = self._line(self.tr("Unit code"))
        self.officer = self._line(self.tr("Badge no."))
        self.device = self._line(self.tr("Device no."))
        self.case = self._line(self.tr("Incident/case no."))
        self.use_dates = QCheckBox(self.tr("Recorded from"))
        self.date_from, self.date_to = day_edit(self), day_edit(self)
        today = archive_today()
        self.date_from.setDate(today.addDays(-7))
        self.date_to.setDate(today)
        self.important = self._choice(
            [(self.tr("Important: any"), None), (self.tr("Important"), True), (self.tr("Not important"), False)]
        )
        self.annotated = self._choice(
            [(self.tr("Marks: any"), None), (self.tr("Marked"), True), (self.tr("Not marked"), False)]
        )
        self.file_type = self._choice(
            [
                (self.tr("All types"), None),
                (self.tr("Video"), FileType.VIDEO),
                (self.tr("Audio"), FileType.AUDIO),
                (self.tr("Photo"), FileType.PHOTO),
                (self.tr("Log"), FileType.LOG),
                (self.tr("Video, audio and photos"), FOOTAGE_TYPES),
                (self.tr("Video and audio"), RECORDING_TYPES),
            ]
        )
        self.uploaded_late = self._choice(
            [
                (self.tr("Upload: any"), None),
                (self.tr("Uploaded after 24 h"), True),
                (self.tr("Uploaded within 24 h"), False),
            ]
        )
        self.linked = self._choice(
            [(self.tr("Case link: any"), None), (self.tr("Linked to a case"), True), (self.tr("Not linked"), False)]
        )
        self._finding_kinds: list[tuple[str, ...]] = [(), CLIP_FINDING_KINDS, PICTURE_KINDS, SOUND_KINDS]
        self._finding_kinds += [(kind,) for kind in CLIP_FINDING_KINDS]
        kind_texts = [
            self.tr("Pre-screen: any"),
            self.tr("Any pre-screen finding"),
            self.tr("Picture findings"),
            self.tr("Sound findings"),
        ] + [finding_kind_name(kind) for kind in CLIP_FINDING_KINDS]
        self.finding_kind = self._choice([(text, at) for at, text in enumerate(kind_texts)])  # at: _finding_kinds
        self.finding_status = self._choice(
            [(self.tr("Review: any"), None)] + [(finding_status_name(status), status) for status in FindingStatus]
        )
        self.clear = QPushButton(self.tr("Clear filters"))
        self.clear.clicked.connect(self.reset)
        self.use_dates.toggled.connect(self._debounce.start)
        self.date_from.dateChanged.connect(self._debounce.start)
        self.date_to.dateChanged.connect(self._debounce.start)
        # two rows of their own (not a grid: a grid's shared columns added the widest of both rows up), each
        # able to shrink, so that the officer tree beside the bar keeps its width on a narrow screen
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        words = QHBoxLayout()
        for widget, stretch in ((self.search, 3), (self.unit, 1), (self.officer, 1), (self.device, 1), (self.case, 2)):
            words.addWidget(widget, stretch)
        words.addWidget(self.use_dates)
        words.addWidget(self.date_from)
        words.addWidget(QLabel(self.tr("to")))
        words.addWidget(self.date_to)
        choices = QHBoxLayout()
        for box in (
            self.finding_kind,
            self.finding_status,
            self.important,
            self.annotated,
            self.file_type,
            self.uploaded_late,
            self.linked,
        ):
            choices.addWidget(box, 1)
        choices.addWidget(self.clear)
        layout.addLayout(words)
        layout.addLayout(choices)

    def _line(self, placeholder: str) -> QLineEdit:
        line = QLineEdit(placeholderText=placeholder, clearButtonEnabled=True)
        line.textChanged.connect(self._debounce.start)
        return line

    def _choice(self, options: Sequence[tuple[str, object]]) -> QComboBox:
        box = QComboBox()
        for text, value in options:
            box.addItem(text, value)
        # sized to their text while there is room, yet able to shrink: otherwise the bar's width (the sum of
        # its widest choices) squeezed the officer tree beside it to a sliver on a 1366- or 1600-pixel screen
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(SHORTEST_CHOICE_CHARS)
        box.currentIndexChanged.connect(self._debounce.start)
        return box

    def current(self) -> ClipFilter:
        def text(line: QLineEdit) -> str | None:
            return line.text().strip() or None

        dated = self.use_dates.isChecked()
        kinds = self.file_type.currentData()
        return ClipFilter(
            unit_code=text(self.unit),
            badge_no=text(self.officer),
            device_no=text(self.device),
            date_from=to_date(self.date_from.date()) if dated else None,
            date_to=to_date(self.date_to.date()) if dated else None,
            case_no=text(self.case),
            important=self.important.currentData(),
            file_type=kinds if isinstance(kinds, FileType) else None,
            annotated=self.annotated.currentData(),
            text=text(self.search),
            uploaded_late=self.uploaded_late.currentData(),
            linked=self.linked.currentData(),
            file_types=kinds if isinstance(kinds, frozenset) else None,
            finding_kinds=self._finding_kinds[self.finding_kind.currentIndex()],
            finding_status=self.finding_status.currentData(),
        )

    def apply(self, criteria: ClipFilter) -> None:
        """Show `criteria` in the widgets (the officer tree sets unit, officer and day this way)."""
        self.blockSignals(True)
        for line, value in (
            (self.unit, criteria.unit_code),
            (self.officer, criteria.badge_no),
            (self.device, criteria.device_no),
            (self.case, criteria.case_no),
            (self.search, criteria.text),
        ):
            line.setText(value or "")
        self.use_dates.setChecked(criteria.date_from is not None)
        if criteria.date_from:
            self.date_from.setDate(QDate(criteria.date_from.year, criteria.date_from.month, criteria.date_from.day))
        if criteria.date_to:
            self.date_to.setDate(QDate(criteria.date_to.year, criteria.date_to.month, criteria.date_to.day))
        self.blockSignals(False)
        self._debounce.stop()
        self._emit()

    def show_exactly(self, criteria: ClipFilter) -> None:
        """Show `criteria` in every widget, the choices too (a figure of the 统计 page opens its clips so)."""
        kinds = criteria.file_types if criteria.file_types is not None else criteria.file_type
        self.blockSignals(True)
        for box, value in (
            (self.important, criteria.important),
            (self.annotated, criteria.annotated),
            (self.file_type, kinds),
            (self.uploaded_late, criteria.uploaded_late),
            (self.linked, criteria.linked),
        ):
            box.setCurrentIndex(next(i for i in range(box.count()) if box.itemData(i) == value))
        found = criteria.finding_kinds
        self.finding_kind.setCurrentIndex(self._finding_kinds.index(found) if found in self._finding_kinds else 1)
        self.finding_status.setCurrentIndex(max(0, self.finding_status.findData(criteria.finding_status)))
        self.blockSignals(False)
        self.apply(criteria)

    def reset(self) -> None:
        self.show_exactly(ClipFilter())

    def _emit(self) -> None:
        self.changed.emit(self.current())
