"""Server-side sessions: a password buys a short-lived, revocable token (issue 12).

The token is 256 random bits handed to the client once; the database keeps only its SHA-256, so a copy of
the database does not let anyone act as a signed-in user. A session ends when the user signs out, when an
administrator revokes it, when it has been idle longer than `idle` or lived longer than `longest`, and
when its account is deactivated. Sign-in itself is the archive's (`workstation.org.users.sign_in`): the same
lock-out after repeated failures, the same audit entries.

Sessions live in the database, so any number of server instances serve the same sessions. `last_seen_at`
is written at most once a `TOUCH_EVERY`, so that reading does not become a write per request.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.models import ApiSession, Unit, User
from db.session import Sessions
from workstation import audit, clock
from workstation.errors import SessionInvalid
from workstation.org.users import SignedInUser, sign_in, signed_in_user

TOUCH_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class SessionPolicy:
    idle: timedelta = timedelta(minutes=30)
    longest: timedelta = timedelta(hours=12)


@dataclass(frozen=True)
class OpenedSession:
    token: str
    """Shown once, to the client that signed in; never stored."""
    user: SignedInUser
    expires_at: datetime


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(sessions: Sessions, login: str, password: str, client: str, policy: SessionPolicy) -> OpenedSession:
    """Sign in (AuthenticationFailed as in the window) and start a session for the user."""
    user = sign_in(sessions, login, password)
    token = secrets.token_urlsafe(32)
    now = clock.now()
    expires = now + policy.longest
    with sessions.write() as session:
        row = ApiSession(
            token_sha256=token_digest(token),
            user_id=user.id,
            client=client[:200],
            created_at=now,
            last_seen_at=now,
            expires_at=expires,
        )
        session.add(row)
        session.flush()
        audit.record(session, user.login, "session.open", "api_session", row.id, {"client": client[:200]})
    return OpenedSession(token, user, expires)


def session_user(sessions: Sessions, token: str | None, policy: SessionPolicy) -> SignedInUser:
    """The user a token stands for now; SessionInvalid if it stands for nobody (any more)."""
    if not token:
        raise SessionInvalid("session_missing")
    now = clock.now()
    with sessions.read() as session:
        found = session.execute(
            select(ApiSession, User, Unit)
            .join(User, User.id == ApiSession.user_id)
            .join(Unit, Unit.id == User.unit_id)
            .where(ApiSession.token_sha256 == token_digest(token))
        ).one_or_none()
    if found is None:
        raise SessionInvalid("session_unknown")
    row, user, unit = found
    if row.ended_at is not None or not user.active:
        raise SessionInvalid("session_ended")
    if now >= row.expires_at or now - row.last_seen_at > policy.idle:
        raise SessionInvalid("session_expired")
    if now - row.last_seen_at >= TOUCH_EVERY:
        with sessions.write() as session:
            session.execute(update(ApiSession).where(ApiSession.id == row.id).values(last_seen_at=now))
    return signed_in_user(user, unit)


def close_session(sessions: Sessions, token: str) -> None:
    """Sign out: the token stops working at once (signing out twice is not an error)."""
    with sessions.write() as session:
        row = session.execute(
            select(ApiSession).where(ApiSession.token_sha256 == token_digest(token), ApiSession.ended_at.is_(None))
        ).scalar_one_or_none()
        if row is not None:
            _end(session, row, "signed_out", _login_of(session, row.user_id))


def revoke_sessions(session: Session, actor: str, user_id: int) -> int:
    """End every open session of an account (an administrator's revocation, or a deactivated account)."""
    rows = session.scalars(select(ApiSession).where(ApiSession.user_id == user_id, ApiSession.ended_at.is_(None))).all()
    for row in rows:
        _end(session, row, "revoked", actor)
    return len(rows)


def _end(session: Session, row: ApiSession, reason: str, actor: str) -> None:
    row.ended_at, row.end_reason = clock.now(), reason
    audit.record(session, actor, f"session.{'close' if reason == 'signed_out' else 'revoke'}", "api_session", row.id)


def _login_of(session: Session, user_id: int) -> str:
    return session.get_one(User, user_id).login
