"""Graded permissions (附件3 二(六), 001 第三十三条): one policy table, enforced in the services.

A user's rights on footage follow from three things: their unit's level (what 附件3 lets a 大队, 支队 or
总队 user do), their role (what their job needs), and where the footage's unit stands relative to theirs.
Without a grant, rights reach only the user's own unit and the units below it; an officer sees only the
footage they recorded. Anything else needs an approved viewing request (workstation.access_requests),
which grants viewing (and, if asked for, download) of exactly the requested clips for a limited time.

Every service that lists, plays, thumbnails, exports, marks or annotates footage calls `require_clip` or
lists through `clip_scope`; a refusal is a PermissionDenied, whatever the UI shows.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.models import AccessGrant, AccessRequestItem, Clip, Unit, User
from workstation import clock
from workstation.errors import PermissionDenied
from workstation.identity import Identity
from workstation.orgtree import OrgTree, at_least
from workstation.types import AccessBasis, Action, ClipScope, Duty, Relation, Role, UnitLevel

_FOOTAGE_WORK = frozenset({Action.VIEW, Action.DOWNLOAD, Action.MARK, Action.ANNOTATE})

LEVEL_ACTIONS: dict[UnitLevel, frozenset[Action]] = {
    UnitLevel.BRIGADE: _FOOTAGE_WORK,
    UnitLevel.DETACHMENT: _FOOTAGE_WORK | {Action.APPROVE},
    UnitLevel.CORPS: _FOOTAGE_WORK | {Action.APPROVE, Action.EDIT, Action.DELETE},
}
"""附件3 二(六): 大队 view, download, mark, annotate; 支队 also approve; 总队 also edit and delete."""

ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.ADMIN: _FOOTAGE_WORK | {Action.EDIT, Action.DELETE},
    Role.REVIEWER: frozenset({Action.VIEW, Action.MARK, Action.ANNOTATE}),
    Role.APPROVER: _FOOTAGE_WORK | {Action.APPROVE},
    Role.LEGAL: frozenset({Action.VIEW, Action.DOWNLOAD, Action.ANNOTATE}),
    Role.INSPECTION: _FOOTAGE_WORK,
    Role.OFFICER: frozenset(),
    Role.STATION: frozenset(),
}
"""What each role needs on its unit's footage; a user gets the intersection with their level's actions."""

UNIT_RELATIONS = frozenset({Relation.OWN, Relation.CHILD})
"""Unit rights reach the user's own unit and the units below it, never sideways or up."""

OWN_FOOTAGE_ACTIONS = frozenset({Action.VIEW})
"""Anyone linked to an officer record (警号) may view what they recorded themselves."""

GRANT_ACTIONS = frozenset({Action.VIEW, Action.DOWNLOAD})
"""An approved request grants viewing, and download when it was asked for; never marking or editing."""

ROLE_DUTIES: dict[Role, frozenset[Duty]] = {
    Role.ADMIN: frozenset({Duty.AUDIT, Duty.INGEST}),
    Role.REVIEWER: frozenset(),
    Role.APPROVER: frozenset({Duty.APPROVE}),
    Role.LEGAL: frozenset({Duty.LEGAL_REVIEW}),
    Role.INSPECTION: frozenset({Duty.AUDIT}),
    Role.OFFICER: frozenset(),
    Role.STATION: frozenset({Duty.INGEST}),
}
DUTY_FLOOR: dict[Duty, UnitLevel] = {
    Duty.APPROVE: UnitLevel.DETACHMENT,  # 附件3: approval starts at the 支队
    Duty.LEGAL_REVIEW: UnitLevel.DETACHMENT,  # 002 第十八条: 县级以上 legal department
    Duty.AUDIT: UnitLevel.BRIGADE,
    Duty.INGEST: UnitLevel.BRIGADE,
}


def unit_actions(role: Role, level: UnitLevel) -> frozenset[Action]:
    """What the role may do at this level on the footage within its unit rights."""
    return ROLE_ACTIONS[role] & LEVEL_ACTIONS[level]


def allowed(role: Role, level: UnitLevel, action: Action, relation: Relation) -> bool:
    """The policy table: may a user of this role and level do `action` on footage of this relation, ungranted?

    Unassigned footage (待分配) has no unit yet; administrators of detachment level and above sort it out.
    """
    if relation in UNIT_RELATIONS:
        return action in unit_actions(role, level)
    if relation is Relation.UNASSIGNED:
        return role is Role.ADMIN and at_least(level, UnitLevel.DETACHMENT) and action in unit_actions(role, level)
    return False


def duties(role: Role, level: UnitLevel) -> frozenset[Duty]:
    return frozenset(duty for duty in ROLE_DUTIES[role] if at_least(level, DUTY_FLOOR[duty]))


@dataclass(frozen=True)
class Principal:
    """A signed-in user as the policy sees them, read fresh for each service call (a role change counts at once)."""

    id: int
    login: str
    display_name: str
    role: Role
    unit_id: int
    level: UnitLevel
    officer_id: int | None

    def has(self, duty: Duty) -> bool:
        return duty in duties(self.role, self.level)


