"""时钟校正 (R3) for the recorder selected in the registry: its measured clock offsets with their source, the drift
fitted over them and the offset now, and its batch corrections; 登记偏差, 批量校正 and 撤销 through the client.

Administrators only: the services check (an administrator of the recorder's unit or above); the window shows
the registry, and this panel in it, to administrators alone.
"""

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ui.admin.clock_dialogs import CorrectDialog, MeasureDialog, RevertDialog
from ui.common.labels import event_name
from ui.common.row_table_model import DISPLAY, TOOLTIP, RowTableModel, read_only_table
from ui.common.status_line import StatusLine
from ui.common.tasks import Operations
from workstation import clock
from workstation.client import ArchiveClient
from workstation.clock import format_time
from workstation.footage.types import (
    ClipFilter,
    ClockCorrectionRow,
    ClockFit,
    ClockMeasurementRow,
    ClockSource,
    DeviceEventType,
    RecorderClock,
)


def source_name(source: ClockSource) -> str:
    """A measurement's source: the recorder log's dock or clock-sync line (as the log's events are named), or an
    administrator's entry."""
    if source is ClockSource.ADMIN:
        return QCoreApplication.translate("clocks", "Entered by an administrator")
    return event_name(DeviceEventType.DOCK if source is ClockSource.DOCK_LOG else DeviceEventType.CLOCK_SYNC)


def seconds(offset_ms: int) -> str:
    return f"{offset_ms / 1000:+.1f}"


