"""Recorder use over a period (R10): time on and recording from the recorders' logs, footage per recorder, log
events (开机, 关机, 开始/停止录像, 电量低, 更换电池, 异常中断) by type, and 异常中断 per recorder.

Durations pair each event with the one before it on the same recorder: a 关机 right after a 开机 adds the time
between them to the time on, a 停止录像 right after a 开始录像 to the time recording; an unpaired event (a log cut
off by a flat battery) adds nothing. The figures are summed from the daily rows (workstation.statistics.daily
says how a pair across midnight counts). Recorders belong to the query's units by the unit they are
registered to.
"""

from collections import defaultdict

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import Device, Officer, Unit
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.statistics import daily
from workstation.statistics.scope import report_units
from workstation.statistics.types import DeviceReport, DeviceUse, StatsQuery


def device_use(session: Session, who: Identity, query: StatsQuery) -> DeviceReport:
    """Every recorder of the query's units with its use and events (PermissionDenied outside the user's charge)."""
    units, unassigned = report_units(session, who, OrgTree.load(session), query)
    in_units = Device.unit_id.in_(sorted(units))
    devices = select(Device.id).where(or_(in_units, Device.unit_id.is_(None)) if unassigned else in_units)
    use = daily.device_use(session, query.date_from, query.date_to, devices)
    footage = daily.device_footage(session, query.date_from, query.date_to, devices)
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
        events, on, recording = use.get(device_id, ({}, 0, 0))
        rows.append(
            DeviceUse(
                device_no=device_no,
                model=model or "",
                unit_code=unit_code or "",
                holder=f"{holder}（{badge}）" if badge else "",
                seconds_on=on,
                seconds_recording=recording,
                footage_ms=footage.get(device_id, 0),
                events=tuple(sorted(events.items())),
            )
        )
    totals: dict[str, int] = defaultdict(int)
    for counted, _on, _recording in use.values():
        for event_type, count in counted.items():
            totals[event_type] += count
    return DeviceReport(query, tuple(rows), tuple(sorted(totals.items())))
