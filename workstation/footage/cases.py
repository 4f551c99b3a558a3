"""Incidents and cases (警情/案件) and the footage linked to them (R2; 002 第十四条, 001 第二十八条)."""

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.orm import Session

from db.models import Case, ClipCaseLink
from workstation import audit, clock, permissions
from workstation.errors import WorkstationError
from workstation.footage.types import CaseKind
from workstation.identity import Identity
from workstation.retention import assignment as retention
from workstation.retention.types import RetentionChange
from workstation.types import Action


class CaseError(WorkstationError):
    """A case link request that cannot be carried out (unknown clip, missing case number)."""


def link_clips(
    session: Session,
    who: Identity,
    clip_ids: Sequence[int],
    case_no: str,
    kind: CaseKind,
    party_name: str = "",
    handler: str = "",
    title: str = "",
) -> int:
    """Link clips to a case, creating the case on first use; returns how many links were new.

    Party and handler given for an existing case update it (the later entry is the better one); the
    audit row keeps what was there before.
    """
    case_no = case_no.strip()
    if not case_no:
        raise CaseError("case_no_missing")
    for clip_id in clip_ids:  # an unknown clip is refused like a forbidden one
        permissions.require_clip(session, who, clip_id, Action.ANNOTATE)
    case = session.execute(select(Case).where(Case.case_no == case_no)).scalar_one_or_none()
    previous = None
    if case is None:
        case = Case(
            case_no=case_no, kind=kind, title=title, party_name=party_name, handler=handler, created_at=clock.now()
        )
        session.add(case)
        session.flush()
    else:
        previous = {"party_name": case.party_name, "handler": case.handler, "title": case.title}
        case.party_name = party_name or case.party_name
        case.handler = handler or case.handler
        case.title = title or case.title
    linked = set(
        session.execute(
            select(ClipCaseLink.clip_id).where(ClipCaseLink.case_id == case.id, ClipCaseLink.clip_id.in_(clip_ids))
        )
        .scalars()
        .all()
    )
    now = clock.now()
    new_ids = [clip_id for clip_id in clip_ids if clip_id not in linked]
    for clip_id in new_ids:
        session.add(ClipCaseLink(clip_id=clip_id, case_id=case.id, linked_at=now, linked_by=who.audit_name))
    for clip_id in new_ids:
        audit.record(
            session,
            who.audit_name,
            "clip.link_case",
            "clip",
            clip_id,
            {
                "case_no": case_no,
                "kind": kind,
                "party_name": case.party_name,
                "handler": case.handler,
                "before": previous,
            },
        )
    retention.refresh(session, who.audit_name, new_ids, "clip.link_case")
    return len(new_ids)


def unlink_clip(session: Session, who: Identity, clip_id: int, case_no: str, reason: str) -> RetentionChange | None:
    """Remove a mistaken link; the reason is required and audit-logged. Returns the clip's retention change
    when the link was what kept it longer (recomputed and audited, never silently shortened)."""
    if not reason.strip():
        raise CaseError("unlink_needs_reason")
    permissions.require_clip(session, who, clip_id, Action.ANNOTATE)
    case_id = session.execute(select(Case.id).where(Case.case_no == case_no)).scalar_one_or_none()
    removed = session.execute(
        delete(ClipCaseLink).where(ClipCaseLink.clip_id == clip_id, ClipCaseLink.case_id == case_id)
    )
    if not cast(CursorResult[Any], removed).rowcount:  # Session.execute is typed as returning a Result
        raise CaseError("case_not_linked", case_no=case_no)
    audit.record(session, who.audit_name, "clip.unlink_case", "clip", clip_id, {"case_no": case_no, "reason": reason})
    changes = retention.refresh(session, who.audit_name, [clip_id], "clip.unlink_case")
    return changes[0] if changes else None
