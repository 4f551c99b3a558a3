"""Recorder clocks (R3): measurements from the recorder log and from administrators, the drift fit, batch
corrections of a recorder's footage (audited, reversible), the officer's day in corrected time, and the
recorders drifting beyond the limit."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from db.models import AuditEvent, Clip, ClockMeasurement, DeviceLogEvent
from tests.helpers.builders import add_user, build_org
from tests.helpers.playback_builders import DAY_START, add_clip
from workstation.errors import ClockError, PermissionDenied
from workstation.footage import clocks
from workstation.footage.clock_fit import OffsetPoint, fit, offset_for_recorder_time
from workstation.footage.devicelog import parse_log
from workstation.footage.ingest import IngestOptions, ingest
from workstation.footage.officer_day import officer_day
from workstation.footage.types import ClockMeasurementSpec, ClockSource, DeviceEventType
from workstation.identity import Identity
from workstation.types import Role

pytestmark = pytest.mark.clock  # run at several clock times and time zones (tools/clock_matrix.sh)

ADMIN = Identity.user("admin")  # 支队 ZD01's administrator: DEV0001 (城东大队 DD01) is in its charge
NOW = datetime(2026, 12, 1, 9, 0, 0)
T0 = datetime(2026, 11, 1, 12, 0, 0)


def measure(archive, who, recorder_time, true_time, device_no="DEV0001", **extra):
    with archive.sessions.write() as session:
        spec = ClockMeasurementSpec(device_no, recorder_time, true_time, **extra)
        return clocks.record_measurement(session, who, spec, NOW)


def audit_actions(archive, prefix="clock."):
    with archive.sessions.read() as session:
        rows = session.execute(select(AuditEvent).where(AuditEvent.action.like(f"{prefix}%")).order_by(AuditEvent.seq))
        return [(row.action, row.actor) for row in rows.scalars()]


def test_the_fit_one_point_a_line_and_a_clock_sync_starting_a_new_line():
    one = fit([OffsetPoint(T0, 4000)], T0 + timedelta(days=3))
    assert one is not None and (one.offset_ms, one.drift_s_per_day, one.points) == (4000, None, 1)
    drifting = [OffsetPoint(T0 + timedelta(days=day), 1000 + 3000 * day) for day in (0, 1, 2, 4)]  # 3 s a day fast
    line = fit(drifting, T0 + timedelta(days=10))
    assert line is not None and line.drift_s_per_day == pytest.approx(3.0) and line.offset_ms == 31_000
    noisy = [OffsetPoint(T0, 0), OffsetPoint(T0 + timedelta(days=1), 2500), OffsetPoint(T0 + timedelta(days=2), 3500)]
    least_squares = fit(noisy, T0)
    assert least_squares is not None and least_squares.drift_s_per_day == pytest.approx(1.75)
    assert least_squares.offset_ms == 250  # the line's value, not the point's
    synced = [
        *drifting,
        OffsetPoint(T0 + timedelta(days=5), 16_000, resets=True),
        OffsetPoint(T0 + timedelta(days=7), -1000),
    ]
    after = fit(synced, T0 + timedelta(days=9))
    assert after is not None and after.drift_s_per_day == pytest.approx(-0.5) and after.offset_ms == -2000
    before = fit(synced, T0 + timedelta(days=3))
    assert before is not None and before.drift_s_per_day == pytest.approx(3.0) and before.points == 5
    assert fit([], T0) is None
    # something the recorder stamped 31 s fast, ten days on: its true time is found first
    assert offset_for_recorder_time(drifting, T0 + timedelta(days=10, seconds=31)) == 31_000


def test_dock_and_clock_sync_lines_of_a_recorder_log():
    raw = (
        "2026-11-21 18:05:12 接入工作站 2026-11-21 18:05:09 采集站1\n"
        "2026-11-21 18:05:13 校时 2026-11-21 18:05:10\n"
        "2026-11-21 18:06:00,DOCK,\n"
        "2026-11-21 18:07:00 TIME_SYNC 2026-13-01 00:00:00\n"
    ).encode("gb18030")
    events, unreadable = parse_log(raw)
    assert unreadable == 0
    assert [(event.event_type, event.reference) for event in events] == [
        (DeviceEventType.DOCK, datetime(2026, 11, 21, 18, 5, 9)),
        (DeviceEventType.CLOCK_SYNC, datetime(2026, 11, 21, 18, 5, 10)),
        (DeviceEventType.DOCK, None),  # no station time: the event is kept, no measurement
        (DeviceEventType.CLOCK_SYNC, None),  # an impossible time is no measurement either
    ]


def test_importing_a_log_keeps_its_measurements_once(archive, tmp_path):
    build_org(archive)
    name = "DEV0001_010203_20261121080000_0000.LOG"
    morning = "2026-11-21 07:59:30 开机\n2026-11-21 08:00:03 接入工作站 2026-11-21 08:00:00 采集站1\n"
    for folder, text in (("dock1", morning), ("dock2", morning + "2026-11-22 08:00:05 校时 2026-11-22 08:00:00\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text(text, encoding="utf-8")
        ingest(archive, [tmp_path / folder], IngestOptions(who=Identity.system("采集站1")))
    with archive.sessions.read() as session:
        rows = session.execute(select(ClockMeasurement).order_by(ClockMeasurement.measured_at)).scalars().all()
        kinds = session.execute(select(DeviceLogEvent.event_type).order_by(DeviceLogEvent.occurred_at)).scalars()
        assert list(kinds) == ["power_on", "dock", "clock_sync"]
        assert [(row.source, row.offset_ms, row.recorded_by) for row in rows] == [
            ("dock_log", 3000, "system:采集站1"),
            ("clock_sync", 5000, "system:采集站1"),
        ]
        history = clocks.recorder_clock(session, ADMIN, "dev0001", NOW)
    assert history.fit is not None and history.fit.offset_ms == 0  # the clock was set: a new line from 0
    assert history.fit.drift_s_per_day is None and history.unit_code == "DD01"


def test_an_administrators_measurement_is_checked_audited_and_refused_to_others(archive):
    build_org(archive)
    add_user(archive, "admin_dd02", Role.ADMIN, "DD02")
    clip = add_clip(archive, "010203", DAY_START, 60)
    other = add_clip(archive, "010204", DAY_START, 60)
    row = measure(archive, ADMIN, T0 + timedelta(seconds=7), T0, clip_id=clip, note="对比报警台时间")
    assert (row.offset_ms, row.source, row.clip_id, row.recorded_by) == (7000, ClockSource.ADMIN, clip, "admin")
    with pytest.raises(PermissionDenied, match="devices_admin_only"):
        measure(archive, Identity.user("reviewer"), T0, T0)
    with pytest.raises(PermissionDenied, match="device_not_managed"):
        measure(archive, Identity.user("admin_dd02"), T0, T0)
    with pytest.raises(PermissionDenied, match="system_identity"):
        measure(archive, Identity.system("cli"), T0, T0)
    with pytest.raises(ClockError, match="clock_clip_not_of_device"):
        measure(archive, ADMIN, T0, T0, clip_id=other)
    with pytest.raises(ClockError, match="clock_device_unknown"):
        measure(archive, ADMIN, T0, T0, device_no="NOPE")
    with pytest.raises(ClockError, match="clock_offset_too_large"):
        measure(archive, ADMIN, datetime(2000, 1, 1), T0)
    with pytest.raises(ClockError, match="clock_note_too_long"):
        measure(archive, ADMIN, T0, T0, note="长" * 501)
    assert audit_actions(archive) == [("clock.measure", "admin")]
    with archive.sessions.read() as session:
        assert len(session.execute(select(ClockMeasurement)).all()) == 1
        with pytest.raises(PermissionDenied, match="devices_admin_only"):
            clocks.recorder_clock(session, Identity.user("reviewer"), "DEV0001", NOW)


def test_a_correction_applies_the_fit_keeps_the_recorder_time_and_is_reverted(archive):
    build_org(archive)
    day = DAY_START.date()
    clip = add_clip(archive, "010203", DAY_START, 60)  # the recorder says 08:30:00
    later = add_clip(archive, "010203", DAY_START + timedelta(hours=1), 60)
    next_day = add_clip(archive, "010203", DAY_START + timedelta(days=1), 60)  # outside the period
    log = add_clip(archive, "010203", DAY_START, 0)
    with archive.sessions.write() as session:
        device_id, officer_id = session.get(Clip, clip).device_id, session.get(Clip, clip).officer_id
        session.add(
            DeviceLogEvent(
                device_id=device_id,
                officer_id=officer_id,
                occurred_at=DAY_START + timedelta(minutes=30),
                event_type=DeviceEventType.LOW_BATTERY,
                log_clip_id=log,
            )
        )
    # 20 s fast on 11-20 08:30, 24 s fast on 11-22 08:30: 2 s a day, 22 s at the clip
    measure(archive, ADMIN, DAY_START - timedelta(days=1) + timedelta(seconds=20), DAY_START - timedelta(days=1))
    measure(archive, ADMIN, DAY_START + timedelta(days=1, seconds=24), DAY_START + timedelta(days=1))
    with archive.sessions.write() as session:
        with pytest.raises(ClockError, match="clock_reason_missing"):
            clocks.correct(session, ADMIN, "DEV0001", day, day, "  ", NOW)
        with pytest.raises(ClockError, match="clock_period_reversed"):
            clocks.correct(session, ADMIN, "DEV0001", day, day - timedelta(days=1), "对时", NOW)
        with pytest.raises(ClockError, match="clock_no_measurements"):
            clocks.correct(session, ADMIN, "DEV0002", day, day, "对时", NOW)
        with pytest.raises(PermissionDenied, match="devices_admin_only"):
            clocks.correct(session, Identity.user("reviewer"), "DEV0001", day, day, "对时", NOW)
        first = clocks.correct(session, ADMIN, "DEV0001", day, day, "记录仪快 22 秒", NOW)
    assert (first.clips, first.offset_ms, first.reverted_at) == (3, 21_292, None)  # at 11-21 00:00, 8.5 h before
    assert first.drift_s_per_day == pytest.approx(2.0)
    with archive.sessions.read() as session:
        offsets = {row.id: (row.recorded_start, row.clock_offset_ms) for row in session.execute(select(Clip)).scalars()}
        shown = officer_day(session, "010203", day)
    # the clip stamped 08:30:00 began at 08:29:38 true time, when the clock was 21.9995 s fast;
    # 2 s a day is +83 ms an hour
    assert offsets[clip] == (DAY_START, -21_999) and offsets[later][1] == -22_083
    assert offsets[next_day][1] == 0
    assert [c.start for c in shown.clips][:2] == [DAY_START - timedelta(milliseconds=21_999)] * 2
    assert shown.events[0].occurred_at == DAY_START + timedelta(minutes=30) - timedelta(milliseconds=22_041)

    # a second correction of the same day overrides the first; the first cannot be reverted beneath it
    measure(archive, ADMIN, DAY_START + timedelta(seconds=30), DAY_START)
    with archive.sessions.write() as session:
        second = clocks.correct(session, ADMIN, "DEV0001", day, day, "再次测量", NOW)
        with pytest.raises(ClockError, match="clock_correction_superseded"):
            clocks.revert(session, ADMIN, first.id, "", NOW)
    with archive.sessions.write() as session:
        with pytest.raises(PermissionDenied, match="devices_admin_only"):
            clocks.revert(session, Identity.user("reviewer"), second.id, "", NOW)
        assert clocks.revert(session, ADMIN, second.id, "测量有误", NOW).reverted_by == "admin"
        with pytest.raises(ClockError, match="clock_correction_reverted"):
            clocks.revert(session, ADMIN, second.id, "", NOW)
    with archive.sessions.read() as session:
        assert session.get(Clip, clip).clock_offset_ms == -21_999  # the first correction's again
    with archive.sessions.write() as session:
        clocks.revert(session, ADMIN, first.id, "", NOW)
        with pytest.raises(ClockError, match="clock_correction_unknown"):
            clocks.revert(session, ADMIN, 999, "", NOW)
    with archive.sessions.read() as session:
        assert {row.id: row.clock_offset_ms for row in session.execute(select(Clip)).scalars()}[clip] == 0
        assert officer_day(session, "010203", day).events[0].occurred_at == DAY_START + timedelta(minutes=30)
        history = clocks.recorder_clock(session, ADMIN, "DEV0001", NOW)
    assert [(c.id, c.reverted_at is not None) for c in history.corrections] == [(second.id, True), (first.id, True)]
    assert len(history.measurements) == 3
    assert [action for action, _ in audit_actions(archive)] == [
        *["clock.measure"] * 2,
        "clock.correct",
        "clock.measure",
        "clock.correct",
        "clock.revert",
        "clock.revert",
    ]


def test_recorders_drifting_beyond_the_limit(archive):
    build_org(archive)
    measure(archive, ADMIN, T0 + timedelta(seconds=1), T0)
    measure(archive, ADMIN, T0 + timedelta(days=10, seconds=51), T0 + timedelta(days=10))  # 5 s a day
    measure(archive, ADMIN, T0, T0, device_no="DEV0002")
    measure(archive, ADMIN, T0 + timedelta(days=10, seconds=10), T0 + timedelta(days=10), device_no="DEV0002")
    with archive.sessions.read() as session:
        [fast] = clocks.drifting_recorders(session, NOW)
        assert (fast.device_no, fast.drift_s_per_day, fast.points, fast.since) == ("DEV0001", pytest.approx(5.0), 2, T0)
        assert [r.device_no for r in clocks.drifting_recorders(session, NOW, limit_s_per_day=0.5)] == [
            "DEV0001",
            "DEV0002",
        ]
    assert clocks.drift_limit({"clocks": {"drift_limit_s_per_day": 3}}) == 3.0
    assert clocks.drift_limit({}) == 2.0


def test_a_later_correction_reaches_clips_of_another_day_only_in_its_period(archive):
    build_org(archive)
    day = date(2026, 11, 21)
    add_clip(archive, "010203", DAY_START, 60)
    measure(archive, ADMIN, DAY_START + timedelta(seconds=5), DAY_START)
    with archive.sessions.write() as session:
        row = clocks.correct(session, ADMIN, "DEV0001", day + timedelta(days=1), day + timedelta(days=2), "对时", NOW)
    assert row.clips == 0 and row.drift_s_per_day is None and row.offset_ms == 5000
