"""Workload per unit and officer: counts, hours, recording days, timeliness, links and marks, unit roll-up and
the previous period, on SQLite and PostgreSQL, against footage whose figures are known by construction."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from db.models import Clip, Marker, Officer, Unit
from tests.helpers.access_builders import add_clip, add_users, build_access_org
from workstation.errors import PermissionDenied
from workstation.footage import cases
from workstation.footage.types import CaseKind
from workstation.identity import Identity
from workstation.statistics import daily
from workstation.statistics.types import StatsQuery, Workload
from workstation.statistics.workload import workload
from workstation.types import Role

DAY = datetime(2026, 11, 21, 8, 30)
PERIOD = StatsQuery(date(2026, 11, 21), date(2026, 11, 22), "ZD01")


@pytest.fixture
def org(archive):
    built = build_access_org(archive)  # one clip per unit, recorded DAY, ingested an hour later
    add_users(archive, [("admin_zd01", Role.ADMIN, "ZD01"), ("admin_dd01", Role.ADMIN, "DD01")])
    with archive.sessions.write() as session:
        dd01 = session.execute(select(Unit).where(Unit.code == "DD01")).scalar_one()
        officer = session.get_one(Officer, built.officers["DD01"])
        late = session.get_one(Clip, add_clip(session, dd01, officer, DAY + timedelta(days=1)))
        late.ingested_at = late.recorded_start + timedelta(hours=24, seconds=1)  # one second too late
        exact = session.get_one(Clip, add_clip(session, dd01, officer, DAY + timedelta(hours=2)))
        exact.ingested_at = exact.recorded_start + timedelta(hours=24)  # just in time
        photo = session.get_one(Clip, add_clip(session, dd01, officer, DAY + timedelta(hours=3)))
        photo.file_type, photo.duration_ms = "photo", None
        add_clip(session, dd01, officer, DAY - timedelta(days=2))  # in the previous two days
        add_clip(session, dd01, officer, DAY - timedelta(days=7))  # in neither period
        marker = Marker(
            clip_id=built.clips["DD01"], author="x", start_ms=0, end_ms=None, category="evidence", note="",
            created_at=DAY, updated_at=DAY,
        )  # fmt: skip
        session.add(marker)
        cases.link_clips(session, Identity.user("admin"), [built.clips["DD01"]], "JQ1", CaseKind.INCIDENT)
    return built


def test_officer_and_unit_figures(archive, org):
    daily.refresh(archive.sessions)
    with archive.sessions.read() as session:
        report = workload(session, Identity.user("admin_zd01"), PERIOD)
    officer = next(row for row in report.officers if row.key == "9DD01")
    assert officer.workload == Workload(
        clips=4, videos=3, audios=0, photos=1, duration_ms=180_000, recording_days=2, on_time=3, recordings=3,
        linked=1, marked=1, gaps=1, gap_ms=119 * 60_000,  # 08:31 to 10:30 on the first day; the photo is no recording
    )  # fmt: skip
    assert officer.workload.upload_rate == 0.75 and officer.workload.link_rate == pytest.approx(1 / 3)
    assert officer.workload.hours == pytest.approx(0.05)
    units = {row.key: row for row in report.units}
    assert list(units) == ["ZD01", "DD01", "DD02", "DJ01"]
    assert units["ZD01"].workload.clips == 4 + 3 and units["ZD01"].officers == 4  # ZD01, DD01, DD02, DJ01
    assert units["DD02"].workload.clips == 1 and units["DD01"].officers == 1
    assert report.total == units["ZD01"].workload
    assert report.previous_total.clips == 1


def test_without_a_unit_the_rows_start_at_the_highest_unit_in_the_users_charge(archive, org):
    whole = StatsQuery(PERIOD.date_from, PERIOD.date_to)
    daily.refresh(archive.sessions)
    with archive.sessions.read() as session:
        report = workload(session, Identity.user("admin_zd01"), whole)
    assert [row.key for row in report.units] == ["ZD01", "DD01", "DD02", "DJ01", ""]  # not the 总队; then 待分配


def test_a_unit_outside_the_users_charge_is_refused(archive, org):
    with archive.sessions.read() as session, pytest.raises(PermissionDenied):
        workload(session, Identity.user("admin_dd01"), PERIOD)


def test_previous_period_has_the_same_length():
    assert PERIOD.previous() == StatsQuery(date(2026, 11, 19), date(2026, 11, 20), "ZD01")
