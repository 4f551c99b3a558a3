"""Recorder use from the logs: time on and recording from paired events, unpaired events adding nothing, events by
type and 异常中断 per recorder, footage per recorder; SQLite and PostgreSQL."""

from datetime import date, datetime, timedelta

import pytest

from db.models import Clip, Device, DeviceLogEvent
from tests.helpers.access_builders import add_users, build_access_org
from workstation.identity import Identity
from workstation.statistics import daily
from workstation.statistics.devices import device_use
from workstation.statistics.types import StatsQuery
from workstation.types import Role

MORNING = datetime(2026, 11, 21, 8, 0)


@pytest.fixture
def org(archive):
    built = build_access_org(archive)
    add_users(archive, [("admin_zd01", Role.ADMIN, "ZD01")])
    with archive.sessions.write() as session:
        device = Device(
            device_no="DSJ001", model="DSJ-V9", unit_id=built.units["DD01"], holder_officer_id=built.officers["DD01"],
            registered_at=MORNING - timedelta(days=30),
        )  # fmt: skip
        idle = Device(device_no="DSJ002", unit_id=built.units["DD02"], registered_at=MORNING)
        session.add_all([device, idle])
        session.flush()
        clip = session.get_one(Clip, built.clips["DD01"])
        clip.device_id = device.id
        log = clip.id

        def at(minutes: int, kind: str) -> DeviceLogEvent:
            return DeviceLogEvent(
                device_id=device.id, occurred_at=MORNING + timedelta(minutes=minutes), event_type=kind, log_clip_id=log
            )

        session.add_all(
            [
                at(0, "power_on"),
                at(10, "record_start"),
                at(40, "record_stop"),  # 30 min recording
                at(50, "low_battery"),
                at(55, "abnormal_interruption"),  # the log then jumps: no power_off after power_on here
                at(60, "power_on"),
                at(70, "record_start"),
                at(75, "abnormal_interruption"),  # recording cut: no record_stop, adds nothing
                at(120, "power_off"),  # pairs with abnormal_interruption before it: adds nothing either
                at(130, "power_on"),
                at(190, "power_off"),  # 60 min on
                at(60 * 24 * 3, "power_on"),  # outside the period
            ]
        )
    return built


def test_time_on_recording_and_events(archive, org):
    query = StatsQuery(date(2026, 11, 21), date(2026, 11, 22), "ZD01")
    daily.refresh(archive.sessions)
    with archive.sessions.read() as session:
        report = device_use(session, Identity.user("admin_zd01"), query)
    [device] = report.devices  # DSJ002 neither switched on nor recorded
    assert (device.device_no, device.unit_code, device.holder) == ("DSJ001", "DD01", "民警DD01（9DD01）")
    assert device.seconds_on == 60 * 60 and device.seconds_recording == 30 * 60
    assert device.recording_share == 0.5
    assert device.footage_ms == 60_000
    assert device.count("abnormal_interruption") == 2 and device.count("power_on") == 3
    assert dict(report.events)["low_battery"] == 1