@dataclass(frozen=True)
class ClipAccess:
    """Why a user may do something with a clip: a unit right, their own footage, or a grant (with its id)."""

    basis: AccessBasis
    grant_id: int | None = None


def load_principal(session: Session, login: str) -> Principal:
    """The active user with this login; PermissionDenied for an unknown or deactivated account."""
    row = session.execute(
        select(User, Unit.level).join(Unit, Unit.id == User.unit_id).where(User.login == login)
    ).one_or_none()
    if row is None or not row[0].active:
        raise PermissionDenied("user_unknown_or_inactive", login=login)
    user, level = row
    return Principal(
        user.id, user.login, user.display_name, Role(user.role), user.unit_id, UnitLevel(level), user.officer_id
    )


def principal_of(session: Session, who: Identity) -> Principal:
    """The user `who` names, for a service that only users may call: a system actor is refused."""
    if not who.is_user:
        raise PermissionDenied("system_identity", name=who.name)
    return load_principal(session, who.name)


def require_duty(principal: Principal, duty: Duty) -> None:
    if not principal.has(duty):
        raise PermissionDenied("duty_missing")


def own_right(
    principal: Principal, tree: OrgTree, clip_unit: int | None, clip_officer: int | None, action: Action
) -> AccessBasis | None:
    """The user's own right (no grant) to do `action` on a clip of this unit and officer, or None."""
    relation = tree.relation(principal.unit_id, clip_unit)
    if allowed(principal.role, principal.level, action, relation):
        return AccessBasis.UNASSIGNED if relation is Relation.UNASSIGNED else AccessBasis.UNIT
    if action in OWN_FOOTAGE_ACTIONS and principal.officer_id is not None and clip_officer == principal.officer_id:
        return AccessBasis.OWN_FOOTAGE
    return None


def granted_clips(user_id: int, now: datetime, download: bool = False) -> Select[int, int]:
    """(clip_id, grant_id) of the grants in force for the user at `now`; expired or revoked ones drop out."""
    statement = (
        select(AccessRequestItem.clip_id, AccessGrant.id)
        .join(AccessGrant, AccessGrant.request_id == AccessRequestItem.request_id)
        .where(
            AccessGrant.grantee_id == user_id,
            AccessGrant.revoked_at.is_(None),
            AccessGrant.granted_at <= now,
            AccessGrant.expires_at > now,
        )
    )
    return statement.where(AccessGrant.with_download.is_(True)) if download else statement


def clip_access(
    session: Session, principal: Principal, clip_id: int, action: Action, now: datetime | None = None
) -> ClipAccess | None:
    """How the user may do `action` on the clip, or None if they may not (or it does not exist)."""
    clip = session.execute(select(Clip.unit_id, Clip.officer_id).where(Clip.id == clip_id)).one_or_none()
    if clip is None:
        return None
    basis = own_right(principal, OrgTree.load(session), clip.unit_id, clip.officer_id, action)
    if basis is not None:
        return ClipAccess(basis)
    if action not in GRANT_ACTIONS:
        return None
    grant = session.execute(
        granted_clips(principal.id, now or clock.now(), download=action is Action.DOWNLOAD)
        .where(AccessRequestItem.clip_id == clip_id)
        .order_by(AccessGrant.expires_at.desc())
        .limit(1)
    ).first()
    return ClipAccess(AccessBasis.GRANT, grant.id) if grant else None


def require_clip(
    session: Session, who: Identity, clip_id: int, action: Action, now: datetime | None = None
) -> ClipAccess:
    """The check every footage service makes first. Raises PermissionDenied; an unknown clip is refused alike,
    so that probing ids tells nothing about footage outside one's scope."""
    access = clip_access(session, principal_of(session, who), clip_id, action, now)
    if access is None:
        raise PermissionDenied("clip_action", clip_id=clip_id, action=action.value)
    return access


def clip_scope(session: Session, who: Identity, now: datetime | None = None) -> ClipScope:
    """The clips `who` may list, for workstation.footage.clips.list_clips/count_clips. A system actor (the
    command line acting for the computer's account, a scheduled verify) lists the whole archive: every unit
    and the footage awaiting assignment, named explicitly."""
    if not who.is_user:
        return ClipScope(unit_ids=frozenset(session.execute(select(Unit.id)).scalars()), unassigned=True)
    principal = principal_of(session, who)
    tree = OrgTree.load(session)
    role, level = principal.role, principal.level
    units = tree.subtree(principal.unit_id) if Action.VIEW in unit_actions(role, level) else frozenset()
    grants = session.execute(granted_clips(principal.id, now or clock.now())).scalars()
    return ClipScope(
        unit_ids=units,
        officer_id=principal.officer_id,
        clip_ids=frozenset(grants),
        unassigned=allowed(role, level, Action.VIEW, Relation.UNASSIGNED),
    )
