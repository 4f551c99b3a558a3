"""Writing an export: start (or resume) it, and record the finished package.

`start_export` re-checks the authority at that moment (the outside body's approval still in force, or the
download right on every clip), opens one access-register entry of kind export per clip — the package writer
reads each original's bytes under its entry, through the archive client, so a remote workstation never sees
the media share — fixes the audit chain head the description sheet prints, and returns the plan.
`finish_export` takes the writer's outcome: every file's SHA-256 must be the archive's (the originals byte for
byte), the SM3 values and the manifest digests are kept, the register entries close, and one audit row says
what went out. Only the requester writes their export.
"""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    AccessRegisterEntry,
    ApprovalStep,
    Clip,
    EvidenceExport,
    EvidenceExportItem,
    Unit,
    User,
)
from workstation import audit
from workstation.access import register
from workstation.access.types import Viewing, ViewingKind
from workstation.errors import PermissionDenied
from workstation.evidence import facts
from workstation.evidence.errors import EvidenceError
from workstation.evidence.requests import export_rows, locked_export, refresh_status
from workstation.evidence.text import BODY_NAMES
from workstation.evidence.types import ExportPlan, ExportRow, ExportStatus, PackageOutcome
from workstation.export_stamp import printed_head
from workstation.identity import Identity
from workstation.permissions import principal_of
from workstation.types import AccessBasis

ROLE_WORDS = {"legal": "法制审核", "approver": "负责人审批"}
STEP_WORDS = {"approved": "同意", "rejected": "不同意"}


def start_export(session: Session, who: Identity, export_id: int, now: datetime) -> ExportPlan | PermissionDenied:
    """The plan of an authorised export, its register entries open. A clip the user may no longer download
    comes back as PermissionDenied after its refusal is audited (the caller commits, then raises)."""
    principal = principal_of(session, who)
    export = locked_export(session, export_id)
    if export.requester_id != principal.id:
        raise PermissionDenied("export_not_yours", export_id=export_id)
    refresh_status(session, export, now)
    _require_writable(export)
    items = list(
        session.execute(
            select(EvidenceExportItem)
            .where(EvidenceExportItem.export_id == export.id)
            .order_by(EvidenceExportItem.position)
        ).scalars()
    )
    viewings = []
    for item in items:
        viewing = _open_viewing(session, who, item, export, now)
        if isinstance(viewing, PermissionDenied):
            return viewing
        viewings.append((item.clip_id, item.package_path, viewing))
    first_start = export.started_at is None
    export.status = ExportStatus.WRITING
    export.started_at = export.started_at or now
    export.chain_stamp = printed_head(audit.chain_head(session))
    files = facts.clip_facts(session, viewings)
    audit.record(
        session,
        who.audit_name,
        "evidence.start" if first_start else "evidence.resume",
        "evidence_export",
        export.id,
        {"clips": len(items), "entries": [viewing.entry_id for _id, _path, viewing in viewings]},
    )
    row = export_rows(session, [export])[0]
    unit = session.execute(
        select(Unit.name).join(User, User.unit_id == Unit.id).where(User.id == principal.id)
    ).scalar_one()
    return ExportPlan(
        export=row,
        sending_unit=unit,
        receiving=f"{BODY_NAMES[row.body]}（{row.document_ref}）",
        extractor=f"{principal.display_name}（{principal.login}）",
        extracted_at=export.started_at,
        chain_stamp=export.chain_stamp,
        approvals=_approvals(session, export),
        files=tuple(files),
        derived=tuple(facts.stills(session, files)),
    )


