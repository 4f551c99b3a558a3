"""Which clips are past their keep-until date and free to be listed for destruction.

Stand-in: only what destruction needs (`is_expired`, `expired_candidates`); the lead's module adds the
expiry queue and its per-unit summary.
"""

from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Clip, DestructionItem, DestructionRequest, LegalHold, LegalHoldItem
from workstation.retention.types import DestructionStatus, ItemOutcome
from workstation.types import MediaStatus

OPEN_REQUESTS = (DestructionStatus.PENDING, DestructionStatus.APPROVED)
"""Statuses of a request whose listed clips are still spoken for."""


def is_expired(clip: Clip, today: date) -> bool:
    """Past its keep-until date (a clip kept permanently, or not yet assessed, never is)."""
    return clip.keep_until is not None and clip.keep_until < today


def expired_candidates(
    session: Session, unit_ids: frozenset[int] | None, recorded_before: date | None, today: date
) -> list[int]:
    """Ids of the clips that may be listed for destruction, ascending: keep-until before `today`, not destroyed,
    under no active hold, on no pending or approved request still listing them. `unit_ids` None: every clip,
    those awaiting assignment included; `recorded_before`: recorded before that day."""
    held = (
        select(LegalHoldItem.clip_id)
        .join(LegalHold, LegalHold.id == LegalHoldItem.hold_id)
        .where(LegalHoldItem.clip_id == Clip.id, LegalHold.released_at.is_(None))
    )
    listed = (
        select(DestructionItem.clip_id)
        .join(DestructionRequest, DestructionRequest.id == DestructionItem.request_id)
        .where(
            DestructionItem.clip_id == Clip.id,
            DestructionItem.outcome == ItemOutcome.LISTED,
            DestructionRequest.status.in_(OPEN_REQUESTS),
        )
    )
    statement = select(Clip.id).where(
        Clip.keep_until < today,
        Clip.media_status != MediaStatus.DESTROYED,
        ~held.exists(),
        ~listed.exists(),
    )
    if unit_ids is not None:
        statement = statement.where(Clip.unit_id.in_(sorted(unit_ids)))
    if recorded_before is not None:
        statement = statement.where(Clip.recorded_start < datetime.combine(recorded_before, time.min))
    return list(session.execute(statement.order_by(Clip.id)).scalars())
