"""User accounts: creation, sign-in with lock-out after repeated failures, changing one's password.

scrypt is slow on purpose (about 0.3 s), so passwords are checked and hashed outside the write
transaction (which on SQLite holds the database's write lock); the write step re-reads the account and
only applies the outcome if its password hash is still the one that was checked.

A sign-in with a login that matches no account answers in the same time as one with a wrong password
(a scrypt computation of the same cost is made), and the audit log never receives what was typed: only
that an unknown login failed and a keyed digest of it (workstation.login_digest).
"""

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Unit, User
from db.session import Sessions
from workstation import audit, clock
from workstation.errors import AuthenticationFailed, PasswordRejected
from workstation.identity import Identity
from workstation.org import passwords
from workstation.org.login_digest import unknown_login_digest
from workstation.org.passwords import hash_password
from workstation.types import Role, UnitLevel

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 128
MAX_FAILED_SIGN_INS = 5
LOCK_DURATION = timedelta(minutes=15)
UNKNOWN_ACTOR = "(未知登录名)"
"""Who the audit log names for an attempt with a login that matches no account (never the typed text)."""


@dataclass(frozen=True)
class SignedInUser:
    id: int
    login: str
    display_name: str
    role: Role
    unit_id: int
    unit_code: str
    unit_name: str
    must_change_password: bool = False  # set by an administrator's reset: change it before doing anything else


class NewAccount(NamedTuple):
    login: str
    display_name: str
    unit: Unit
    role: Role
    password: str
    officer_id: int | None = None  # the officer record of an 执法人员 account: they see their own footage


def check_password_policy(login: str, password: str) -> None:
    """The one password policy, for every way a password is set. Raises PasswordRejected."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordRejected("password_too_short", min_length=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise PasswordRejected("password_too_long", max_length=MAX_PASSWORD_LENGTH)
    if password.strip().casefold() == login.strip().casefold():
        raise PasswordRejected("password_is_login")


def create_user(
    session: Session,
    who: Identity,
    login: str,
    display_name: str,
    unit: Unit,
    role: Role,
    password: str,
    officer_id: int | None = None,
) -> User:
    return create_users(session, who, [NewAccount(login, display_name, unit, role, password, officer_id)])[0]


def create_users(session: Session, who: Identity, accounts: Sequence[NewAccount]) -> list[User]:
    """Add accounts (audited); their passwords must meet the policy. Hashes are computed in parallel
    (hashlib.scrypt releases the GIL), so that setting up several users does not take several times 0.3 s.

    The audit row holds every field that decides what the account may do (role, unit, active, officer
    record), so `workstation audit reconcile` can tell an account changed behind the services' back."""
    for account in accounts:
        check_password_policy(account.login, account.password)
    with ThreadPoolExecutor(max_workers=min(len(accounts), os.cpu_count() or 1) or 1) as pool:
        hashes = list(pool.map(hash_password, [account.password for account in accounts]))
    created = []
    for account, password_hash in zip(accounts, hashes, strict=True):
        user = User(
            login=account.login,
            display_name=account.display_name,
            unit_id=account.unit.id,
            role=account.role,
            password_hash=password_hash,
            officer_id=account.officer_id,
            active=True,
            created_at=clock.now(),
        )
        session.add(user)
        session.flush()
        details = {
            "login": account.login,
            "role": account.role,
            "unit": account.unit.code,
            "unit_id": account.unit.id,
            "active": True,
            "officer_id": account.officer_id,
        }
        audit.record(session, who.audit_name, "user.create", "user", user.id, details)
        created.append(user)
    return created


def sign_in(sessions: Sessions, login: str, password: str) -> SignedInUser:
    """Check the password; count failures and lock the account for a while after too many.

    A hash of an older, lower cost is replaced at the current cost (audited). Failures are committed
    (and audited) before AuthenticationFailed is raised, so they count.
    """
    stored = _stored_hash(sessions, login)
    verification = passwords.verify(password, stored)
    new_hash = hash_password(password) if verification.needs_rehash else None
    with sessions.write() as session:
        outcome = _record_sign_in(session, login, stored, verification, new_hash)
    if isinstance(outcome, AuthenticationFailed):
        raise outcome
    return outcome


def _stored_hash(sessions: Sessions, login: str) -> str | None:
    with sessions.read() as session:
        return session.execute(select(User.password_hash).where(User.login == login)).scalar_one_or_none()


def _record_sign_in(
    session: Session, login: str, stored: str | None, verification: passwords.Verification, new_hash: str | None
) -> SignedInUser | AuthenticationFailed:
    user = session.execute(select(User).where(User.login == login)).scalar_one_or_none()
    refusal = _refusal(
        session, "user.sign_in_failed", login, user, stored, verification, AuthenticationFailed("wrong_credentials")
    )
    if refusal is not None:
        return refusal
    assert user is not None  # _refusal refuses a missing account
    user.failed_logins = 0
    user.locked_until = None
    if new_hash is not None:
        old_cost = passwords.parse(user.password_hash).cost
        user.password_hash = new_hash
        upgrade = {"from": str(old_cost), "to": str(passwords.current_cost)}
        audit.record(session, login, "user.password_rehash", "user", user.id, upgrade)
    details = {"must_change_password": True} if user.must_change_password else None
    audit.record(session, login, "user.sign_in", "user", user.id, details)
    return signed_in_user(user, session.get_one(Unit, user.unit_id))


