"""Administrators look after the accounts of their unit and the units below it: list, unlock, reset a password.

Each service names the acting administrator, checks their right first (never failing open) and writes the
change and its audit row in one transaction. A reset sets a temporary password (the same policy as every
password) and makes the user change it at their next sign-in; it also ends a lock-out. No one resets their
own password this way: they change it, which needs the old one.
"""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Unit, User
from db.session import Sessions
from workstation import audit, clock, permissions
from workstation.errors import PermissionDenied
from workstation.identity import Identity
from workstation.org.passwords import hash_password
from workstation.org.sessions import revoke_sessions
from workstation.org.types import UserRow
from workstation.org.users import check_password_policy, set_password
from workstation.orgtree import OrgTree
from workstation.types import Role


def list_users(session: Session, who: Identity, now: datetime | None = None) -> list[UserRow]:
    """The accounts the administrator looks after, by unit code and login."""
    units = _administered_units(session, who)
    moment = now or clock.now()
    rows = session.execute(
        select(User, Unit.code, Unit.name)
        .join(Unit, Unit.id == User.unit_id)
        .where(User.unit_id.in_(units))
        .order_by(Unit.code, User.login)
    )
    return [
        UserRow(
            user.login,
            user.display_name,
            Role(user.role),
            code,
            name,
            user.active,
            user.locked_until if user.locked_until and user.locked_until > moment else None,
            user.failed_logins,
            user.must_change_password,
        )
        for user, code, name in rows
    ]


def unlock_user(sessions: Sessions, who: Identity, login: str) -> None:
    """End a lock-out (and forget the failed attempts counted so far); audited."""
    with sessions.write() as session:
        user = _administered_user(session, who, login)
        details = {"login": login, "locked_until": clock.format_time(user.locked_until) if user.locked_until else None}
        user.locked_until = None
        user.failed_logins = 0
        audit.record(session, who.audit_name, "user.unlock", "user", user.id, details)


def reset_password(sessions: Sessions, who: Identity, login: str, temporary_password: str) -> None:
    """Set a temporary password that the user must change at the next sign-in; audited (never the password)."""
    if who.name == login:
        raise PermissionDenied("reset_own_password")
    check_password_policy(login, temporary_password)
    password_hash = hash_password(temporary_password)  # outside the transaction: scrypt is slow on purpose
    with sessions.write() as session:
        user = _administered_user(session, who, login)
        set_password(user, password_hash, must_change=True)
        audit.record(
            session, who.audit_name, "user.password_reset", "user", user.id, {"login": login, "must_change": True}
        )
        revoke_sessions(session, who.audit_name, user.id)  # whoever knew the old password is signed out


def end_sessions(sessions: Sessions, who: Identity, login: str) -> int:
    """Sign a user out of the archive server everywhere (a lost laptop, a suspected misuse); returns how
    many sessions ended. Each ending is audited."""
    with sessions.write() as session:
        user = _administered_user(session, who, login)
        return revoke_sessions(session, who.audit_name, user.id)


def _administered_units(session: Session, who: Identity) -> frozenset[int]:
    principal = permissions.principal_of(session, who)
    if principal.role is not Role.ADMIN:
        raise PermissionDenied("users_admin_only")
    return OrgTree.load(session).subtree(principal.unit_id)


def _administered_user(session: Session, who: Identity, login: str) -> User:
    units = _administered_units(session, who)
    user = session.execute(select(User).where(User.login == login)).scalar_one_or_none()
    if user is None or user.unit_id not in units:
        raise PermissionDenied("user_not_managed", login=login)
    return user
