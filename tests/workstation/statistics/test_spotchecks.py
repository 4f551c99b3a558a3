"""Spot-check figures over the demo archive's checked day: plans, items planned and reviewed, verdicts, and the
checklist items answered 否 (the demo reviews one item with each verdict)."""

from datetime import timedelta

import pytest

from tests.helpers.spotcheck_builders import demo_copy, demo_last_day
from workstation.identity import Identity
from workstation.spotcheck.types import CheckItem
from workstation.statistics.spotchecks import spot_checks
from workstation.statistics.types import StatsQuery

pytestmark = pytest.mark.slow


def test_figures_of_the_checked_day(tmp_path):
    archive = demo_copy(tmp_path / "archive")
    day = demo_last_day() - timedelta(days=1)  # the day the demo spot-checked
    try:
        with archive.sessions.read() as session:
            report = spot_checks(session, Identity.user("admin"), StatsQuery(day, day, "ZD01"))
    finally:
        archive.close()
    total = report.total
    assert total.plans >= 1 and total.planned >= total.reviewed >= 3
    assert total.passed >= 1 and total.mostly >= 1 and total.failed >= 1
    assert total.pass_rate == pytest.approx((total.passed + total.mostly) / total.reviewed)
    problems = dict(total.problems)
    assert problems[CheckItem.ANNOUNCED] >= 1 and problems[CheckItem.CONTINUOUS] >= 1
    assert sum(row.reviewed for row in report.units) == total.reviewed
    assert all(row.unit_code for row in report.units)
