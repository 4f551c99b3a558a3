"""Export requests (证据导出申请) and the retained copy record (导出登记).

An export names its footage as a viewing request does (files, an officer's period, a case), for a receiving
body under its document number. For an outside body (检察院, 法院, 纪检监察, 司法行政) it files a viewing request
with download through the existing route — the legal department reviews, then the head approves (002 第十八条)
— and waits for it; for use inside the unit the download right (D) on every clip decides at once. The clips
are fixed when the export is asked for, so an approval never covers footage the approvers did not see.
"""

import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import PurePosixPath

from sqlalchemy import ColumnElement, String, cast, exists, false, func, or_, select
from sqlalchemy.orm import Session

from db.models import AccessGrant, AccessRequest, Clip, EvidenceExport, EvidenceExportItem, User
from workstation import audit
from workstation.access import requests as access_requests
from workstation.access.types import AccessRequestSpec, OutsideBody, RequestKind, RequestStatus
from workstation.errors import PermissionDenied
from workstation.evidence.errors import EvidenceError
from workstation.evidence.text import BODY_NAMES
from workstation.evidence.types import ExportFormat, ExportRow, ExportSpec, ExportStatus, Handover, ReceivingBody
from workstation.identity import Identity
from workstation.permissions import clip_access, principal_of
from workstation.types import Action, Duty

MAX_PURPOSE_CHARS = 500
MAX_DOCUMENT_CHARS = 200
GRANT_DAYS = 30
"""How long the approval of an outside body's export lasts: time to write and hand over the package."""
LIST_LIMIT = 500
OPEN = (ExportStatus.AWAITING_APPROVAL, ExportStatus.AUTHORISED, ExportStatus.WRITING)


def request_export(session: Session, who: Identity, spec: ExportSpec, now: datetime) -> ExportRow:
    """File an export (or return the user's unfinished one of the same footage, body and document)."""
    _check(spec)
    principal = principal_of(session, who)
    access_spec = _access_spec(spec)
    officer_id, clips = access_requests.resolve(session, access_spec)
    clip_ids = [clip.id for clip in clips]
    if (existing := _unfinished(session, principal.id, spec, clip_ids)) is not None:
        refresh_status(session, existing, now)
        return export_rows(session, [existing])[0]
    request_id = None
    if spec.body is ReceivingBody.INTERNAL:
        for clip_id in clip_ids:
            if clip_access(session, principal, clip_id, Action.DOWNLOAD, now) is None:
                raise PermissionDenied("export_denied", clip_id=clip_id)
    else:
        request_id = access_requests.file_request(session, who, access_spec, now).id
    export = EvidenceExport(
        requester_id=principal.id,
        kind=spec.kind,
        selector=_selector(spec, len(clip_ids)),
        officer_id=officer_id,
        period_start=spec.period_start if spec.kind is RequestKind.OFFICER else None,
        period_end=spec.period_end if spec.kind is RequestKind.OFFICER else None,
        case_no=spec.case_no.strip() if spec.kind is RequestKind.CASE and spec.case_no else None,
        body=spec.body,
        document_ref=spec.document_ref.strip(),
        purpose=spec.purpose.strip(),
        receiver=spec.receiver.strip(),
        access_request_id=request_id,
        status=ExportStatus.AUTHORISED if request_id is None else ExportStatus.AWAITING_APPROVAL,
        created_at=now,
        package_name="",
        manifest_sha256="",
        manifest_sm3="",
        total_bytes=0,
        chain_stamp="",
        handover_medium="",
        handover_to="",
        handover_note="",
    )
    session.add(export)
    session.flush()
    names = dict(session.execute(select(Clip.id, Clip.original_name).where(Clip.id.in_(clip_ids))).all())
    for position, (clip_id, path) in enumerate(package_paths(names).items()):
        session.add(
            EvidenceExportItem(export_id=export.id, clip_id=clip_id, position=position, package_path=path, sm3="")
        )
    session.flush()
    audit.record(
        session,
        who.audit_name,
        "evidence.request",
        "evidence_export",
        export.id,
        {
            "body": spec.body,
            "document_ref": export.document_ref,
            "purpose": export.purpose,
            "selector": export.selector,
            "access_request": request_id,
            "clip_ids": clip_ids,
        },
    )
    return export_rows(session, [export])[0]


def package_paths(names: dict[int, str]) -> dict[int, str]:
    """Each clip's path in the package, in clip order: data/<original name>, or data/<stem>__<id><suffix> when
    two clips share a name (names compared case-insensitively: Windows and the disc image do)."""
    taken: dict[str, int] = {}
    for name in names.values():
        taken[name.casefold()] = taken.get(name.casefold(), 0) + 1
    paths = {}
    for clip_id in sorted(names):
        name = PurePosixPath(names[clip_id].replace("\\", "/")).name or f"clip_{clip_id}"
        if taken[names[clip_id].casefold()] > 1:
            stem, suffix = PurePosixPath(name).stem, PurePosixPath(name).suffix
            name = f"{stem}__{clip_id}{suffix}"
        paths[clip_id] = f"data/{name}"
    return paths


