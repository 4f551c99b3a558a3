"""The registry of units, officers and recorders (R11), and who held which recorder when.

Ingest must never be blocked by an unknown recorder or 警号 (footage must not stay on a recorder), so
`resolve_recorder` registers unknown ones as unassigned (待分配) for administrators to sort out later.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import Device, DeviceAssignment, Officer, Unit
from workstation import audit, clock
from workstation.identity import Identity
from workstation.types import UnitLevel

_Registered = TypeVar("_Registered", Device, Officer)  # what ingest registers as 待分配 when first seen


@dataclass(frozen=True)
class RecordingParties:
    """Who and what recorded a file, as far as the registry knows."""

    device_id: int
    officer_id: int | None
    unit_id: int | None
    badge_no: str | None
    unit_code: str | None
    clock_offset_ms: int


def create_unit(
    session: Session, who: Identity, code: str, name: str, level: UnitLevel, police_type: str, parent: Unit | None
) -> Unit:
    unit = Unit(code=code, name=name, level=level, police_type=police_type, parent_id=parent.id if parent else None)
    session.add(unit)
    session.flush()
    audit.record(session, who.audit_name, "unit.create", "unit", unit.id, {"code": code, "name": name, "level": level})
    return unit


def create_officer(session: Session, who: Identity, badge_no: str, name: str, unit: Unit | None) -> Officer:
    officer = Officer(badge_no=badge_no, name=name, unit_id=unit.id if unit else None, registered_at=clock.now())
    session.add(officer)
    session.flush()
    audit.record(session, who.audit_name, "officer.create", "officer", officer.id, {"badge_no": badge_no, "name": name})
    return officer


def register_device(
    session: Session, who: Identity, device_no: str, serial: str | None, model: str | None, unit: Unit | None
) -> Device:
    device = Device(
        device_no=device_no, serial=serial, model=model, unit_id=unit.id if unit else None, registered_at=clock.now()
    )
    session.add(device)
    session.flush()
    audit.record(
        session, who.audit_name, "device.register", "device", device.id, {"device_no": device_no, "serial": serial}
    )
    return device


def assign_device(
    session: Session, who: Identity, device: Device, officer: Officer, note: str = "", at: datetime | None = None
) -> DeviceAssignment:
    """Hand a recorder to an officer: closes the current holder's period and opens the new one."""
    at = at or clock.now()
    # lock the device row: two handovers of one recorder at once must not leave two open holder periods
    session.execute(select(Device.id).where(Device.id == device.id).with_for_update())
    current = session.execute(
        select(DeviceAssignment).where(DeviceAssignment.device_id == device.id, DeviceAssignment.released_at.is_(None))
    ).scalar_one_or_none()
    previous_holder = current.officer_id if current else None
    if current:
        current.released_at = at
    assignment = DeviceAssignment(
        device_id=device.id, officer_id=officer.id, assigned_at=at, handover_note=note, recorded_by=who.audit_name
    )
    session.add(assignment)
    device.holder_officer_id = officer.id
    if officer.unit_id is not None:
        device.unit_id = officer.unit_id
    session.flush()
    audit.record(
        session,
        who.audit_name,
        "device.assign",
        "device",
        device.id,
        {"officer_id": officer.id, "previous_officer_id": previous_holder, "note": note},
    )
    return assignment


def _get_or_register(
    session: Session, who: Identity, model: type[_Registered], key: str, value: str, target_type: str, **fields: object
) -> _Registered:
    """Find a row by its unique key, or insert it; safe when another workstation inserts it concurrently."""
    column = getattr(model, key)
    found = session.execute(select(model).where(column == value)).scalar_one_or_none()
    if found is not None:
        return found
    try:
        with session.begin_nested():
            row = model(**{key: value}, registered_at=clock.now(), **fields)
            session.add(row)
            session.flush()
    except IntegrityError:
        return session.execute(select(model).where(column == value)).scalar_one()
    audit.record(
        session,
        who.audit_name,
        f"{target_type}.register_unassigned",
        target_type,
        row.id,
        {key: value, "status": "unassigned"},
    )
    return row


def holder_at(session: Session, device_id: int, moment: datetime) -> int | None:
    """The officer who held the device at `moment`, from the handover history."""
    return session.execute(
        select(DeviceAssignment.officer_id)
        .where(
            DeviceAssignment.device_id == device_id,
            DeviceAssignment.assigned_at <= moment,
            or_(DeviceAssignment.released_at.is_(None), DeviceAssignment.released_at > moment),
        )
        .order_by(DeviceAssignment.assigned_at.desc())
        .limit(1)
    ).scalar_one_or_none()


def resolve_recorder(
    session: Session, who: Identity, device_no: str, badge_no: str | None, recorded_at: datetime
) -> RecordingParties:
    """The device, officer and unit of a recording; registers unknown device/badge as unassigned (待分配)."""
    device = _get_or_register(session, who, Device, "device_no", device_no, "device")
    officer: Officer | None
    if badge_no:
        officer = _get_or_register(session, who, Officer, "badge_no", badge_no, "officer", name="")
    else:
        officer_id = holder_at(session, device.id, recorded_at) or device.holder_officer_id
        officer = session.get(Officer, officer_id) if officer_id else None
    unit_id = officer.unit_id if officer and officer.unit_id is not None else device.unit_id
    unit = session.get(Unit, unit_id) if unit_id else None
    return RecordingParties(
        device_id=device.id,
        officer_id=officer.id if officer else None,
        unit_id=unit_id,
        badge_no=officer.badge_no if officer else None,
        unit_code=unit.code if unit else None,
        clock_offset_ms=device.clock_offset_ms,
    )
