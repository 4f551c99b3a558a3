"""Daily figures (issue 16): the workload and recorder reports sum days, not clips and log events.

A year of a 总队 is 5,000,000 clips and 20,000,000 log events; a report over it reads about 400 days × the
officers and recorders active on each instead. The database marks a day dirty whenever a clip, case link, mark or
log event of it is written, changed or removed (triggers of migration 0016, in the writer's own transaction);
`refresh` rebuilds those days before a report is made, a month at a time, each in its own short transaction.

The daily rows hold exactly the additive parts of the measures (workstation.statistics.workload and .devices
define them): per (day, unit, officer, recorder) the clip counts and durations and the gaps before its
recordings; per (day, recorder) the events by type and the seconds of each closing event (关机,
停止录像) after its opening one — on the same day, or carried over from the day before, so a night shift that
crosses midnight counts, and a period's first day counts only what opened inside the period. A recorder left
on for more than a day is not paired (its log has no event for a whole day).
"""

from datetime import date, datetime, time, timedelta

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    and_,
    case,
    delete,
    distinct,
    exists,
    func,
    insert,
    select,
)
from sqlalchemy.orm import Session

from db.models import Clip, ClipCaseLink, DailyDeviceUse, DailyWorkload, DeviceLogEvent, Marker, StatsDirtyDay
from db.session import Sessions
from workstation.footage.types import DeviceEventType
from workstation.sql_time import day_before, day_of, seconds_between
from workstation.statistics.sql import count_if
from workstation.statistics.types import GAP_MS, Workload
from workstation.types import LATE_UPLOAD_HOURS, FileType

CHUNK_DAYS = 31  # days rebuilt per transaction: short enough not to hold up writers for long
PAIRS = {
    DeviceEventType.POWER_OFF: DeviceEventType.POWER_ON,
    DeviceEventType.RECORD_STOP: DeviceEventType.RECORD_START,
}
"""Each closing event and the opening event it pairs with."""


def refresh(sessions: Sessions) -> int:
    """Rebuild the daily figures of every dirty day; returns how many days were rebuilt. With none dirty (the
    usual case) it only reads: a report never waits for a writer's lock to find there is nothing to do."""
    with sessions.read() as session:
        if session.scalar(select(StatsDirtyDay.day).limit(1)) is None:
            return 0
    rebuilt = 0
    while True:
        with sessions.write() as session:
            days = _claim(session)
            for first, last in _runs(days):
                _rebuild_workload(session, first, last)
                _rebuild_device_use(session, first, last)
        if not days:
            return rebuilt
        rebuilt += len(days)


def _claim(session: Session) -> list[date]:
    """Take up to CHUNK_DAYS dirty days, earliest first (a concurrent refresh waits for them, then skips them)."""
    dirty = select(StatsDirtyDay.day).order_by(StatsDirtyDay.day).limit(CHUNK_DAYS)
    if session.get_bind().dialect.name == "postgresql":
        dirty = dirty.with_for_update()
    days = list(session.scalars(dirty))
    if days:
        session.execute(delete(StatsDirtyDay).where(StatsDirtyDay.day.in_(days)))
    return days


def _runs(days: list[date]) -> list[tuple[date, date]]:
    """Consecutive days as (first, last) runs, so each rebuild reads one range of the time indexes."""
    runs: list[tuple[date, date]] = []
    for day in days:
        if runs and runs[-1][1] + timedelta(days=1) == day:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def _bounds(first: date, last: date) -> tuple[datetime, datetime]:
    return datetime.combine(first, time.min), datetime.combine(last + timedelta(days=1), time.min)


