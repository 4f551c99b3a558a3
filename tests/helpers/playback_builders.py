"""Clips for the playback tests: rows of an officer's recordings, optionally with real media behind them.

Rows are inserted directly (the services under test read rows, not media); `with_media` copies a real
clip to the clip's place under the media root for the player window tests.
"""

import shutil
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from db.models import Clip, Device, Officer
from workstation.archive import Archive
from workstation.types import FileType

DAY_START = datetime(2026, 11, 21, 8, 30, 0)


def add_clip(
    archive: Archive,
    badge_no: str,
    start: datetime,
    seconds: float = 10.0,
    *,
    file_type: FileType = FileType.VIDEO,
    offset_ms: int = 0,
    with_media: Path | None = None,
    duration_known: bool = True,
) -> int:
    """A clip of the officer with this 警号, from their recorder, starting (by the recorder's clock) at start."""
    with archive.sessions.write() as session:
        officer = session.execute(select(Officer).where(Officer.badge_no == badge_no)).scalar_one()
        device = session.execute(select(Device).where(Device.holder_officer_id == officer.id)).scalar_one()
        number = (session.execute(select(func.max(Clip.id))).scalar_one() or 0) + 1
        extension = {FileType.VIDEO: "MP4", FileType.AUDIO: "M4A", FileType.PHOTO: "JPG"}[file_type]
        name = f"{device.device_no}_{badge_no}_{start:%Y%m%d%H%M%S}_{number:04d}.{extension}"
        clip = Clip(
            sha256=f"{number:064x}",
            file_type=file_type,
            original_name=name,
            media_path=f"DD01/{badge_no}/{start:%Y-%m-%d}/{name}",
            size_bytes=with_media.stat().st_size if with_media else 1000,
            unit_id=officer.unit_id,
            officer_id=officer.id,
            device_id=device.id,
            recorded_start=start,
            recorded_end=start + timedelta(seconds=seconds),
            duration_ms=round(seconds * 1000) if duration_known else None,
            clock_offset_ms=offset_ms,
            ingested_at=start + timedelta(hours=2),
            ingest_station="测试采集站",
            name_pattern="gat947",
        )
        session.add(clip)
        session.flush()
        clip_id, media_path = clip.id, clip.media_path
    if with_media is not None:
        target = archive.absolute_path(media_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(with_media, target)
    return clip_id
