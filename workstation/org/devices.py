"""The device registry as administrators see it (R11): recorders, their holders and handovers.

Lists return dataclasses (`workstation.types`), never ORM objects, so callers may use them on any thread.
Changes go through `workstation.registry` where it has the operation, and every change writes its audit
row in the caller's transaction. Ingest registers unknown recorders and 警号 as 待分配 (unassigned);
this module is where administrators sort them out: hand a recorder to an officer, put an officer in a unit.
"""

from datetime import datetime
from typing import TypeVar

from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from db.models import Device, DeviceAssignment, Officer, Unit
from workstation import audit, permissions
from workstation.errors import PermissionDenied, WorkstationError
from workstation.identity import Identity
from workstation.org import registry
from workstation.org.types import MAX_NOTE_CHARS, DeviceRow, HolderPeriod, OfficerRow
from workstation.orgtree import OrgTree
from workstation.types import Action, Relation, Role, UnitLevel, UnitRow

MAX_DEVICE_NO_CHARS = 64
MAX_SERIAL_CHARS = 64
MAX_MODEL_CHARS = 64

_Row = TypeVar("_Row", Device, Officer, Unit)


class DeviceRegistryError(WorkstationError):
    """A registry change that cannot be made as asked (unknown row, duplicate number, no-op handover).

    The message is plain Chinese and says why; nothing was changed.
    """


def list_units(session: Session) -> list[UnitRow]:
    """Every unit, by code (units are few: tens per detachment)."""
    rows = session.execute(select(Unit).order_by(Unit.code)).scalars().all()
    return [UnitRow(unit.id, unit.code, unit.name, UnitLevel(unit.level)) for unit in rows]


def list_officers(session: Session, unassigned_only: bool = False) -> list[OfficerRow]:
    """Officers by 警号; with `unassigned_only`, those awaiting a unit (待分配, unit NULL)."""
    statement = (
        select(Officer, Unit.code, Unit.name).outerjoin(Unit, Unit.id == Officer.unit_id).order_by(Officer.badge_no)
    )
    if unassigned_only:
        statement = statement.where(Officer.unit_id.is_(None))
    return [_officer_row(officer, code, name) for officer, code, name in session.execute(statement).all()]


def list_devices(session: Session) -> list[DeviceRow]:
    """Every recorder by device number, with its unit and current holder (None: 待分配)."""
    return [_device_row(*row) for row in session.execute(_devices_statement().order_by(Device.device_no)).all()]


def get_device(session: Session, device_id: int) -> DeviceRow:
    row = session.execute(_devices_statement().where(Device.id == device_id)).first()
    if row is None:
        raise DeviceRegistryError("device_gone")
    return _device_row(*row)


def device_history(session: Session, device_id: int) -> list[HolderPeriod]:
    """Who held the device when, newest period first (the open period, if any, is the current holder)."""
    rows = session.execute(
        select(DeviceAssignment, Officer.name, Officer.badge_no)
        .join(Officer, Officer.id == DeviceAssignment.officer_id)
        .where(DeviceAssignment.device_id == device_id)
        .order_by(DeviceAssignment.assigned_at.desc(), DeviceAssignment.id.desc())
    ).all()
    return [
        HolderPeriod(
            officer_id=period.officer_id,
            officer_name=name,
            badge_no=badge_no,
            assigned_at=period.assigned_at,
            released_at=period.released_at,
            handover_note=period.handover_note,
            recorded_by=period.recorded_by,
        )
        for period, name, badge_no in rows
    ]


def reassign_device(
    session: Session, who: Identity, device_id: int, officer_id: int, note: str, at: datetime | None = None
) -> DeviceRow:
    """Hand the device to an officer (交接): closes the current holder's period, opens the new one, audits.

    One device, one holder (附件2 第十三条): handing it to its current holder is refused, not recorded twice.
    """
    note = note.strip()
    if len(note) > MAX_NOTE_CHARS:
        raise DeviceRegistryError("handover_note_too_long", length=len(note), max_chars=MAX_NOTE_CHARS)
    # locked: two workstations handing over the same recorder at once must not both close one period
    device = _get(session, Device, device_id, lock=True)
    officer = _get(session, Officer, officer_id)
    require_registry_right(session, who, device.unit_id, officer.unit_id)
    if device.holder_officer_id == officer.id:
        raise DeviceRegistryError(
            "already_holder", device_no=device.device_no, name=officer.name, badge_no=officer.badge_no
        )
    registry.assign_device(session, who, device, officer, note, at)
    return get_device(session, device.id)


