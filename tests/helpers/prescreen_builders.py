"""Archives for the pre-screen's tests: real generated clips, a corrupt file, a missing one, and an officer's day
whose records hold each kind of day finding."""

import threading
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from db.models import Clip, Device, DeviceLogEvent, Officer
from tests.helpers.builders import video
from tests.helpers.playback_builders import DAY_START, add_clip
from tests.helpers.prescreen_clips import review_clip
from workstation.archive import Archive
from workstation.client import ArchiveClient
from workstation.footage.types import DeviceEventType

DAY = DAY_START.date()


def real_clips(archive: Archive, tmp_path: Path, count: int, badge: str = "010203", day: date = DAY) -> list[int]:
    """`count` one-second H.264/AAC clips of the officer, two minutes apart from 08:30 of `day`."""
    source = video(tmp_path / "media-source" / "clip.mp4", seconds=1.0)
    start = datetime.combine(day, DAY_START.time())
    return [add_clip(archive, badge, start + timedelta(minutes=2 * n), 1.0, with_media=source) for n in range(count)]


def corrupt_clip(archive: Archive, tmp_path: Path, start: datetime) -> int:
    """A clip whose file is not a video at all (what a recorder that failed mid-write leaves)."""
    junk = tmp_path / "media-source" / "junk.mp4"
    junk.parent.mkdir(parents=True, exist_ok=True)
    junk.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40)
    return add_clip(archive, "010203", start, 1.0, with_media=junk)


@dataclass(frozen=True)
class Day:
    before_gap: int
    after_gap: int
    overlapping: int
    late: int  # also the day's last clip


def problem_day(archive: Archive) -> Day:
    """010203's day (no media files needed: record findings never decode): a break of 29 min between 08:31 and
    09:00 (gap), a clip starting inside the one before it (overlap), a clip archived 30 h after recording
    (late_upload), 异常中断 logged 5 s after a clip's end (abnormal_end), and no case link all day."""
    first = add_clip(archive, "010203", DAY_START, 60)
    second = add_clip(archive, "010203", DAY_START + timedelta(seconds=61), 30)  # a file split: no gap
    after_gap = add_clip(archive, "010203", DAY_START + timedelta(minutes=30), 60)
    overlapping = add_clip(archive, "010203", DAY_START + timedelta(minutes=30, seconds=30), 120)
    late = add_clip(archive, "010203", DAY_START + timedelta(minutes=40), 20)
    with archive.sessions.write() as session:
        late_clip = session.get_one(Clip, late)
        late_clip.ingested_at = late_clip.recorded_start + timedelta(hours=30)
        officer = session.execute(select(Officer).where(Officer.badge_no == "010203")).scalar_one()
        device = session.execute(select(Device).where(Device.holder_officer_id == officer.id)).scalar_one()
        end = session.get_one(Clip, overlapping).recorded_start + timedelta(seconds=120)
        session.add(
            DeviceLogEvent(
                device_id=device.id,
                officer_id=officer.id,
                occurred_at=end + timedelta(seconds=5),
                event_type=DeviceEventType.ABNORMAL_INTERRUPTION,
                log_clip_id=first,
            )
        )
    return Day(second, after_gap, overlapping, late)


@dataclass(frozen=True)
class Reviewed:
    flagged: int  # the lens covered, then no sound (tests.helpers.prescreen_clips.review_clip)
    clean: int  # a normal clip, archived 30 h after recording (late_upload, a day finding kept on the clip)
    quiet: int  # a normal clip on time: no finding


def scanned_clips(archive: Archive, tmp_path: Path, client: ArchiveClient) -> Reviewed:
    """010203's three clips of DAY with real media, scanned and the day recomputed through `client` (as the
    station's pre-screen does), every finding pending."""
    flagged_media = review_clip(tmp_path / "review-media").path
    plain = video(tmp_path / "media-source" / "plain.mp4", seconds=1.0)
    flagged = add_clip(archive, "010203", DAY_START, 10.0, with_media=flagged_media)
    clean = add_clip(archive, "010203", DAY_START + timedelta(minutes=1), 1.0, with_media=plain)
    quiet = add_clip(archive, "010203", DAY_START + timedelta(minutes=3), 1.0, with_media=plain)
    with archive.sessions.write() as session:
        late = session.get_one(Clip, clean)
        late.ingested_at = late.recorded_start + timedelta(hours=30)
    client.scan_prescreen(None, DAY, DAY, 1, threading.Event(), lambda _progress: None)
    client.recompute_day_findings(None, DAY, DAY)
    return Reviewed(flagged, clean, quiet)
