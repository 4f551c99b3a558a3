"""Recorder use over a period (R10): time on and recording from the recorders' logs, footage per recorder, log
events (开机, 关机, 开始/停止录像, 电量低, 更换电池, 异常中断) by type, and 异常中断 per recorder.

Durations pair each event with the one before it on the same recorder (a window over the (device_id,
occurred_at) index): a 关机 right after a 开机 adds the time between them to the time on, a 停止录像 right after
a 开始录像 to the time recording; an unpaired event (a log cut off by a flat battery) adds nothing. Recorders
belong to the query's units by the unit they are registered to.
"""

from collections import defaultdict
from datetime import datetime, time, timedelta

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from db.models import Clip, Device, DeviceLogEvent, Officer, Unit
from workstation.footage.types import DeviceEventType
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.sql_time import seconds_between
from workstation.statistics.scope import report_units
from workstation.statistics.types import DeviceReport, DeviceUse, StatsQuery
from workstation.types import FileType

_PAIRS = {
    DeviceEventType.POWER_OFF: DeviceEventType.POWER_ON,
    DeviceEventType.RECORD_STOP: DeviceEventType.RECORD_START,
}


def device_use(session: Session, who: Identity, query: StatsQuery) -> DeviceReport:
    """Every recorder of the query's units with its use and events (PermissionDenied outside the user's charge)."""
    units, unassigned = report_units(session, who, OrgTree.load(session), query)
    start = datetime.combine(query.date_from, time.min)
    end = datetime.combine(query.date_to + timedelta(days=1), time.min)
    in_units = Device.unit_id.in_(sorted(units))
    devices = select(Device.id).where(or_(in_units, Device.unit_id.is_(None)) if unassigned else in_units)
    use, events = _log_use(session, devices, start, end)
    footage = _footage(session, devices, start, end)
    rows = []
    for device_id, device_no, model, unit_code, holder, badge in session.execute(
        select(Device.id, Device.device_no, Device.model, Unit.code, Officer.name, Officer.badge_no)
        .outerjoin(Unit, Unit.id == Device.unit_id)
        .outerjoin(Officer, Officer.id == Device.holder_officer_id)
        .where(Device.id.in_(devices))
        .order_by(Device.device_no)
    ):
        if device_id not in use and device_id not in footage:
            continue  # neither switched on nor recording in the period
        on, recording = use.get(device_id, (0, 0))
        rows.append(
            DeviceUse(
                device_no=device_no,
                model=model or "",
                unit_code=unit_code or "",
                holder=f"{holder}（{badge}）" if badge else "",
                seconds_on=on,
                seconds_recording=recording,
                footage_ms=footage.get(device_id, 0),
                events=tuple(sorted(events[device_id].items())),
            )
        )
    totals: dict[str, int] = defaultdict(int)
    for counted in events.values():
        for event_type, count in counted.items():
            totals[event_type] += count
    return DeviceReport(query, tuple(rows), tuple(sorted(totals.items())))


def _log_use(
    session: Session, devices: Select[int], start: datetime, end: datetime
) -> tuple[dict[int, tuple[int, int]], dict[int, dict[str, int]]]:
    """(seconds on, seconds recording) and event counts by type, per recorder, from the logs."""
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
        .where(event.device_id.in_(devices), event.occurred_at >= start, event.occurred_at < end)
        .subquery()
    )
    elapsed = seconds_between(session, ordered.c.occurred_at, ordered.c.before_at)
    paired = or_(*(and_(ordered.c.event_type == kind, ordered.c.before == opening) for kind, opening in _PAIRS.items()))
    use: dict[int, tuple[int, int]] = {}
    events: dict[int, dict[str, int]] = defaultdict(dict)
    by_type = select(ordered.c.device_id, ordered.c.event_type, func.count(), func.sum(elapsed).filter(paired))
    for device_id, event_type, count, seconds in session.execute(  # one pass over the window
        by_type.group_by(ordered.c.device_id, ordered.c.event_type)
    ):
        events[device_id][event_type] = count
        if event_type in _PAIRS:
            on, recording = use.get(device_id, (0, 0))
            seconds = int(seconds or 0)
            use[device_id] = (
                (on + seconds, recording) if event_type == DeviceEventType.POWER_OFF else (on, recording + seconds)
            )
    return use, events


def _footage(session: Session, devices: Select[int], start: datetime, end: datetime) -> dict[int, int]:
    """Milliseconds of video and audio recorded in the period, per recorder."""
    recording = Clip.file_type.in_((FileType.VIDEO, FileType.AUDIO))
    rows = session.execute(
        select(Clip.device_id, func.coalesce(func.sum(Clip.duration_ms), 0))
        .where(Clip.device_id.in_(devices), Clip.recorded_start >= start, Clip.recorded_start < end, recording)
        .group_by(Clip.device_id)
    )
    return {device_id: int(milliseconds or 0) for device_id, milliseconds in rows if device_id is not None}
