"""Kill -9 a real `workstation spotcheck draw` at random moments; the rerun draws what is missing.

A detachment's period is drawn as one plan per brigade, each in its own transaction. After every kill: no
unit has two plans for a period, every plan that exists is whole (its candidate snapshot, its sample and its
audit row, and it re-derives: `verify` passes), and the audit chain is intact. A rerun that is not killed
leaves exactly one plan per brigade and period. At the end `workstation spotcheck verify` and
`workstation audit verify` pass on the real command line too.
"""

import time
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from db.models import AuditEvent, SpotCheckCandidate, SpotCheckItem, SpotCheckPlan, Unit
from tests.benchmarks.spotcheck_data import BRIGADES, DETACHMENT, load_day_footage, record_as_ingested
from tests.faults.kill import KillClock, kill_generator, kill_points, run, run_and_kill
from tests.helpers.cli_archive import cli_invocation
from workstation import audit
from workstation.identity import Identity
from workstation.spotcheck.verify import verify_plan

KILLS = kill_points(3)
OFFICERS = 60  # six per brigade, each with 10 clips a day
FIRST_DAY = date(2026, 8, 1)
FOOTAGE_DAYS = 45


def _periods() -> list[tuple[date, date]]:
    """Distinct periods of 21 to 31 days within the footage (each has its own plans): 220 of them, each
    with 12,600 to 18,600 candidates, so a draw's ten transactions take long enough to be hit."""
    spans = [(a, a + length) for length in range(30, 19, -1) for a in range(FOOTAGE_DAYS - length)]
    return [(FIRST_DAY + timedelta(days=a), FIRST_DAY + timedelta(days=b)) for a, b in spans]


def _check_plans(archive, checked: set[int]) -> dict[tuple[date, date], int]:
    """Every plan is whole and re-derives; at most one per unit and period. Returns plans per period.

    A committed plan never changes (nothing here redraws), so each is checked once; `checked` holds their ids.
    """
    with archive.sessions.read() as session:
        plans = session.execute(select(SpotCheckPlan)).scalars().all()
        per_unit_day = [(plan.unit_id, (plan.day_from, plan.day_to)) for plan in plans]
        assert len(per_unit_day) == len(set(per_unit_day)), "a unit has two plans for one period"
        for plan in plans:
            if plan.id in checked:
                continue
            checked.add(plan.id)
            assert plan.superseded_at is None
            candidates = session.scalar(select(func.count()).where(SpotCheckCandidate.plan_id == plan.id))
            items = session.scalar(select(func.count()).where(SpotCheckItem.plan_id == plan.id))
            assert (candidates, items) == (plan.candidate_count, plan.sample_count), f"plan {plan.id} is half there"
            logged = session.scalar(
                select(func.count()).where(AuditEvent.action == "spotcheck.draw", AuditEvent.target_id == str(plan.id))
            )
            assert logged == 1, f"plan {plan.id} has {logged} audit rows"
            result = verify_plan(session, Identity.system("test"), plan.id)
            assert result.ok, result.problems
        assert audit.verify_chain(session).ok
    counts: dict[tuple[date, date], int] = {}
    for _, day in per_unit_day:
        counts[day] = counts.get(day, 0) + 1
    return counts


@pytest.mark.slow
@pytest.mark.soak
def test_killed_draw_leaves_whole_plans_and_the_rerun_completes_the_period(
    archive, database_kind, tmp_path, isolated_config
):
    days = [FIRST_DAY + timedelta(days=n) for n in range(FOOTAGE_DAYS)]
    load_day_footage(archive.engine, OFFICERS, 10, days, seed=20261201)
    started = time.perf_counter()
    record_as_ingested(archive)
    print(f"chain rows of {OFFICERS * 10 * FOOTAGE_DAYS} ingested clips: {time.perf_counter() - started:.1f} s")
    with archive.sessions.read() as session:
        brigades = session.scalar(select(func.count()).where(Unit.parent_id.is_not(None)))
    assert brigades == BRIGADES
    where, env = cli_invocation(database_kind, archive, tmp_path)
    periods, checked = _periods(), set()

    def draw(period: tuple[date, date]) -> list[str]:
        first, last = period
        return [*where, "spotcheck", "draw", "--date", f"{first}", "--to", f"{last}", "--unit", DETACHMENT]

    idle, startup = run([*where, "spotcheck", "list", "--date", "2000-01-01"], env, tmp_path)
    assert idle.returncode == 0, idle.stderr
    first, full = run(draw(periods[0]), env, tmp_path)
    assert first.returncode == 0, first.stderr
    assert _check_plans(archive, checked) == {periods[0]: BRIGADES}
    print(f"draw: start-up {startup:.2f} s, whole draw of {BRIGADES} plans {full:.2f} s")
    clock = KillClock(kill_generator(20261201), startup, full, KILLS)

    kills = runs = partial = 0
    current = 1
    while kills < KILLS and current < len(periods) - 1:
        runs += 1
        period = periods[current]
        finished = run_and_kill(draw(period), env, tmp_path, clock.moment(), f"draw {period[0]}..{period[1]} #{runs}")
        drawn = _check_plans(archive, checked).get(period, 0)
        if finished is not None:
            assert finished.returncode == 0, finished.stderr
            assert drawn == BRIGADES, "a rerun draws every brigade that was not drawn yet"
        else:
            kills += 1
            partial += 0 < drawn < BRIGADES
            print(f"  {drawn} of {BRIGADES} plans drawn")
        if drawn == BRIGADES:
            current += 1
    print(f"draw: {kills} kills in {runs} runs, {partial} of them between the first and the last plan of a period")
    assert kills == KILLS, f"only {kills} of {runs} runs were killed before they finished"

    rerun = run(draw(periods[current]), env, tmp_path)[0]
    assert rerun.returncode == 0, rerun.stderr
    again = run(draw(periods[current]), env, tmp_path)[0]
    assert again.returncode == 0 and again.stdout.count("已有有效的抽查方案") == BRIGADES
    assert set(_check_plans(archive, checked).values()) == {BRIGADES}
    with archive.sessions.read() as session:
        last = session.scalar(select(func.max(SpotCheckPlan.id)))
    verified = run([*where, "spotcheck", "verify", str(last)], env, tmp_path)[0]
    assert verified.returncode == 0, verified.stdout + verified.stderr
    chain = run([*where, "audit", "verify"], env, tmp_path)[0]
    assert chain.returncode == 0, chain.stdout + chain.stderr
