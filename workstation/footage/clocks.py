"""Recorder clocks (R3): measure each recorder's clock offset, fit its drift, correct its footage's times.

A measurement is offset = recorder time − true time, kept per recorder (db.models.clocks.ClockMeasurement):
from its log as it is imported (a dock line with the station's time, a clock-sync line: see
workstation.footage.devicelog), or entered by an administrator who compared the time burned into a clip with
a known time. The drift is fitted over them (workstation.footage.clock_fit). A correction applies the fitted
offsets to a recorder's footage of a period: each clip keeps its recorder time (recorded_start, as the file
says) and gets the offset its true time needs (clock_offset_ms = −offset, the value it had kept beside it);
its log events get theirs in the correction's own rows. Reverting restores what the clips had. Only
administrators of the recorder's unit (and the units above) measure, correct and revert; all is audited.
"""

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import (
    Clip,
    ClockCorrection,
    ClockCorrectionClip,
    ClockCorrectionEvent,
    ClockMeasurement,
    Device,
    DeviceLogEvent,
    Unit,
)
from workstation import audit
from workstation.errors import ClockError
from workstation.footage.clock_fit import OffsetPoint, fit, offset_for_recorder_time, segment
from workstation.footage.devicelog import LogEvent
from workstation.footage.types import (
    DEFAULT_DRIFT_LIMIT_S_PER_DAY,
    MAX_CLOCK_NOTE_CHARS,
    ClockCorrectionRow,
    ClockMeasurementRow,
    ClockMeasurementSpec,
    ClockSource,
    DeviceEventType,
    DriftingRecorder,
    RecorderClock,
)
from workstation.identity import Identity
from workstation.org.devices import require_registry_right

MAX_OFFSET = timedelta(days=20)
"""The largest offset kept (clip offsets are 32-bit milliseconds): a recorder reset to its factory date is set
right, not measured."""
_LOG_SOURCES = {DeviceEventType.DOCK: ClockSource.DOCK_LOG, DeviceEventType.CLOCK_SYNC: ClockSource.CLOCK_SYNC}


def record_log_measurements(
    session: Session, actor: str, device_id: int, log_clip_id: int, events: list[LogEvent], now: datetime
) -> int:
    """Keep the clock measurements of newly imported log lines (dock and clock-sync lines with a second time);
    returns how many. Called by ingest in the log's own transaction, for the lines it has not seen before."""
    kept = 0
    for event in events:
        source = _LOG_SOURCES.get(event.event_type)
        if source is None or event.reference is None or abs(event.occurred_at - event.reference) > MAX_OFFSET:
            continue
        session.add(_measurement(device_id, event.reference, event.occurred_at, source, log_clip_id, actor, now, ""))
        kept += 1
    return kept


def record_measurement(
    session: Session, who: Identity, spec: ClockMeasurementSpec, now: datetime
) -> ClockMeasurementRow:
    """An administrator's measurement (the recorder showed spec.recorder_time at spec.true_time); audited."""
    device = _device(session, spec.device_no)
    require_registry_right(session, who, device.unit_id)
    note = spec.note.strip()
    if len(note) > MAX_CLOCK_NOTE_CHARS:
        raise ClockError("clock_note_too_long", length=len(note), max_chars=MAX_CLOCK_NOTE_CHARS)
    if abs(spec.recorder_time - spec.true_time) > MAX_OFFSET:
        raise ClockError("clock_offset_too_large", device_no=device.device_no, max_days=MAX_OFFSET.days)
    if spec.clip_id is not None:
        clip = session.get(Clip, spec.clip_id)
        if clip is None or clip.device_id != device.id:
            raise ClockError("clock_clip_not_of_device", clip_id=spec.clip_id, device_no=device.device_no)
    row = _measurement(
        device.id, spec.true_time, spec.recorder_time, ClockSource.ADMIN, spec.clip_id, who.audit_name, now, note
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        who.audit_name,
        "clock.measure",
        "device",
        device.id,
        {
            "measurement_id": row.id,
            "device_no": device.device_no,
            "recorder_time": spec.recorder_time.isoformat(sep=" "),
            "true_time": spec.true_time.isoformat(sep=" "),
            "offset_ms": row.offset_ms,
            "clip_id": spec.clip_id,
            "note": note,
        },
    )
    return _measurement_row(row)


