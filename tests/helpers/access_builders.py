"""An organisation for permission and approval tests: every relation a clip's unit can have to a user's.

    ZD  某省消防总队 (corps, 消防)              XZ  邻省消防总队 (corps, 消防) — another organisation
    ├── ZD01 一支队 (detachment, 消防)           └── XD01 邻省支队 ── XB01 邻省大队
    │   ├── DD01 城东大队 (brigade, 消防)
    │   ├── DD02 城西大队 (brigade, 消防)
    │   └── DJ01 交警一大队 (brigade, 交警)
    ├── ZD02 二支队 (detachment, 消防) ── DD03 江北大队
    └── ZJ01 交警支队 (detachment, 交警)

One clip is filed under every unit, plus one awaiting assignment (待分配, no unit). Rows are inserted
directly (no media files): permission checks never open the media.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from unittest.mock import patch

from sqlalchemy import select

from db.models import Clip, Officer, Unit
from workstation.archive import Archive
from workstation.identity import Identity
from workstation.org import registry, users
from workstation.org.passwords import hash_password
from workstation.retention import assignment
from workstation.types import Role, UnitLevel

ACTOR = "admin"
PASSWORD = "correct-horse"
RECORDED = datetime(2026, 11, 21, 8, 30)

UNITS = (
    ("ZD", "某省消防总队", UnitLevel.CORPS, "消防", None),
    ("ZD01", "一支队", UnitLevel.DETACHMENT, "消防", "ZD"),
    ("DD01", "城东大队", UnitLevel.BRIGADE, "消防", "ZD01"),
    ("DD02", "城西大队", UnitLevel.BRIGADE, "消防", "ZD01"),
    ("DJ01", "交警一大队", UnitLevel.BRIGADE, "交警", "ZD01"),
    ("ZD02", "二支队", UnitLevel.DETACHMENT, "消防", "ZD"),
    ("DD03", "江北大队", UnitLevel.BRIGADE, "消防", "ZD02"),
    ("ZJ01", "交警支队", UnitLevel.DETACHMENT, "交警", "ZD"),
    ("XZ", "邻省消防总队", UnitLevel.CORPS, "消防", None),
    ("XD01", "邻省支队", UnitLevel.DETACHMENT, "消防", "XZ"),
    ("XB01", "邻省大队", UnitLevel.BRIGADE, "消防", "XD01"),
)
UNASSIGNED = "待分配"
"""Key of the clip with no unit in AccessOrg.clips."""


@dataclass(frozen=True)
class AccessOrg:
    units: dict[str, int]  # unit code → id
    clips: dict[str, int]  # unit code (or UNASSIGNED) → the id of the clip filed there
    officers: dict[str, int]  # unit code → the id of the officer (警号 "9" + code) who recorded that clip


def build_access_org(archive: Archive) -> AccessOrg:
    with archive.sessions.write() as session:
        units: dict[str, Unit] = {}
        for code, name, level, police_type, parent in UNITS:
            units[code] = registry.create_unit(
                session, Identity.user(ACTOR), code, name, level, police_type, units.get(parent or "")
            )
        officers = {
            code: registry.create_officer(session, Identity.user(ACTOR), f"9{code}", f"民警{code}", unit)
            for code, unit in units.items()
        }
        clips = {code: add_clip(session, unit, officers[code]) for code, unit in units.items()}
        clips[UNASSIGNED] = add_clip(session, None, None)
        # the corps administrator who sets up cases in the tests (ACTOR of every row made here)
        users.create_user(session, Identity.user(ACTOR), ACTOR, "总队管理员", units["ZD"], Role.ADMIN, PASSWORD)
    return AccessOrg(
        {code: unit.id for code, unit in units.items()},
        clips,
        {code: officer.id for code, officer in officers.items()},
    )


def add_clip(session, unit: Unit | None, officer: Officer | None, start: datetime = RECORDED) -> int:
    """A clip row filed under the unit and officer (either may be None: 待分配)."""
    number = session.execute(select(Clip.id).order_by(Clip.id.desc()).limit(1)).scalar_one_or_none() or 0
    name = f"DEV{number + 1:04d}_{start:%Y%m%d%H%M%S}.MP4"
    clip = Clip(
        sha256=f"{number + 1:064x}",
        file_type="video",
        original_name=name,
        media_path=f"{unit.code if unit else '_待分配'}/{name}",
        size_bytes=1000,
        unit_id=unit.id if unit else None,
        officer_id=officer.id if officer else None,
        recorded_start=start,
        recorded_end=start + timedelta(minutes=1),
        duration_ms=60_000,
        ingested_at=start + timedelta(hours=1),
        ingest_station="测试采集站",
        name_pattern="test",
    )
    assignment.assign_new(session, clip)  # as filing an ingested clip does
    session.add(clip)
    session.flush()
    return clip.id


def add_user(archive: Archive, login: str, role: Role, unit_code: str, officer_id: int | None = None) -> None:
    add_users(archive, [(login, role, unit_code)], officer_id)


def add_users(archive: Archive, staff: Iterable[tuple[str, Role, str]], officer_id: int | None = None) -> None:
    """Users (login, role, unit code) with the password PASSWORD, in one transaction.

    scrypt is slow on purpose; every test user has the same password, so its hash is computed once.
    """
    with archive.sessions.write() as session, patch.object(users, "hash_password", _hash_once):
        for login, role, unit_code in staff:
            unit = session.execute(select(Unit).where(Unit.code == unit_code)).scalar_one()
            users.create_user(session, Identity.user(ACTOR), login, f"用户{login}", unit, role, PASSWORD, officer_id)


_hash_once = cache(hash_password)
