"""The officer's-day findings: what the archive's records show without decoding anything.

Per officer and day (by the corrected time, as the officer-day view places recordings): a break longer than
the gap setting between two recordings (gap), two recordings overlapping (overlap), a recording the recorder
log shows ended by 异常中断 or 电量低 (an event within end_event_window_s of its end, by the recorder's own
clock), a recording archived more than 24 h after it began (late_upload: the spot check's and the statistics'
rule, computed by workstation.sql_time), a day of footage none of which is linked to a case (no_case_link) and,
when the recorder clocks are looked at, a day recorded with a recorder drifting beyond the limit (clock_drift,
workstation.prescreen.clock_drift). Recomputed for the days a scan touched, or on demand; a person's decision
survives (workstation.prescreen.store).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import Session

from db.models import Clip, ClipCaseLink, DeviceLogEvent, PrescreenFinding
from db.session import Sessions
from workstation import clock
from workstation.footage.types import DeviceEventType
from workstation.identity import Identity
from workstation.prescreen import clock_drift, store
from workstation.prescreen.clock_drift import Drifting
from workstation.prescreen.scope import check_period, unit_condition, units_covered
from workstation.prescreen.settings import PrescreenSettings
from workstation.prescreen.store import Found
from workstation.prescreen.types import DayFindingKind
from workstation.sql_time import seconds_between
from workstation.types import LATE_UPLOAD_HOURS, FileType

RECORD_KINDS = tuple(
    kind.value
    for kind in DayFindingKind
    if kind is not DayFindingKind.CLOCK_DRIFT  # the recorder clocks' own
)
DAY_FILE_TYPES = (FileType.VIDEO, FileType.AUDIO)
OVERLAP_TOLERANCE_MS = 1000  # recorders splitting a long recording may repeat a moment at the seam
CLOCK_MARGIN = timedelta(days=1)  # a clock offset may move a recording across midnight
_END_EVENTS = {
    DeviceEventType.ABNORMAL_INTERRUPTION: DayFindingKind.ABNORMAL_END,
    DeviceEventType.LOW_BATTERY: DayFindingKind.LOW_BATTERY_END,
}

OfficerDay = tuple[int, date]


@dataclass(frozen=True)
class _Recording:
    clip_id: int
    unit_id: int | None
    device_id: int | None
    start: datetime  # corrected
    end: datetime
    recorder_end: datetime  # by the recorder's clock, as its log
    duration_ms: int
    late: bool
    linked: bool


def day_of(recorded_start: datetime, clock_offset_ms: int) -> date:
    """The day a recording belongs to: its corrected start's."""
    return (recorded_start + timedelta(milliseconds=clock_offset_ms)).date()


def recompute(
    sessions: Sessions,
    who: Identity,
    unit_code: str | None,
    date_from: date,
    date_to: date,
    now: datetime | None = None,
) -> int:
    """Recompute the day findings of every officer-day with footage in the period and the units covered (within
    `who`'s charge); returns how many officer-days were recomputed."""
    check_period(date_from, date_to)
    settings = PrescreenSettings.load()
    with sessions.write() as session:
        units, unassigned = units_covered(session, who, unit_code)
        first = datetime.combine(date_from, time.min) - CLOCK_MARGIN
        last = datetime.combine(date_to + timedelta(days=1), time.min) + CLOCK_MARGIN
        rows = session.execute(
            select(Clip.officer_id, Clip.recorded_start, Clip.clock_offset_ms).where(
                Clip.officer_id.is_not(None),
                Clip.file_type.in_(DAY_FILE_TYPES),
                Clip.recorded_start >= first,
                Clip.recorded_start < last,
                unit_condition(Clip.unit_id, units, unassigned),
            )
        )
        days = {
            (officer, day)
            for officer, start, offset in rows
            if officer is not None and date_from <= (day := day_of(start, offset)) <= date_to
        }
        now = now or clock.now()
        recompute_days(session, days, settings, now, Drifting.load(session, now))
        return len(days)


def recompute_days(
    session: Session,
    days: Iterable[OfficerDay],
    settings: PrescreenSettings,
    now: datetime,
    drifting: Drifting | None = None,
) -> int:
    """Sync the record findings of each officer-day with a fresh computation; returns how many are new. With
    `drifting` (the recorder clocks now) the clock_drift findings are recomputed too; without, left as they are
    (a scan keeping one clip at a time does not fit every recorder's clock for each)."""
    kinds = RECORD_KINDS if drifting is None else (*RECORD_KINDS, clock_drift.KIND)
    new = 0
    for officer_id, day in sorted(days):
        found = day_findings(session, officer_id, day, settings)
        if drifting is not None:
            found += clock_drift.day_findings(session, officer_id, day, drifting)
        subject = and_(
            PrescreenFinding.officer_id == officer_id,
            PrescreenFinding.day == day,
            PrescreenFinding.kind.in_(kinds),
        )
        new += store.sync(session, subject, found, now)
    return new


