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


def shown_units(tree: OrgTree, query: StatsQuery, units: frozenset[int]) -> list[int]:
    """The rows of a per-unit table: the unit asked for — or, without one, each highest unit in the user's
    charge — and each unit directly below it (never a unit above the user's charge: its figures would be only
    part of it). The query's unit has been checked by report_units."""
    if query.unit_code is not None:
        top = tree.by_code(query.unit_code)
        assert top is not None  # report_units checked it
        return [top.id, *tree.children(top.id)]
    tops = sorted(unit for unit in units if tree.unit(unit).parent_id not in units)
    return [unit for top in tops for unit in (top, *tree.children(top))]
