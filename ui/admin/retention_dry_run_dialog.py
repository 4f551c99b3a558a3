"""Confirm a retention policy change after reading its dry run: "this change would make N clips of these
units expire on these dates". Nothing is saved until the user gives a reason and confirms."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QTextBrowser, QVBoxLayout, QWidget

from ui.common.retention_labels import class_text, trigger_name
from workstation.retention.types import QUEUE_HORIZONS, ClassRow, PolicyDryRun

SHOWN_DATES = 50


class DryRunDialog(QDialog):
    """Shows `dry_run` (rules named with `names`, see trigger_names; classes by name); accepted only with a reason
    (read it from `reason.text()`)."""

    def __init__(
        self,
        dry_run: PolicyDryRun,
        names: dict[str, str],
        classes: dict[str, ClassRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Retention policy change: dry run"))
        self.resize(640, 460)
        self.summary = QLabel(self.summary_text(dry_run, names, classes))
        self.summary.setWordWrap(True)
        self.dates = QTextBrowser()
        self.dates.setPlainText(self.dates_text(dry_run))
        self.reason = QLineEdit(placeholderText=self.tr("Reason for the change (required)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save = self.buttons.addButton(self.tr("Save the change"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self.save.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.dates, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)

    def summary_text(self, dry_run: PolicyDryRun, names: dict[str, str], classes: dict[str, ClassRow]) -> str:
        changes = "；".join(
            f"{trigger_name(rule.trigger, names)} → {class_text(rule.class_code, classes) if rule.class_code else '—'}"
            for rule in dry_run.changes
        )
        lines = [
            self.tr("Rules changed: %1").replace("%1", changes or self.tr("none")),
            self.tr("This change would make %1 clips expire earlier and %2 later.")
            .replace("%1", str(dry_run.shortened))
            .replace("%2", str(dry_run.lengthened)),
            self.tr("Expired at once: %1; of the rest, within %2 days: %3, within %4 days: %5.")
            .replace("%1", str(dry_run.expire_now))
            .replace("%2", str(QUEUE_HORIZONS[0]))
            .replace("%3", str(dry_run.expire_within[0]))
            .replace("%4", str(QUEUE_HORIZONS[1]))
            .replace("%5", str(dry_run.expire_within[1])),
            self.tr("%1 of them are under a legal hold and stay kept while it lasts.").replace("%1", str(dry_run.held)),
        ]
        return "\n".join(lines)

    def dates_text(self, dry_run: PolicyDryRun) -> str:
        if not dry_run.dates:
            return self.tr("No clip would expire earlier.")
        heading, unassigned = self.tr("Unit, new keep-until date, clips:"), self.tr("Unassigned")
        rows = [
            f"{row.unit_code or unassigned}  {row.keep_until.isoformat()}  {row.clips}"
            for row in dry_run.dates[:SHOWN_DATES]
        ]
        if len(dry_run.dates) > SHOWN_DATES:
            rows.append(self.tr("… and %1 more dates").replace("%1", str(len(dry_run.dates) - SHOWN_DATES)))
        return "\n".join([heading, *rows])
