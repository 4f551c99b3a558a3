"""Server-side sessions (issue 12): a password buys a token; idle time, age, sign-out, revocation and a
deactivated account end it. Run on the program's clock, moved forward as time would pass."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from db.models import ApiSession, AuditEvent, User
from tests.helpers.access_builders import PASSWORD, add_users, build_access_org
from workstation import clock
from workstation.errors import AuthenticationFailed, SessionInvalid
from workstation.org.sessions import (
    TOUCH_EVERY,
    SessionPolicy,
    close_session,
    open_session,
    revoke_sessions,
    session_user,
    token_digest,
)
from workstation.types import Role

pytestmark = pytest.mark.clock
POLICY = SessionPolicy(idle=timedelta(minutes=30), longest=timedelta(hours=12))


@pytest.fixture
def signed_in(archive):
    build_access_org(archive)
    add_users(archive, [("reviewer", Role.REVIEWER, "DD01")])
    return open_session(archive.sessions, "reviewer", PASSWORD, "127.0.0.1 test", POLICY)


def later(by: timedelta):
    """The program's clock, `by` after now (and running on)."""
    return clock.simulated(clock.now() + by)


def test_a_token_stands_for_its_user_and_only_its_digest_is_kept(archive, signed_in):
    user = session_user(archive.sessions, signed_in.token, POLICY)
    assert (user.login, user.role) == ("reviewer", Role.REVIEWER)
    assert len(signed_in.token) >= 43  # 256 random bits
    with archive.sessions.read() as session:
        row = session.execute(select(ApiSession)).scalar_one()
        stored = [str(value) for value in vars(row).values()]
        events = session.scalars(select(AuditEvent.action).where(AuditEvent.actor == "reviewer")).all()
    assert row.token_sha256 == token_digest(signed_in.token)
    assert not any(signed_in.token in value for value in stored)
    assert "session.open" in events


def test_idle_time_and_age_end_a_session(archive, signed_in):
    with later(POLICY.idle - timedelta(minutes=1)):
        session_user(archive.sessions, signed_in.token, POLICY)  # in use: the idle time starts again
    with later(POLICY.idle - timedelta(minutes=1) + TOUCH_EVERY + POLICY.idle - timedelta(minutes=2)):
        session_user(archive.sessions, signed_in.token, POLICY)
    with later(POLICY.longest + timedelta(seconds=1)), pytest.raises(SessionInvalid) as too_old:
        session_user(archive.sessions, signed_in.token, POLICY)
    assert too_old.value.code == "session_expired"

    fresh = open_session(archive.sessions, "reviewer", PASSWORD, "test", POLICY)
    with later(POLICY.idle + TOUCH_EVERY + timedelta(seconds=1)), pytest.raises(SessionInvalid) as idle:
        session_user(archive.sessions, fresh.token, POLICY)
    assert idle.value.code == "session_expired"


def test_sign_out_revocation_and_deactivation_end_a_session(archive, signed_in):
    close_session(archive.sessions, signed_in.token)
    close_session(archive.sessions, signed_in.token)  # twice is not an error
    with pytest.raises(SessionInvalid, match="session_ended"):
        session_user(archive.sessions, signed_in.token, POLICY)

    second = open_session(archive.sessions, "reviewer", PASSWORD, "test", POLICY)
    with archive.sessions.write() as session:
        user_id = session.execute(select(User.id).where(User.login == "reviewer")).scalar_one()
        assert revoke_sessions(session, "admin", user_id) == 1
    with pytest.raises(SessionInvalid, match="session_ended"):
        session_user(archive.sessions, second.token, POLICY)

    third = open_session(archive.sessions, "reviewer", PASSWORD, "test", POLICY)
    with archive.sessions.write() as session:
        session.execute(select(User).where(User.login == "reviewer")).scalar_one().active = False
    with pytest.raises(SessionInvalid, match="session_ended"):
        session_user(archive.sessions, third.token, POLICY)


def test_no_token_or_a_wrong_one_is_refused_and_a_wrong_password_gets_none(archive, signed_in):
    for token, code in ((None, "session_missing"), ("", "session_missing"), ("x" * 43, "session_unknown")):
        with pytest.raises(SessionInvalid) as refused:
            session_user(archive.sessions, token, POLICY)
        assert refused.value.code == code
    with pytest.raises(AuthenticationFailed, match="wrong_credentials"):
        open_session(archive.sessions, "reviewer", "wrong password", "test", POLICY)
    with archive.sessions.read() as session:
        assert len(session.scalars(select(ApiSession)).all()) == 1
