"""User accounts: creation and sign-in with lock-out after repeated failures."""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Unit, User
from db.session import Sessions
from workstation import audit, clock
from workstation.errors import AuthenticationFailed, PasswordRejected
from workstation.passwords import check_password, hash_password
from workstation.types import Role, UnitLevel

MIN_PASSWORD_LENGTH = 8
MAX_FAILED_SIGN_INS = 5
LOCK_DURATION = timedelta(minutes=15)


@dataclass(frozen=True)
class SignedInUser:
    id: int
    login: str
    display_name: str
    role: Role
    unit_id: int
    unit_code: str
    unit_name: str


def create_user(
    session: Session, actor: str, login: str, display_name: str, unit: Unit, role: Role, password: str
) -> User:
    user = User(
        login=login,
        display_name=display_name,
        unit_id=unit.id,
        role=role,
        password_hash=hash_password(password),
        created_at=clock.now(),
    )
    session.add(user)
    session.flush()
    audit.record(session, actor, "user.create", "user", user.id, {"login": login, "role": role, "unit": unit.code})
    return user


def sign_in(sessions: Sessions, login: str, password: str) -> SignedInUser:
    """Check the password; count failures and lock the account for a while after too many.

    Failures are committed (and audited) before AuthenticationFailed is raised, so they count.
    """
    with sessions.write() as session:
        outcome = _check_sign_in(session, login, password)
    if isinstance(outcome, AuthenticationFailed):
        raise outcome
    return outcome


def _check_sign_in(session: Session, login: str, password: str) -> SignedInUser | AuthenticationFailed:
    user = session.execute(select(User).where(User.login == login)).scalar_one_or_none()
    now = clock.now()
    if user is None or not user.active:
        audit.record(session, login, "user.sign_in_failed", "user", login, {"reason": "unknown"})
        return AuthenticationFailed("用户名或密码错误。")
    if user.locked_until and user.locked_until > now:
        audit.record(session, login, "user.sign_in_failed", "user", user.id, {"reason": "locked"})
        return AuthenticationFailed(f"账户已被锁定，请于 {clock.format_time(user.locked_until)} 后再试，或联系管理员。")
    if not check_password(password, user.password_hash):
        user.failed_logins += 1
        details: dict[str, object] = {"reason": "password", "failed_logins": user.failed_logins}
        if user.failed_logins >= MAX_FAILED_SIGN_INS:
            user.locked_until = now + LOCK_DURATION
            user.failed_logins = 0
            details["locked_until"] = clock.format_time(user.locked_until)
        audit.record(session, login, "user.sign_in_failed", "user", user.id, details)
        return AuthenticationFailed("用户名或密码错误。")
    user.failed_logins = 0
    user.locked_until = None
    audit.record(session, login, "user.sign_in", "user", user.id)
    unit = session.get_one(Unit, user.unit_id)
    return SignedInUser(user.id, user.login, user.display_name, Role(user.role), unit.id, unit.code, unit.name)


def has_users(session: Session) -> bool:
    return session.execute(select(User.id).limit(1)).first() is not None


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
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AuthenticationFailed(f"密码至少需要 {MIN_PASSWORD_LENGTH} 位。")
    with sessions.write() as session:
        if has_users(session):
            raise AuthenticationFailed("档案库已有用户，请由管理员添加账户。")
        unit = Unit(code=unit_code, name=unit_name, level=level, police_type=police_type, parent_id=None)
        session.add(unit)
        session.flush()
        audit.record(session, login, "unit.create", "unit", unit.id, {"code": unit_code, "name": unit_name})
        create_user(session, login, login, display_name, unit, Role.ADMIN, password)


def change_password(sessions: Sessions, login: str, old_password: str, new_password: str) -> None:
    """Change one's own password; the old one is required. A wrong old password counts towards the lock-out
    like a failed sign-in (it is committed and audited before AuthenticationFailed is raised)."""
    with sessions.write() as session:
        outcome = _change_password(session, login, old_password, new_password)
    if outcome is not None:
        raise outcome


def _change_password(
    session: Session, login: str, old_password: str, new_password: str
) -> AuthenticationFailed | PasswordRejected | None:
    user = session.execute(select(User).where(User.login == login)).scalar_one_or_none()
    now = clock.now()
    if user is None or not user.active or (user.locked_until and user.locked_until > now):
        audit.record(session, login, "user.password_change_failed", "user", user.id if user else login)
        return AuthenticationFailed("账户不存在、已停用或已被锁定。")
    if not check_password(old_password, user.password_hash):
        user.failed_logins += 1
        details: dict[str, object] = {"reason": "password", "failed_logins": user.failed_logins}
        if user.failed_logins >= MAX_FAILED_SIGN_INS:
            user.locked_until = now + LOCK_DURATION
            user.failed_logins = 0
            details["locked_until"] = clock.format_time(user.locked_until)
        audit.record(session, login, "user.password_change_failed", "user", user.id, details)
        return AuthenticationFailed("原密码错误。")
    if len(new_password) < MIN_PASSWORD_LENGTH:
        return PasswordRejected(f"新密码至少需要 {MIN_PASSWORD_LENGTH} 位。")
    if new_password in (old_password, login):
        return PasswordRejected("新密码不能与原密码或登录名相同。")
    user.password_hash = hash_password(new_password)
    user.failed_logins = 0
    audit.record(session, login, "user.password_change", "user", user.id)
    return None