def recorder_clock(session: Session, who: Identity, device_no: str, now: datetime) -> RecorderClock:
    """A recorder's measurements, its fit now and its corrections. Administrators of its unit read it, and the
    computer's own account (a system actor) on an archive opened here."""
    device = _device(session, device_no)
    if who.is_user:
        require_registry_right(session, who, device.unit_id)
    measurements = session.execute(
        select(ClockMeasurement)
        .where(ClockMeasurement.device_id == device.id)
        .order_by(ClockMeasurement.measured_at, ClockMeasurement.id)
    ).scalars()
    rows = tuple(_measurement_row(row) for row in measurements)
    unit_code = session.execute(select(Unit.code).where(Unit.id == device.unit_id)).scalar_one_or_none()
    corrections = session.execute(
        select(ClockCorrection).where(ClockCorrection.device_id == device.id).order_by(ClockCorrection.id.desc())
    ).scalars()
    return RecorderClock(
        device.device_no,
        unit_code,
        rows,
        fit(_points_of(rows), now),
        tuple(_correction_row(session, correction, device.device_no) for correction in corrections),
    )


def correct(
    session: Session, who: Identity, device_no: str, date_from: date, date_to: date, reason: str, now: datetime
) -> ClockCorrectionRow:
    """Apply the fitted offsets to the recorder's clips and log events recorded from date_from to date_to
    (inclusive, by the recorder's dates); audited. A later correction of the same footage overrides this one."""
    reason = _reason(reason)
    if date_to < date_from:
        raise ClockError("clock_period_reversed")
    device = _device(session, device_no, lock=True)  # one correction of a recorder at a time
    require_registry_right(session, who, device.unit_id)
    points = _points(session, device.id)
    first, last = datetime.combine(date_from, time.min), datetime.combine(date_to + timedelta(days=1), time.min)
    at_start = fit(points, first) if points else None
    if at_start is None:
        raise ClockError("clock_no_measurements", device_no=device.device_no)
    correction = ClockCorrection(
        device_id=device.id,
        date_from=date_from,
        date_to=date_to,
        offset_ms=at_start.offset_ms,
        drift_s_per_day=at_start.drift_s_per_day,
        reason=reason,
        corrected_by=who.audit_name,
        corrected_at=now,
    )
    session.add(correction)
    session.flush()
    clips = session.execute(
        select(Clip).where(Clip.device_id == device.id, Clip.recorded_start >= first, Clip.recorded_start < last)
    ).scalars()
    changed = 0
    for clip in clips:
        applied = _applied(points, clip.recorded_start, device.device_no)
        session.add(
            ClockCorrectionClip(
                correction_id=correction.id,
                clip_id=clip.id,
                previous_offset_ms=clip.clock_offset_ms,
                applied_offset_ms=applied,
            )
        )
        changed += clip.clock_offset_ms != applied
        clip.clock_offset_ms = applied
    events = session.execute(
        select(DeviceLogEvent.id, DeviceLogEvent.occurred_at).where(
            DeviceLogEvent.device_id == device.id,
            DeviceLogEvent.occurred_at >= first,
            DeviceLogEvent.occurred_at < last,
        )
    ).all()
    for event_id, occurred_at in events:
        session.add(
            ClockCorrectionEvent(
                correction_id=correction.id,
                event_id=event_id,
                applied_offset_ms=_applied(points, occurred_at, device.device_no),
            )
        )
    session.flush()
    row = _correction_row(session, correction, device.device_no)
    audit.record(
        session,
        who.audit_name,
        "clock.correct",
        "device",
        device.id,
        {
            "correction_id": correction.id,
            "device_no": device.device_no,
            "date_from": date_from.isoformat(),
            "date_to": date_to.isoformat(),
            "offset_ms": correction.offset_ms,
            "drift_s_per_day": correction.drift_s_per_day,
            "clips": row.clips,
            "clips_changed": changed,
            "events": len(events),
            "reason": reason,
        },
    )
    return row


