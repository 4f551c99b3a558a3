"""Who approves a viewing request (附件3 二(六), 002 第十八条). Pure: a function of the unit tree.

- Footage of a same-level unit (two brigades, two detachments): the lowest unit above both approves.
- Footage of another police type or another unit, the user's superiors' own footage, or footage the user's
  role may not reach (a reviewer downloading): the unit answering for the footage — its detachment, or the
  unit itself at detachment level and above (附件3: only 支队 and above approve).
- Footage awaiting assignment (待分配): the requester's own detachment.
- Outside bodies (检察院, 法院, 纪检监察, 司法行政): the legal department (法制) of the unit answering for
  the footage reviews first, then its head approves.

A request spanning several units goes to the lowest unit above all of their approvers.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce

from workstation.access.types import OutsideBody
from workstation.errors import AccessError
from workstation.orgtree import OrgTree
from workstation.types import Relation, Role


@dataclass(frozen=True)
class Step:
    """One decision: a user of `role` at unit `unit_id` decides."""

    role: Role
    unit_id: int


def approving_unit(tree: OrgTree, requester_unit: int, clip_unit: int | None, outside: bool) -> int:
    """The unit whose head decides about one unit's footage."""
    if clip_unit is None:
        return tree.holding_unit(requester_unit)
    if not outside and tree.relation(requester_unit, clip_unit) is Relation.SAME_LEVEL:
        common = tree.common_superior(requester_unit, clip_unit)
        if common is not None:
            return common
    return tree.holding_unit(clip_unit)


def route(
    tree: OrgTree, requester_unit: int, clip_units: Iterable[int | None], outside_body: OutsideBody | None
) -> tuple[Step, ...]:
    """The approval steps of a request, in order."""
    outside = outside_body is not None
    targets = {approving_unit(tree, requester_unit, unit, outside) for unit in set(clip_units)}
    if not targets:
        raise AccessError("nothing_to_approve")

    def merge(first: int | None, second: int) -> int | None:
        return None if first is None else tree.common_superior(first, second)

    first: int | None = next(iter(targets))
    unit = reduce(merge, targets, first)
    if unit is None:
        raise AccessError("approvers_differ")
    if outside:
        return (Step(Role.LEGAL, unit), Step(Role.APPROVER, unit))
    return (Step(Role.APPROVER, unit),)
