"""An officer's day: every video and audio recording of one officer on one day, on one time line.

Recordings are placed at their true time (the recorder's clock corrected by the clip's offset, which a
clock correction sets: workstation.footage.clocks), so the gaps between them are real: time the officer
was on duty with nothing recorded. The recorder log events inside each gap (power off, 异常中断, low
battery) say why, when the recorder knew; they are placed by the standing clock correction that covers
them, else by their recorder's current offset.
"""

import itertools
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Clip, Device, DeviceLogEvent, Officer, Unit
from workstation.errors import WorkstationError
from workstation.footage import clocks
from workstation.footage.types import DayClip, DayEvent, DayGap, DeviceEventType, OfficerDay
from workstation.types import FileType, MediaStatus

GAP_THRESHOLD_MS = 2000  # a shorter break is a recorder splitting a long recording into files
DAY_FILE_TYPES = (FileType.VIDEO, FileType.AUDIO)
CLOCK_MARGIN = timedelta(days=1)  # a clock offset may move a recording across midnight


class OfficerNotFound(WorkstationError):
    """No officer with this badge number (警号)."""


def officer_day(session: Session, badge_no: str, day: date) -> OfficerDay:
    officer = session.execute(select(Officer).where(Officer.badge_no == badge_no)).scalar_one_or_none()
    if officer is None:
        raise OfficerNotFound("officer_unknown", badge_no=badge_no)
    unit = session.get(Unit, officer.unit_id) if officer.unit_id is not None else None
    first, last = datetime.combine(day, time.min), datetime.combine(day + timedelta(days=1), time.min)
    clips = _day_clips(session, officer.id, first, last)
    events = _day_events(session, officer.id, first, last)
    gaps = tuple(
        DayGap(before.end, after.start, tuple(e for e in events if before.end <= e.occurred_at < after.start))
        for before, after in itertools.pairwise(clips)
        if (after.start - before.end).total_seconds() * 1000 > GAP_THRESHOLD_MS
    )
    return OfficerDay(officer.badge_no, officer.name, unit.name if unit else None, day, clips, gaps, events)


def _day_clips(session: Session, officer_id: int, first: datetime, last: datetime) -> tuple[DayClip, ...]:
    statement = (
        select(Clip, Device.device_no)
        .outerjoin(Device, Device.id == Clip.device_id)
        .where(
            Clip.officer_id == officer_id,
            Clip.file_type.in_(DAY_FILE_TYPES),
            Clip.recorded_start >= first - CLOCK_MARGIN,
            Clip.recorded_start < last + CLOCK_MARGIN,
        )
    )
    found = []
    for clip, device_no in session.execute(statement):
        start = clip.recorded_start + timedelta(milliseconds=clip.clock_offset_ms)
        if not first <= start < last:
            continue
        duration_ms = clip.duration_ms
        if duration_ms is None and clip.recorded_end is not None:
            duration_ms = int((clip.recorded_end - clip.recorded_start).total_seconds() * 1000)
        duration_ms = max(0, duration_ms or 0)
        found.append(
            DayClip(
                clip_id=clip.id,
                file_type=FileType(clip.file_type),
                original_name=clip.original_name,
                media_path=clip.media_path,
                sha256=clip.sha256,
                device_no=device_no,
                start=start,
                end=start + timedelta(milliseconds=duration_ms),
                duration_ms=duration_ms,
                media_status=MediaStatus(clip.media_status),
                media_problem=clip.media_problem,
            )
        )
    return tuple(sorted(found, key=lambda clip: (clip.start, clip.clip_id)))


def _day_events(session: Session, officer_id: int, first: datetime, last: datetime) -> tuple[DayEvent, ...]:
    statement = (
        select(DeviceLogEvent, Device.device_no, Device.clock_offset_ms)
        .join(Device, Device.id == DeviceLogEvent.device_id)
        .where(
            DeviceLogEvent.officer_id == officer_id,
            DeviceLogEvent.occurred_at >= first - CLOCK_MARGIN,
            DeviceLogEvent.occurred_at < last + CLOCK_MARGIN,
        )
    )
    rows = session.execute(statement).all()
    corrected = clocks.event_offsets(session, [event.id for event, _, _ in rows])
    found = []
    for event, device_no, device_offset_ms in rows:
        moment = event.occurred_at + timedelta(milliseconds=corrected.get(event.id, device_offset_ms))
        if first <= moment < last:
            found.append(DayEvent(moment, DeviceEventType(event.event_type), event.detail, device_no))
    return tuple(sorted(found, key=lambda event: event.occurred_at))
