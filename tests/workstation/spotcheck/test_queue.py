"""The shared review queue: claims are exclusive (threads, and processes on PostgreSQL), expire, and the
overview shows who is still unchecked."""

import json
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import AuditEvent, SpotCheckReview
from tests.helpers.spotcheck_builders import DAY, build_spotcheck_org
from tests.helpers.spotcheck_claim_worker import REVIEW
from workstation.errors import ItemTaken, PermissionDenied
from workstation.identity import Identity
from workstation.spotcheck import plans, reviews
from workstation.spotcheck import queue as spotcheck_queue
from workstation.spotcheck.types import DrawSpec

CHECKER1 = Identity.user("checker1")

pytestmark = pytest.mark.clock  # run at several clock times and time zones (tools/clock_matrix.sh)

NOW = datetime(2026, 11, 22, 9, 0)
REPO = Path(__file__).resolve().parents[3]


def _draw_everything(archive, units=("ZD01",)) -> int:
    """A plan sampling every clip (ratio 100 %): DD01 gets 13 items, DD02 one."""
    count = 0
    for unit in units:
        for outcome in plans.draw_plans(
            archive.sessions, DrawSpec(DAY, DAY, unit, 10_000), Identity.user("admin"), now=NOW
        ):
            count += outcome.plan.sample_count
    return count


def test_a_claim_is_exclusive_until_it_expires_or_is_released(archive):
    build_spotcheck_org(archive)
    _draw_everything(archive)
    first = spotcheck_queue.claim(archive.sessions, CHECKER1, now=NOW)
    second = spotcheck_queue.claim(archive.sessions, Identity.user("checker2"), now=NOW)
    assert first.id != second.id and first.claimed_by == "checker1"
    assert first.claim_expires_at == NOW + timedelta(minutes=30)
    with pytest.raises(ItemTaken):
        spotcheck_queue.claim(archive.sessions, Identity.user("checker2"), first.id, now=NOW)
    assert spotcheck_queue.claim(archive.sessions, CHECKER1, now=NOW + timedelta(minutes=5)).id == first.id
    with archive.sessions.read() as session:
        queue = spotcheck_queue.queue(session, Identity.user("checker2"), now=NOW)
        claims = session.execute(select(AuditEvent.target_id).where(AuditEvent.action == "spotcheck.claim")).all()
    assert len(queue) == 13 and {row.claimed_by for row in queue} == {"checker1", "checker2", None}
    assert len(claims) == 2  # taking up one's own claim again is not a new claim
    later = NOW + timedelta(minutes=36)  # checker1's renewed claim ran out at 09:35
    assert (
        spotcheck_queue.claim(archive.sessions, Identity.user("checker2"), first.id, now=later).claimed_by == "checker2"
    )
    assert spotcheck_queue.release(archive.sessions, Identity.user("checker2"), first.id)
    assert not spotcheck_queue.release(archive.sessions, CHECKER1, first.id)
    with pytest.raises(ItemTaken, match="item_claimed"):
        reviews.submit_review(archive.sessions, CHECKER1, second.id, REVIEW, now=NOW)
    with pytest.raises(PermissionDenied):
        spotcheck_queue.claim(archive.sessions, Identity.user("officer"))
    with archive.sessions.read() as session:
        assert (
            len(spotcheck_queue.queue(session, Identity.user("checker3"), now=NOW)) == 14
        )  # the detachment sees both brigades


def _reviewed_items(archive) -> Counter:
    with archive.sessions.read() as session:
        return Counter(session.execute(select(SpotCheckReview.item_id)).scalars())


def _claims(archive) -> Counter:
    with archive.sessions.read() as session:
        return Counter(
            session.execute(select(AuditEvent.target_id).where(AuditEvent.action == "spotcheck.claim")).scalars()
        )


def test_reviewers_in_threads_never_get_the_same_item(archive):
    build_spotcheck_org(archive, {"DD01": [12, 12, 12]})
    total = _draw_everything(archive)

    start = threading.Barrier(3)

    def review_until_empty(login: str) -> list[int]:
        start.wait()
        done = []
        while (item := spotcheck_queue.claim(archive.sessions, Identity.user(login))) is not None:
            reviews.submit_review(archive.sessions, Identity.user(login), item.id, REVIEW)
            done.append(item.id)
        return done

    with ThreadPoolExecutor(3) as pool:
        results = list(pool.map(review_until_empty, ["checker1", "checker2", "checker3"]))
    reviewed = [item for result in results for item in result]
    assert len(reviewed) == len(set(reviewed)) == total == 36
    assert set(_reviewed_items(archive).values()) == {1}
    assert set(_claims(archive).values()) == {1}  # no item was ever claimed twice


@pytest.mark.parametrize("database_kind", ["postgresql"])
def test_reviewer_processes_never_get_the_same_item(archive, postgres_database, tmp_path):
    build_spotcheck_org(archive, {"DD01": [15, 15, 15, 15]})
    total = _draw_everything(archive)
    go = tmp_path / "go"  # every worker waits for it, so that they start together
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.helpers.spotcheck_claim_worker",
                postgres_database,
                str(tmp_path),
                login,
                str(go),
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        for login in ("checker1", "checker2", "checker3")
    ]
    time.sleep(2)  # the workers open the archive meanwhile (the race holds whether or not they are all ready)
    go.touch()
    results = [json.loads(worker.communicate(timeout=120)[0]) for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0, 0]
    reviewed = [item for result in results for item in result]
    assert len(reviewed) == len(set(reviewed)) == total == 60
    assert sum(1 for result in results if result) >= 2, results
    assert set(_reviewed_items(archive).values()) == {1}
    assert set(_claims(archive).values()) == {1}


def test_the_overview_shows_who_is_unchecked_and_what_is_overdue(archive):
    build_spotcheck_org(archive)
    plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY, "DD01"), Identity.user("admin"), now=NOW)
    item = spotcheck_queue.claim(archive.sessions, CHECKER1, now=NOW)
    reviews.submit_review(archive.sessions, CHECKER1, item.id, REVIEW, now=NOW)
    with archive.sessions.read() as session:
        rows = spotcheck_queue.overview(session, Identity.user("checker3"), DAY, DAY, now=datetime(2026, 11, 25, 9))
    by_badge = {row.badge_no: row for row in rows}
    assert sorted(by_badge) == ["100001", "100002", "200001"]
    done, undrawn = by_badge[item.badge_no], by_badge["200001"]
    waiting = next(row for row in rows if row.unit_code == "DD01" and row.badge_no != item.badge_no)
    assert done.checked and done.reviewed == 1 and done.overdue == 0
    assert not waiting.checked and waiting.sampled == 1 and waiting.overdue == 1  # due 11-23, now 11-25
    assert undrawn.plan_id is None and undrawn.sampled == 0 and not undrawn.checked
    assert undrawn.clips_recorded == 1 and by_badge["100001"].clips_recorded == 10  # photos and logs not counted


def test_an_item_of_another_unit_cannot_be_claimed(archive):
    build_spotcheck_org(archive)
    _draw_everything(archive)
    with archive.sessions.read() as session:
        dd02 = next(
            row.id
            for row in spotcheck_queue.queue(session, Identity.user("checker3"), now=NOW)
            if row.unit_code == "DD02"
        )
    with pytest.raises(ItemTaken):
        spotcheck_queue.claim(archive.sessions, CHECKER1, dd02, now=NOW)  # checker1 works for DD01 only
