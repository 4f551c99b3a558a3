"""PostgreSQL restarted under a running archive server (issue 12): a typed 503 during the outage, then service
again without restarting the server.

The real `workstation serve` process serves a PostgreSQL archive; the test's throwaway PostgreSQL is
stopped at once (as a crashed database server goes away: the server's pooled connections break) and
started again. Meanwhile every kind of request — reading, writing, signing in — is answered 503 with the
typed ArchiveUnavailable, which the program's client raises as itself (never a 500, never a hang), and
which names the archive server, not the database's address or account. Nothing half-written remains:
the write refused during the outage is simply not there. Once PostgreSQL is back, the same server
process (same pid, never restarted) serves reads, writes and sign-ins again: its pool replaces the broken
connections (pool_pre_ping, db/engine.py).
"""

from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from db.models import SpotCheckReview
from tests.faults.test_review_kill import _review_states
from tests.helpers.access_builders import PASSWORD
from tests.helpers.archive_server import restartable_server
from tests.helpers.postgres import start_server, stop_server
from tests.helpers.spotcheck_builders import DAY, build_spotcheck_org
from tests.helpers.spotcheck_claim_worker import REVIEW
from workstation.archive import Archive
from workstation.client.connection import ServerConnection
from workstation.client.remote import RemoteClient
from workstation.errors import ArchiveUnavailable
from workstation.footage.types import NEWEST_FIRST, ClipFilter
from workstation.identity import Identity
from workstation.spotcheck import plans
from workstation.spotcheck.types import DrawSpec


@pytest.fixture
def pg_archive(postgres_database: str, tmp_path) -> Iterator[Archive]:
    (tmp_path / "media").mkdir()
    opened = Archive.open_url(postgres_database, tmp_path / "media")
    yield opened
    opened.close()


@pytest.mark.slow
def test_postgresql_restarted_under_the_server_is_a_typed_503_then_served_again(pg_archive, postgres_server, tmp_path):
    build_spotcheck_org(pg_archive, {"DD01": [3]})
    plans.draw_plans(pg_archive.sessions, DrawSpec(DAY, DAY, "DD01", ratio_bp=10_000), Identity.user("admin"))
    first, second, third = sorted(_review_states(pg_archive))
    database = make_url(pg_archive.engine.url)
    with restartable_server("postgresql", pg_archive, tmp_path) as server:
        pid = server.process.pid
        connection, signing_in = ServerConnection(server.url, server.pin), ServerConnection(server.url, server.pin)
        try:
            connection.sign_in("checker1", PASSWORD)
            reviewer = RemoteClient(connection, connection.current_user())
            assert reviewer.first_clip_page(ClipFilter(), NEWEST_FIRST, 10)
            reviewer.claim(first, 30)
            stop_server(postgres_server, mode="fast")  # an administrator's restart: nothing committed lost
            try:
                refusals = [
                    _refused(lambda: reviewer.first_clip_page(ClipFilter(), NEWEST_FIRST, 10)),
                    _refused(lambda: reviewer.submit_review(first, REVIEW, 9000)),
                    _refused(lambda: reviewer.claim(second, 30)),
                    _refused(lambda: signing_in.sign_in("checker2", PASSWORD)),
                ]
                with server.current.http() as http:
                    bearer = {"Authorization": f"Bearer {connection.token}"}
                    raw = http.post("/api/v1/call/review_queue", json={}, headers=bearer)
            finally:
                start_server(postgres_server)
            assert raw.status_code == 503, raw.text
            assert raw.json()["kind"] == "ArchiveUnavailable"
            secrets = (f"{database.host}:{database.port}", database.database, f"{database.username}:", "postgres")
            for told in [raw.text, *(str(error.data) for error in refusals)]:  # the database stays the server's
                assert not [secret for secret in secrets if secret in told], told
            assert server.process.poll() is None and server.process.pid == pid, "the server kept running"

            served = reviewer.submit_review(first, REVIEW, 9000)  # the same process, without a restart
            assert served.item_id == first
            assert reviewer.claim(second, 30) is not None
            reviewer.submit_review(second, REVIEW, 9000)
            signing_in.sign_in("checker2", PASSWORD)
        finally:
            connection.close()
            signing_in.close()
        assert server.process.pid == pid
    states = _review_states(pg_archive)
    assert states == {first: True, second: True, third: False}
    with pg_archive.sessions.read() as session:
        assert len(session.scalars(select(SpotCheckReview)).all()) == 2


def _refused(request) -> ArchiveUnavailable:
    """The typed error a request answered during the outage."""
    with pytest.raises(ArchiveUnavailable) as refused:
        request()
    return refused.value
