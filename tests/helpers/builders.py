"""Small builders for test archives: an organisation, recorder dumps with real generated media."""

import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Unit
from workstation import permissions
from workstation.archive import Archive
from workstation.demo import synth
from workstation.footage.devicelog import LogEvent
from workstation.footage.types import DeviceEventType
from workstation.identity import Identity
from workstation.org import registry, users
from workstation.types import ClipScope, Role, UnitLevel

ACTOR = "admin"


@dataclass(frozen=True)
class Org:
    detachment: str
    brigades: tuple[str, ...]


ADMIN_PASSWORD = "correct-horse"
PLAYBACK_REVIEWERS = ("alice", "bob", "reviewer")


def build_org(archive: Archive) -> Org:
    """支队 ZD01 with brigades DD01 and DD02; officer 010203 (DD01) holds DEV0001, 010204 (DD02) DEV0002.

    User "admin" (password ADMIN_PASSWORD) is the 支队's footage administrator; "alice", "bob" and
    "reviewer" are its spot-check reviewers (they may view, mark and annotate all of its footage).
    """
    with archive.sessions.write() as session:
        corps = registry.create_unit(
            session, Identity.user(ACTOR), "ZD", "某省消防救援总队", UnitLevel.CORPS, "消防", None
        )
        detachment = registry.create_unit(
            session, Identity.user(ACTOR), "ZD01", "某市支队", UnitLevel.DETACHMENT, "消防", corps
        )
        first = registry.create_unit(
            session, Identity.user(ACTOR), "DD01", "城东大队", UnitLevel.BRIGADE, "消防", detachment
        )
        second = registry.create_unit(
            session, Identity.user(ACTOR), "DD02", "城西大队", UnitLevel.BRIGADE, "消防", detachment
        )
        for badge, name, unit, device_no in (
            ("010203", "张伟", first, "DEV0001"),
            ("010204", "李娜", second, "DEV0002"),
        ):
            officer = registry.create_officer(session, Identity.user(ACTOR), badge, name, unit)
            device = registry.register_device(
                session, Identity.user(ACTOR), device_no, f"SN-{device_no}", "DSJ-V9", unit
            )
            registry.assign_device(session, Identity.user(ACTOR), device, officer, at=datetime(2026, 1, 1))
        users.create_user(session, Identity.user(ACTOR), "admin", "用户admin", detachment, Role.ADMIN, ADMIN_PASSWORD)
        for login in PLAYBACK_REVIEWERS:
            users.create_user(
                session, Identity.user(ACTOR), login, f"用户{login}", detachment, Role.REVIEWER, ADMIN_PASSWORD
            )
    return Org("ZD01", ("DD01", "DD02"))


@cache
def _cached_video(seconds: float, seed: int) -> Path:
    folder = Path(tempfile.gettempdir()) / f"ws-test-media-{os.getpid()}"
    folder.mkdir(parents=True, exist_ok=True)
    return synth.make_video(folder / f"v{seconds}-{seed}.mp4", seconds, tone_hz=300 + seed * 37)


def video(target: Path, seconds: float = 1.0, seed: int = 0) -> Path:
    """A real H.264/AAC clip at target; distinct seeds give distinct content (and hashes)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_cached_video(seconds, seed), target)
    return target


def recorder_dump(folder: Path, device_no: str, badge: str, start: datetime, clips: int, seed: int = 0) -> list[Path]:
    """What a recorder holds: `clips` GA/T 947-named videos one minute apart, and its log file."""
    paths = []
    for index in range(clips):
        moment = start + timedelta(minutes=index)
        name = f"{device_no}_{badge}_{moment:%Y%m%d%H%M%S}_{index + 1:04d}.MP4"
        paths.append(video(folder / "DCIM" / name, seed=seed * 100 + index))
    log_events = [
        LogEvent(start - timedelta(seconds=30), DeviceEventType.POWER_ON, device_no),
        LogEvent(start, DeviceEventType.RECORD_START, ""),
        LogEvent(start + timedelta(minutes=clips), DeviceEventType.RECORD_STOP, ""),
        LogEvent(start + timedelta(minutes=clips, seconds=5), DeviceEventType.LOW_BATTERY, "15%"),
    ]
    log_name = f"{device_no}_{badge}_{start:%Y%m%d%H%M%S}_0000.LOG"
    paths.append(synth.make_log(folder / "LOG" / log_name, log_events))
    return paths


def add_user(archive: Archive, login: str, role: Role, unit_code: str, password: str = ADMIN_PASSWORD) -> None:
    """A user of the given role at the unit with this code."""
    with archive.sessions.write() as session:
        unit = session.execute(select(Unit).where(Unit.code == unit_code)).scalar_one()
        users.create_user(session, Identity.user(ACTOR), login, f"用户{login}", unit, role, password)


def whole_archive(session: Session) -> ClipScope:
    """Every clip of the archive, as a system actor lists it: the tests' view, outside anyone's rights."""
    return permissions.clip_scope(session, Identity.system("tests"))
