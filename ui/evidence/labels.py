"""Display text for the evidence-export codes (receiving bodies, statuses, formats), translated by Qt."""

from PySide6.QtCore import QCoreApplication

from workstation.evidence.types import ExportFormat, ExportStatus, ReceivingBody

BODIES = (
    ReceivingBody.PROCURATORATE,
    ReceivingBody.COURT,
    ReceivingBody.SUPERVISION,
    ReceivingBody.JUSTICE,
    ReceivingBody.INTERNAL,
)
"""In the order the dialog offers them."""


def body_name(body: ReceivingBody) -> str:
    return {
        ReceivingBody.PROCURATORATE: QCoreApplication.translate("evidence_labels", "Procuratorate"),
        ReceivingBody.COURT: QCoreApplication.translate("evidence_labels", "Court"),
        ReceivingBody.SUPERVISION: QCoreApplication.translate("evidence_labels", "Discipline inspection"),
        ReceivingBody.JUSTICE: QCoreApplication.translate("evidence_labels", "Justice administration"),
        ReceivingBody.INTERNAL: QCoreApplication.translate("evidence_labels", "Own unit (internal use)"),
    }[body]


def status_name(status: ExportStatus) -> str:
    return {
        ExportStatus.AWAITING_APPROVAL: QCoreApplication.translate("evidence_labels", "Awaiting approval"),
        ExportStatus.AUTHORISED: QCoreApplication.translate("evidence_labels", "Authorised, not written"),
        ExportStatus.WRITING: QCoreApplication.translate("evidence_labels", "Interrupted"),
        ExportStatus.COMPLETED: QCoreApplication.translate("evidence_labels", "Completed"),
        ExportStatus.REFUSED: QCoreApplication.translate("evidence_labels", "Refused"),
    }[status]


def format_name(fmt: ExportFormat | None) -> str:
    if fmt is None:
        return ""
    return {
        ExportFormat.FOLDER: QCoreApplication.translate("evidence_labels", "Folder"),
        ExportFormat.ZIP: QCoreApplication.translate("evidence_labels", "ZIP"),
        ExportFormat.ISO: QCoreApplication.translate("evidence_labels", "Disc image (ISO)"),
    }[fmt]