def refresh_status(session: Session, export: EvidenceExport, now: datetime) -> None:
    """Follow the approval of an outside body's export: approved (grant in force) → authorised; rejected,
    revoked or expired before completion → refused."""
    if export.access_request_id is None or export.status not in OPEN:
        return
    request = session.get_one(AccessRequest, export.access_request_id)
    grant = session.execute(select(AccessGrant).where(AccessGrant.request_id == request.id)).scalar_one_or_none()
    ended = grant is not None and (grant.revoked_at is not None or grant.expires_at <= now)
    if request.status == RequestStatus.REJECTED or ended:
        export.status = ExportStatus.REFUSED
    elif grant is not None and export.status == ExportStatus.AWAITING_APPROVAL:
        export.status = ExportStatus.AUTHORISED


def list_exports(
    session: Session, who: Identity, search: str, now: datetime, limit: int = LIST_LIMIT
) -> list[ExportRow]:
    """The exports the user may see, newest first: their own; every export of users in their charge for
    administrators and inspection staff (Duty.AUDIT)."""
    principal = principal_of(session, who)
    statement = select(EvidenceExport).join(User, User.id == EvidenceExport.requester_id)
    if not principal.has(Duty.AUDIT):
        statement = statement.where(EvidenceExport.requester_id == principal.id)
    if text := search.strip():
        statement = statement.where(_matches(text))
    exports = list(
        session.execute(
            statement.order_by(EvidenceExport.created_at.desc(), EvidenceExport.id.desc()).limit(limit)
        ).scalars()
    )
    for export in exports:
        refresh_status(session, export, now)
    return export_rows(session, exports)


def record_handover(session: Session, who: Identity, export_id: int, handover: Handover) -> ExportRow:
    """Record the medium and the receiver of a completed package (the requester, or inspection staff)."""
    if not handover.medium.strip() or not handover.received_by.strip():
        raise EvidenceError("handover_incomplete")
    principal = principal_of(session, who)
    export = locked_export(session, export_id)
    if export.requester_id != principal.id and not principal.has(Duty.AUDIT):
        raise PermissionDenied("export_not_yours", export_id=export_id)
    if export.status != ExportStatus.COMPLETED:
        raise EvidenceError("export_not_completed", export_id=export_id)
    export.handover_medium = handover.medium.strip()[:64]
    export.handover_to = handover.received_by.strip()[:200]
    export.handover_at = handover.received_at
    export.handover_note = handover.note.strip()
    audit.record(
        session,
        who.audit_name,
        "evidence.handover",
        "evidence_export",
        export.id,
        {
            "medium": export.handover_medium,
            "received_by": export.handover_to,
            "received_at": handover.received_at.isoformat(sep=" ", timespec="seconds"),
            "note": export.handover_note,
        },
    )
    return export_rows(session, [export])[0]


def locked_export(session: Session, export_id: int) -> EvidenceExport:
    export = session.execute(
        select(EvidenceExport).where(EvidenceExport.id == export_id).with_for_update()
    ).scalar_one_or_none()
    if export is None:
        raise EvidenceError("export_not_found", export_id=export_id)
    return export


def export_no(export: EvidenceExport) -> str:
    """The export's number as printed: DC-<date asked>-<id>."""
    return f"DC-{export.created_at:%Y%m%d}-{export.id:04d}"


def export_rows(session: Session, exports: Sequence[EvidenceExport]) -> list[ExportRow]:
    """Rows for the exports, with a fixed number of queries whatever their count (their statuses as stored:
    the callers that may write refresh them first, `refresh_status`)."""
    if not exports:
        return []
    ids = [export.id for export in exports]
    people = access_requests.requesters_of(session, {export.requester_id for export in exports})
    counts = {
        export_id: (count, int(size or 0))  # PostgreSQL sums to a Decimal
        for export_id, count, size in session.execute(
            select(EvidenceExportItem.export_id, func.count(), func.sum(Clip.size_bytes))
            .join(Clip, Clip.id == EvidenceExportItem.clip_id)
            .where(EvidenceExportItem.export_id.in_(ids))
            .group_by(EvidenceExportItem.export_id)
        )
    }
    rows = []
    for export in exports:
        person = people[export.requester_id]
        count, size = counts.get(export.id, (0, 0))
        handover = None
        if export.handover_at is not None:
            handover = Handover(export.handover_medium, export.handover_to, export.handover_at, export.handover_note)
        rows.append(
            ExportRow(
                id=export.id,
                export_no=export_no(export),
                requester=person.login,
                requester_name=person.display_name,
                requester_unit=person.unit_name,
                kind=RequestKind(export.kind),
                selector=export.selector,
                body=ReceivingBody(export.body),
                document_ref=export.document_ref,
                purpose=export.purpose,
                receiver=export.receiver,
                status=ExportStatus(export.status),
                access_request_id=export.access_request_id,
                clip_count=count,
                total_bytes=export.total_bytes or size,
                created_at=export.created_at,
                completed_at=export.completed_at,
                format=ExportFormat(export.format) if export.format else None,
                package_name=export.package_name,
                manifest_sha256=export.manifest_sha256,
                manifest_sm3=export.manifest_sm3,
                handover=handover,
            )
        )
    return rows


