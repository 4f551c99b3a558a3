"""Retention on the bulk-loaded clip archive (5,000,000 clips at full scale, BENCH_CLIPS), SQLite and PostgreSQL:
the expiry queue of the whole corps (< 1 s) and a policy change's dry run over it (< 5 s), each against a plain
`SELECT count(*) FROM clips` of the same archive in the same run (the least any question about every clip costs).

The bulk clips carry retention as filing assigns it (bulk.py): two years, five for 1 % (a public gathering),
permanent for the 2 % marked important. "Today" is 2027-12-15, when the oldest three weeks of footage are past
their two years and the next 90 days of recording days fall due. The dry runs: switching to the police profile
(six months: every base clip shortened, the worst case) and shortening the public-gathering rule.
"""

import time
from datetime import date

import pytest
from sqlalchemy import func, select

from db.models import Clip
from tests.benchmarks.conftest import BenchReport, ClipArchive
from workstation.identity import Identity
from workstation.retention import expiry, policy_change
from workstation.retention.types import Profile

TODAY = date(2027, 12, 15)
CORPS = Identity.system("benchmark")  # answers for every unit, as the corps does


def _timed(call):
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


@pytest.mark.benchmark
@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_expiry_queue_and_dry_run(kind: str, request: pytest.FixtureRequest, bench_report: BenchReport):
    loaded: ClipArchive = request.getfixturevalue(f"{kind}_clip_archive")
    with loaded.archive.sessions.read() as session:
        session.execute(select(func.count()).select_from(Clip)).scalar_one()  # warm the cache alike for all
        baseline, total = _timed(lambda: session.execute(select(func.count()).select_from(Clip)).scalar_one())
        summary_s, summary = _timed(lambda: expiry.expiry_summary(session, CORPS, TODAY))
        page_s, page = _timed(lambda: expiry.expiry_queue(session, CORPS, TODAY, 90, None, 500, 0))
        police_s, police = _timed(lambda: policy_change.dry_run(session, CORPS, {}, Profile.POLICE, TODAY))
        site_s, site = _timed(
            lambda: policy_change.dry_run(session, CORPS, {"site:public_gathering": "years_2"}, None, TODAY)
        )
        important = session.execute(select(func.count()).where(Clip.keep_until.is_(None))).scalar_one()
        due = session.execute(select(func.count()).where(Clip.keep_until < date(2028, 3, 14))).scalar_one()
    assert total == loaded.clips.total
    assert sum(unit.expired + unit.within[-1] for unit in summary) == due > 0
    assert len(page) == min(500, due) and all(row.keep_until < date(2028, 3, 14) for row in page)
    kept_five = site_count(loaded) - site_important(loaded)  # public gathering, not important: five years
    assert police.shortened == total - important - kept_five and police.lengthened == 0
    assert site.shortened == kept_five
    rows = [
        ["expiry summary (per unit, 30/90 days)", f"{summary_s:.3f}", f"{summary_s / baseline:.2f}", "< 1 s"],
        ["expiry queue, first 500", f"{page_s:.3f}", f"{page_s / baseline:.2f}", "< 1 s"],
        ["dry run: police profile (all base clips)", f"{police_s:.3f}", f"{police_s / baseline:.2f}", "< 5 s"],
        ["dry run: public-gathering rule", f"{site_s:.3f}", f"{site_s / baseline:.2f}", "< 5 s"],
    ]
    bench_report.table(
        f"retention, {kind}, {total} clips (count(*) {baseline:.3f} s)",
        ["operation", "seconds", "× count(*)", "target"],
        rows,
        [f"due within 90 days: {due}; shortened by the police profile: {police.shortened}"],
    )
    bench_report.write(
        f"retention-{kind}",
        {
            "clips": total,
            "count_seconds": baseline,
            "summary_seconds": summary_s,
            "queue_page_seconds": page_s,
            "dry_run_police_seconds": police_s,
            "dry_run_site_seconds": site_s,
            "due": due,
        },
    )


def site_count(loaded: ClipArchive) -> int:
    with loaded.archive.sessions.read() as session:
        return session.execute(select(func.count()).where(Clip.site_category.is_not(None))).scalar_one()


def site_important(loaded: ClipArchive) -> int:
    with loaded.archive.sessions.read() as session:
        return session.execute(
            select(func.count()).where(Clip.site_category.is_not(None), Clip.important.is_(True))
        ).scalar_one()
