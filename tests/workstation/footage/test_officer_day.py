"""An officer's day: the recordings in true-time order, with the gaps between and the log events inside."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from db.models import Device, DeviceLogEvent, Officer
from tests.helpers.builders import build_org
from tests.helpers.playback_builders import DAY_START, add_clip
from workstation.footage.officer_day import OfficerNotFound, officer_day
from workstation.footage.types import DeviceEventType
from workstation.types import FileType

pytestmark = pytest.mark.clock  # run at several clock times and time zones (tools/clock_matrix.sh)

DAY = date(2026, 11, 21)


def add_log_event(archive, badge_no: str, at: datetime, event_type: DeviceEventType, log_clip: int) -> None:
    with archive.sessions.write() as session:
        officer = session.execute(select(Officer).where(Officer.badge_no == badge_no)).scalar_one()
        device = session.execute(select(Device).where(Device.holder_officer_id == officer.id)).scalar_one()
        session.add(
            DeviceLogEvent(
                device_id=device.id, officer_id=officer.id, occurred_at=at, event_type=event_type, log_clip_id=log_clip
            )
        )


def test_the_day_in_true_time_with_its_gaps(archive):
    build_org(archive)
    first = add_clip(archive, "010203", DAY_START, 60)
    split = add_clip(archive, "010203", DAY_START + timedelta(seconds=61), 30)  # 1 s: a file split, not a gap
    audio = add_clip(archive, "010203", DAY_START + timedelta(minutes=10), 20, file_type=FileType.AUDIO)
    late = add_clip(archive, "010203", DAY_START + timedelta(hours=2), 15, offset_ms=-90_000)
    add_clip(archive, "010203", DAY_START + timedelta(minutes=5), 0, file_type=FileType.PHOTO)
    add_clip(archive, "010203", DAY_START + timedelta(days=1), 30)  # the next day
    add_clip(archive, "010204", DAY_START + timedelta(minutes=3), 30)  # another officer
    add_clip(archive, "010203", datetime(2026, 11, 20, 23, 59, 50), 20, offset_ms=15_000)  # clock ran slow: today
    log = add_clip(archive, "010203", DAY_START, 0, file_type=FileType.PHOTO)
    add_log_event(archive, "010203", DAY_START + timedelta(minutes=3), DeviceEventType.ABNORMAL_INTERRUPTION, log)
    add_log_event(archive, "010203", DAY_START + timedelta(minutes=40), DeviceEventType.LOW_BATTERY, log)

    with archive.sessions.read() as session:
        day = officer_day(session, "010203", DAY)

    assert (day.badge_no, day.officer_name, day.unit_name, day.day) == ("010203", "张伟", "城东大队", DAY)
    assert [clip.clip_id for clip in day.clips][1:] == [first, split, audio, late]
    midnight = day.clips[0]
    assert midnight.start == datetime(2026, 11, 21, 0, 0, 5)
    assert day.clips[-1].start == DAY_START + timedelta(hours=2) - timedelta(seconds=90)
    assert day.clips[3].file_type is FileType.AUDIO
    assert [(gap.start, gap.end) for gap in day.gaps][1:] == [
        (DAY_START + timedelta(seconds=91), DAY_START + timedelta(minutes=10)),
        (DAY_START + timedelta(minutes=10, seconds=20), DAY_START + timedelta(hours=2) - timedelta(seconds=90)),
    ]
    interruption = day.gaps[1].events
    assert [event.event_type for event in interruption] == [DeviceEventType.ABNORMAL_INTERRUPTION]
    assert interruption[0].device_no == "DEV0001"
    assert [event.event_type for event in day.gaps[2].events] == [DeviceEventType.LOW_BATTERY]
    assert day.gaps[1].duration_ms == (8 * 60 + 29) * 1000


def test_a_clip_of_unknown_length_uses_its_recorded_end(archive):
    build_org(archive)
    add_clip(archive, "010203", DAY_START, 42, duration_known=False)
    with archive.sessions.read() as session:
        (clip,) = officer_day(session, "010203", DAY).clips
    assert clip.duration_ms == 42_000
    assert clip.end == DAY_START + timedelta(seconds=42)


def test_an_empty_day_and_an_unknown_officer(archive):
    build_org(archive)
    with archive.sessions.read() as session:
        day = officer_day(session, "010204", DAY)
        assert day.clips == () and day.gaps == ()
        with pytest.raises(OfficerNotFound, match="999999"):
            officer_day(session, "999999", DAY)
