"""Stills: a PNG of a frame, stored with its time and the clip's hash; the original is untouched."""

import hashlib
import json
import zlib
from datetime import timedelta

import pytest
from sqlalchemy import select

from db.models import AuditEvent
from tests.helpers.builders import build_org
from tests.helpers.playback_builders import DAY_START, add_clip
from workstation.footage import stills
from workstation.footage.stills import StillError
from workstation.identity import Identity
from workstation.types import FileType

REVIEWER = Identity.user("reviewer")


def tiny_png(width: int = 3, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    rows = b"".join(b"\x00" + b"\x80\x40\x20" * width for _ in range(height))
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return stills.PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def test_a_still_records_its_frame_time_and_the_clips_hash(archive):
    build_org(archive)
    clip_id = add_clip(archive, "010203", DAY_START, 60, offset_ms=-2_500)
    png = tiny_png(640, 360)
    with archive.sessions.write() as session:
        still = stills.record_still(session, REVIEWER, clip_id, 12_040, png)
    assert (still.width, still.height, still.size_bytes) == (640, 360, len(png))
    assert still.shown_at == DAY_START + timedelta(milliseconds=12_040 - 2_500)
    assert still.clip_sha256 == f"{clip_id:064x}"
    assert still.png_sha256 == hashlib.sha256(png).hexdigest()
    with archive.sessions.read() as session:
        assert stills.list_stills(session, clip_id) == [still]
    with archive.sessions.write() as session:
        assert stills.export_still(session, REVIEWER, still.id) == png
    with archive.sessions.read() as session:
        events = session.execute(select(AuditEvent).where(AuditEvent.action.startswith("still."))).scalars().all()
    assert [(event.action, event.target_id) for event in events] == [
        ("still.create", str(clip_id)),
        ("still.export", str(clip_id)),
    ]
    assert json.loads(events[0].details)["clip_sha256"] == still.clip_sha256


@pytest.mark.parametrize(
    ("file_type", "payload", "message"),
    [(FileType.VIDEO, b"GIF89a....", "still_not_png"), (FileType.AUDIO, None, "still_needs_video")],
)
def test_only_pngs_of_videos_are_stored(archive, file_type, payload, message):
    build_org(archive)
    clip_id = add_clip(archive, "010203", DAY_START, 60, file_type=file_type)
    with pytest.raises(StillError, match=message), archive.sessions.write() as session:
        stills.record_still(session, REVIEWER, clip_id, 0, payload or tiny_png())
