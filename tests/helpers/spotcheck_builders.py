"""Archives for the spot-check tests: officers with a day's clips as database rows, and the demo archive.

Clip rows are inserted directly (no media files): drawing, claiming, reviewing and the ledger never open
the media. `demo_copy` builds the real demo archive (generated footage through the real ingest) once per
test process and hands each test its own copy.
"""

import atexit
import hashlib
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

from sqlalchemy import select

from db.models import Clip, Officer, Unit
from tests.helpers.access_builders import add_users
from workstation import audit, sample_seeds
from workstation.archive import Archive
from workstation.identity import Identity
from workstation.org import registry
from workstation.types import FileType, Role, UnitLevel

ACTOR = "admin"
INGEST_ACTOR = "station:测试采集站"
DAY = date(2026, 11, 21)
UNITS = (
    ("ZD01", "临江市消防救援支队", UnitLevel.DETACHMENT, None),
    ("DD01", "城东区消防救援大队", UnitLevel.BRIGADE, "ZD01"),
    ("DD02", "城西区消防救援大队", UnitLevel.BRIGADE, "ZD01"),
)
STAFF = (
    ("admin", Role.ADMIN, "ZD01"),
    ("checker1", Role.REVIEWER, "DD01"),
    ("checker2", Role.REVIEWER, "DD01"),
    ("checker3", Role.REVIEWER, "ZD01"),
    ("head", Role.APPROVER, "ZD01"),
    ("officer", Role.OFFICER, "DD01"),
)


@dataclass(frozen=True)
class SpotCheckOrg:
    units: dict[str, int]
    officers: dict[str, int]  # 警号 → id
    clips: dict[str, list[int]]  # 警号 → the ids of the officer's video clips of DAY, in recording order


def build_spotcheck_org(archive: Archive, per_unit: dict[str, list[int]] | None = None) -> SpotCheckOrg:
    """Units ZD01 > DD01, DD02 with staff (STAFF); officers per unit with that many video clips on DAY.

    Default: DD01 has officers 100001 (10 clips) and 100002 (3 clips), DD02 has 200001 (1 clip). Every officer
    also has a photo and a log file that day, which are never candidates.
    """
    per_unit = per_unit or {"DD01": [10, 3], "DD02": [1]}
    with archive.sessions.write() as session:
        units: dict[str, Unit] = {}
        for code, name, level, parent in UNITS:
            units[code] = registry.create_unit(
                session, Identity.user(ACTOR), code, name, level, "消防", units.get(parent or "")
            )
        officers, clips = {}, {}
        for unit_code, counts in per_unit.items():
            for index, count in enumerate(counts, start=1):
                badge = f"{unit_code[-1]}0000{index}"
                officer = registry.create_officer(
                    session, Identity.user(ACTOR), badge, f"民警{badge}", units[unit_code]
                )
                officers[badge] = officer.id
                clips[badge] = [
                    add_clip(session, units[unit_code], officer, datetime(2026, 11, 21, 8) + timedelta(minutes=5 * n))
                    for n in range(count)
                ]
                for file_type in (FileType.PHOTO, FileType.LOG):
                    add_clip(session, units[unit_code], officer, datetime(2026, 11, 21, 12), file_type=file_type)
    add_users(archive, STAFF)
    return SpotCheckOrg({code: unit.id for code, unit in units.items()}, officers, clips)


def add_clip(
    session,
    unit: Unit | None,
    officer: Officer | None,
    start: datetime,
    duration_ms: int = 60_000,
    file_type: FileType = FileType.VIDEO,
    ingested_after: timedelta = timedelta(hours=2),
) -> int:
    """A clip row of the officer, content-addressed by a hash of its name, archived as ingest does it: the day's
    sampling seeds committed first (workstation.sample_seeds), then the clip with its `clip.ingest` audit row."""
    badge = officer.badge_no if officer else "000000"
    name = f"DEV{badge}_{badge}_{start:%Y%m%d%H%M%S}_{file_type.value}.MP4"
    clip = Clip(
        sha256=hashlib.sha256(name.encode()).hexdigest(),
        file_type=file_type,
        original_name=name,
        media_path=f"{unit.code if unit else '_待分配'}/{badge}/{name}",
        size_bytes=1000,
        unit_id=unit.id if unit else None,
        officer_id=officer.id if officer else None,
        recorded_start=start,
        recorded_end=start + timedelta(milliseconds=duration_ms),
        duration_ms=duration_ms if file_type in (FileType.VIDEO, FileType.AUDIO) else None,
        ingested_at=start + ingested_after,
        ingest_station="测试采集站",
        name_pattern="test",
    )
    session.add(clip)
    session.flush()
    if unit is not None:
        sample_seeds.ensure_committed(session, INGEST_ACTOR, unit.id, start.date(), "ingest")
    audit.record(session, INGEST_ACTOR, "clip.ingest", "clip", clip.id, {"sha256": clip.sha256})
    return clip.id


def officer_clip(archive: Archive, badge: str, start: datetime, **options) -> int:
    """Add one more clip for an existing officer, in its own transaction."""
    with archive.sessions.write() as session:
        officer = session.execute(select(Officer).where(Officer.badge_no == badge)).scalar_one()
        unit = session.get(Unit, officer.unit_id)
        return add_clip(session, unit, officer, start, **options)


@cache
def _demo_archive() -> tuple[Path, date]:
    from workstation.demo.archive import build_demo_archive

    root = Path(tempfile.mkdtemp(prefix="ws-spotcheck-demo-"))
    atexit.register(shutil.rmtree, root, True)
    folder = root / "archive"
    summary = build_demo_archive(folder, officers=6, days=2)
    return folder, summary.period[1]


def demo_copy(target: Path) -> Archive:
    """An embedded copy of the demo archive (6 officers, the two days before it was built), opened."""
    shutil.copytree(_demo_archive()[0], target)
    return Archive.open_embedded(target)


def demo_last_day() -> date:
    """The last day of the demo's footage: "yesterday" when it was built, which need not be yesterday now
    (a test run may pass midnight)."""
    return _demo_archive()[1]