class MeasurementModel(RowTableModel[ClockMeasurementRow]):
    """The measurements, newest first; the note last (the long column)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("True time"),
            self.tr("Recorder time"),
            self.tr("Offset (s)"),
            self.tr("Source"),
            self.tr("Clip"),
            self.tr("Entered by"),
            self.tr("Note"),
        ]

    def cell(self, row: ClockMeasurementRow, column: int, role: int) -> Any:
        if role not in (DISPLAY, TOOLTIP):
            return None
        values = (
            format_time(row.measured_at),
            format_time(row.recorder_time),
            seconds(row.offset_ms),
            source_name(row.source),
            str(row.clip_id) if row.clip_id is not None else "",
            row.recorded_by,
            row.note,
        )
        return values[column]


class CorrectionModel(RowTableModel[ClockCorrectionRow]):
    """The corrections, newest first; a reverted one says when and why."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("No."),
            self.tr("Period (recorder dates)"),
            self.tr("Offset (s)"),
            self.tr("Drift (s/day)"),
            self.tr("Files"),
            self.tr("Corrected by"),
            self.tr("Corrected at"),
            self.tr("Reverted"),
            self.tr("Reason"),
        ]

    def cell(self, row: ClockCorrectionRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.reverted_at is not None:
            return Qt.GlobalColor.gray
        if role not in (DISPLAY, TOOLTIP):
            return None
        reverted = (
            self.tr("%1 by %2: %3")
            .replace("%1", format_time(row.reverted_at))
            .replace("%2", row.reverted_by or "")
            .replace("%3", row.revert_reason or "—")
            if row.reverted_at is not None
            else ""
        )
        values = (
            str(row.id),
            f"{row.date_from} – {row.date_to}",
            seconds(row.offset_ms),
            f"{row.drift_s_per_day:+.2f}" if row.drift_s_per_day is not None else "—",
            str(row.clips),
            row.corrected_by,
            format_time(row.corrected_at),
            reverted,
            row.reason,
        )
        return values[column]


class ClockPanel(QWidget):
    """One recorder's clock. `show_device(device_no)` reads it (None: nothing selected). Signals: loaded, the
    recorder's clock is on screen; changed, a measurement, correction or revert was committed."""

    loaded = Signal()
    changed = Signal()

    def __init__(self, client: ArchiveClient, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client, self._operations = client, operations
        self.device_no: str | None = None
        self.clock: RecorderClock | None = None
        self.measure_dialog: MeasureDialog | None = None
        self.correct_dialog: CorrectDialog | None = None
        self.revert_dialog: RevertDialog | None = None
        self.fit_label = QLabel(self)
        self.fit_label.setWordWrap(True)
        self.fit_label.setStyleSheet("font-size: 11pt; padding: 2px 0")
        self.measure_button = QPushButton(self.tr("Enter offset…"), self)
        self.measure_button.clicked.connect(self.open_measure)
        self.correct_button = QPushButton(self.tr("Batch correction…"), self)
        self.correct_button.clicked.connect(self.open_correct)
        self.revert_button = QPushButton(self.tr("Revert…"), self)
        self.revert_button.clicked.connect(self.open_revert)
        self.measurements = MeasurementModel(self)
        self.corrections = CorrectionModel(self)
        self.measurement_table = read_only_table(self)
        self.measurement_table.setModel(self.measurements)
        self.correction_table = read_only_table(self)
        self.correction_table.setModel(self.corrections)
        self.correction_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.status = StatusLine(self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.measure_button)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        tables = QSplitter(Qt.Orientation.Vertical, self)
        for title, table in (
            (self.tr("Measurements (newest first)"), self.measurement_table),
            (self.tr("Corrections (newest first)"), self.correction_table),
        ):
            box = QWidget(tables)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(QLabel(title, box))
            box_layout.addWidget(table)
            tables.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fit_label)
        layout.addLayout(buttons)
        layout.addWidget(tables, 1)
        layout.addWidget(self.status)
        self.show_device(None)

    def show_device(self, device_no: str | None) -> None:
        """Read the recorder's clock (None: clear the panel)."""
        self.device_no, self.clock = device_no, None
        self.measurements.set_rows([])
        self.corrections.set_rows([])
        if device_no is None:
            self.fit_label.setText(self.tr("Select a recorder to see and correct its clock."))
            self._update_buttons()
            return
        self.fit_label.setText(self.tr("Loading…"))
        self._update_buttons()
        client = self._client
        self._operations.run(self, lambda: client.recorder_clock(device_no), self._on_clock, self._failed)

    def selected_correction(self) -> ClockCorrectionRow | None:
        rows = self.correction_table.selectionModel().selectedRows()
        return self.corrections.row_at(rows[0].row()) if rows else None

    def open_measure(self) -> None:
        if self.device_no is None:
            return
        dialog = MeasureDialog(self.device_no, clock.now(), self)
        dialog.accepted.connect(lambda: self._submit(lambda client: client.record_clock_measurement(dialog.spec())))
        self.measure_dialog = self._opened(dialog)

    def open_correct(self) -> None:
        if self.device_no is None:
            return
        device_no, client = self.device_no, self._client
        dialog = CorrectDialog(device_no, clock.now().date(), self)

        def count(period: tuple[date, date]) -> None:
            criteria = ClipFilter(device_no=device_no, date_from=period[0], date_to=period[1])
            self._operations.run(
                dialog, lambda: client.count_clips(criteria), lambda n: dialog.show_count(period, n), self._failed
            )

        dialog.count_requested.connect(count)
        dialog.accepted.connect(
            lambda: self._submit(lambda c: c.correct_clock(device_no, *dialog.period(), dialog.reason.text()))
        )
        self.correct_dialog = self._opened(dialog)
        dialog.request_count()

    def open_revert(self) -> None:
        correction = self.selected_correction()
        if correction is None or correction.reverted_at is not None:
            return
        dialog = RevertDialog(correction, self)
        dialog.accepted.connect(
            lambda: self._submit(lambda c: c.revert_clock_correction(correction.id, dialog.reason.text()))
        )
        self.revert_dialog = self._opened(dialog)

    def _opened(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _submit(self, work: Any) -> None:
        client, device_no = self._client, self.device_no

        def done(_result: object) -> None:
            self.status.say(self.tr("Saved and recorded in the audit log."))
            self.changed.emit()
            self.show_device(device_no)

        self._operations.run(self, lambda: work(client), done, self._failed)

    def _on_clock(self, recorder: RecorderClock) -> None:
        if recorder.device_no != self.device_no:
            return  # the selection moved on meanwhile
        self.clock = recorder
        self.fit_label.setText(fit_words(recorder.fit, len(recorder.measurements)))
        self.measurements.set_rows(list(reversed(recorder.measurements)))
        self.corrections.set_rows(recorder.corrections)
        self._update_buttons()
        self.loaded.emit()

    def _update_buttons(self) -> None:
        known = self.clock is not None
        self.measure_button.setEnabled(known)
        self.correct_button.setEnabled(known and bool(self.clock and self.clock.measurements))
        correction = self.selected_correction()
        self.revert_button.setEnabled(correction is not None and correction.reverted_at is None)

    def _failed(self, error: Exception) -> None:
        if self.clock is None and self.device_no is not None:
            self.fit_label.setText("")
        self.status.show_failure(error)


def fit_words(fit: ClockFit | None, measurements: int) -> str:
    """The offset now and the drift, in words."""
    if fit is None:
        return QCoreApplication.translate(
            "clocks", "No measurements yet: enter one, or dock the recorder at a station that writes its time."
        )
    offset = fit.offset_ms / 1000
    if offset > 0:
        direction = QCoreApplication.translate("clocks", "(fast)")
    else:
        direction = QCoreApplication.translate("clocks", "(slow)") if offset < 0 else ""
    drift = (
        QCoreApplication.translate("clocks", "%1 s/day").replace("%1", f"{fit.drift_s_per_day:+.2f}")
        if fit.drift_s_per_day is not None
        else QCoreApplication.translate("clocks", "unknown (one measurement)")
    )
    return (
        QCoreApplication.translate("clocks", "Offset now %1 s %2 · drift %3 · fitted over %4 of %5 measurements")
        .replace("%1", f"{offset:+.1f}")
        .replace("%2", direction)
        .replace("%3", drift)
        .replace("%4", str(fit.points))
        .replace("%5", str(measurements))
    )
