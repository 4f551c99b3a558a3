"""Which units a pre-screen action covers: the unit asked for and those below it, within `who`'s charge.

A user's charge is the units whose footage they may view by their own right (their unit and those below it),
and the footage awaiting assignment where their role sorts it out; a system actor (the command line acting for
the computer's account, a background job) covers the whole archive. Reviewing a finding needs a person of a
reviewing role (as the spot check's reviews do) whose own unit is, or is above, the finding's. Starting a scan
(it takes the computer holding the media for a while) is for administrators of the unit and for system actors
(the command line on the archive's computer, the server's background scan); a station account never starts one.
"""

from datetime import date

from sqlalchemy import ColumnElement, false, or_
from sqlalchemy.orm import InstrumentedAttribute, Session

from workstation.errors import PermissionDenied, PrescreenError
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.permissions import Principal, clip_scope, principal_of
from workstation.types import Role

REVIEW_ROLES = frozenset({Role.ADMIN, Role.REVIEWER, Role.INSPECTION})
"""Who confirms or dismisses a finding: the spot check's reviewers (workstation.spotcheck.policy.CHECK_ROLES)."""


def units_covered(session: Session, who: Identity, unit_code: str | None) -> tuple[frozenset[int], bool]:
    """The unit ids covered and whether footage awaiting assignment is; PermissionDenied for a unit outside
    the charge (or unknown: probing codes tells nothing)."""
    scope = clip_scope(session, who)
    if unit_code is None:
        return scope.unit_ids, scope.unassigned
    tree = OrgTree.load(session)
    unit = tree.by_code(unit_code)
    if unit is None or unit.id not in scope.unit_ids:
        raise PermissionDenied("prescreen_unit_denied", unit=unit_code)
    return tree.subtree(unit.id), False


def scan_units(session: Session, who: Identity, unit_code: str | None) -> tuple[frozenset[int], bool]:
    """`units_covered` for starting a scan: a user must be an administrator (PermissionDenied
    prescreen_scan_denied otherwise), whose charge includes the unit."""
    if who.is_user and principal_of(session, who).role is not Role.ADMIN:
        raise PermissionDenied("prescreen_scan_denied")
    return units_covered(session, who, unit_code)


def unit_condition(
    column: InstrumentedAttribute[int | None], units: frozenset[int], unassigned: bool
) -> ColumnElement[bool]:
    """`column` (a unit id) within the covered units, or NULL where footage awaiting assignment is covered."""
    conditions: list[ColumnElement[bool]] = [column.in_(sorted(units))] if units else []
    if unassigned:
        conditions.append(column.is_(None))
    return or_(*conditions) if conditions else false()


def reviewer(session: Session, who: Identity, unit_id: int | None, finding_id: int) -> Principal:
    """The person deciding a finding of this unit: a reviewing role over the unit (footage awaiting
    assignment: an administrator whose charge includes it); PermissionDenied otherwise."""
    principal = principal_of(session, who)
    if principal.role in REVIEW_ROLES:
        if unit_id is None:
            if clip_scope(session, who).unassigned:
                return principal
        elif unit_id in OrgTree.load(session).subtree(principal.unit_id):
            return principal
    raise PermissionDenied("finding_review_denied", finding_id=finding_id)


def check_period(date_from: date | None, date_to: date | None) -> None:
    if date_from is not None and date_to is not None and date_from > date_to:
        raise PrescreenError("prescreen_period_invalid", date_from=date_from.isoformat(), date_to=date_to.isoformat())