def signed_in_user(user: User, unit: Unit) -> SignedInUser:
    """The signed-in user as the window and the archive server keep it."""
    return SignedInUser(
        user.id,
        user.login,
        user.display_name,
        Role(user.role),
        unit.id,
        unit.code,
        unit.name,
        user.must_change_password,
    )


def _refusal(
    session: Session,
    action: str,
    login: str,
    user: User | None,
    stored: str | None,
    verification: passwords.Verification,
    wrong_password: AuthenticationFailed,
) -> AuthenticationFailed | None:
    """Why a checked password does not let the user in (recorded in the audit log), or None if it does.

    Wrong passwords count towards the lock-out: after MAX_FAILED_SIGN_INS the account is locked for
    LOCK_DURATION, or until an administrator unlocks it.
    """
    now = clock.now()
    if user is None:
        audit.record(
            session,
            UNKNOWN_ACTOR,
            action,
            "user",
            "",
            {"reason": "unknown_login", "login_digest": unknown_login_digest(login)},
        )
        return AuthenticationFailed("wrong_credentials")
    if not user.active:
        audit.record(session, login, action, "user", user.id, {"reason": "inactive"})
        return AuthenticationFailed("wrong_credentials")
    if user.locked_until and user.locked_until > now:
        audit.record(session, login, action, "user", user.id, {"reason": "locked"})
        return AuthenticationFailed("account_locked", until=user.locked_until)
    if user.password_hash != stored:
        audit.record(session, login, action, "user", user.id, {"reason": "password_changed_meanwhile"})
        return AuthenticationFailed("password_changed_meanwhile")
    if verification.ok:
        return None
    user.failed_logins += 1
    details: dict[str, object] = {
        "reason": "stored_hash_invalid" if verification.invalid_hash else "password",
        "failed_logins": user.failed_logins,
    }
    if user.failed_logins >= MAX_FAILED_SIGN_INS:
        user.locked_until = now + LOCK_DURATION
        user.failed_logins = 0
        details["locked_until"] = clock.format_time(user.locked_until)
    audit.record(session, login, action, "user", user.id, details)
    return wrong_password


def has_users(session: Session) -> bool:
    return session.execute(select(User.id).limit(1)).first() is not None


def needs_first_administrator(sessions: Sessions) -> bool:
    """True while the archive has no account at all: the program then asks for its first administrator."""
    with sessions.read() as session:
        return not has_users(session)


def create_first_administrator(
    sessions: Sessions,
    unit_code: str,
    unit_name: str,
    level: UnitLevel,
    police_type: str,
    login: str,
    display_name: str,
    password: str,
) -> None:
    """Set up a new, empty archive: its top unit and the first administrator. Refused once users exist."""
    check_password_policy(login, password)
    with sessions.write() as session:
        if has_users(session):
            raise AuthenticationFailed("archive_has_users")
        unit = Unit(code=unit_code, name=unit_name, level=level, police_type=police_type, parent_id=None)
        session.add(unit)
        session.flush()
        audit.record(session, login, "unit.create", "unit", unit.id, {"code": unit_code, "name": unit_name})
        create_user(session, Identity.user(login), login, display_name, unit, Role.ADMIN, password)


def change_password(sessions: Sessions, login: str, old_password: str, new_password: str) -> None:
    """Change one's own password; the old one (or the temporary one an administrator set) is required.

    A wrong old password counts towards the lock-out like a failed sign-in (committed and audited before
    AuthenticationFailed is raised). A new password that breaks the policy changes and records nothing.
    """
    stored = _stored_hash(sessions, login)
    verification = passwords.verify(old_password, stored)
    new_hash = None
    if verification.ok:
        check_password_policy(login, new_password)
        if new_password == old_password:
            raise PasswordRejected("password_unchanged")
        new_hash = hash_password(new_password)
    with sessions.write() as session:
        user = session.execute(select(User).where(User.login == login)).scalar_one_or_none()
        refusal = _refusal(
            session,
            "user.password_change_failed",
            login,
            user,
            stored,
            verification,
            AuthenticationFailed("old_password_wrong"),
        )
        if refusal is None:
            assert user is not None and new_hash is not None
            set_password(user, new_hash, must_change=False)
            audit.record(session, login, "user.password_change", "user", user.id)
    if refusal is not None:
        raise refusal


def set_password(user: User, password_hash: str, must_change: bool) -> None:
    """A new password also ends a lock-out and clears the failure count."""
    user.password_hash = password_hash
    user.must_change_password = must_change
    user.failed_logins = 0
    user.locked_until = None
