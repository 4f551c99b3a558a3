"""What the registry and account services return: officers, recorders, holders, users."""

from dataclasses import dataclass
from datetime import datetime

from workstation.types import Role

MAX_NOTE_CHARS = 500
"""The longest handover note of a recorder: the width of device_assignments.handover_note."""


@dataclass(frozen=True)
class OfficerRow:
    """An officer (执法人员) by 警号; unit_id is None while the officer awaits assignment (待分配)."""

    id: int
    badge_no: str
    name: str
    unit_id: int | None
    unit_code: str | None
    unit_name: str | None

    @property
    def unassigned(self) -> bool:
        return self.unit_id is None


@dataclass(frozen=True)
class DeviceRow:
    """A recorder in the registry (R11) with its current holder; holder_id is None when it is 待分配."""

    id: int
    device_no: str
    model: str | None
    serial: str | None
    unit_code: str | None
    unit_name: str | None
    holder_id: int | None
    holder_name: str | None
    holder_badge_no: str | None
    holder_since: datetime | None
    registered_at: datetime

    @property
    def unassigned(self) -> bool:
        return self.holder_id is None


@dataclass(frozen=True)
class UserRow:
    """A user account as an administrator sees it; locked_until is None unless a lock-out is in force."""

    login: str
    display_name: str
    role: Role
    unit_code: str
    unit_name: str
    active: bool
    locked_until: datetime | None
    failed_logins: int
    must_change_password: bool


@dataclass(frozen=True)
class HolderPeriod:
    """One period during which an officer held a device; released_at is None for the current holder."""

    officer_id: int
    officer_name: str
    badge_no: str
    assigned_at: datetime
    released_at: datetime | None
    handover_note: str
    recorded_by: str
