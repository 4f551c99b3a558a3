"""Which units a statistics query covers: the unit asked for and those below it, within the user's charge."""

from sqlalchemy.orm import Session

from workstation.errors import PermissionDenied
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.permissions import clip_scope
from workstation.statistics.types import StatsQuery


def report_units(session: Session, who: Identity, tree: OrgTree, query: StatsQuery) -> tuple[frozenset[int], bool]:
    """The unit ids the report covers and whether footage awaiting assignment is in it. Without a unit: every
    unit the user may view (and 待分配 where the role may); a unit outside them is refused."""
    scope = clip_scope(session, who)
    if query.unit_code is None:
        return scope.unit_ids, scope.unassigned
    unit = tree.by_code(query.unit_code)
    if unit is None or unit.id not in scope.unit_ids:
        raise PermissionDenied("statistics_unit_denied", unit=query.unit_code)
    return tree.subtree(unit.id), False
