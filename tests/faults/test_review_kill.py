"""Kill -9 a process submitting spot-check reviews at random moments; each review is all there or not at all.

A worker process (tests/faults/review_worker.py, calling the same service as the checklist window) submits
合格 reviews of a batch of sampled items and is killed: mostly a random time (up to one and a half reviews'
worth) after it reported a randomly chosen review, so kills land inside and between the transactions;
one run in five at a random moment of its start-up. After every kill, for every item: the item is
marked reviewed exactly when it has one review row, with its nine checklist answers and one audit row,
and the audit chain is intact. At the end every item is submitted again: exactly the items without a
review are recorded, the rest are refused as already reviewed, and a third submission records nothing.
"""

from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from db.models import AuditEvent, SpotCheckAnswer, SpotCheckItem, SpotCheckReview
from tests.faults.kill import (
    Finished,
    KillClock,
    kill_after_line,
    kill_generator,
    kill_points,
    line_times,
    python_module,
    run,
    run_and_kill,
)
from tests.helpers.spotcheck_builders import DAY, build_spotcheck_org
from workstation import audit
from workstation.identity import Identity
from workstation.spotcheck import plans
from workstation.spotcheck.types import CheckItem, DrawSpec, ItemStatus

KILLS = kill_points(4)
BATCH = 24  # items per worker run: long enough for kills to land between and inside reviews


def _review_states(archive) -> dict[int, bool]:
    """Item id -> reviewed, after checking that every item is either wholly reviewed or not at all."""
    with archive.sessions.read() as session:
        status = dict(session.execute(select(SpotCheckItem.id, SpotCheckItem.status)).all())
        reviews = Counter(session.execute(select(SpotCheckReview.item_id)).scalars())
        answers = dict(
            session.execute(
                select(SpotCheckReview.item_id, func.count(SpotCheckAnswer.review_id))
                .join(SpotCheckAnswer, SpotCheckAnswer.review_id == SpotCheckReview.id)
                .group_by(SpotCheckReview.item_id)
            ).all()
        )
        logged = Counter(
            int(target)
            for target in session.execute(
                select(AuditEvent.target_id).where(AuditEvent.action == "spotcheck.review")
            ).scalars()
        )
        assert audit.verify_chain(session).ok
    states = {}
    for item_id, item_status in status.items():
        reviewed = item_status == ItemStatus.REVIEWED
        assert item_status in (ItemStatus.OPEN, ItemStatus.REVIEWED)
        expected = (1, len(CheckItem), 1) if reviewed else (0, 0, 0)
        found = (reviews[item_id], answers.get(item_id, 0), logged[item_id])
        assert found == expected, f"item {item_id} ({item_status}): reviews, answers, audit rows = {found}"
        states[item_id] = reviewed
    return states


def _printed(finished: Finished) -> dict[str, set[int]]:
    assert finished.returncode == 0, finished.stderr
    outcome: dict[str, set[int]] = {"reviewed": set(), "taken": set()}
    for line in finished.stdout.splitlines():
        word, item_id = line.split()
        outcome[word].add(int(item_id))
    return outcome


@pytest.mark.slow
@pytest.mark.soak
def test_a_killed_review_submission_is_all_or_nothing_and_submitting_again_records_it_once(
    archive, database_kind, tmp_path
):
    pool = BATCH * (2 * KILLS + 3)
    build_spotcheck_org(archive, {"DD01": [pool]})
    spec = DrawSpec(DAY, DAY + timedelta(days=(pool * 5) // (24 * 60) + 1), "DD01", ratio_bp=10_000)
    plans.draw_plans(archive.sessions, spec, Identity.user("admin"))
    items = sorted(_review_states(archive))
    assert len(items) == pool
    command, env = python_module("tests.faults.review_worker")
    url = archive.engine.url.render_as_string(hide_password=False)
    worker = [*command, url, str(archive.media_root), "checker1"]

    idle, startup = run(worker, env, tmp_path)
    assert idle.returncode == 0, idle.stderr
    first, times = line_times([*worker, *map(str, items[:BATCH])], env, tmp_path)
    assert _printed(first)["reviewed"] == set(items[:BATCH])
    each = (times[-1] - times[0]) / (BATCH - 1)
    print(f"review: start-up {startup:.2f} s, first review after {times[0]:.2f} s, then {each * 1000:.0f} ms each")
    generator = kill_generator(20261202)
    clock = KillClock(generator, startup, startup, KILLS)

    kills = runs = 0
    while kills < KILLS:
        runs += 1
        open_items = [item for item, reviewed in _review_states(archive).items() if not reviewed][:BATCH]
        assert open_items, f"only {kills} of {runs} runs were killed before they finished"
        command = [*worker, *map(str, open_items)]
        if generator.random() < 0.2:  # during start-up and connecting
            finished = run_and_kill(command, env, tmp_path, clock.moment(), f"review #{runs}")
        else:  # inside or between the transactions: after a random review, within the time of one more
            step, delay = generator.randrange(len(open_items)), generator.uniform(0, 1.5 * each)
            finished = kill_after_line(command, env, tmp_path, step, delay, f"review #{runs}")
        states = _review_states(archive)
        if finished is None:
            kills += 1
            print(f"  {sum(states[item] for item in open_items)} of {len(open_items)} reviews recorded")
        else:
            assert _printed(finished)["reviewed"] == set(open_items)

    before = _review_states(archive)
    again = _printed(run([*worker, *map(str, items)], env, tmp_path)[0])
    assert again["reviewed"] == {item for item, reviewed in before.items() if not reviewed}
    assert again["taken"] == {item for item, reviewed in before.items() if reviewed}
    third = _printed(run([*worker, *map(str, items)], env, tmp_path)[0])
    assert third == {"reviewed": set(), "taken": set(items)}
    assert all(_review_states(archive).values())