def day_findings(session: Session, officer_id: int, day: date, settings: PrescreenSettings) -> list[Found]:
    """What the records show about the officer's day (nothing for a day without footage)."""
    recordings = _recordings(session, officer_id, day)
    if not recordings:
        return []
    midnight = datetime.combine(day, time.min)

    def ms(moment: datetime) -> int:
        return int((moment - midnight).total_seconds() * 1000)

    def on_day(kind: DayFindingKind, start: datetime, end: datetime, unit_id: int | None) -> Found:
        key = store.day_key(kind, officer_id, day, ms(start))
        return Found(key, kind, None, officer_id, unit_id, day, ms(start), ms(end), 1.0)

    def on_clip(kind: DayFindingKind, clip: _Recording, start_ms: int, confidence: float = 1.0) -> Found:
        key = store.clip_key(kind, clip.clip_id, start_ms)
        return Found(key, kind, clip.clip_id, officer_id, clip.unit_id, day, start_ms, clip.duration_ms, confidence)

    found = []
    latest = recordings[0]
    for clip in recordings[1:]:
        if (clip.start - latest.end).total_seconds() * 1000 > settings.gap_minutes * 60_000:
            found.append(on_day(DayFindingKind.GAP, latest.end, clip.start, clip.unit_id))
        elif (latest.end - clip.start).total_seconds() * 1000 > OVERLAP_TOLERANCE_MS:
            found.append(on_day(DayFindingKind.OVERLAP, clip.start, min(latest.end, clip.end), clip.unit_id))
        latest = clip if clip.end > latest.end else latest
    found += [on_clip(DayFindingKind.LATE_UPLOAD, clip, 0) for clip in recordings if clip.late]
    found += _ended_by_events(session, recordings, settings, on_clip)
    if not any(clip.linked for clip in recordings):
        end = max(clip.end for clip in recordings)
        found.append(on_day(DayFindingKind.NO_CASE_LINK, recordings[0].start, end, recordings[0].unit_id))
    return found


def _ended_by_events(
    session: Session,
    recordings: list[_Recording],
    settings: PrescreenSettings,
    on_clip: Callable[[DayFindingKind, _Recording, int, float], Found],
) -> list[Found]:
    """异常中断 / 电量低 in the recorder's log within the window of a recording's end: a finding on it, more
    confident the closer the event is to the end."""
    window = timedelta(seconds=settings.end_event_window_s)
    found = []
    for clip in recordings:
        if clip.device_id is None:
            continue
        events = session.execute(
            select(DeviceLogEvent.event_type, DeviceLogEvent.occurred_at).where(
                DeviceLogEvent.device_id == clip.device_id,
                DeviceLogEvent.event_type.in_(list(_END_EVENTS)),
                DeviceLogEvent.occurred_at >= clip.recorder_end - window,
                DeviceLogEvent.occurred_at <= clip.recorder_end + window,
            )
        )
        nearest: dict[DayFindingKind, float] = {}
        for event_type, occurred_at in events:
            distance = abs((occurred_at - clip.recorder_end).total_seconds()) / max(window.total_seconds(), 1)
            kind = _END_EVENTS[DeviceEventType(event_type)]
            nearest[kind] = min(nearest.get(kind, 1.0), distance)
        found += [
            on_clip(kind, clip, clip.duration_ms, round(1 - distance / 2, 3)) for kind, distance in nearest.items()
        ]
    return found


def _recordings(session: Session, officer_id: int, day: date) -> list[_Recording]:
    first = datetime.combine(day, time.min)
    last = first + timedelta(days=1)
    linked = exists(select(ClipCaseLink.clip_id).where(ClipCaseLink.clip_id == Clip.id))
    late = seconds_between(session, Clip.ingested_at, Clip.recorded_start) > LATE_UPLOAD_HOURS * 3600
    rows = session.execute(
        select(Clip, late, linked).where(
            Clip.officer_id == officer_id,
            Clip.file_type.in_(DAY_FILE_TYPES),
            Clip.recorded_start >= first - CLOCK_MARGIN,
            Clip.recorded_start < last + CLOCK_MARGIN,
        )
    )
    found = []
    for clip, is_late, is_linked in rows:
        start = clip.recorded_start + timedelta(milliseconds=clip.clock_offset_ms)
        if not first <= start < last:
            continue
        # the media's duration, else the recorder's end (a file whose duration could not be read)
        if clip.duration_ms is not None:
            recorder_end = clip.recorded_start + timedelta(milliseconds=max(0, clip.duration_ms))
        else:
            recorder_end = max(clip.recorded_start, clip.recorded_end or clip.recorded_start)
        duration_ms = int((recorder_end - clip.recorded_start).total_seconds() * 1000)
        end = start + timedelta(milliseconds=duration_ms)
        found.append(
            _Recording(
                clip.id,
                clip.unit_id,
                clip.device_id,
                start,
                end,
                recorder_end,
                duration_ms,
                bool(is_late),
                bool(is_linked),
            )
        )
    return sorted(found, key=lambda clip: (clip.start, clip.clip_id))