def revert(session: Session, who: Identity, correction_id: int, reason: str, now: datetime) -> ClockCorrectionRow:
    """Take a correction back: its clips get the offsets they had before it; audited. A correction that a later,
    standing one of the same footage overrides is refused: that one is reverted first."""
    reason = reason.strip()
    if len(reason) > MAX_CLOCK_NOTE_CHARS:
        raise ClockError("clock_reason_too_long", length=len(reason), max_chars=MAX_CLOCK_NOTE_CHARS)
    correction = session.get(ClockCorrection, correction_id, with_for_update=True)
    if correction is None:
        raise ClockError("clock_correction_unknown", correction_id=correction_id)
    device = session.get(Device, correction.device_id, with_for_update=True)
    assert device is not None  # a correction's device is never deleted (foreign key)
    require_registry_right(session, who, device.unit_id)
    if correction.reverted_at is not None:
        raise ClockError("clock_correction_reverted", correction_id=correction_id, at=correction.reverted_at)
    later = _later_standing(session, correction)
    if later is not None:
        raise ClockError("clock_correction_superseded", correction_id=correction_id, later=later)
    items = session.execute(
        select(ClockCorrectionClip, Clip)
        .join(Clip, Clip.id == ClockCorrectionClip.clip_id)
        .where(ClockCorrectionClip.correction_id == correction.id)
    ).all()
    for item, clip in items:
        clip.clock_offset_ms = item.previous_offset_ms
    correction.reverted_at, correction.reverted_by, correction.revert_reason = now, who.audit_name, reason
    session.flush()
    audit.record(
        session,
        who.audit_name,
        "clock.revert",
        "device",
        device.id,
        {"correction_id": correction.id, "device_no": device.device_no, "clips": len(items), "reason": reason},
    )
    return _correction_row(session, correction, device.device_no)


def event_offsets(session: Session, event_ids: list[int]) -> dict[int, int]:
    """The clock offset (ms to add to the recorder time) that standing corrections give these log events; an
    event no standing correction covers is left out (the device's own offset applies to it)."""
    if not event_ids:
        return {}
    rows = session.execute(
        select(ClockCorrectionEvent.event_id, ClockCorrectionEvent.applied_offset_ms)
        .join(ClockCorrection, ClockCorrection.id == ClockCorrectionEvent.correction_id)
        .where(ClockCorrectionEvent.event_id.in_(event_ids), ClockCorrection.reverted_at.is_(None))
        .order_by(ClockCorrection.id)
    ).all()
    return dict(rows)  # the latest correction of an event wins


def drifting_recorders(
    session: Session, now: datetime, limit_s_per_day: float = DEFAULT_DRIFT_LIMIT_S_PER_DAY
) -> list[DriftingRecorder]:
    """Recorders whose clock, fitted since its last sync, drifts by more than the limit (seconds a day, either
    way), by device number: the pre-screen's clock-drift findings (DayFindingKind.CLOCK_DRIFT)."""
    by_device: dict[int, list[OffsetPoint]] = defaultdict(list)
    for device_id, measured_at, offset_ms, source in session.execute(
        select(
            ClockMeasurement.device_id,
            ClockMeasurement.measured_at,
            ClockMeasurement.offset_ms,
            ClockMeasurement.source,
        )
    ):
        by_device[device_id].append(OffsetPoint(measured_at, offset_ms, source == ClockSource.CLOCK_SYNC))
    if not by_device:
        return []
    devices = {
        device.id: device for device in session.execute(select(Device).where(Device.id.in_(list(by_device)))).scalars()
    }
    found = []
    for device_id, points in by_device.items():
        fitted = fit(points, now)
        if fitted is None or fitted.drift_s_per_day is None or abs(fitted.drift_s_per_day) <= limit_s_per_day:
            continue
        device = devices[device_id]
        since = segment(points, now)[0].at  # the last sync, or the first measurement
        found.append(
            DriftingRecorder(
                device_id,
                device.device_no,
                device.unit_id,
                fitted.drift_s_per_day,
                fitted.offset_ms,
                fitted.points,
                since,
            )
        )
    return sorted(found, key=lambda recorder: recorder.device_no)


