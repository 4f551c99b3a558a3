"""Keeps each clip's retention current: its triggers, governing class and rule, and keep-until date.

`assign_new` sets a freshly archived clip's retention (its ingest row records the facts). `refresh` is called
by every service that changes a fact a rule looks at (marking important, a case link, a mark, the site
category): it recomputes, and when the class, the rule or the date changes it writes a `retention.change`
audit row with before and after — so unlinking a case or unmarking never shortens a period silently — and
returns the changes for the caller to show.
"""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Clip
from workstation import audit
from workstation.retention import policy, triggers
from workstation.retention.types import RetentionChange

CHANGE_ACTION = "retention.change"


def assign_new(session: Session, clip: Clip) -> None:
    """Set a new clip's triggers (it has no links or marks yet) and the retention they give."""
    clip.retention_triggers = triggers.join(triggers.own_triggers(clip.important, clip.site_category))
    _apply(clip, policy.load(session).assign(clip.unit_id, triggers.split(clip.retention_triggers)))


def refresh(session: Session, actor: str, clip_ids: Sequence[int], cause: str) -> list[RetentionChange]:
    """Recompute the clips' retention after `cause` (an audit action) changed their facts; audit each change."""
    if not clip_ids:
        return []
    session.flush()  # the caller's changes of links and marks are what the triggers are read from
    current = triggers.of_clips(session, clip_ids)
    rules = policy.load(session)
    changes = []
    statement = select(Clip).where(Clip.id.in_(clip_ids), Clip.retention_triggers != triggers.DESTROYED)
    for clip in session.execute(statement.order_by(Clip.id)).scalars():
        before = (clip.retention_class, clip.retention_rule, clip.keep_until)
        clip.retention_triggers = current[clip.id]
        _apply(clip, rules.assign(clip.unit_id, triggers.split(clip.retention_triggers)))
        if (clip.retention_class, clip.retention_rule, clip.keep_until) == before:
            continue
        change = RetentionChange(
            clip.id, before[0], clip.retention_class, before[1], clip.retention_rule, before[2], clip.keep_until
        )
        audit.record(session, actor, CHANGE_ACTION, "clip", clip.id, _details(change, cause))
        changes.append(change)
    session.flush()
    return changes


def _apply(clip: Clip, assignment: policy.Assignment) -> None:
    clip.retention_class = assignment.class_code
    clip.retention_rule = assignment.rule
    clip.keep_until = assignment.keep_until(clip.recorded_start.date())


def _details(change: RetentionChange, cause: str) -> dict[str, object]:
    return {
        "cause": cause,
        "class": [change.class_before, change.class_after],
        "rule": [change.rule_before, change.rule_after],
        "keep_until": [_day(change.keep_until_before), _day(change.keep_until_after)],
        "shortened": change.shortened,
    }


def _day(value: object) -> str | None:
    return None if value is None else str(value)
