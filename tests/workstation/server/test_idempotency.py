"""Idempotent writes (issue 12): the key is committed with the write or not at all, and answers a retry."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from db.models import ApiRequest, Marker, User
from tests.helpers.access_builders import add_users, build_access_org
from workstation import clock
from workstation.client.local import LocalClient
from workstation.errors import RequestReplayed
from workstation.footage.markers import MarkerError
from workstation.identity import Identity
from workstation.server import idempotency
from workstation.types import Role


@pytest.fixture
def reviewer(archive):
    org = build_access_org(archive)
    add_users(archive, [("reviewer", Role.REVIEWER, "DD01")])
    with archive.sessions.read() as session:
        user_id = session.execute(select(User.id).where(User.login == "reviewer")).scalar_one()
    return user_id, org.clips["DD01"]


def _markers(archive) -> int:
    with archive.sessions.read() as session:
        return session.scalar(select(func.count()).select_from(Marker)) or 0


def test_the_key_is_kept_with_the_write_and_answers_the_retry(archive, reviewer):
    user_id, clip = reviewer
    client = LocalClient(idempotency.recording_archive(archive, user_id, "k1", "add_marker"), Identity.user("reviewer"))
    category = next(row.code for row in client.marker_categories() if row.active)
    assert idempotency.earlier_answer(archive.sessions, user_id, "k1") is None
    assert not idempotency.recorded(client.archive), "a read records nothing"
    client.add_marker(clip, 100, None, category, "第一次")
    assert idempotency.recorded(client.archive)
    with pytest.raises(RequestReplayed, match="request_done_answer_lost"):  # done, answer not yet kept
        idempotency.earlier_answer(archive.sessions, user_id, "k1")
    idempotency.keep_answer(archive.sessions, user_id, "k1", b'{"result": 1}')
    assert idempotency.earlier_answer(archive.sessions, user_id, "k1") == b'{"result": 1}'
    assert idempotency.earlier_answer(archive.sessions, user_id + 1, "k1") is None  # keys are the user's own
    assert _markers(archive) == 1


def test_a_failed_write_leaves_no_key_so_the_retry_runs(archive, reviewer):
    user_id, clip = reviewer
    view = idempotency.recording_archive(archive, user_id, "k2", "add_marker")
    with pytest.raises(MarkerError):
        LocalClient(view, Identity.user("reviewer")).add_marker(clip, 100, None, "no-such-category", "")
    assert idempotency.earlier_answer(archive.sessions, user_id, "k2") is None
    with archive.sessions.read() as session:
        assert session.scalar(select(func.count()).select_from(ApiRequest)) == 0


@pytest.mark.clock
def test_old_keys_are_forgotten(archive, reviewer):
    user_id, clip = reviewer
    client = LocalClient(idempotency.recording_archive(archive, user_id, "k3", "add_marker"), Identity.user("reviewer"))
    category = next(row.code for row in client.marker_categories() if row.active)
    client.add_marker(clip, 100, None, category, "")
    with clock.simulated(clock.now() + idempotency.KEPT_FOR - timedelta(minutes=1)):
        idempotency.forget_old(archive.sessions)
    with pytest.raises(RequestReplayed):
        idempotency.earlier_answer(archive.sessions, user_id, "k3")
    with clock.simulated(clock.now() + idempotency.KEPT_FOR + timedelta(minutes=1)):
        idempotency.forget_old(archive.sessions)
    assert idempotency.earlier_answer(archive.sessions, user_id, "k3") is None
