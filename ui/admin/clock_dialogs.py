"""The 时钟校正 panel's dialogs: 登记偏差 (a measured offset), 批量校正 (a period and a reason, with the number of
clips it will correct) and 撤销校正 (a reason). They only collect the input; the panel calls the client."""

from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.common.qt_dates import day_edit, from_date, from_datetime, to_date, to_datetime
from workstation.footage.types import MAX_CLOCK_NOTE_CHARS, ClockCorrectionRow, ClockMeasurementSpec


class _Form(QDialog):
    """A form with OK and Cancel; OK enabled while `ready()` says so."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)

    def finish(self) -> None:
        self.layout_.addWidget(self.buttons)
        self.update_ok()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def update_ok(self) -> None:
        self.ok_button.setEnabled(self.ready())

    def ready(self) -> bool:
        return True


def _text_edit(parent: QWidget, placeholder: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setMaxLength(MAX_CLOCK_NOTE_CHARS)
    edit.setPlaceholderText(placeholder)
    return edit


def _moment_edit(parent: QWidget, moment: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(from_datetime(moment.replace(microsecond=0)), parent)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
    edit.setCalendarPopup(True)
    return edit


class MeasureDialog(_Form):
    """登记偏差: what the recorder showed (e.g. the time burned into a clip) when the true time was what."""

    def __init__(self, device_no: str, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Enter a clock offset of %1").replace("%1", device_no), parent)
        self.device_no = device_no
        self.recorder_time = _moment_edit(self, now)
        self.true_time = _moment_edit(self, now)
        self.clip_box = QSpinBox(self)
        self.clip_box.setRange(0, 2_000_000_000)
        self.clip_box.setSpecialValueText(self.tr("none"))
        self.note = _text_edit(self, self.tr("e.g. burned-in time of the clip against the duty room clock"))
        self.offset_label = QLabel(self)
        hint = QLabel(
            self.tr("The offset is the recorder's time minus the true time (positive: the recorder is fast).")
        )
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.form.addRow(self.tr("Recorder time"), self.recorder_time)
        self.form.addRow(self.tr("True time"), self.true_time)
        self.form.addRow(self.tr("Offset"), self.offset_label)
        self.form.addRow(self.tr("Clip ID (optional)"), self.clip_box)
        self.form.addRow(self.tr("Note"), self.note)
        for edit in (self.recorder_time, self.true_time):
            edit.dateTimeChanged.connect(self._show_offset)
        self._show_offset()
        self.finish()

    def spec(self) -> ClockMeasurementSpec:
        clip = self.clip_box.value()
        return ClockMeasurementSpec(
            self.device_no,
            to_datetime(self.recorder_time.dateTime()),
            to_datetime(self.true_time.dateTime()),
            clip or None,
            self.note.text().strip(),
        )

    def _show_offset(self) -> None:
        spec = self.spec()
        seconds = (spec.recorder_time - spec.true_time).total_seconds()
        self.offset_label.setText(self.tr("%1 s").replace("%1", f"{seconds:+.0f}"))


class CorrectDialog(_Form):
    """批量校正: the recorder's footage of a period (recorder dates) and the reason. The caller counts the clips
    of the period (`count_requested`) and shows the number with `show_count`."""

    count_requested = Signal(object)  # (date_from, date_to)

    def __init__(self, device_no: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Correct the clock of %1").replace("%1", device_no), parent)
        self.device_no = device_no
        self.from_edit, self.to_edit = day_edit(self, from_date(today.replace(day=1))), day_edit(self, from_date(today))
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._period_changed)
        self.reason = _text_edit(self, self.tr("e.g. the recorder was 7 s fast at the dock"))
        self.reason.textChanged.connect(self.update_ok)
        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)
        self.form.addRow(self.tr("From (recorder date)"), self.from_edit)
        self.form.addRow(self.tr("To"), self.to_edit)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.count_label)
        self._clips: int | None = None
        self.finish()

    def period(self) -> tuple[date, date]:
        return to_date(self.from_edit.date()), to_date(self.to_edit.date())

    def show_count(self, period: tuple[date, date], clips: int) -> None:
        """The number of clips of `period` (ignored if the dates changed meanwhile)."""
        if period != self.period():
            return
        self._clips = clips
        self.count_label.setText(
            self.tr("%1 files of this period will get the fitted offset; their recorder times are kept.").replace(
                "%1", str(clips)
            )
        )
        self.update_ok()

    def ready(self) -> bool:
        date_from, date_to = self.period()
        return bool(self.reason.text().strip()) and date_from <= date_to and self._clips is not None

    def _period_changed(self) -> None:
        self._clips = None
        date_from, date_to = self.period()
        if date_from > date_to:
            self.count_label.setText(self.tr("The period ends before it begins."))
        else:
            self.count_label.setText(self.tr("Counting the files…"))
            self.count_requested.emit((date_from, date_to))
        self.update_ok()

    def request_count(self) -> None:
        """Ask for the count of the period shown (when the dialog opens)."""
        self._period_changed()


class RevertDialog(_Form):
    """撤销校正: the correction's clips get their previous offsets back; the reason is audited."""

    def __init__(self, correction: ClockCorrectionRow, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Revert correction %1").replace("%1", str(correction.id)), parent)
        self.correction = correction
        summary = QLabel(
            self.tr("%1 to %2, %3 files: they get back the times they had before this correction.")
            .replace("%1", correction.date_from.isoformat())
            .replace("%2", correction.date_to.isoformat())
            .replace("%3", str(correction.clips)),
            self,
        )
        summary.setWordWrap(True)
        self.reason = _text_edit(self, self.tr("Why the correction is taken back"))
        self.reason.textChanged.connect(self.update_ok)
        self.form.addRow(summary)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.finish()

    def ready(self) -> bool:
        return bool(self.reason.text().strip())
