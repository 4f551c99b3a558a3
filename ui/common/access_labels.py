"""Display text for the codes of viewing requests, the access register and the audit log, translated by Qt."""

from PySide6.QtCore import QCoreApplication

from workstation.access.types import OutsideBody, RequestKind, RequestStatus, StepStatus, ViewingKind
from workstation.types import AccessBasis


def request_status_name(status: RequestStatus) -> str:
    return {
        RequestStatus.PENDING: QCoreApplication.translate("access_labels", "Pending"),
        RequestStatus.REJECTED: QCoreApplication.translate("access_labels", "Rejected"),
        RequestStatus.APPROVED: QCoreApplication.translate("access_labels", "Approved"),
        RequestStatus.EXPIRED: QCoreApplication.translate("access_labels", "Expired"),
        RequestStatus.REVOKED: QCoreApplication.translate("access_labels", "Revoked"),
    }[status]


def step_status_name(status: StepStatus) -> str:
    return {
        StepStatus.WAITING: QCoreApplication.translate("access_labels", "Waiting"),
        StepStatus.PENDING: QCoreApplication.translate("access_labels", "Pending"),
        StepStatus.APPROVED: QCoreApplication.translate("access_labels", "Approved"),
        StepStatus.REJECTED: QCoreApplication.translate("access_labels", "Rejected"),
        StepStatus.CANCELLED: QCoreApplication.translate("access_labels", "Cancelled"),
    }[status]


def request_kind_name(kind: RequestKind) -> str:
    return {
        RequestKind.CLIPS: QCoreApplication.translate("access_labels", "Selected files"),
        RequestKind.OFFICER: QCoreApplication.translate("access_labels", "Officer and time range"),
        RequestKind.CASE: QCoreApplication.translate("access_labels", "Incident or case"),
    }[kind]


def outside_body_name(body: OutsideBody) -> str:
    return {
        OutsideBody.PROCURATORATE: QCoreApplication.translate("access_labels", "Procuratorate"),
        OutsideBody.COURT: QCoreApplication.translate("access_labels", "Court"),
        OutsideBody.SUPERVISION: QCoreApplication.translate("access_labels", "Discipline inspection and supervision"),
        OutsideBody.JUSTICE: QCoreApplication.translate("access_labels", "Judicial administration"),
    }[body]


def viewing_kind_name(kind: ViewingKind) -> str:
    return {
        ViewingKind.PLAYBACK: QCoreApplication.translate("access_labels", "Playback"),
        ViewingKind.EXPORT: QCoreApplication.translate("access_labels", "Export"),
    }[kind]


def basis_name(basis: AccessBasis) -> str:
    return {
        AccessBasis.UNIT: QCoreApplication.translate("access_labels", "Own unit"),
        AccessBasis.OWN_FOOTAGE: QCoreApplication.translate("access_labels", "Own footage"),
        AccessBasis.UNASSIGNED: QCoreApplication.translate("access_labels", "Unassigned footage"),
        AccessBasis.GRANT: QCoreApplication.translate("access_labels", "Approved request"),
    }[basis]


