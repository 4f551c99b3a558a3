"""The window of an ingest station's account (采集站账户): it may upload recorder dumps and nothing else.

The services refuse such an account every other function (issue 12), so its window offers none: one page
that says what the station is for, a button to import from the recorders, and what the last import did.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common import prefs
from ui.common.tasks import Operations
from ui.shell.signed_in_window import SignedInWindow
from workstation import clock
from workstation.client import ArchiveClient
from workstation.client.links import ArchiveLink
from workstation.footage.types import IngestOutcome
from workstation.org.users import SignedInUser


class StationWindow(SignedInWindow):
    """The station's one page; the ingest dialog opens when the window is shown (that is all it is for)."""

    def __init__(
        self,
        client: ArchiveClient,
        link: ArchiveLink,
        user: SignedInUser,
        location: str,
        preferences: prefs.Preferences,
        operations: Operations,
    ) -> None:
        super().__init__(client, link, user, location, preferences, operations)
        heading = QLabel(self.tr("Ingest station: %1").replace("%1", user.display_name))
        heading.setStyleSheet("font-size: 18pt; font-weight: bold")
        explanation = QLabel(
            self.tr(
                "This account uploads the footage of docked recorders to the archive and has no other function. "
                "Reviewing, spot checks and approvals are done on a review workstation."
            )
        )
        explanation.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import from recorders…"))
        self.import_button.setStyleSheet("font-size: 14pt; padding: 12px 24px")
        self.import_button.clicked.connect(self.open_ingest)
        self.last_import = QLabel(self.tr("No import in this session yet."))
        self.last_import.setStyleSheet("color: #444")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.setSpacing(18)
        explanation.setMaximumWidth(720)
        for widget in (heading, explanation, self.last_import):
            layout.addWidget(widget)
        layout.insertWidget(2, self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.set_body(body)
        self.resize(900, 560)

    def load(self) -> None:
        self.open_ingest()

    def ingest_finished(self) -> None:
        report = self.ingest_dialog.report if self.ingest_dialog is not None else None
        moment = clock.format_time(clock.now())
        if report is None:
            unfinished = self.tr("%1: the import did not finish (see the import window).")
            self.last_import.setText(unfinished.replace("%1", moment))
            return
        self.last_import.setText(
            self.tr("%1: %2 imported, %3 already archived, %4 rejected, %5 failed.")
            .replace("%1", moment)
            .replace("%2", str(report.count(IngestOutcome.IMPORTED)))
            .replace("%3", str(report.count(IngestOutcome.DUPLICATE)))
            .replace("%4", str(report.count(IngestOutcome.REJECTED)))
            .replace("%5", str(report.count(IngestOutcome.FAILED)))
        )
