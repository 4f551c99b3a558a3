"""The device registry service: listing, 待分配 flags, holder history, handovers and their audit rows."""

import json
from datetime import datetime

import pytest
from sqlalchemy import func, select

from db.models import AuditEvent, DeviceAssignment
from tests.helpers.builders import build_org
from workstation import audit
from workstation.cli import messages
from workstation.identity import Identity
from workstation.org import devices, registry
from workstation.org.devices import DeviceRegistryError

HANDOVER_AT = datetime(2026, 11, 22, 14, 5, 9)


def _device(archive, device_no: str):
    with archive.sessions.read() as session:
        return next(row for row in devices.list_devices(session) if row.device_no == device_no)


def _officer(archive, badge_no: str):
    with archive.sessions.read() as session:
        return next(row for row in devices.list_officers(session) if row.badge_no == badge_no)


def _audit_events(archive, action: str) -> list[AuditEvent]:
    with archive.sessions.read() as session:
        return session.execute(select(AuditEvent).where(AuditEvent.action == action)).scalars().all()


def _audit_count(archive) -> int:
    with archive.sessions.read() as session:
        return session.execute(select(func.count()).select_from(AuditEvent)).scalar_one()


def _ingest_unknown_recorder(archive) -> None:
    """What ingest does with a recorder and 警号 missing from the registry: registers both as 待分配."""
    with archive.sessions.write() as session:
        registry.resolve_recorder(session, Identity.user("admin"), "DEV9999", "777777", datetime(2026, 11, 21, 8, 30))


def test_lists_devices_with_holder_unit_and_unassigned_flag(archive):
    build_org(archive)
    _ingest_unknown_recorder(archive)

    with archive.sessions.read() as session:
        rows = devices.list_devices(session)

    assert [row.device_no for row in rows] == ["DEV0001", "DEV0002", "DEV9999"]
    first, _, unknown = rows
    assert (first.model, first.serial, first.unit_code, first.unit_name) == ("DSJ-V9", "SN-DEV0001", "DD01", "城东大队")
    assert (first.holder_name, first.holder_badge_no, first.holder_since) == ("张伟", "010203", datetime(2026, 1, 1))
    assert not first.unassigned
    assert unknown.unassigned and unknown.holder_name is None and unknown.unit_code is None
    assert unknown.model is None and unknown.serial is None


def test_handover_closes_the_previous_period_moves_the_unit_and_is_audited(archive):
    build_org(archive)
    device, new_holder = _device(archive, "DEV0001"), _officer(archive, "010204")

    with archive.sessions.write() as session:
        row = devices.reassign_device(
            session, Identity.user("admin"), device.id, new_holder.id, "  张伟调岗，移交李娜  ", HANDOVER_AT
        )

    assert (row.holder_name, row.holder_badge_no, row.holder_since) == ("李娜", "010204", HANDOVER_AT)
    assert row.unit_code == "DD02", "a recorder belongs to its holder's unit"
    with archive.sessions.read() as session:
        history = devices.device_history(session, device.id)
        open_periods = session.execute(
            select(func.count())
            .select_from(DeviceAssignment)
            .where(DeviceAssignment.device_id == device.id, DeviceAssignment.released_at.is_(None))
        ).scalar_one()
        assert audit.verify_chain(session).ok
    assert [(period.badge_no, period.assigned_at, period.released_at) for period in history] == [
        ("010204", HANDOVER_AT, None),
        ("010203", datetime(2026, 1, 1), HANDOVER_AT),
    ]
    assert history[0].handover_note == "张伟调岗，移交李娜" and history[0].recorded_by == "admin"
    assert open_periods == 1, "one device, one holder"
    event = _audit_events(archive, "device.assign")[-1]
    assert (event.actor, event.target_type, event.target_id) == ("admin", "device", str(device.id))
    assert json.loads(event.details) == {
        "officer_id": new_holder.id,
        "previous_officer_id": _officer(archive, "010203").id,
        "note": "张伟调岗，移交李娜",
    }


