"""The archive server restarted mid-review (issue 12): a review is kept or cleanly refused, never doubled.

A reviewer (the program's own RemoteClient, in this process) has claimed a sampled item and submits its
review; the real `workstation serve` process is killed with SIGKILL a random time into the submit — before
the request arrives, while the review's transaction runs, between its commit and keeping the answer, or
while the answer travels back — and started again on the same port at once. The client's retry (the same
Idempotency-Key) reaches the new process and gets either the review's answer or the clean refusal "done,
answer lost"; in every case the item holds exactly one whole review (nine checklist answers, one audit
row) and submitting it again is refused as already reviewed.

A graceful stop (SIGTERM, as systemd restarts the service) lets a request in flight finish — here one
whose body is still arriving when the signal comes — and exits 0; calls that came too late reach the
restarted server through their retries. The moments come from KILL_SEED; KILL_POINTS sets how many kills
per database (tests/faults/kill.py).
"""

import signal
import statistics
import threading
import time
import uuid
from collections.abc import Iterator

import httpx
import pytest

from tests.faults.kill import kill_generator, kill_points
from tests.faults.test_review_kill import _review_states
from tests.helpers.access_builders import PASSWORD
from tests.helpers.archive_server import RestartableServer, restartable_server
from tests.helpers.spotcheck_builders import DAY, build_spotcheck_org
from tests.helpers.spotcheck_claim_worker import REVIEW
from workstation.archive import Archive
from workstation.client.connection import ServerConnection, tls_context
from workstation.client.remote import RemoteClient
from workstation.client.wire import IDEMPOTENCY_HEADER, remote_calls
from workstation.errors import ItemTaken, RequestReplayed
from workstation.identity import Identity
from workstation.spotcheck import plans
from workstation.spotcheck.types import DrawSpec, LedgerRow

KILLS = kill_points(4)
CALIBRATION = 5  # submits timed before the kills


def _items(archive: Archive, count: int) -> list[int]:
    """`count` sampled items of DD01 (every clip drawn), by id."""
    build_spotcheck_org(archive, {"DD01": [count]})
    plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY, "DD01", ratio_bp=10_000), Identity.user("admin"))
    items = sorted(_review_states(archive))
    assert len(items) == count
    return items


def _reviewer(server: RestartableServer) -> RemoteClient:
    connection = ServerConnection(server.url, server.pin)
    connection.sign_in("checker1", PASSWORD)
    return RemoteClient(connection, connection.current_user())


@pytest.fixture
def closing() -> Iterator[list[RemoteClient]]:
    clients: list[RemoteClient] = []
    yield clients
    for client in clients:
        client.connection.close()


@pytest.mark.slow
@pytest.mark.soak
def test_a_server_killed_around_a_review_submit_keeps_it_once_or_refuses_cleanly(
    archive, database_kind, tmp_path, closing
):
    items = _items(archive, KILLS + CALIBRATION)
    generator = kill_generator(20261213)
    with restartable_server(database_kind, archive, tmp_path) as server:
        reviewer = _reviewer(server)
        closing.append(reviewer)
        took = []
        for item in items[:CALIBRATION]:  # how long a submit takes when nothing goes wrong
            reviewer.claim(item, 30)
            started = time.perf_counter()
            reviewer.submit_review(item, REVIEW, 9000)
            took.append(time.perf_counter() - started)
        submit = statistics.median(took)
        print(f"a review submit takes {submit * 1000:.0f} ms through the server ({database_kind})")

        outcomes = []
        for item in items[CALIBRATION:]:
            assert reviewer.claim(item, 30) is not None
            answer: list[object] = []
            submitting = threading.Thread(target=_submit, args=(reviewer, item, answer))
            delay = generator.uniform(0.0, 1.2 * submit)
            submitting.start()
            time.sleep(delay)
            server.kill()
            server.start(wait=False)
            submitting.join(timeout=120)
            assert not submitting.is_alive(), "the client's retries ended"
            server.wait_until_up()
            states = _review_states(archive)  # every item wholly reviewed or not at all, the audit chain intact
            (outcome,) = answer
            print(f"item {item}: killed {delay * 1000:.1f} ms into the submit → {_shown(outcome)}")
            if isinstance(outcome, LedgerRow):
                assert outcome.item_id == item
            else:
                assert isinstance(outcome, RequestReplayed) and outcome.code == "request_done_answer_lost", outcome
            assert states[item], "the answered review is kept"
            with pytest.raises(ItemTaken):  # the reviewer presses submit again: refused, nothing doubled
                reviewer.submit_review(item, REVIEW, 9000)
            outcomes.append(_shown(outcome))
        assert all(_review_states(archive).values())
        print("outcomes:", outcomes)


def _submit(reviewer: RemoteClient, item: int, answer: list[object]) -> None:
    try:
        answer.append(reviewer.submit_review(item, REVIEW, 9000))
    except Exception as error:  # the test thread judges whatever came back
        answer.append(error)


def _shown(outcome: object) -> str:
    if isinstance(outcome, LedgerRow):
        return "answered"
    return f"refused: {getattr(outcome, 'code', outcome)!r}"


@pytest.mark.slow
def test_a_graceful_restart_finishes_the_requests_in_flight_and_exits_0(archive, database_kind, tmp_path, closing):
    slow_item, *others = _items(archive, 4)
    with restartable_server(database_kind, archive, tmp_path) as server:
        reviewer = _reviewer(server)
        closing.append(reviewer)
        for item in (slow_item, *others):
            reviewer.claim(item, 30)
        call = remote_calls()["submit_review"]
        body = call.encode_arguments((slow_item, REVIEW, 9000), {})
        headers = {
            "Authorization": f"Bearer {reviewer.connection.token}",
            IDEMPOTENCY_HEADER: uuid.uuid4().hex,
            "Content-Type": "application/json",
        }
        half_sent, signalled = threading.Event(), threading.Event()

        def slowly() -> Iterator[bytes]:
            """The body in two halves, the second only once the server was told to stop."""
            yield body[: len(body) // 2]
            half_sent.set()
            signalled.wait(timeout=30)
            yield body[len(body) // 2 :]

        slow_answer: list[httpx.Response] = []

        def send_slowly() -> None:
            with httpx.Client(base_url=server.url, verify=tls_context(server.pin), timeout=60) as http:
                slow_answer.append(http.post("/api/v1/call/submit_review", content=slowly(), headers=headers))

        in_flight = threading.Thread(target=send_slowly)
        in_flight.start()
        assert half_sent.wait(timeout=30)
        time.sleep(0.3)  # the server has the request's headers: the request is in flight
        answers: list[list[object]] = [[] for _ in others]
        late = [threading.Thread(target=_submit, args=(reviewer, item, answers[n])) for n, item in enumerate(others)]
        for thread in late:
            thread.start()
        old = server.process
        old.send_signal(signal.SIGTERM)
        signalled.set()
        assert old.wait(timeout=40) == 0, "a graceful stop exits 0"
        in_flight.join(timeout=60)
        (finished,) = slow_answer
        assert finished.status_code == 200, finished.text  # finished by the stopping server
        server.start()
        for thread in late:
            thread.join(timeout=120)
        assert all(isinstance(answer[0], LedgerRow) for answer in answers), answers
        with httpx.Client(verify=tls_context(server.pin), timeout=60) as http:  # the same request again
            again = http.post(f"{server.url}/api/v1/call/submit_review", content=body, headers=headers)
        assert again.status_code == 200 and again.content == finished.content, again.text
        assert call.decode_answer(finished.content).item_id == slow_item
    assert all(_review_states(archive).values())
