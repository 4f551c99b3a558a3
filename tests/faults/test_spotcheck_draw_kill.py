"""Kill -9 a real `workstation spotcheck draw` at random moments; the rerun draws what is missing.

A detachment's day is drawn as one plan per brigade, each in its own transaction. After every kill: no
unit has two plans for a day, every plan that exists is whole (its candidate snapshot, its sample and its
audit row, and it re-derives: `verify` passes), and the audit chain is intact. A rerun that is not killed
leaves exactly one plan per brigade and day. At the end `workstation spotcheck verify` and
`workstation audit verify` pass on the real command line too.
"""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from db.models import AuditEvent, SpotCheckCandidate, SpotCheckItem, SpotCheckPlan, Unit
from tests.benchmarks.spotcheck_data import BRIGADES, DETACHMENT, load_day_footage
from tests.faults.kill import KillClock, cli_command, kill_generator, kill_points, run, run_and_kill
from workstation import audit
from workstation.spotcheck_verify import verify_plan

KILLS = kill_points(4)
OFFICERS = 100  # ten per brigade, each with 10 clips a day
FIRST_DAY = date(2026, 9, 1)


def _check_plans(archive) -> dict[date, int]:
    """Every plan is whole and re-derives; at most one per unit and day. Returns plans per day."""
    with archive.sessions.read() as session:
        plans = session.execute(select(SpotCheckPlan)).scalars().all()
        per_unit_day = [(plan.unit_id, plan.day_from) for plan in plans]
        assert len(per_unit_day) == len(set(per_unit_day)), "a unit has two plans for one day"
        for plan in plans:
            assert plan.superseded_at is None and plan.day_from == plan.day_to
            candidates = session.scalar(select(func.count()).where(SpotCheckCandidate.plan_id == plan.id))
            items = session.scalar(select(func.count()).where(SpotCheckItem.plan_id == plan.id))
            assert (candidates, items) == (plan.candidate_count, plan.sample_count), f"plan {plan.id} is half there"
            logged = session.scalar(
                select(func.count()).where(AuditEvent.action == "spotcheck.draw", AuditEvent.target_id == str(plan.id))
            )
            assert logged == 1, f"plan {plan.id} has {logged} audit rows"
            result = verify_plan(session, plan.id)
            assert result.ok, result.problems
        assert audit.verify_chain(session).ok
    counts: dict[date, int] = {}
    for _, day in per_unit_day:
        counts[day] = counts.get(day, 0) + 1
    return counts


@pytest.mark.slow
@pytest.mark.soak
def test_killed_draw_leaves_whole_plans_and_the_rerun_completes_the_day(
    archive, database_kind, tmp_path, isolated_config
):
    days = [FIRST_DAY + timedelta(days=n) for n in range(2 * KILLS + 4)]
    load_day_footage(archive.engine, OFFICERS, 10, days, seed=20261201)
    with archive.sessions.read() as session:
        brigades = session.scalar(select(func.count()).where(Unit.parent_id.is_not(None)))
    assert brigades == BRIGADES
    where, env = cli_command(database_kind, archive, tmp_path)

    def draw(day: date) -> list[str]:
        return [*where, "spotcheck", "draw", "--date", day.isoformat(), "--unit", DETACHMENT]

    idle, startup = run([*where, "spotcheck", "list", "--date", "2000-01-01"], env, tmp_path)
    assert idle.returncode == 0, idle.stderr
    first, full = run(draw(days[0]), env, tmp_path)
    assert first.returncode == 0, first.stderr
    assert _check_plans(archive) == {days[0]: BRIGADES}
    print(f"draw: start-up {startup:.2f} s, whole draw of {BRIGADES} plans {full:.2f} s")
    clock = KillClock(kill_generator(20261201), startup, full)

    kills = runs = partial = 0
    day = 1
    while kills < KILLS and day < len(days) - 1:
        runs += 1
        finished = run_and_kill(draw(days[day]), env, tmp_path, clock.moment(), f"draw {days[day]} run {runs}")
        drawn = _check_plans(archive)
        if finished is None:
            kills += 1
            partial += 0 < drawn.get(days[day], 0) < BRIGADES
            print(f"  {drawn.get(days[day], 0)} of {BRIGADES} plans drawn")
            continue
        assert finished.returncode == 0, finished.stderr
        assert drawn[days[day]] == BRIGADES, "a rerun draws every brigade that was not drawn yet"
        day += 1
    print(f"draw: {kills} kills in {runs} runs, {partial} of them between the first and the last plan of a day")
    assert kills == KILLS, f"only {kills} of {runs} runs were killed before they finished"

    rerun = run(draw(days[day]), env, tmp_path)[0]
    assert rerun.returncode == 0, rerun.stderr
    again = run(draw(days[day]), env, tmp_path)[0]
    assert again.returncode == 0 and again.stdout.count("已有有效的抽查方案") == BRIGADES
    assert set(_check_plans(archive).values()) == {BRIGADES}
    with archive.sessions.read() as session:
        last = session.scalar(select(func.max(SpotCheckPlan.id)))
    verified = run([*where, "spotcheck", "verify", str(last)], env, tmp_path)[0]
    assert verified.returncode == 0, verified.stdout + verified.stderr
    chain = run([*where, "audit", "verify"], env, tmp_path)[0]
    assert chain.returncode == 0, chain.stdout + chain.stderr
