"""`workstation clips` pages through the archive client in keyset pages of 1000: every clip once, newest
first, and exactly `--limit` of them (plus the one the table uses to say there are more)."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from db.models import Officer, Unit
from tests.helpers.access_builders import RECORDED, add_clip, build_access_org
from workstation.cli import _clip_rows, cli_actor
from workstation.client.local import LocalClient
from workstation.footage.types import ClipFilter

CLIPS = 2345


@pytest.fixture
def client(archive):
    build_access_org(archive)
    with archive.sessions.write() as session:
        unit = session.execute(select(Unit).where(Unit.code == "DD01")).scalar_one()
        officer = session.execute(select(Officer).where(Officer.unit_id == unit.id)).scalars().first()
        for number in range(CLIPS):
            add_clip(session, unit, officer, RECORDED - timedelta(minutes=number))
    return LocalClient(archive, cli_actor())


def test_every_clip_once_newest_first_and_exactly_the_limit(client):
    criteria = ClipFilter(unit_code="DD01")
    everything = _clip_rows(client, criteria, 0)
    assert len(everything) == len({row.id for row in everything}) == CLIPS + 1  # and the org's own DD01 clip
    starts = [row.recorded_start for row in everything]
    assert starts == sorted(starts, reverse=True)
    for limit in (1, 999, 1000, 1001, 2001, CLIPS + 1, CLIPS + 5):
        assert [row.id for row in _clip_rows(client, criteria, limit)] == [row.id for row in everything[:limit]]
