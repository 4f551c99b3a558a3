"""Who may see and act on retention: the units in a user's charge, and the roles that place legal holds."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Unit
from workstation import permissions
from workstation.errors import PermissionDenied
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.types import Role

OVERSIGHT_ROLES = frozenset({Role.ADMIN, Role.APPROVER, Role.LEGAL, Role.INSPECTION})
"""Who reads the expiry queue, holds and destruction requests of the units in their charge."""
HOLD_ROLES = frozenset({Role.LEGAL, Role.INSPECTION})
"""法制 and 督察 place and lift legal holds."""


def units_in_charge(session: Session, who: Identity) -> frozenset[int]:
    """The user's unit and the units below it, for the oversight roles; a system actor (the scheduled clean-up)
    answers for every unit. Anyone else is refused."""
    if not who.is_user:
        return frozenset(session.execute(select(Unit.id)).scalars())
    principal = permissions.principal_of(session, who)
    if principal.role not in OVERSIGHT_ROLES:
        raise PermissionDenied("retention_role", role=principal.role.value)
    return OrgTree.load(session).subtree(principal.unit_id)


def require_policy_admin(session: Session, who: Identity) -> permissions.Principal:
    """The retention policy is the archive's: its administrators at the top of the unit tree (the 总队,
    which alone may edit and delete, 附件3 二(六)) change it."""
    principal = permissions.principal_of(session, who)
    top = OrgTree.load(session).unit(principal.unit_id).parent_id is None
    if principal.role is not Role.ADMIN or not top:
        raise PermissionDenied("retention_policy_admin")
    return principal
