"""The unit hierarchy (总队 → 支队 → 大队) in memory, for permission checks and approval routing.

Units are few (hundreds at most), so the whole tree is read in one query and walked in memory.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Unit
from workstation.types import Relation, UnitFacts, UnitLevel

_RANK = {UnitLevel.BRIGADE: 0, UnitLevel.DETACHMENT: 1, UnitLevel.CORPS: 2}


def at_least(level: UnitLevel, floor: UnitLevel) -> bool:
    """True when `level` is `floor` or higher (corps > detachment > brigade)."""
    return _RANK[level] >= _RANK[floor]


class OrgTree:
    """An immutable snapshot of the units. Thread rule: build one per task; it holds no session."""

    def __init__(self, units: list[UnitFacts]) -> None:
        self._units = {unit.id: unit for unit in units}
        self._children: dict[int, list[int]] = {unit.id: [] for unit in units}
        for unit in units:
            if unit.parent_id is not None:
                self._children[unit.parent_id].append(unit.id)

    @classmethod
    def load(cls, session: Session) -> "OrgTree":
        rows = session.execute(select(Unit)).scalars()
        return cls([UnitFacts(u.id, u.code, u.name, UnitLevel(u.level), u.police_type, u.parent_id) for u in rows])

    def unit(self, unit_id: int) -> UnitFacts:
        return self._units[unit_id]

    def line(self, unit_id: int) -> list[int]:
        """The unit and its superiors, nearest first, up to the top unit."""
        found = []
        current: int | None = unit_id
        while current is not None:
            found.append(current)
            current = self._units[current].parent_id
        return found

    def children(self, unit_id: int) -> list[int]:
        """The units directly below the unit."""
        return list(self._children[unit_id])

    def by_code(self, code: str) -> UnitFacts | None:
        return next((unit for unit in self._units.values() if unit.code == code), None)

    def subtree(self, unit_id: int) -> frozenset[int]:
        """The unit and every unit below it."""
        found, stack = set(), [unit_id]
        while stack:
            current = stack.pop()
            found.add(current)
            stack.extend(self._children[current])
        return frozenset(found)

    def common_superior(self, first: int, second: int) -> int | None:
        """The lowest unit whose subtree holds both (one of them if it is above the other); None if none does."""
        above_first = set(self.line(first))
        return next((unit_id for unit_id in self.line(second) if unit_id in above_first), None)

    def holding_unit(self, unit_id: int) -> int:
        """The nearest unit at detachment level or above, the unit itself included: who answers for its footage.

        附件3 二(六): only detachment users and above approve; a brigade's footage is approved by its detachment.
        """
        line = self.line(unit_id)
        return next((u for u in line if at_least(self._units[u].level, UnitLevel.DETACHMENT)), line[-1])

    def relation(self, user_unit: int, clip_unit: int | None) -> Relation:
        """Where the clip's unit stands relative to the user's unit (see Relation)."""
        if clip_unit is None:
            return Relation.UNASSIGNED
        if clip_unit == user_unit:
            return Relation.OWN
        if user_unit in self.line(clip_unit):
            return Relation.CHILD
        if clip_unit in self.line(user_unit):
            return Relation.PARENT
        if self.common_superior(user_unit, clip_unit) is None:
            return Relation.OUTSIDE
        mine, theirs = self._units[user_unit], self._units[clip_unit]
        if mine.police_type == theirs.police_type and mine.level == theirs.level:
            return Relation.SAME_LEVEL
        return Relation.OTHER_UNIT
