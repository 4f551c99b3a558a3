"""An organisation and expired footage with real files, for the destruction tests.

    ZD  某省消防总队 (corps)          users: corps_admin (ADMIN: may execute), corps_head (APPROVER)
    ├── ZD01 一支队 (detachment)      users: clerk (ADMIN: requests), head (APPROVER), legal (LEGAL)
    │   ├── DD01 城东大队            users: dd_admin (ADMIN)
    │   └── DD02 城西大队
    └── ZD02 二支队 ── DD03 江北大队   users: head2 (APPROVER of ZD02)

Clip rows are inserted directly with a chosen keep-until date; each has a real file of its own bytes under
the media root (read-only, as archived), whose SHA-256 is the clip's.
"""

import hashlib
import os
import stat
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from db.models import Clip, Device, LegalHold, LegalHoldItem, Officer, Unit, User
from tests.helpers.access_builders import add_users
from workstation.archive import Archive
from workstation.identity import Identity
from workstation.org import registry
from workstation.types import Role, UnitLevel

ACTOR = "admin"
TODAY = date(2026, 11, 22)
EXPIRED = date(2026, 1, 1)  # keep-until of an expired clip: before TODAY
LATER = date(2027, 1, 1)  # keep-until of a clip still kept
RECORDED = datetime(2024, 1, 1, 9, 0)

UNITS = (
    ("ZD", "某省消防总队", UnitLevel.CORPS, None),
    ("ZD01", "一支队", UnitLevel.DETACHMENT, "ZD"),
    ("DD01", "城东大队", UnitLevel.BRIGADE, "ZD01"),
    ("DD02", "城西大队", UnitLevel.BRIGADE, "ZD01"),
    ("ZD02", "二支队", UnitLevel.DETACHMENT, "ZD"),
    ("DD03", "江北大队", UnitLevel.BRIGADE, "ZD02"),
)
STAFF = (
    ("corps_admin", Role.ADMIN, "ZD"),
    ("corps_head", Role.APPROVER, "ZD"),
    ("clerk", Role.ADMIN, "ZD01"),
    ("head", Role.APPROVER, "ZD01"),
    ("legal", Role.LEGAL, "ZD01"),
    ("dd_admin", Role.ADMIN, "DD01"),
    ("head2", Role.APPROVER, "ZD02"),
)


@dataclass(frozen=True)
class DestructionOrg:
    units: dict[str, int]  # code → id


def build_destruction_org(archive: Archive) -> DestructionOrg:
    """The units above, an officer and a recorder in each brigade, and the users of STAFF."""
    with archive.sessions.write() as session:
        units: dict[str, Unit] = {}
        for code, name, level, parent in UNITS:
            units[code] = registry.create_unit(
                session, Identity.user(ACTOR), code, name, level, "消防", units.get(parent or "")
            )
        for code in ("DD01", "DD02", "DD03"):
            registry.create_officer(session, Identity.user(ACTOR), f"9{code}", f"民警{code}", units[code])
            registry.register_device(session, Identity.user(ACTOR), f"DEV{code}", None, None, units[code])
        ids = {code: unit.id for code, unit in units.items()}
    add_users(archive, STAFF)
    return DestructionOrg(ids)


def add_clip(
    archive: Archive,
    unit_code: str,
    keep_until: date | None = EXPIRED,
    content: bytes | None = None,
    recorded: datetime = RECORDED,
) -> int:
    """A clip of the unit's officer with a real file (`content`, else bytes of its own) and this keep-until."""
    with archive.sessions.write() as session:
        return add_clip_in(session, archive, unit_code, keep_until, content, recorded)


def add_clip_in(session, archive, unit_code, keep_until=EXPIRED, content=None, recorded=RECORDED) -> int:
    unit = session.execute(select(Unit).where(Unit.code == unit_code)).scalar_one()
    officer = session.execute(select(Officer).where(Officer.unit_id == unit.id)).scalars().first()
    device = session.execute(select(Device).where(Device.unit_id == unit.id)).scalars().first()
    number = (session.execute(select(Clip.id).order_by(Clip.id.desc()).limit(1)).scalar_one_or_none() or 0) + 1
    data = content if content is not None else f"clip {number} of {unit_code}".encode() * 64
    name = f"DEV{unit_code}_{recorded + timedelta(minutes=number):%Y%m%d%H%M%S}_{number:04d}.MP4"
    media_path = f"{unit_code}/{name}"
    write_original(archive, media_path, data)
    clip = Clip(
        sha256=hashlib.sha256(data).hexdigest(),
        file_type="video",
        original_name=name,
        media_path=media_path,
        size_bytes=len(data),
        unit_id=unit.id,
        officer_id=officer.id if officer else None,
        device_id=device.id if device else None,
        recorded_start=recorded + timedelta(minutes=number),
        recorded_end=recorded + timedelta(minutes=number + 1),
        duration_ms=60_000,
        ingested_at=recorded + timedelta(hours=1),
        ingest_station="测试采集站",
        name_pattern="test",
        retention_class="years_2",
        retention_rule="base",
        keep_until=keep_until,
    )
    session.add(clip)
    session.flush()
    return clip.id


def write_original(archive: Archive, media_path: str, data: bytes) -> None:
    """An archived original: written once, then read-only."""
    path = archive.absolute_path(media_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)


def place_hold(archive: Archive, clip_ids: list[int], placed_by: str = "legal") -> int:
    """An active legal hold on the clips (rows written directly: the holds service is not under test here)."""
    with archive.sessions.write() as session:
        user_id = session.execute(select(User.id).where(User.login == placed_by)).scalar_one()
        hold = LegalHold(reason="诉讼保全", placed_by=user_id, placed_at=datetime(2026, 11, 1, 9, 0))
        session.add(hold)
        session.flush()
        session.add_all(LegalHoldItem(hold_id=hold.id, clip_id=clip_id) for clip_id in clip_ids)
        return hold.id


def release_hold(archive: Archive, hold_id: int) -> None:
    with archive.sessions.write() as session:
        hold = session.get_one(LegalHold, hold_id)
        hold.released_at = datetime(2026, 11, 2, 9, 0)
        hold.released_by = hold.placed_by
