"""Changing the retention policy: the dry run every change shows before it is saved, and applying it.

A change sets rules (trigger → class) or removes them, or switches to another organisation's profile (its
rules replace the seeded ones; unit defaults stay). Its price is worked out per (unit, triggers) group —
clips with the same unit and facts are kept alike — so a change is priced over millions of clips by one
indexed pass: groups whose period shortens are then read by recording day, to say how many clips of which
units would expire on which dates (already-expired ones as today). Applying saves the rules, writes one
audit row with the dry run, and rewrites the affected clips' class, rule and date by (group, day) ranges.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, Date, delete, func, select, update
from sqlalchemy.orm import Session

from db.models import Clip, MarkerCategory, RetentionRule, RetentionSetting, Unit
from workstation import audit, clock
from workstation.identity import Identity
from workstation.retention import holds, policy, profiles, scope, triggers
from workstation.retention.errors import RetentionError
from workstation.retention.policy import Assignment, Policy
from workstation.retention.types import (
    QUEUE_HORIZONS,
    ExpiryDate,
    PolicyDryRun,
    PolicyView,
    Profile,
    RuleRow,
    SiteCategory,
)

ASSESS_BATCH = 5_000


def view_policy(session: Session) -> PolicyView:
    """The policy with each rule's last change."""
    rows = [
        RuleRow(rule.trigger, rule.class_code, rule.changed_at, rule.changed_by)
        for rule in session.execute(select(RetentionRule).order_by(RetentionRule.trigger)).scalars()
    ]
    return policy.load(session).view(rows)


def dry_run(
    session: Session, who: Identity, changes: Mapping[str, str | None], profile: Profile | None, today: date
) -> PolicyDryRun:
    """What the change would do; nothing is saved. Readable by the oversight roles of any unit."""
    scope.units_in_charge(session, who)
    current = policy.load(session)
    return _price(session, current, _proposed(session, current, changes, profile), today)


def apply(
    session: Session,
    who: Identity,
    changes: Mapping[str, str | None],
    profile: Profile | None,
    reason: str,
    today: date,
) -> PolicyDryRun:
    """Save the change (policy administrators), audited with its dry run, and recompute the affected clips."""
    scope.require_policy_admin(session, who)
    if not reason.strip():
        raise RetentionError("policy_change_needs_reason")
    current = policy.load(session)
    proposed = _proposed(session, current, changes, profile)
    priced = _price(session, current, proposed, today)
    _save(session, who, current, proposed)
    audit.record(
        session,
        who.audit_name,
        "retention.policy_change",
        "retention_policy",
        proposed.profile.value,
        {
            "reason": reason.strip(),
            "profile": [current.profile.value, proposed.profile.value],
            "rules": {
                trigger: [current.rules.get(trigger), proposed.rules.get(trigger)]
                for trigger in sorted(set(current.rules) | set(proposed.rules))
                if current.rules.get(trigger) != proposed.rules.get(trigger)
            },
            "shortened": priced.shortened,
            "lengthened": priced.lengthened,
            "expire_now": priced.expire_now,
        },
    )
    policy.forget(session)
    for unit_id, stored, _count in _groups(session):
        before = current.assign(unit_id, triggers.split(stored))
        after = proposed.assign(unit_id, triggers.split(stored))
        if (before.class_code, before.rule, before.months) != (after.class_code, after.rule, after.months):
            _rewrite_group(session, unit_id, stored, after)
    return priced


def reassess(session: Session, who: Identity) -> int:
    """Assess the clips archived before retention existed (migration 0011), in batches; returns how many."""
    rules = policy.load(session)
    assessed = 0
    while True:
        batch = list(
            session.execute(
                select(Clip.id, Clip.unit_id, Clip.recorded_start)
                .where(Clip.retention_triggers == triggers.UNASSESSED)
                .order_by(Clip.id)
                .limit(ASSESS_BATCH)
            )
        )
        if not batch:
            break
        facts = triggers.of_clips(session, [row.id for row in batch])
        values = []
        for clip_id, unit_id, recorded_start in batch:
            assigned = rules.assign(unit_id, triggers.split(facts[clip_id]))
            values.append(
                {
                    "id": clip_id,
                    "retention_triggers": facts[clip_id],
                    "retention_class": assigned.class_code,
                    "retention_rule": assigned.rule,
                    "keep_until": assigned.keep_until(recorded_start.date()),
                }
            )
        session.execute(update(Clip), values)
        assessed += len(batch)
    if assessed:
        audit.record(
            session, who.audit_name, "retention.assess", "retention_policy", rules.profile.value, {"clips": assessed}
        )
    return assessed


def _proposed(session: Session, current: Policy, changes: Mapping[str, str | None], profile: Profile | None) -> Policy:
    for trigger, code in changes.items():
        _check_trigger(session, trigger)
        if code is None and trigger == policy.BASE:
            raise RetentionError("base_rule_required")
        if code is not None and code not in current.classes:
            raise RetentionError("class_unknown", class_code=code)
    proposed = current
    if profile is not None:
        units = {trigger: code for trigger, code in current.rules.items() if trigger.startswith("unit:")}
        proposed = Policy(profile, current.classes, {**profiles.PROFILE_RULES[profile], **units}, current.unit_codes)
    return proposed.with_rules(dict(changes))


def _check_trigger(session: Session, trigger: str) -> None:
    kind, _, key = trigger.partition(":")
    valid = {
        "base": lambda: not key,
        "important": lambda: not key,
        "unit": lambda: session.execute(select(Unit.id).where(Unit.code == key)).first() is not None,
        "site": lambda: key in {site.value for site in SiteCategory},
        "case": lambda: key in triggers.CASE_KINDS,
        "marker": lambda: session.get(MarkerCategory, key) is not None,
    }
    if kind not in valid or not valid[kind]():
        raise RetentionError("trigger_unknown", trigger=trigger)