def test_first_assignment_of_an_unassigned_recorder_clears_its_flag(archive):
    build_org(archive)
    _ingest_unknown_recorder(archive)
    unknown = _device(archive, "DEV9999")

    with archive.sessions.write() as session:
        devices.reassign_device(
            session, Identity.user("admin"), unknown.id, _officer(archive, "010203").id, "借用设备登记"
        )

    assigned = _device(archive, "DEV9999")
    assert not assigned.unassigned and assigned.holder_badge_no == "010203" and assigned.unit_code == "DD01"
    with archive.sessions.read() as session:
        assert len(devices.device_history(session, unknown.id)) == 1


@pytest.mark.parametrize(
    ("badge", "note", "message"),
    [("010203", "重复", "当前已由 张伟（警号 010203） 持有"), ("010204", "长" * 501, "交接说明过长")],
    ids=["same-holder", "note-too-long"],
)
def test_refused_handovers_change_nothing(archive, badge, note, message):
    build_org(archive)
    device, officer = _device(archive, "DEV0001"), _officer(archive, badge)
    events_before = _audit_count(archive)

    with pytest.raises(DeviceRegistryError) as refusal, archive.sessions.write() as session:
        devices.reassign_device(session, Identity.user("admin"), device.id, officer.id, note)
    assert message in messages.describe(refusal.value)  # the words, as the command line says them

    assert _audit_count(archive) == events_before
    assert _device(archive, "DEV0001").holder_badge_no == "010203"


def test_rows_removed_meanwhile_are_reported_in_plain_words(archive):
    build_org(archive)
    device = _device(archive, "DEV0001")
    with archive.sessions.read() as session:
        assert devices.device_history(session, 999) == []
        with pytest.raises(DeviceRegistryError, match="device_gone"):
            devices.get_device(session, 999)
    with pytest.raises(DeviceRegistryError, match="officer_gone"), archive.sessions.write() as session:
        devices.reassign_device(session, Identity.user("admin"), device.id, 999, "")


def test_register_device_upper_cases_its_number_and_refuses_duplicates(archive):
    build_org(archive)
    with archive.sessions.read() as session:
        brigade = next(unit for unit in devices.list_units(session) if unit.code == "DD02")

    with archive.sessions.write() as session:
        row = devices.register_device(session, Identity.user("admin"), " dsj0100 ", "V9A1B2C3", "DSJ-V9", brigade.id)

    assert (row.device_no, row.serial, row.model, row.unit_name) == ("DSJ0100", "V9A1B2C3", "DSJ-V9", "城西大队")
    assert row.unassigned
    assert json.loads(_audit_events(archive, "device.register")[-1].details)["device_no"] == "DSJ0100"
    with pytest.raises(DeviceRegistryError, match="device_no_taken"), archive.sessions.write() as session:
        devices.register_device(session, Identity.user("admin"), "DSJ0100", "", "", None)
    with pytest.raises(DeviceRegistryError, match="device_no_missing"), archive.sessions.write() as session:
        devices.register_device(session, Identity.user("admin"), "DSJ 0101", "", "", None)


def test_officers_awaiting_a_unit_and_assigning_one(archive):
    build_org(archive)
    _ingest_unknown_recorder(archive)
    with archive.sessions.read() as session:
        waiting = devices.list_officers(session, unassigned_only=True)
        brigade = next(unit for unit in devices.list_units(session) if unit.code == "DD01")
    assert [(officer.badge_no, officer.name, officer.unassigned) for officer in waiting] == [("777777", "", True)]

    with archive.sessions.write() as session:
        row = devices.assign_officer_to_unit(session, Identity.user("admin"), waiting[0].id, brigade.id)

    assert (row.unit_code, row.unit_name, row.unassigned) == ("DD01", "城东大队", False)
    with archive.sessions.read() as session:
        assert devices.list_officers(session, unassigned_only=True) == []
    event = _audit_events(archive, "officer.assign_unit")[-1]
    assert event.target_id == str(waiting[0].id)
    assert json.loads(event.details) == {"unit_id": brigade.id, "unit_code": "DD01", "previous_unit_id": None}
    with pytest.raises(DeviceRegistryError, match="already_in_unit"), archive.sessions.write() as session:
        devices.assign_officer_to_unit(session, Identity.user("admin"), waiting[0].id, brigade.id)
