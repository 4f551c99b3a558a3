"""The seeded retention classes and each organisation's rules, from the regulations (R8).

Classes are shared; a profile maps triggers to classes. The migration seeds the classes and the fire rescue
rules (the longest base period of the three, so an archive that has not chosen its profile keeps too long,
never too short); `retention classes --profile police` switches, after showing its dry run.
"""

from workstation.retention.types import ClassRow, Profile, SiteCategory

CLASSES = (
    ClassRow("months_6", "六个月", 6, "公安：原则上不少于六个月（002 第十六条）"),
    ClassRow("years_2", "两年", 24, "消防、应急：不少于两年（000 第十四条，001 第二十八条，003 第二十条）"),
    ClassRow("years_5", "五年", 60, "公众聚集场所、火灾高危单位：长期且不少于五年（001 第二十八条）"),
    ClassRow("permanent", "永久", None, "证据、阻碍执法、重大事件、投诉：永久/长期保存（002 第十六条，001 第三十条）"),
)

_LONG_KEPT = {
    "important": "permanent",  # 其他需要长期保存的重要情况 (000 第十五条 (四)); a recorder's IMP mark included
    "case:case": "permanent",  # used as evidence: the case's period, which for these files is 永久 or 长期
    "case:complaint": "permanent",  # 异议、投诉、上访 (000 第十五条 (一))
    "marker:evidence": "permanent",  # 作为证据使用 (002 第十六条 (一))
    "marker:obstruction": "permanent",  # 阻碍执法、妨害公务 (002 第十六条 (二), 001 第三十条 (二))
    "marker:major_event": "permanent",  # 重大突发事件、群体性事件 (002 第十六条 (三))
    f"site:{SiteCategory.PUBLIC_GATHERING}": "years_5",
    f"site:{SiteCategory.HIGH_RISK}": "years_5",
    f"site:{SiteCategory.MAJOR_HAZARD}": "permanent",  # 检查和督促整改重大火灾隐患 (001 第三十条 (三))
}

PROFILE_RULES: dict[Profile, dict[str, str]] = {
    Profile.FIRE_RESCUE: {"base": "years_2", **_LONG_KEPT},
    Profile.POLICE: {"base": "months_6", **_LONG_KEPT},
    Profile.EMERGENCY: {"base": "years_2", **_LONG_KEPT},
}
"""Trigger → class for each organisation. A unit's own default (`unit:<id>`) is added per deployment."""

DEFAULT_PROFILE = Profile.FIRE_RESCUE