@dataclass
class _Tally:
    shortened: int = 0
    lengthened: int = 0
    expire_now: int = 0

    def __post_init__(self) -> None:
        self.within = [0] * len(QUEUE_HORIZONS)
        self.dates: dict[tuple[str | None, date], int] = defaultdict(int)


def _price(session: Session, current: Policy, proposed: Policy, today: date) -> PolicyDryRun:
    tally = _Tally()
    shortened_groups: list[tuple[int | None, str, Assignment]] = []
    for unit_id, stored, count in _groups(session):
        before = current.assign(unit_id, triggers.split(stored))
        after = proposed.assign(unit_id, triggers.split(stored))
        if _length(after) < _length(before):
            tally.shortened += count
            shortened_groups.append((unit_id, stored, after))
        elif _length(after) > _length(before):
            tally.lengthened += count
    horizon = today + timedelta(days=max(QUEUE_HORIZONS))
    for unit_id, stored, after in shortened_groups:
        code = current.unit_codes.get(unit_id) if unit_id is not None else None
        for day, count in _days(session, unit_id, stored):
            keep_until = after.keep_until(day)
            assert keep_until is not None  # a shortened period is a number of months
            _count_expiry(tally, code, keep_until, count, today, horizon)
    held = _held_in(session, current, proposed)
    changes = tuple(
        RuleRow(trigger, proposed.rules.get(trigger, ""))
        for trigger in sorted(set(current.rules) | set(proposed.rules))
        if current.rules.get(trigger) != proposed.rules.get(trigger)
    )
    dates = tuple(ExpiryDate(code, day, count) for (code, day), count in sorted(tally.dates.items(), key=_date_order))
    return PolicyDryRun(changes, tally.shortened, tally.lengthened, tally.expire_now, tuple(tally.within), dates, held)


def _count_expiry(tally: _Tally, code: str | None, keep_until: date, count: int, today: date, horizon: date) -> None:
    if keep_until < today:
        tally.expire_now += count
        tally.dates[(code, today)] += count
        return
    for index, days in enumerate(QUEUE_HORIZONS):
        if keep_until < today + timedelta(days=days):
            tally.within[index] += count
    if keep_until < horizon:
        tally.dates[(code, keep_until)] += count


def _date_order(item: tuple[tuple[str | None, date], int]) -> tuple[date, str]:
    (code, day), _count = item
    return day, code or ""


def _length(assignment: Assignment) -> float:
    return float("inf") if assignment.months is None else assignment.months


def _groups(session: Session) -> list[tuple[int | None, str, int]]:
    """(unit, triggers, clips) of every clip the policy governs."""
    statement = (
        select(Clip.unit_id, Clip.retention_triggers, func.count())
        .where(Clip.retention_triggers.not_in(triggers.OUTSIDE_POLICY))
        .group_by(Clip.unit_id, Clip.retention_triggers)
    )
    return [(unit_id, stored, count) for unit_id, stored, count in session.execute(statement)]


def _days(session: Session, unit_id: int | None, stored: str) -> list[tuple[date, int]]:
    day = func.date(Clip.recorded_start, type_=Date)
    statement = select(day, func.count()).where(_group(unit_id, stored)).group_by(day)
    return [(value, count) for value, count in session.execute(statement)]


def _group(unit_id: int | None, stored: str) -> ColumnElement[bool]:
    unit = Clip.unit_id.is_(None) if unit_id is None else Clip.unit_id == unit_id
    return unit & (Clip.retention_triggers == stored)


def _held_in(session: Session, current: Policy, proposed: Policy) -> int:
    held = session.execute(
        select(Clip.unit_id, Clip.retention_triggers).where(Clip.id.in_(holds.active_hold_items()))
    ).all()
    return sum(
        1
        for unit_id, stored in held
        if stored not in triggers.OUTSIDE_POLICY
        and _length(proposed.assign(unit_id, triggers.split(stored)))
        < _length(current.assign(unit_id, triggers.split(stored)))
    )


def _save(session: Session, who: Identity, current: Policy, proposed: Policy) -> None:
    now = clock.now()
    for trigger in set(current.rules) - set(proposed.rules):
        session.execute(delete(RetentionRule).where(RetentionRule.trigger == trigger))
    for trigger, code in proposed.rules.items():
        if current.rules.get(trigger) == code:
            continue
        rule = session.get(RetentionRule, trigger)
        if rule is None:
            session.add(RetentionRule(trigger=trigger, class_code=code, changed_at=now, changed_by=who.audit_name))
        else:
            rule.class_code, rule.changed_at, rule.changed_by = code, now, who.audit_name
    setting = session.get(RetentionSetting, policy.PROFILE_SETTING)
    if setting is None:
        session.add(RetentionSetting(name=policy.PROFILE_SETTING, value=proposed.profile.value))
    else:
        setting.value = proposed.profile.value
    session.flush()


def _rewrite_group(session: Session, unit_id: int | None, stored: str, after: Assignment) -> None:
    """Give a group's clips their new class and rule; their dates day by day (a date is the recording day
    plus the class's months)."""
    changes = {"retention_class": after.class_code, "retention_rule": after.rule}
    if after.months is None:
        session.execute(update(Clip).where(_group(unit_id, stored)).values(**changes, keep_until=None))
        return
    for day, _count in _days(session, unit_id, stored):
        start = datetime.combine(day, time())
        session.execute(
            update(Clip)
            .where(
                _group(unit_id, stored), Clip.recorded_start >= start, Clip.recorded_start < start + timedelta(days=1)
            )
            .values(**changes, keep_until=after.keep_until(day))
        )
