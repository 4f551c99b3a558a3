"""The viewing request form (调阅申请): which footage, why (事由), for how long, and for whom.

The footage is named one of three ways: file numbers (pre-filled from the archive browser's selection), an
officer's 警号 and a time range, or an incident/case number. Requests on behalf of an outside body
(检察院, 法院, 纪检监察, 司法行政) carry the number of its legal document and go to legal review first.
"""

from collections.abc import Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.access_labels import outside_body_name, request_kind_name
from ui.common.messages import failure_text
from ui.common.qt_dates import from_datetime, to_datetime
from ui.common.tasks import Operations
from workstation import clock
from workstation.access.types import (
    DEFAULT_DAYS,
    MAX_DAYS,
    AccessRequestRow,
    AccessRequestSpec,
    OutsideBody,
    RequestKind,
)
from workstation.client import ArchiveClient

_DATETIME_DISPLAY = "yyyy-MM-dd HH:mm:ss"


class AccessRequestDialog(QDialog):
    """Fill in and submit one request as the client's user. Open it with `open()` (window-modal, not blocking).

    The request is submitted on the application's `operations`; the dialog closes (accepted) once it is filed and stays
    open with the service's message when it is refused.

    Signals:
        submitted(AccessRequestRow): the request was filed; the row shows its approval route.
    """

    submitted = Signal(object)

    def __init__(
        self,
        client: ArchiveClient,
        operations: Operations,
        parent: QWidget | None = None,
        clip_ids: Sequence[int] = (),
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._operations = operations
        self.setWindowTitle(self.tr("Request to view footage"))

        self.kind_box = QComboBox(self)
        for kind in RequestKind:
            self.kind_box.addItem(request_kind_name(kind), kind)
        self.clip_edit = QLineEdit(", ".join(str(clip_id) for clip_id in clip_ids), self)
        self.clip_edit.setPlaceholderText(self.tr("File numbers, separated by commas"))
        self.badge_edit = QLineEdit(self)
        now = clock.now()
        self.from_edit = _datetime_edit(now - timedelta(days=1), self)
        self.to_edit = _datetime_edit(now, self)
        self.case_edit = QLineEdit(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(_form(self, (self.tr("Files:"), self.clip_edit)))
        self.pages.addWidget(
            _form(
                self,
                (self.tr("Badge no.:"), self.badge_edit),
                (self.tr("From:"), self.from_edit),
                (self.tr("To:"), self.to_edit),
            )
        )
        self.pages.addWidget(_form(self, (self.tr("Incident/case no.:"), self.case_edit)))
        self.kind_box.currentIndexChanged.connect(self.pages.setCurrentIndex)

        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("Why the footage is needed (required)"))
        self.reason_edit.setFixedHeight(70)
        self.download_box = QCheckBox(self.tr("Also download a copy"), self)
        self.days_box = QSpinBox(self)
        self.days_box.setRange(1, MAX_DAYS)
        self.days_box.setValue(DEFAULT_DAYS)
        self.days_box.setSuffix(self.tr(" days"))
        self.body_box = QComboBox(self)
        self.body_box.addItem(self.tr("Own use"), None)
        for body in OutsideBody:
            self.body_box.addItem(outside_body_name(body), body)
        self.document_edit = QLineEdit(self)
        self.document_edit.setPlaceholderText(self.tr("Number of the legal document"))
        self.body_box.currentIndexChanged.connect(self._update_document)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.submit_button = self.buttons.addButton(self.tr("Submit"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(_form(self, (self.tr("Footage by:"), self.kind_box)))
        layout.addWidget(self.pages)
        layout.addWidget(
            _form(
                self,
                (self.tr("Reason:"), self.reason_edit),
                (self.tr("Access:"), self.download_box),
                (self.tr("Access period:"), self.days_box),
                (self.tr("Requested for:"), self.body_box),
                (self.tr("Legal document:"), self.document_edit),
            )
        )
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._update_document()

    def submit(self) -> None:
        """File the request (the Submit button)."""
        try:
            spec = self.spec()
        except ValueError:
            self.message.setText(self.tr("File numbers must be whole numbers separated by commas."))
            return
        self.buttons.setEnabled(False)
        self.message.setText("")
        client = self._client
        self._operations.run(
            self,
            lambda: client.submit_request(spec),
            self._on_submitted,
            self._on_failed,
        )

    def spec(self) -> AccessRequestSpec:
        """The request as filled in; ValueError when the file numbers are not numbers."""
        kind = RequestKind(self.kind_box.currentData())  # Qt hands enum item data back as plain str
        body = self.body_box.currentData()
        return AccessRequestSpec(
            kind=kind,
            reason=self.reason_edit.toPlainText(),
            with_download=self.download_box.isChecked(),
            days=self.days_box.value(),
            clip_ids=tuple(int(part) for part in self.clip_edit.text().replace("，", ",").split(",") if part.strip())
            if kind is RequestKind.CLIPS
            else (),
            badge_no=self.badge_edit.text().strip() or None,
            period_start=to_datetime(self.from_edit.dateTime()),
            period_end=to_datetime(self.to_edit.dateTime()),
            case_no=self.case_edit.text().strip() or None,
            outside_body=OutsideBody(body) if body else None,
            document_ref=self.document_edit.text(),
        )

    def reject(self) -> None:
        """Cancel, unless a submission is on its way: its answer must find the dialog still there."""
        if self.buttons.isEnabled():
            super().reject()

    def _update_document(self) -> None:
        self.document_edit.setEnabled(self.body_box.currentData() is not None)

    def _on_submitted(self, row: AccessRequestRow) -> None:
        self.submitted.emit(row)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(failure_text(error))


def _datetime_edit(moment: datetime, parent: QWidget) -> QDateTimeEdit:
    edit = QDateTimeEdit(from_datetime(moment), parent)
    edit.setDisplayFormat(_DATETIME_DISPLAY)
    edit.setCalendarPopup(True)
    return edit


def _form(parent: QWidget, *rows: tuple[str, QWidget]) -> QWidget:
    page = QWidget(parent)
    layout = QFormLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    for label, field in rows:
        layout.addRow(label, field)
    return page
