"""A person's decision on a finding: confirmed (the problem is there) or dismissed (a false alarm).

Only a reviewer over the finding's unit decides (workstation.prescreen.scope.reviewer); each decision, and
each change of one, is an audit row in the same transaction. A decided finding is never touched by a
recompute (workstation.prescreen.store).
"""

from datetime import datetime

from sqlalchemy import select

from db.models import PrescreenFinding
from db.session import Sessions
from workstation import audit, clock
from workstation.errors import PermissionDenied, PrescreenError
from workstation.identity import Identity
from workstation.permissions import principal_of
from workstation.prescreen.scope import reviewer
from workstation.prescreen.store import finding_of
from workstation.prescreen.types import MAX_FINDING_NOTE, Finding, FindingStatus

AUDIT_ACTION, AUDIT_TARGET = "prescreen.decide", "finding"


def decide_finding(
    sessions: Sessions, who: Identity, finding_id: int, confirmed: bool, note: str = "", now: datetime | None = None
) -> Finding:
    """Confirm or dismiss a finding (again: a changed decision is allowed and audited); returns it as kept."""
    note = note.strip()
    if len(note) > MAX_FINDING_NOTE:
        raise PrescreenError("finding_note_too_long", limit=MAX_FINDING_NOTE)
    with sessions.write() as session:
        principal_of(session, who)  # a system actor is refused before anything is looked up
        row = session.execute(
            select(PrescreenFinding).where(PrescreenFinding.id == finding_id).with_for_update()
        ).scalar_one_or_none()
        if row is None:
            raise PermissionDenied("finding_review_denied", finding_id=finding_id)  # as one outside the charge
        reviewer(session, who, row.unit_id, finding_id)
        before = row.status
        row.status = FindingStatus.CONFIRMED if confirmed else FindingStatus.DISMISSED
        row.decided_by, row.decided_at, row.note = who.name, now or clock.now(), note
        details = {
            "kind": row.kind,
            "clip_id": row.clip_id,
            "officer_id": row.officer_id,
            "day": row.day.isoformat(),
            "before": before,
            "status": row.status,
            "note": note,
        }
        audit.record(session, who.audit_name, AUDIT_ACTION, AUDIT_TARGET, row.id, details)
        return finding_of(row)
