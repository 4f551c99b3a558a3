"""The retention policy's evaluation: no clip is ever kept shorter than any rule that applies to it."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from workstation.retention import profiles, triggers
from workstation.retention.policy import BASE, Policy, add_months, unit_trigger
from workstation.retention.types import Profile, SiteCategory

CLASSES = {row.code: row for row in profiles.CLASSES}
UNITS = {1: "ZD", 2: "ZD01", 3: "DD01"}
FACTS = (
    "important",
    *(f"site:{site}" for site in SiteCategory),
    *(f"case:{kind}" for kind in triggers.CASE_KINDS),
    "marker:evidence",
    "marker:obstruction",
    "marker:major_event",
    "marker:notice",
)


def _length(months: int | None) -> float:
    return float("inf") if months is None else months


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 21), 24) == date(2028, 11, 21)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)


def test_case_kinds_are_the_footage_areas():
    from workstation.footage.types import CaseKind

    assert tuple(kind.value for kind in CaseKind) == triggers.CASE_KINDS


def test_each_profile_follows_its_regulations():
    police = Policy(Profile.POLICE, CLASSES, profiles.PROFILE_RULES[Profile.POLICE], UNITS)
    fire = Policy(Profile.FIRE_RESCUE, CLASSES, profiles.PROFILE_RULES[Profile.FIRE_RESCUE], UNITS)
    assert police.assign(3, ()).months == 6 and fire.assign(3, ()).months == 24
    assert fire.assign(3, ("site:public_gathering",)).months == 60
    for facts in (("case:case",), ("case:complaint",), ("marker:obstruction",), ("important",)):
        assert police.assign(3, facts).months is None and fire.assign(3, facts).months is None
    assert police.assign(None, ("marker:notice",)).rule == BASE  # a mark no rule names changes nothing


rule_sets = st.dictionaries(
    st.sampled_from([BASE, *(unit_trigger(code) for code in UNITS.values()), *FACTS]),
    st.sampled_from(sorted(CLASSES)),
).map(lambda rules: {BASE: "months_6", **rules})


@given(
    rules=rule_sets,
    unit=st.sampled_from([None, *UNITS]),
    facts=st.lists(st.sampled_from(FACTS), unique=True),
    recorded=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
)
def test_no_clip_is_kept_shorter_than_any_rule_that_applies(rules, unit, facts, recorded):
    policy = Policy(Profile.POLICE, CLASSES, rules, UNITS)
    assigned = policy.assign(unit, tuple(sorted(facts)))
    applying = [BASE, *([unit_trigger(UNITS[unit])] if unit else []), *facts]
    for trigger in applying:
        if trigger in rules:
            wanted = CLASSES[rules[trigger]].months
            assert _length(assigned.months) >= _length(wanted)
            if wanted is not None:
                keep_until = assigned.keep_until(recorded)
                assert keep_until is None or keep_until >= add_months(recorded, wanted)
    assert sum(rule.governs for rule in assigned.applied) == 1
    governing = next(rule for rule in assigned.applied if rule.governs)
    assert (governing.trigger, governing.class_code) == (assigned.rule, assigned.class_code)
