"""Viewing requests per deciding unit: counts by outcome, outside bodies, decision times (SQLite, PostgreSQL)."""

from datetime import date, datetime, timedelta

import pytest

from tests.helpers.access_builders import add_users, build_access_org
from workstation.access import requests
from workstation.access.types import AccessRequestSpec, OutsideBody, RequestKind
from workstation.identity import Identity
from workstation.statistics.access import access_requests
from workstation.statistics.types import StatsQuery
from workstation.types import Role

FILED = datetime(2026, 11, 21, 9, 0)


def test_requests_by_deciding_unit_and_decision_times(archive):
    org = build_access_org(archive)
    add_users(
        archive,
        [
            ("reviewer_dd01", Role.REVIEWER, "DD01"),
            ("approver_zd01", Role.APPROVER, "ZD01"),
            ("legal_zd01", Role.LEGAL, "ZD01"),
            ("admin_zd01", Role.ADMIN, "ZD01"),
        ],
    )
    sessions, reviewer = archive.sessions, Identity.user("reviewer_dd01")

    def ask(unit: str, **fields) -> int:
        spec = AccessRequestSpec(RequestKind.CLIPS, reason="核查", clip_ids=(org.clips[unit],), **fields)
        return requests.submit(sessions, reviewer, spec, now=FILED).id

    approved, rejected, _pending = ask("DD02"), ask("DJ01"), ask("DD02", with_download=True)
    outside = ask("DD02", outside_body=OutsideBody.COURT, document_ref="法1")
    head = Identity.user("approver_zd01")
    requests.approve(sessions, head, approved, now=FILED + timedelta(hours=2))
    requests.reject(sessions, head, rejected, "理由不足", now=FILED + timedelta(hours=6))
    requests.approve(sessions, Identity.user("legal_zd01"), outside, now=FILED + timedelta(hours=1))
    requests.approve(sessions, head, outside, now=FILED + timedelta(hours=30))

    with sessions.read() as session:
        report = access_requests(
            session, Identity.user("admin_zd01"), StatsQuery(date(2026, 11, 21), date(2026, 11, 21))
        )
    [unit] = report.units
    assert (unit.unit_code, unit.requests, unit.approved, unit.rejected, unit.pending, unit.outside) == (
        "ZD01", 4, 2, 1, 1, 1,
    )  # fmt: skip
    assert unit.median_hours == pytest.approx(6) and unit.longest_hours == pytest.approx(30)