def _rebuild_workload(session: Session, first: date, last: date) -> None:
    """One row per (day, unit, officer, recorder) with its clips' figures, and the gaps before each of its
    recordings: the break since the end of the officer's recording just before it that day, when longer than
    GAP_MS (a window over the (officer_id, recorded_start) index; times as the recorders kept them: two
    recordings of one recorder keep their distance whatever its clock offset)."""
    start, end = _bounds(first, last)
    session.execute(delete(DailyWorkload).where(DailyWorkload.day >= first, DailyWorkload.day <= last))
    recording = Clip.file_type.in_((FileType.VIDEO, FileType.AUDIO))
    day = day_of(Clip.recorded_start)
    clips = (
        select(
            day.label("day"),
            Clip.unit_id,
            Clip.officer_id,
            Clip.device_id,
            Clip.file_type,
            recording.label("recording"),
            case((recording, Clip.duration_ms), else_=0).label("recorded_ms"),
            (seconds_between(session, Clip.ingested_at, Clip.recorded_start) <= LATE_UPLOAD_HOURS * 3600).label(
                "on_time"
            ),
            exists(select(ClipCaseLink.clip_id).where(ClipCaseLink.clip_id == Clip.id)).label("linked"),
            exists(select(Marker.id).where(Marker.clip_id == Clip.id)).label("marked"),
            Clip.recorded_start,
            func.lag(Clip.recorded_end)
            .over(partition_by=(Clip.officer_id, day, recording), order_by=(Clip.recorded_start, Clip.id))
            .label("before_end"),
        )
        .where(Clip.recorded_start >= start, Clip.recorded_start < end, Clip.file_type != FileType.LOG)
        .subquery()
    )
    c = clips.c
    gap_seconds = seconds_between(session, c.recorded_start, c.before_end)
    gap = and_(c.recording, c.officer_id.is_not(None), c.before_end.is_not(None), gap_seconds * 1000 > GAP_MS)
    counted = select(
        c.day,
        c.unit_id,
        c.officer_id,
        c.device_id,
        func.count(),
        count_if(c.file_type == FileType.VIDEO),
        count_if(c.file_type == FileType.AUDIO),
        count_if(c.file_type == FileType.PHOTO),
        func.coalesce(func.sum(c.recorded_ms), 0),
        count_if(c.on_time),
        count_if(c.recording),
        count_if(and_(c.recording, c.linked)),
        count_if(c.marked),
        count_if(gap),
        func.coalesce(func.sum(case((gap, gap_seconds * 1000), else_=0)), 0),
    ).group_by(c.day, c.unit_id, c.officer_id, c.device_id)
    session.execute(insert(DailyWorkload).from_select(_WORKLOAD_COLUMNS, counted))


_WORKLOAD_COLUMNS = [
    "day", "unit_id", "officer_id", "device_id", "clips", "videos", "audios", "photos", "duration_ms", "on_time",
    "recordings", "linked", "marked", "gaps", "gap_ms",
]  # fmt: skip


def _rebuild_device_use(session: Session, first: date, last: date) -> None:
    """One row per (day, recorder): its events counted by type, and each closing event paired with the event just
    before it on its recorder (looked for from the day before the run on)."""
    start, end = _bounds(first, last)
    session.execute(delete(DailyDeviceUse).where(DailyDeviceUse.day >= first, DailyDeviceUse.day <= last))
    event = DeviceLogEvent
    order = (event.occurred_at, event.id)
    ordered = (
        select(
            event.device_id,
            event.event_type,
            event.occurred_at,
            func.lag(event.event_type).over(partition_by=event.device_id, order_by=order).label("before"),
            func.lag(event.occurred_at).over(partition_by=event.device_id, order_by=order).label("before_at"),
        )
        .where(event.occurred_at >= start - timedelta(days=1), event.occurred_at < end)
        .subquery()
    )
    moment, kind = ordered.c.occurred_at, ordered.c.event_type
    elapsed = seconds_between(session, moment, ordered.c.before_at)
    before_day = day_of(ordered.c.before_at)
    same_day, day_before_it = before_day == day_of(moment), before_day == day_before(session, moment)

    def seconds(closing: DeviceEventType, on_day: ColumnElement[bool]) -> ColumnElement[int]:
        paired = and_(kind == closing, ordered.c.before == PAIRS[closing], on_day)
        return func.coalesce(func.sum(case((paired, elapsed), else_=0)), 0)

    counted = (
        select(
            day_of(moment),
            ordered.c.device_id,
            *(count_if(kind == event_type) for event_type in DeviceEventType),
            seconds(DeviceEventType.POWER_OFF, same_day),
            seconds(DeviceEventType.POWER_OFF, day_before_it),
            seconds(DeviceEventType.RECORD_STOP, same_day),
            seconds(DeviceEventType.RECORD_STOP, day_before_it),
        )
        .where(moment >= start)
        .group_by(day_of(moment), ordered.c.device_id)
    )
    columns = ["day", "device_id", *(event_type.value for event_type in DeviceEventType), *USE_SECONDS]
    session.execute(insert(DailyDeviceUse).from_select(columns, counted))