def drift_limit(settings: dict[str, object]) -> float:
    """The drift limit of the deployment's settings ([clocks] drift_limit_s_per_day), or the default."""
    section = settings.get("clocks")
    value = section.get("drift_limit_s_per_day") if isinstance(section, dict) else None
    return float(value) if isinstance(value, int | float) else DEFAULT_DRIFT_LIMIT_S_PER_DAY


def _measurement(
    device_id: int,
    true_time: datetime,
    recorder_time: datetime,
    source: ClockSource,
    clip_id: int | None,
    actor: str,
    now: datetime,
    note: str,
) -> ClockMeasurement:
    return ClockMeasurement(
        device_id=device_id,
        measured_at=true_time,
        recorder_time=recorder_time,
        offset_ms=round((recorder_time - true_time).total_seconds() * 1000),
        source=source,
        clip_id=clip_id,
        recorded_by=actor[:64],
        recorded_at=now,
        note=note,
    )


def _device(session: Session, device_no: str, lock: bool = False) -> Device:
    number = device_no.strip().upper()
    statement = select(Device).where(Device.device_no == number)
    device = session.execute(statement.with_for_update() if lock else statement).scalar_one_or_none()
    if device is None:
        raise ClockError("clock_device_unknown", device_no=number)
    return device


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ClockError("clock_reason_missing")
    if len(reason) > MAX_CLOCK_NOTE_CHARS:
        raise ClockError("clock_reason_too_long", length=len(reason), max_chars=MAX_CLOCK_NOTE_CHARS)
    return reason


def _points(session: Session, device_id: int) -> list[OffsetPoint]:
    rows = session.execute(
        select(ClockMeasurement.measured_at, ClockMeasurement.offset_ms, ClockMeasurement.source).where(
            ClockMeasurement.device_id == device_id
        )
    ).all()
    return [OffsetPoint(at, offset_ms, source == ClockSource.CLOCK_SYNC) for at, offset_ms, source in rows]


def _points_of(rows: tuple[ClockMeasurementRow, ...]) -> list[OffsetPoint]:
    return [OffsetPoint(row.measured_at, row.offset_ms, row.source is ClockSource.CLOCK_SYNC) for row in rows]


def _applied(points: list[OffsetPoint], recorder_time: datetime, device_no: str) -> int:
    """The clock_offset_ms (added to the recorder time) the fit gives something stamped `recorder_time`."""
    offset = offset_for_recorder_time(points, recorder_time)
    assert offset is not None  # the caller found measurements
    if abs(offset) > MAX_OFFSET.total_seconds() * 1000:
        raise ClockError("clock_offset_too_large", device_no=device_no, max_days=MAX_OFFSET.days)
    return -offset


def _later_standing(session: Session, correction: ClockCorrection) -> int | None:
    """The first standing correction made after this one that changed one of its clips, if any."""
    mine = select(ClockCorrectionClip.clip_id).where(ClockCorrectionClip.correction_id == correction.id)
    return session.execute(
        select(func.min(ClockCorrection.id))
        .join(ClockCorrectionClip, ClockCorrectionClip.correction_id == ClockCorrection.id)
        .where(
            ClockCorrection.id > correction.id,
            ClockCorrection.reverted_at.is_(None),
            ClockCorrectionClip.clip_id.in_(mine),
        )
    ).scalar_one()


def _measurement_row(row: ClockMeasurement) -> ClockMeasurementRow:
    return ClockMeasurementRow(
        row.id,
        row.measured_at,
        row.recorder_time,
        row.offset_ms,
        ClockSource(row.source),
        row.clip_id,
        row.recorded_by,
        row.recorded_at,
        row.note,
    )


def _correction_row(session: Session, correction: ClockCorrection, device_no: str) -> ClockCorrectionRow:
    clips = session.execute(select(func.count()).where(ClockCorrectionClip.correction_id == correction.id)).scalar_one()
    return ClockCorrectionRow(
        correction.id,
        device_no,
        correction.date_from,
        correction.date_to,
        correction.offset_ms,
        correction.drift_s_per_day,
        clips,
        correction.reason,
        correction.corrected_by,
        correction.corrected_at,
        correction.reverted_at,
        correction.reverted_by,
        correction.revert_reason,
    )