def register_device(
    session: Session, who: Identity, device_no: str, serial: str, model: str, unit_id: int | None
) -> DeviceRow:
    """Add a recorder to the registry, 待分配 until it is handed to an officer.

    Device numbers are stored upper-case, as ingest reads them from file names.
    """
    device_no = device_no.strip().upper()
    serial, model = serial.strip(), model.strip()
    if not device_no or any(character.isspace() for character in device_no):
        raise DeviceRegistryError("device_no_missing")
    for too_long, value, limit in (
        (DeviceRegistryError("device_no_too_long", max_chars=MAX_DEVICE_NO_CHARS), device_no, MAX_DEVICE_NO_CHARS),
        (DeviceRegistryError("serial_too_long", max_chars=MAX_SERIAL_CHARS), serial, MAX_SERIAL_CHARS),
        (DeviceRegistryError("model_too_long", max_chars=MAX_MODEL_CHARS), model, MAX_MODEL_CHARS),
    ):
        if len(value) > limit:
            raise too_long
    unit = _get(session, Unit, unit_id) if unit_id is not None else None
    require_registry_right(session, who, unit_id)
    taken = DeviceRegistryError("device_no_taken", device_no=device_no)
    if session.execute(select(Device.id).where(Device.device_no == device_no)).first():
        raise taken
    try:
        with session.begin_nested():  # another workstation may register the same number at the same moment
            device = registry.register_device(session, who, device_no, serial or None, model or None, unit)
    except IntegrityError as error:
        raise taken from error
    return get_device(session, device.id)


def assign_officer_to_unit(session: Session, who: Identity, officer_id: int, unit_id: int) -> OfficerRow:
    """Put an officer in a unit (typically one ingest registered as 待分配); audited with the previous unit.

    Footage already archived keeps the unit it was filed under; recorders keep theirs until a handover.
    """
    officer = _get(session, Officer, officer_id)
    unit = _get(session, Unit, unit_id)
    require_registry_right(session, who, officer.unit_id, unit.id)
    if officer.unit_id == unit.id:
        raise DeviceRegistryError("already_in_unit", name=officer.name, badge_no=officer.badge_no, unit=unit.name)
    previous = officer.unit_id
    officer.unit_id = unit.id
    session.flush()
    audit.record(
        session,
        who.audit_name,
        "officer.assign_unit",
        "officer",
        officer.id,
        {"unit_id": unit.id, "unit_code": unit.code, "previous_unit_id": previous},
    )
    return _officer_row(officer, unit.code, unit.name)


def require_registry_right(session: Session, who: Identity, *unit_ids: int | None) -> None:
    """Only administrators keep the registry, and only for their own unit and the units below it.

    A unit id of None (a recorder or officer still 待分配) is for administrators of 支队 level and above,
    the same rule as for 待分配 footage.
    """
    principal = permissions.principal_of(session, who)
    if principal.role is not Role.ADMIN:
        raise PermissionDenied("devices_admin_only")
    subtree = OrgTree.load(session).subtree(principal.unit_id)
    handles_unassigned = permissions.allowed(principal.role, principal.level, Action.VIEW, Relation.UNASSIGNED)
    for unit_id in unit_ids:
        if (unit_id is None and not handles_unassigned) or (unit_id is not None and unit_id not in subtree):
            raise PermissionDenied("device_not_managed")


def _devices_statement() -> Select[Device, str, str, str, str, datetime]:  # outer joins: all but Device may be None
    holder, unit = aliased(Officer), aliased(Unit)
    return (
        select(Device, unit.code, unit.name, holder.name, holder.badge_no, DeviceAssignment.assigned_at)
        .outerjoin(unit, unit.id == Device.unit_id)
        .outerjoin(holder, holder.id == Device.holder_officer_id)
        .outerjoin(
            DeviceAssignment,
            (DeviceAssignment.device_id == Device.id)
            & (DeviceAssignment.officer_id == Device.holder_officer_id)
            & DeviceAssignment.released_at.is_(None),
        )
    )


def _device_row(
    device: Device,
    unit_code: str | None,
    unit_name: str | None,
    holder_name: str | None,
    holder_badge_no: str | None,
    holder_since: datetime | None,
) -> DeviceRow:
    return DeviceRow(
        id=device.id,
        device_no=device.device_no,
        model=device.model,
        serial=device.serial,
        unit_code=unit_code,
        unit_name=unit_name,
        holder_id=device.holder_officer_id,
        holder_name=holder_name,
        holder_badge_no=holder_badge_no,
        holder_since=holder_since,
        registered_at=device.registered_at,
    )


def _officer_row(officer: Officer, unit_code: str | None, unit_name: str | None) -> OfficerRow:
    return OfficerRow(officer.id, officer.badge_no, officer.name, officer.unit_id, unit_code, unit_name)


def _get(session: Session, model: type[_Row], row_id: int, lock: bool = False) -> _Row:
    row = session.get(model, row_id, with_for_update=lock)
    if row is None and model is Device:
        raise DeviceRegistryError("device_gone")
    if row is None and model is Officer:
        raise DeviceRegistryError("officer_gone")
    if row is None:
        raise DeviceRegistryError("unit_gone")
    return row
