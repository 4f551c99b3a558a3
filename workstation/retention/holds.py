"""Legal holds (法制/督察): while a hold is active its clips are never destroyed, whatever their class.

Stand-in: only the query destruction needs (`active_hold_ids`); the lead's module adds placing and releasing.
"""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import LegalHold, LegalHoldItem

_CHUNK = 1000  # ids per IN list: well below every database's limit on bound parameters


def active_hold_ids(session: Session, clip_ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
    """Clip id → the ids of the active (unreleased) holds on it, ascending; clips without a hold are absent."""
    found: dict[int, list[int]] = {}
    unique = sorted(set(clip_ids))
    for start in range(0, len(unique), _CHUNK):
        rows = session.execute(
            select(LegalHoldItem.clip_id, LegalHoldItem.hold_id)
            .join(LegalHold, LegalHold.id == LegalHoldItem.hold_id)
            .where(LegalHoldItem.clip_id.in_(unique[start : start + _CHUNK]), LegalHold.released_at.is_(None))
            .order_by(LegalHoldItem.clip_id, LegalHoldItem.hold_id)
        )
        for clip_id, hold_id in rows:
            found.setdefault(clip_id, []).append(hold_id)
    return {clip_id: tuple(hold_ids) for clip_id, hold_ids in found.items()}
