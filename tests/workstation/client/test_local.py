"""LocalClient: each call in its own transaction, as its user, the clip scope worked out once per query."""

import pytest
from sqlalchemy import update

from db.models import User
from tests.helpers.access_builders import add_user, build_access_org
from tests.helpers.clients import client_for
from workstation.errors import PermissionDenied
from workstation.footage.types import NEWEST_FIRST, ClipFilter
from workstation.org import users
from workstation.types import Role

EVERYTHING = ClipFilter()


def test_what_a_user_may_see_is_worked_out_once_per_query(archive):
    org = build_access_org(archive)
    add_user(archive, "dd01-admin", Role.ADMIN, "DD01")
    client = client_for(archive, "dd01-admin")

    assert [row.id for row in client.first_clip_page(EVERYTHING, NEWEST_FIRST, 50)] == [org.clips["DD01"]]
    with archive.sessions.write() as session:  # now over the whole detachment
        session.execute(update(User).where(User.login == "dd01-admin").values(unit_id=org.units["ZD01"]))
    assert [row.id for row in client.clip_page(EVERYTHING, NEWEST_FIRST, 50)] == [org.clips["DD01"]], "kept"
    assert client.count_clips(EVERYTHING) == 1

    seen = {row.id for row in client.first_clip_page(EVERYTHING, NEWEST_FIRST, 50)}
    assert {org.clips["DD01"], org.clips["DD02"]} <= seen, "a new query works it out again"
    assert client.count_clips(EVERYTHING) == len(seen)


def test_a_change_is_committed_and_made_as_the_clients_user(archive):
    org = build_access_org(archive)
    add_user(archive, "dd01-admin", Role.ADMIN, "DD01")
    client = client_for(archive, "dd01-admin")

    assert client.set_important([org.clips["DD01"]], True) == 1
    now = client_for(archive, "admin").get_clips([org.clips["DD01"], org.clips["DD02"]])
    assert [row.important for row in now] == [True, False]
    with pytest.raises(PermissionDenied):
        client.set_important([org.clips["DD02"]], True)  # another brigade's footage
    with pytest.raises(PermissionDenied):
        client_for(archive, "nobody").first_clip_page(EVERYTHING, NEWEST_FIRST, 10)


def test_the_first_administrator_is_asked_for_until_there_is_an_account(archive):
    assert users.needs_first_administrator(archive.sessions)
    build_access_org(archive)
    assert not users.needs_first_administrator(archive.sessions)