def _check(spec: ExportSpec) -> None:
    purpose, document = spec.purpose.strip(), spec.document_ref.strip()
    if not purpose:
        raise EvidenceError("export_purpose_missing")
    if len(purpose) > MAX_PURPOSE_CHARS:
        raise EvidenceError("export_purpose_too_long", max_chars=MAX_PURPOSE_CHARS)
    if not document:
        raise EvidenceError("export_document_missing")
    if len(document) > MAX_DOCUMENT_CHARS:
        raise EvidenceError("export_document_too_long", max_chars=MAX_DOCUMENT_CHARS)


def _access_spec(spec: ExportSpec) -> AccessRequestSpec:
    """The viewing request (with download) that names the same footage and carries the approval."""
    access_spec = AccessRequestSpec(
        kind=spec.kind,
        reason=f"证据导出（{BODY_NAMES[spec.body]}）：{spec.purpose.strip()}"[: access_requests.MAX_REASON_CHARS],
        with_download=True,
        days=GRANT_DAYS,
        clip_ids=spec.clip_ids,
        badge_no=spec.badge_no,
        period_start=spec.period_start,
        period_end=spec.period_end,
        case_no=spec.case_no,
        outside_body=None if spec.body is ReceivingBody.INTERNAL else OutsideBody(spec.body.value),
        document_ref=spec.document_ref,
    )
    access_requests.check_spec(access_spec)
    return access_spec


def _selector(spec: ExportSpec, count: int) -> str:
    if spec.kind is RequestKind.OFFICER:
        assert spec.period_start is not None and spec.period_end is not None  # check_spec made sure
        return f"警号 {spec.badge_no} {spec.period_start:%Y-%m-%d %H:%M} 至 {spec.period_end:%Y-%m-%d %H:%M}"
    if spec.kind is RequestKind.CASE:
        return f"案件 {(spec.case_no or '').strip()}"
    return f"{count} 个文件"


def _unfinished(session: Session, requester_id: int, spec: ExportSpec, clip_ids: list[int]) -> EvidenceExport | None:
    """The user's open export of exactly these clips for the same body and document, if any."""
    candidates = session.execute(
        select(EvidenceExport)
        .where(
            EvidenceExport.requester_id == requester_id,
            EvidenceExport.body == spec.body,
            EvidenceExport.document_ref == spec.document_ref.strip(),
            EvidenceExport.status.in_(OPEN),
        )
        .order_by(EvidenceExport.id.desc())
        .with_for_update()
    ).scalars()
    for candidate in candidates:
        items = session.execute(
            select(EvidenceExportItem.clip_id)
            .where(EvidenceExportItem.export_id == candidate.id)
            .order_by(EvidenceExportItem.clip_id)
        ).scalars()
        if list(items) == sorted(clip_ids):
            return candidate
    return None


def _matches(text: str) -> ColumnElement[bool]:
    pattern = f"%{text}%"
    in_files = exists(
        select(EvidenceExportItem.clip_id).where(
            EvidenceExportItem.export_id == EvidenceExport.id, EvidenceExportItem.package_path.ilike(pattern)
        )
    )
    printed = re.fullmatch(r"DC-?\d{8}-?(\d+)", text.strip().upper())  # an export number as printed
    by_number = EvidenceExport.id == int(printed.group(1)) if printed else false()
    return or_(
        by_number,
        cast(EvidenceExport.id, String).ilike(pattern),
        EvidenceExport.document_ref.ilike(pattern),
        EvidenceExport.case_no.ilike(pattern),
        EvidenceExport.purpose.ilike(pattern),
        EvidenceExport.receiver.ilike(pattern),
        EvidenceExport.handover_to.ilike(pattern),
        EvidenceExport.selector.ilike(pattern),
        EvidenceExport.package_name.ilike(pattern),
        User.login.ilike(pattern),
        User.display_name.ilike(pattern),
        in_files,
    )