USE_SECONDS = ("on_seconds", "on_carried_seconds", "recording_seconds", "recording_carried_seconds")


# --- reading the days of a period ---------------------------------------------------------------------------


def workload_groups(
    session: Session, date_from: date, date_to: date, where_unit: ColumnElement[bool]
) -> dict[tuple[int | None, int | None], Workload]:
    """The workload of each (unit, officer) over the period, from the daily rows (`where_unit` on DailyWorkload)."""
    row = DailyWorkload
    recorded_on = case((row.clips > 0, row.day))
    statement = (
        select(
            row.unit_id,
            row.officer_id,
            *(func.sum(column) for column in (row.clips, row.videos, row.audios, row.photos, row.duration_ms)),
            func.count(distinct(recorded_on)),
            *(
                func.sum(column)
                for column in (row.on_time, row.recordings, row.linked, row.marked, row.gaps, row.gap_ms)
            ),
        )
        .where(where_unit, row.day >= date_from, row.day <= date_to)
        .group_by(row.unit_id, row.officer_id)
    )
    return {
        (unit, officer): Workload(*(int(value or 0) for value in figures))
        for unit, officer, *figures in session.execute(statement)
    }


def device_footage(session: Session, date_from: date, date_to: date, devices: Select[int]) -> dict[int, int]:
    """Milliseconds of video and audio recorded in the period, per recorder."""
    row = DailyWorkload
    rows = session.execute(
        select(row.device_id, func.sum(row.duration_ms))
        .where(row.device_id.in_(devices), row.day >= date_from, row.day <= date_to)
        .group_by(row.device_id)
    )
    return {device_id: int(milliseconds or 0) for device_id, milliseconds in rows if device_id is not None}


def device_use(
    session: Session, date_from: date, date_to: date, devices: Select[int]
) -> dict[int, tuple[dict[str, int], int, int]]:
    """Per recorder over the period: its events by type (the types it had), seconds switched on and seconds
    recording. A pair opened the day before the period's first day is not counted (its opening event lies
    outside the period)."""
    row = DailyDeviceUse

    def total(same_day: SQLColumnExpression[int], carried: SQLColumnExpression[int]) -> ColumnElement[int]:
        return func.sum(same_day + case((row.day > date_from, carried), else_=0))

    counts = [getattr(row, event_type.value) for event_type in DeviceEventType]
    rows = session.execute(
        select(
            row.device_id,
            total(row.on_seconds, row.on_carried_seconds),
            total(row.recording_seconds, row.recording_carried_seconds),
            *(func.sum(column) for column in counts),
        )
        .where(row.device_id.in_(devices), row.day >= date_from, row.day <= date_to)
        .group_by(row.device_id)
    )
    use = {}
    for device_id, on, recording, *events in rows:
        by_type = {kind.value: int(count) for kind, count in zip(DeviceEventType, events, strict=True) if count}
        use[device_id] = (by_type, int(on or 0), int(recording or 0))
    return use
