"""What an evidence export is asked for from the browser: selected files, a case, or an officer's day.

The archive browser makes one and the shell hands it to the export dialog (ui.evidence), so neither section
imports the other. `spec` completes it with the receiving body and document into the service's ExportSpec;
`clip_filter` is the browser query that previews a case or a day (count and size) before it is asked for.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication

from workstation.access.types import RequestKind
from workstation.evidence.types import ExportSpec, ReceivingBody
from workstation.footage.types import ClipFilter, ClipRow


@dataclass(frozen=True)
class ExportTarget:
    kind: RequestKind
    label: str  # what is exported, in words, for the dialog
    clip_ids: tuple[int, ...] = ()
    total_bytes: int | None = None  # known for selected files; a case or a day is counted by the dialog
    badge_no: str | None = None
    period_start: datetime | None = None
    period_end: datetime | None = None  # exclusive
    case_no: str | None = None

    @classmethod
    def of_clips(cls, rows: Sequence[ClipRow]) -> "ExportTarget":
        label = QCoreApplication.translate("export_target", "%1 selected file(s)").replace("%1", str(len(rows)))
        return cls(RequestKind.CLIPS, label, tuple(row.id for row in rows), sum(row.size_bytes for row in rows))

    @classmethod
    def of_case(cls, case_no: str) -> "ExportTarget":
        label = QCoreApplication.translate("export_target", "Every file of incident/case %1").replace("%1", case_no)
        return cls(RequestKind.CASE, label, case_no=case_no)

    @classmethod
    def of_officer_day(cls, badge_no: str, name: str, day: date) -> "ExportTarget":
        label = (
            QCoreApplication.translate("export_target", "%1 (%2) on %3")
            .replace("%1", name)
            .replace("%2", badge_no)
            .replace("%3", day.isoformat())
        )
        start = datetime.combine(day, time())
        return cls(
            RequestKind.OFFICER, label, badge_no=badge_no, period_start=start, period_end=start + timedelta(days=1)
        )

    def clip_filter(self) -> ClipFilter | None:
        """The browser query listing a case's or a day's files (None for selected files: they are known)."""
        if self.kind is RequestKind.CASE:
            return ClipFilter(case_no=self.case_no)
        if self.kind is RequestKind.OFFICER and self.period_start and self.period_end:
            last = (self.period_end - timedelta(microseconds=1)).date()
            return ClipFilter(badge_no=self.badge_no, date_from=self.period_start.date(), date_to=last)
        return None

    def spec(self, body: ReceivingBody, document_ref: str, purpose: str, receiver: str) -> ExportSpec:
        return ExportSpec(
            kind=self.kind,
            body=body,
            document_ref=document_ref,
            purpose=purpose,
            clip_ids=self.clip_ids,
            badge_no=self.badge_no,
            period_start=self.period_start,
            period_end=self.period_end,
            case_no=self.case_no,
            receiver=receiver,
        )
