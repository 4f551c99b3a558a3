"""`workstation audit reconcile` on the bulk-loaded clip archive (5,000,000 clips at full scale, BENCH_CLIPS),
on SQLite and on PostgreSQL.

The bulk load writes clips without audit events, and marks about 2 % important: every one of them is a row
the log does not explain, so this measures the replay's worst case for clips — reading every marked clip
(about 100,000 at full scale) by the anti-join on the audit log — while the report stays bounded
(MAX_LISTED rows listed, all counted). The count is checked against the archive.
"""

import time

import pytest
from sqlalchemy import func, select

from db.models import Clip
from tests.benchmarks.conftest import BenchReport, BenchScale, ClipArchive
from workstation import integrity
from workstation.identity import Identity


@pytest.mark.benchmark
@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_reconcile(kind: str, request: pytest.FixtureRequest, bench_scale: BenchScale, bench_report: BenchReport):
    loaded: ClipArchive = request.getfixturevalue(f"{kind}_clip_archive")
    started = time.perf_counter()
    with loaded.archive.sessions.read() as session:
        report = integrity.reconcile(session, Identity.system("benchmark"))
    seconds = time.perf_counter() - started
    with loaded.archive.sessions.read() as session:
        marked = session.execute(select(func.count()).where(Clip.important.is_(True))).scalar_one()
    assert report.discrepancy_count == marked > 0
    assert len(report.discrepancies) == min(marked, integrity.MAX_LISTED)
    bench_report.table(
        f"audit reconcile, {kind}",
        ["clips", "important without event", "rows checked", "seconds"],
        [[loaded.clips.total, marked, report.rows_checked, f"{seconds:.2f}"]],
    )
    bench_report.write(
        f"reconcile-{kind}",
        {"clips": loaded.clips.total, "unexplained": marked, "rows_checked": report.rows_checked, "seconds": seconds},
    )
