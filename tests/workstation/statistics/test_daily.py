"""Daily figures: kept current by the database's triggers when footage of an old day changes, rebuilt on refresh,
pairs across midnight, and the same sums as the clips themselves; SQLite and PostgreSQL."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from db.models import Clip, DailyDeviceUse, Device, DeviceLogEvent, Officer, StatsDirtyDay, Unit
from tests.helpers.access_builders import add_clip, add_users, build_access_org
from workstation.footage import cases, markers
from workstation.footage.types import CaseKind, DeviceEventType
from workstation.identity import Identity
from workstation.statistics import daily
from workstation.statistics.devices import device_use
from workstation.statistics.types import StatsQuery
from workstation.statistics.workload import workload
from workstation.types import Role

DAY = date(2026, 11, 21)
ADMIN = Identity.user("admin_zd01")


@pytest.fixture
def org(archive):
    built = build_access_org(archive)  # one clip per unit, recorded 2026-11-21
    add_users(archive, [("admin_zd01", Role.ADMIN, "ZD01")])
    daily.refresh(archive.sessions)
    return built


def _dirty(archive) -> list[date]:
    with archive.sessions.read() as session:
        return list(session.scalars(select(StatsDirtyDay.day).order_by(StatsDirtyDay.day)))


def _total(archive, query: StatsQuery):
    daily.refresh(archive.sessions)
    with archive.sessions.read() as session:
        return workload(session, ADMIN, query).total


def test_a_link_or_a_mark_made_later_updates_its_old_day(archive, org):
    week = StatsQuery(DAY, DAY + timedelta(days=6), "ZD01")
    assert _dirty(archive) == [] and (_total(archive, week).linked, _total(archive, week).marked) == (0, 0)
    clip = org.clips["DD01"]
    with archive.sessions.write() as session:  # a week later, through the services users call
        cases.link_clips(session, Identity.user("admin"), [clip], "JQ7", CaseKind.INCIDENT)
        markers.add_marker(session, Identity.user("admin"), clip, 1000, None, "evidence", "")
    assert _dirty(archive) == [DAY]
    assert daily.refresh(archive.sessions) == 1 and _dirty(archive) == []
    after = _total(archive, week)
    assert (after.linked, after.marked) == (1, 1)
    with archive.sessions.write() as session:
        cases.unlink_clip(session, Identity.user("admin"), clip, "JQ7", "关联错误")
    assert _total(archive, week).linked == 0


def test_only_a_change_the_figures_read_marks_a_day(archive, org):
    with archive.sessions.write() as session:
        clip = session.get_one(Clip, org.clips["DD01"])
        clip.last_verified_at = datetime(2026, 11, 30, 3, 0)  # a verification run
        clip.media_status = "ok"
    assert _dirty(archive) == []
    with archive.sessions.write() as session:
        clip = session.get_one(Clip, org.clips["DD01"])
        dd02 = session.execute(select(Unit).where(Unit.code == "DD02")).scalar_one()
        clip.unit_id = dd02.id  # filed again under another unit
    assert _dirty(archive) == [DAY]
    with archive.sessions.read() as session:
        assert workload(session, ADMIN, StatsQuery(DAY, DAY, "DD02")).total.clips == 1  # stale until refreshed
    assert _total(archive, StatsQuery(DAY, DAY, "DD02")).clips == 2


def _events(archive, org, events: list[tuple[datetime, str]]) -> None:
    with archive.sessions.write() as session:
        device = session.execute(select(Device).where(Device.device_no == "DSJ009")).scalar_one_or_none()
        if device is None:
            device = Device(device_no="DSJ009", unit_id=org.units["DD01"], registered_at=datetime(2026, 1, 1))
            session.add(device)
            session.flush()
        session.add_all(
            DeviceLogEvent(device_id=device.id, occurred_at=moment, event_type=kind, log_clip_id=org.clips["DD01"])
            for moment, kind in events
        )


def _seconds_on(archive, first: date, last: date) -> int:
    daily.refresh(archive.sessions)
    with archive.sessions.read() as session:
        report = device_use(session, ADMIN, StatsQuery(first, last, "ZD01"))
    return sum(device.seconds_on for device in report.devices)


def test_a_night_shift_across_midnight_counts_when_both_ends_are_in_the_period(archive, org):
    night = datetime(2026, 11, 21, 22, 0)
    _events(archive, org, [(night, "power_on"), (night + timedelta(hours=8), "power_off")])
    assert _seconds_on(archive, DAY, DAY + timedelta(days=1)) == 8 * 3600
    assert _seconds_on(archive, DAY + timedelta(days=1), DAY + timedelta(days=1)) == 0  # switched on before it
    assert _seconds_on(archive, DAY, DAY) == 0  # switched off after it
    # A late log line before midnight (an earlier 关机) re-pairs the next day's 关机: that day is rebuilt too.
    _events(archive, org, [(night + timedelta(hours=1), "power_off")])
    assert _seconds_on(archive, DAY, DAY + timedelta(days=1)) == 3600


def test_the_daily_sums_equal_the_clips_they_sum(archive, org):
    """Footage spread over a fortnight, some late, some unassigned: every figure of the period equals the same
    count taken from the clips themselves."""
    start = datetime(2026, 11, 10, 6, 0)
    with archive.sessions.write() as session:
        units = {unit.code: unit for unit in session.scalars(select(Unit))}
        for number in range(40):
            code = ["DD01", "DD02", "DJ01", "ZD01"][number % 4]
            officer = session.get_one(Officer, org.officers[code])
            unassigned = number % 9 == 0
            at = start + timedelta(hours=7 * number)
            clip = session.get_one(Clip, add_clip(session, None if unassigned else units[code], officer, at))
            if number % 5 == 0:
                clip.ingested_at = clip.recorded_start + timedelta(hours=30)
    query = StatsQuery(date(2026, 11, 12), date(2026, 11, 20))
    total = _total(archive, query)
    with archive.sessions.read() as session:
        clips = session.scalars(
            select(Clip).where(
                Clip.recorded_start >= datetime(2026, 11, 12), Clip.recorded_start < datetime(2026, 11, 21)
            )
        ).all()
    assert total.clips == len(clips) > 20
    assert total.on_time == sum(clip.ingested_at - clip.recorded_start <= timedelta(hours=24) for clip in clips)
    assert total.duration_ms == sum(clip.duration_ms or 0 for clip in clips)
    officer_days = {(c.unit_id, c.officer_id, c.recorded_start.date()) for c in clips if c.officer_id is not None}
    assert total.recording_days == len(officer_days)  # per unit the footage is filed under, as the rows show


def test_every_recorder_event_type_has_its_daily_column():
    """A new event type needs a column (and a migration) before the daily rows can count it."""
    columns = set(DailyDeviceUse.__table__.columns.keys())
    assert {kind.value for kind in DeviceEventType} <= columns
