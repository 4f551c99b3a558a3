"""A clip's retention explained: every rule that applies to it, the one that sets its period, its holds."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Clip, LegalHold
from workstation import permissions
from workstation.identity import Identity
from workstation.retention import holds, policy, triggers
from workstation.retention.types import AppliedRule, ClipRetention
from workstation.types import Action, MediaStatus


def clip_retention(session: Session, who: Identity, clip_id: int) -> ClipRetention:
    """For anyone who may view the clip. The applied rules are evaluated now from the stored triggers, so
    they always agree with the stored class (both come from `Policy.assign`)."""
    permissions.require_clip(session, who, clip_id, Action.VIEW)
    clip = session.execute(select(Clip).where(Clip.id == clip_id)).scalar_one()
    applied: tuple[AppliedRule, ...] = ()
    if clip.retention_triggers not in triggers.OUTSIDE_POLICY:
        applied = policy.load(session).assign(clip.unit_id, triggers.split(clip.retention_triggers)).applied
    hold_ids = holds.active_hold_ids(session, [clip_id]).get(clip_id, ())
    active = list(session.execute(select(LegalHold).where(LegalHold.id.in_(hold_ids))).scalars())
    return ClipRetention(
        clip_id=clip.id,
        class_code=clip.retention_class,
        rule=clip.retention_rule,
        keep_until=clip.keep_until,
        applied=applied,
        holds=tuple(holds.hold_rows(session, active)),
        destroyed=clip.media_status == MediaStatus.DESTROYED,
    )
