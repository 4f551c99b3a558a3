"""LocalClient: each call in its own transaction, as its user, the clip scope worked out once per query."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update

from db.models import Clip, Unit, User
from tests.helpers.builders import add_user, build_org
from tests.helpers.clients import client_for
from workstation import clock
from workstation.errors import PermissionDenied
from workstation.footage.types import NEWEST_FIRST, ClipFilter
from workstation.org import users
from workstation.types import Role


def _clip_per_brigade(archive) -> None:
    """One clip (without media) in each of DD01 and DD02."""
    with archive.sessions.write() as session:
        for number, code in enumerate(("DD01", "DD02")):
            unit_id = session.execute(select(Unit.id).where(Unit.code == code)).scalar_one()
            start = datetime(2026, 11, 1, 8, 0) + timedelta(minutes=number)
            session.add(
                Clip(
                    sha256=f"{number:064x}",
                    file_type="video",
                    original_name=f"DEV000{number + 1}_0102{number + 3:02d}_{start:%Y%m%d%H%M%S}_0000.MP4",
                    media_path=f"{code}/{number}.MP4",
                    size_bytes=1000,
                    recorded_start=start,
                    duration_ms=60_000,
                    ingested_at=clock.now(),
                    ingest_station="test",
                    name_pattern="gat947",
                    unit_id=unit_id,
                )
            )


def _move_user(archive, login: str, unit_code: str) -> None:
    with archive.sessions.write() as session:
        unit_id = session.execute(select(Unit.id).where(Unit.code == unit_code)).scalar_one()
        session.execute(update(User).where(User.login == login).values(unit_id=unit_id))


def test_what_a_user_may_see_is_worked_out_once_per_query(archive):
    build_org(archive)
    _clip_per_brigade(archive)
    add_user(archive, "dd01-head", Role.ADMIN, "DD01")
    client = client_for(archive, "dd01-head")

    assert [row.media_path for row in client.first_clip_page(ClipFilter(), NEWEST_FIRST, 10)] == ["DD01/0.MP4"]
    _move_user(archive, "dd01-head", "ZD01")  # now over both brigades
    assert len(client.clip_page(ClipFilter(), NEWEST_FIRST, 10, offset=0)) == 1, "the query's scope is kept"
    assert client.count_clips(ClipFilter()) == 1
    assert len(client.first_clip_page(ClipFilter(), NEWEST_FIRST, 10)) == 2, "a new query works it out again"
    assert client.count_clips(ClipFilter()) == 2


def test_a_change_is_committed_and_made_as_the_clients_user(archive):
    build_org(archive)
    _clip_per_brigade(archive)
    add_user(archive, "dd01-head", Role.ADMIN, "DD01")
    rows = client_for(archive, "admin").first_clip_page(ClipFilter(), NEWEST_FIRST, 10)
    ids = {row.media_path: row.id for row in rows}

    client = client_for(archive, "dd01-head")
    assert client.set_important([ids["DD01/0.MP4"]], True) == 1
    now = client_for(archive, "admin").get_clips([ids["DD01/0.MP4"], ids["DD02/1.MP4"]])
    assert [row.important for row in now] == [True, False]
    with pytest.raises(PermissionDenied):
        client.set_important([ids["DD02/1.MP4"]], True)  # another brigade's footage
    with pytest.raises(PermissionDenied):
        client_for(archive, "nobody").first_clip_page(ClipFilter(), NEWEST_FIRST, 10)


def test_the_first_administrator_is_asked_for_until_there_is_an_account(archive):
    assert users.needs_first_administrator(archive.sessions)
    build_org(archive)
    assert not users.needs_first_administrator(archive.sessions)
