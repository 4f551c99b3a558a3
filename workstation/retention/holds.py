"""Legal holds (法制/督察): while a hold is active its clips are never destroyed, whatever their class.

A hold lists clips; placing and lifting it each need a reason and write an audit row. Holds do not change a
clip's keep-until date (the class still says how long the regulations ask): the expiry queue, destruction
requests and execution all check holds at the moment they act.
"""

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from db.models import Clip, LegalHold, LegalHoldItem, User
from workstation import audit, clock, permissions
from workstation.errors import ClipDestroyed, PermissionDenied
from workstation.identity import Identity
from workstation.retention import scope
from workstation.retention.errors import RetentionError
from workstation.retention.types import HoldRow
from workstation.types import Action, MediaStatus


def place_hold(session: Session, who: Identity, clip_ids: Sequence[int], reason: str) -> HoldRow:
    """Hold the clips; each must be one the user may view, and not destroyed."""
    principal = _holder(session, who)
    reason = reason.strip()
    if not reason:
        raise RetentionError("hold_needs_reason")
    ids = sorted(set(clip_ids))
    if not ids:
        raise RetentionError("hold_needs_clips")
    for clip_id in ids:
        permissions.require_clip(session, who, clip_id, Action.VIEW)
    destroyed = session.execute(
        select(Clip.id).where(Clip.id.in_(ids), Clip.media_status == MediaStatus.DESTROYED).limit(1)
    ).scalar()
    if destroyed is not None:
        raise ClipDestroyed("clip_destroyed", clip_id=destroyed)
    hold = LegalHold(reason=reason, placed_by=principal.id, placed_at=clock.now(), release_reason="")
    session.add(hold)
    session.flush()
    session.add_all(LegalHoldItem(hold_id=hold.id, clip_id=clip_id) for clip_id in ids)
    audit.record(session, who.audit_name, "retention.hold", "hold", hold.id, {"clips": ids, "reason": reason})
    session.flush()
    return hold_rows(session, [hold])[0]


def release_hold(session: Session, who: Identity, hold_id: int, reason: str) -> HoldRow:
    """Lift an active hold; its clips follow their class again."""
    principal = _holder(session, who)
    reason = reason.strip()
    if not reason:
        raise RetentionError("release_needs_reason")
    hold = session.get(LegalHold, hold_id, with_for_update=True)
    if hold is None:
        raise RetentionError("hold_not_found", hold_id=hold_id)
    if hold.released_at is not None:
        raise RetentionError("hold_released", hold_id=hold_id)
    hold.released_by, hold.released_at, hold.release_reason = principal.id, clock.now(), reason
    audit.record(session, who.audit_name, "retention.release", "hold", hold.id, {"reason": reason})
    session.flush()
    return hold_rows(session, [hold])[0]


def list_holds(session: Session, who: Identity, include_released: bool = False) -> list[HoldRow]:
    """Holds on footage of the units in the user's charge, newest first."""
    units = scope.units_in_charge(session, who)
    in_charge = (
        select(LegalHoldItem.hold_id).join(Clip, Clip.id == LegalHoldItem.clip_id).where(Clip.unit_id.in_(units))
    )
    statement = select(LegalHold).where(LegalHold.id.in_(in_charge)).order_by(LegalHold.id.desc())
    if not include_released:
        statement = statement.where(LegalHold.released_at.is_(None))
    return hold_rows(session, list(session.execute(statement).scalars()))


def active_hold_ids(session: Session, clip_ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
    """Clip id → the active holds on it (clips without one are absent)."""
    found: dict[int, list[int]] = defaultdict(list)
    statement = (
        select(LegalHoldItem.clip_id, LegalHoldItem.hold_id)
        .join(LegalHold, LegalHold.id == LegalHoldItem.hold_id)
        .where(LegalHoldItem.clip_id.in_(clip_ids), LegalHold.released_at.is_(None))
        .order_by(LegalHoldItem.hold_id)
    )
    for clip_id, hold_id in session.execute(statement):
        found[clip_id].append(hold_id)
    return {clip_id: tuple(holds) for clip_id, holds in found.items()}


def active_hold_items() -> Select[int]:
    """The clip ids under an active hold, as a subquery for the queue and the candidate search."""
    return (
        select(LegalHoldItem.clip_id)
        .join(LegalHold, LegalHold.id == LegalHoldItem.hold_id)
        .where(LegalHold.released_at.is_(None))
    )


def _holder(session: Session, who: Identity) -> permissions.Principal:
    principal = permissions.principal_of(session, who)
    if principal.role not in scope.HOLD_ROLES:
        raise PermissionDenied("hold_role")
    return principal


def hold_rows(session: Session, holds: list[LegalHold]) -> list[HoldRow]:
    """The holds as listed, with who placed and released them and how many clips each covers."""
    if not holds:
        return []
    ids = [hold.id for hold in holds]
    counts = dict(
        session.execute(
            select(LegalHoldItem.hold_id, func.count())
            .where(LegalHoldItem.hold_id.in_(ids))
            .group_by(LegalHoldItem.hold_id)
        ).all()
    )
    users = {hold.placed_by for hold in holds} | {hold.released_by for hold in holds if hold.released_by}
    names = dict(session.execute(select(User.id, User.display_name).where(User.id.in_(users))).all())
    return [
        HoldRow(
            id=hold.id,
            reason=hold.reason,
            placed_by=names[hold.placed_by],
            placed_at=hold.placed_at,
            clip_count=counts.get(hold.id, 0),
            released_by=names.get(hold.released_by) if hold.released_by else None,
            released_at=hold.released_at,
            release_reason=hold.release_reason,
        )
        for hold in holds
    ]