def finish_export(session: Session, who: Identity, export_id: int, outcome: PackageOutcome, now: datetime) -> ExportRow:
    """Record the written package; EvidenceError if a file's hash is not the archive's or a clip is missing."""
    principal = principal_of(session, who)
    export = locked_export(session, export_id)
    if export.requester_id != principal.id:
        raise PermissionDenied("export_not_yours", export_id=export_id)
    if export.status != ExportStatus.WRITING:
        raise EvidenceError("export_not_started", export_id=export_id)
    written = {file.clip_id: file for file in outcome.files}
    rows = session.execute(
        select(EvidenceExportItem, Clip.sha256, Clip.size_bytes)
        .join(Clip, Clip.id == EvidenceExportItem.clip_id)
        .where(EvidenceExportItem.export_id == export.id)
    ).all()
    if set(written) != {item.clip_id for item, _sha, _size in rows}:
        raise EvidenceError("export_files_differ", export_id=export_id)
    for item, sha256, _size in rows:
        if written[item.clip_id].sha256 != sha256:
            raise EvidenceError("export_hash_mismatch", clip_id=item.clip_id)
        item.sm3 = written[item.clip_id].sm3
    entries = [item.entry_id for item, _sha, _size in rows if item.entry_id is not None]
    for entry in session.execute(
        select(AccessRegisterEntry).where(AccessRegisterEntry.id.in_(entries)).with_for_update()
    ).scalars():
        if entry.finished_at is None:
            entry.finished_at = now
            details = {"entry": entry.id, "export": export.id}
            audit.record(session, who.audit_name, "clip.export_end", "clip", entry.clip_id, details)
    export.status = ExportStatus.COMPLETED
    export.completed_at = now
    export.format = outcome.format
    export.package_name = outcome.package_name[:255]
    export.manifest_sha256 = outcome.manifest_sha256
    export.manifest_sm3 = outcome.manifest_sm3
    export.total_bytes = sum(size for _item, _sha, size in rows)
    audit.record(
        session,
        who.audit_name,
        "evidence.export",
        "evidence_export",
        export.id,
        {
            "format": outcome.format,
            "package": export.package_name,
            "manifest_sha256": outcome.manifest_sha256,
            "manifest_sm3": outcome.manifest_sm3,
            "payload_bytes": outcome.payload_bytes,
            "files": {str(file.clip_id): [file.sha256, file.sm3] for file in outcome.files},
            "chain_head": export.chain_stamp,
        },
    )
    return export_rows(session, [export])[0]


def _require_writable(export: EvidenceExport) -> None:
    if export.status == ExportStatus.AWAITING_APPROVAL:
        raise EvidenceError("export_awaiting_approval", request_id=export.access_request_id)
    if export.status == ExportStatus.REFUSED:
        raise EvidenceError("export_refused", export_id=export.id)
    if export.status == ExportStatus.COMPLETED:
        raise EvidenceError("export_already_completed", export_id=export.id)


def _open_viewing(
    session: Session, who: Identity, item: EvidenceExportItem, export: EvidenceExport, now: datetime
) -> Viewing | PermissionDenied:
    """The item's open register entry (a resumed export reads under the entry it started), or a new one."""
    if item.entry_id is not None:
        entry = session.get_one(AccessRegisterEntry, item.entry_id)
        if entry.finished_at is None:
            media_path = session.execute(select(Clip.media_path).where(Clip.id == item.clip_id)).scalar_one()
            basis = AccessBasis(entry.basis)
            return Viewing(entry.id, item.clip_id, media_path, ViewingKind.EXPORT, basis, entry.grant_id)
    viewing = register.open_entry(session, who, item.clip_id, ViewingKind.EXPORT, _reason(export), now)
    if isinstance(viewing, Viewing):
        item.entry_id = viewing.entry_id
    return viewing


def _reason(export: EvidenceExport) -> str:
    return f"证据导出 {export.id}：{export.purpose}（{export.document_ref}）"


def _approvals(session: Session, export: EvidenceExport) -> tuple[str, ...]:
    if export.access_request_id is None:
        return ()
    lines = []
    for step, name, login in session.execute(
        select(ApprovalStep, User.display_name, User.login)
        .outerjoin(User, User.id == ApprovalStep.decided_by)
        .where(ApprovalStep.request_id == export.access_request_id)
        .order_by(ApprovalStep.step_no)
    ):
        when = f"{step.decided_at:%Y-%m-%d %H:%M:%S}" if step.decided_at else ""
        words = STEP_WORDS.get(step.status, step.status)
        comment = f"（{step.comment}）" if step.comment else ""
        lines.append(f"{ROLE_WORDS.get(step.role, step.role)} {name or ''}（{login or ''}） {when} {words}{comment}")
    return tuple(lines)
