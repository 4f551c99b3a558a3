"""Organisation and equipment: units (总队/支队/大队), users, officers (警号), recorders (设备) and handovers."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class Unit(Base):
    """A unit in the hierarchy 总队 (corps) → 支队 (detachment) → 大队 (brigade), with its police type (警种)."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16))  # workstation.types.UnitLevel
    police_type: Mapped[str] = mapped_column(String(32))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)


class User(Base):
    """Someone who signs in to the workstation. The password is stored as a scrypt hash only."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # workstation.types.Role
    password_hash: Mapped[str] = mapped_column(String(255))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    # set by an administrator's password reset: the user changes it at the next sign-in
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime]


class Officer(Base):
    """An officer (执法人员) by badge number (警号). unit_id is NULL while the officer awaits assignment (待分配)."""

    __tablename__ = "officers"

    id: Mapped[int] = mapped_column(primary_key=True)
    badge_no: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    registered_at: Mapped[datetime]


class Device(Base):
    """A recorder (执法记录仪) by device number (设备编号). One device, one holder (附件2 第十三条).

    holder_officer_id is NULL while the device awaits assignment (待分配). clock_offset_ms is what must be
    added to the recorder's clock to get true time; it is copied to each clip at ingest.
    """

    __tablename__ = "devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    device_no: Mapped[str] = mapped_column(String(64), unique=True)
    serial: Mapped[str | None] = mapped_column(String(64))
    model: Mapped[str | None] = mapped_column(String(64))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    holder_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"), index=True)
    clock_offset_ms: Mapped[int] = mapped_column(Integer, default=0)
    registered_at: Mapped[datetime]


class DeviceAssignment(Base):
    """One period during which an officer held a device; a handover closes one and opens the next."""

    __tablename__ = "device_assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"), index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"), index=True)
    assigned_at: Mapped[datetime]
    released_at: Mapped[datetime | None]
    handover_note: Mapped[str] = mapped_column(String(500), default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