def action_name(code: str) -> str:
    """The audit action in words; codes added later by other features show as their code until named here."""
    names = {
        "access.request": QCoreApplication.translate("access_labels", "Viewing request"),
        "access.approve": QCoreApplication.translate("access_labels", "Request approved"),
        "access.reject": QCoreApplication.translate("access_labels", "Request rejected"),
        "access.revoke": QCoreApplication.translate("access_labels", "Grant revoked"),
        "access.denied": QCoreApplication.translate("access_labels", "Access refused"),
        "clip.play": QCoreApplication.translate("access_labels", "Playback started"),
        "clip.play_end": QCoreApplication.translate("access_labels", "Playback ended"),
        "clip.export": QCoreApplication.translate("access_labels", "Export started"),
        "clip.export_end": QCoreApplication.translate("access_labels", "Export ended"),
        "clip.ingest": QCoreApplication.translate("access_labels", "File imported"),
        "clip.mark_important": QCoreApplication.translate("access_labels", "Marked important"),
        "clip.recorder_marked_important": QCoreApplication.translate(
            "access_labels", "Marked important by the recorder (IMP)"
        ),
        "clip.unmark_important": QCoreApplication.translate("access_labels", "Important mark removed"),
        "clip.link_case": QCoreApplication.translate("access_labels", "Linked to case"),
        "clip.unlink_case": QCoreApplication.translate("access_labels", "Case link removed"),
        "clip.destroy": QCoreApplication.translate("access_labels", "Original destroyed"),
        "retention.change": QCoreApplication.translate("access_labels", "Retention period recomputed"),
        "retention.assess": QCoreApplication.translate("access_labels", "Retention period assessed"),
        "retention.policy_change": QCoreApplication.translate("access_labels", "Retention rules changed"),
        "retention.hold": QCoreApplication.translate("access_labels", "Legal hold placed"),
        "retention.release": QCoreApplication.translate("access_labels", "Legal hold released"),
        "destruction.request": QCoreApplication.translate("access_labels", "Destruction requested"),
        "destruction.approve": QCoreApplication.translate("access_labels", "Destruction approved"),
        "destruction.reject": QCoreApplication.translate("access_labels", "Destruction rejected"),
        "destruction.report": QCoreApplication.translate("access_labels", "Destruction reported upwards"),
        "audit.export": QCoreApplication.translate("access_labels", "Audit log exported"),
        "register.export": QCoreApplication.translate("access_labels", "Access register exported"),
        "archive.verify": QCoreApplication.translate("access_labels", "Archive verified"),
        "ingest.start": QCoreApplication.translate("access_labels", "Import started"),
        "ingest.finish": QCoreApplication.translate("access_labels", "Import finished"),
        "user.create": QCoreApplication.translate("access_labels", "User created"),
        "user.sign_in": QCoreApplication.translate("access_labels", "Signed in"),
        "user.sign_in_failed": QCoreApplication.translate("access_labels", "Sign-in failed"),
        "user.password_change": QCoreApplication.translate("access_labels", "Password changed"),
        "user.password_change_failed": QCoreApplication.translate("access_labels", "Password change failed"),
        "unit.create": QCoreApplication.translate("access_labels", "Unit created"),
        "officer.create": QCoreApplication.translate("access_labels", "Officer registered"),
        "officer.assign_unit": QCoreApplication.translate("access_labels", "Officer assigned to unit"),
        "officer.register_unassigned": QCoreApplication.translate("access_labels", "Unknown badge no. registered"),
        "device.register": QCoreApplication.translate("access_labels", "Recorder registered"),
        "device.register_unassigned": QCoreApplication.translate("access_labels", "Unknown recorder registered"),
        "device.assign": QCoreApplication.translate("access_labels", "Recorder handed over"),
        "sampling.seed_commit": QCoreApplication.translate("access_labels", "Spot-check day seeds committed"),
        "spotcheck.draw": QCoreApplication.translate("access_labels", "Spot-check sample drawn"),
        "spotcheck.redraw": QCoreApplication.translate("access_labels", "Spot-check sample redrawn"),
        "spotcheck.claim": QCoreApplication.translate("access_labels", "Spot-check item taken"),
        "spotcheck.release": QCoreApplication.translate("access_labels", "Spot-check item released"),
        "spotcheck.review": QCoreApplication.translate("access_labels", "Spot check recorded"),
        "ledger.export": QCoreApplication.translate("access_labels", "Check ledger exported"),
        "audit.key_exported": QCoreApplication.translate("access_labels", "Audit key exported"),
        "audit.key_imported": QCoreApplication.translate("access_labels", "Audit key imported"),
        "audit.key_rotated": QCoreApplication.translate("access_labels", "Audit key changed"),
        "clip.edit": QCoreApplication.translate("access_labels", "File details corrected"),
        "clock.measure": QCoreApplication.translate("access_labels", "Recorder clock offset entered"),
        "clock.correct": QCoreApplication.translate("access_labels", "Recording times corrected"),
        "clock.revert": QCoreApplication.translate("access_labels", "Time correction reverted"),
        "destruction.execute": QCoreApplication.translate("access_labels", "Destruction executed"),
        "destruction.keep": QCoreApplication.translate("access_labels", "Kept at destruction"),
        "destruction.forms": QCoreApplication.translate("access_labels", "Destruction forms printed"),
        "evidence.request": QCoreApplication.translate("access_labels", "Evidence export requested"),
        "evidence.start": QCoreApplication.translate("access_labels", "Evidence export started"),
        "evidence.resume": QCoreApplication.translate("access_labels", "Evidence export resumed"),
        "evidence.export": QCoreApplication.translate("access_labels", "Evidence package written"),
        "evidence.handover": QCoreApplication.translate("access_labels", "Evidence handed over"),
        "evidence.ledger_export": QCoreApplication.translate("access_labels", "Evidence export register exported"),
        "marker.create": QCoreApplication.translate("access_labels", "Mark added"),
        "marker.update": QCoreApplication.translate("access_labels", "Mark changed"),
        "marker.delete": QCoreApplication.translate("access_labels", "Mark removed"),
        "marker_category.create": QCoreApplication.translate("access_labels", "Mark category added"),
        "marker_category.update": QCoreApplication.translate("access_labels", "Mark category changed"),
        "prescreen.scan": QCoreApplication.translate("access_labels", "Pre-screen scan"),
        "prescreen.decide": QCoreApplication.translate("access_labels", "Pre-screen finding decided"),
        "report.export": QCoreApplication.translate("access_labels", "Report exported"),
        "report.sent": QCoreApplication.translate("access_labels", "Scheduled report delivered"),
        "report.failed": QCoreApplication.translate("access_labels", "Scheduled report not delivered"),
        "report_task.create": QCoreApplication.translate("access_labels", "Report task created"),
        "report_task.remove": QCoreApplication.translate("access_labels", "Report task removed"),
        "session.open": QCoreApplication.translate("access_labels", "Signed in to the archive server"),
        "still.create": QCoreApplication.translate("access_labels", "Still captured"),
        "still.export": QCoreApplication.translate("access_labels", "Still exported"),
        "upload.refused": QCoreApplication.translate("access_labels", "Upload refused (checksum)"),
        "user.password_rehash": QCoreApplication.translate("access_labels", "Password hash upgraded"),
        "user.password_reset": QCoreApplication.translate("access_labels", "Password reset"),
        "user.unlock": QCoreApplication.translate("access_labels", "Account unlocked"),
    }
    return names.get(code, code)
