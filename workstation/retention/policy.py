"""The retention policy as data, and its evaluation: a clip is kept as long as the longest class of every
rule that applies to it (the base rule, its unit's default, and one rule per trigger fact it has).

Evaluation is pure (`Policy.assign`), so the same function assigns one clip at ingest, recomputes a clip
whose facts changed, and prices a policy change over millions of clips grouped by (unit, triggers).
"""

import calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import RetentionClass, RetentionRule, RetentionSetting, Unit
from workstation.retention.profiles import DEFAULT_PROFILE
from workstation.retention.types import AppliedRule, ClassRow, PolicyView, Profile, RuleRow

BASE = "base"
PROFILE_SETTING = "profile"


def unit_trigger(unit_code: str) -> str:
    """A unit's default rule is keyed by the unit's code (stable, and readable in the policy's listing)."""
    return f"unit:{unit_code}"


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it has no such day (31 Aug + 6 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Assignment:
    """The outcome of evaluating the policy for one clip: the governing class and rule, and every rule."""

    class_code: str
    rule: str
    months: int | None  # None: permanent
    applied: tuple[AppliedRule, ...]

    def keep_until(self, recorded_on: date) -> date | None:
        """The last day the original must be kept (None: permanently)."""
        return None if self.months is None else add_months(recorded_on, self.months)


@dataclass(frozen=True)
class Policy:
    profile: Profile
    classes: dict[str, ClassRow]
    rules: dict[str, str]  # trigger → class code
    unit_codes: dict[int, str]

    def assign(self, unit_id: int | None, triggers: tuple[str, ...]) -> Assignment:
        """The longest class of the rules that apply; on a tie the first of base, unit default, triggers."""
        unit = [unit_trigger(self.unit_codes[unit_id])] if unit_id is not None else []
        keys = [BASE, *unit, *triggers]
        found = [(key, self.rules[key]) for key in keys if key in self.rules]
        governing = max(found, key=lambda pair: _length(self.classes[pair[1]].months))
        applied = tuple(
            AppliedRule(key, code, self.classes[code].months, (key, code) == governing) for key, code in found
        )
        return Assignment(governing[1], governing[0], self.classes[governing[1]].months, applied)

    def with_rules(self, changes: dict[str, str | None]) -> "Policy":
        """This policy with rules set (class code) or removed (None)."""
        rules = dict(self.rules)
        for trigger, code in changes.items():
            if code is None:
                rules.pop(trigger, None)
            else:
                rules[trigger] = code
        return Policy(self.profile, self.classes, rules, self.unit_codes)

    def view(self, rows: list[RuleRow] | None = None) -> PolicyView:
        rules = rows if rows is not None else [RuleRow(trigger, code) for trigger, code in sorted(self.rules.items())]
        return PolicyView(self.profile, tuple(self.classes.values()), tuple(rules))


def _length(months: int | None) -> float:
    return float("inf") if months is None else months


def load(session: Session) -> Policy:
    """The archive's policy, read in the caller's transaction (cached for it in session.info)."""
    cached = session.info.get("retention_policy")
    if isinstance(cached, Policy):
        return cached
    classes = {
        row.code: ClassRow(row.code, row.name, row.months, row.basis)
        for row in session.execute(
            select(RetentionClass).order_by(RetentionClass.months.is_(None), RetentionClass.months)
        )
        .scalars()
        .all()
    }
    rules = dict(session.execute(select(RetentionRule.trigger, RetentionRule.class_code)).all())
    setting = session.get(RetentionSetting, PROFILE_SETTING)
    unit_codes = dict(session.execute(select(Unit.id, Unit.code)).all())
    policy = Policy(Profile(setting.value) if setting else DEFAULT_PROFILE, classes, rules, unit_codes)
    session.info["retention_policy"] = policy
    return policy


def forget(session: Session) -> None:
    """Drop the cached policy after the caller changed it."""
    session.info.pop("retention_policy", None)
