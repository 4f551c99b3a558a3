"""Stills: a frame of a clip saved as PNG, with the frame's time and the clip's hash, audited.

The PNG is kept in the database (a review workstation may not write to the media share, and a still
must stay with its record); the original clip is never touched. Giving a still out is audited too.
"""

import hashlib
import struct
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Clip, Still
from workstation import audit, clock, permissions
from workstation.errors import WorkstationError
from workstation.footage.types import StillRow
from workstation.identity import Identity
from workstation.types import Action, FileType

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PNG_BYTES = 50 * 1024 * 1024


class StillError(WorkstationError):
    """A still that cannot be stored as given (not a PNG, not a video, no such clip)."""


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's header chunk; StillError if it is not a PNG."""
    if len(png) < 24 or not png.startswith(PNG_SIGNATURE) or png[12:16] != b"IHDR":
        raise StillError("still_not_png")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def record_still(session: Session, who: Identity, clip_id: int, position_ms: int, png: bytes) -> StillRow:
    """Store png as the frame at position_ms of the clip, with the clip's current hash; `who` must be allowed
    to view the clip (an unknown clip is refused alike)."""
    permissions.require_clip(session, who, clip_id, Action.VIEW)
    clip = session.get(Clip, clip_id)
    if clip is None:
        raise StillError("clip_not_found", clip_id=clip_id)
    if clip.file_type != FileType.VIDEO:
        raise StillError("still_needs_video")
    if len(png) > MAX_PNG_BYTES:
        raise StillError("still_too_large")
    width, height = png_size(png)
    position_ms = max(0, int(position_ms))
    still = Still(
        clip_id=clip.id,
        position_ms=position_ms,
        shown_at=clip.recorded_start + timedelta(milliseconds=clip.clock_offset_ms + position_ms),
        clip_sha256=clip.sha256,
        png_sha256=hashlib.sha256(png).hexdigest(),
        width=width,
        height=height,
        size_bytes=len(png),
        png=png,
        taken_by=who.name,
        taken_at=clock.now(),
    )
    session.add(still)
    session.flush()
    details = {"still": still.id, "position_ms": position_ms, "png_sha256": still.png_sha256}
    audit.record(session, who.audit_name, "still.create", "clip", clip.id, {**details, "clip_sha256": clip.sha256})
    return _still_row(still)


def list_stills(session: Session, clip_id: int) -> list[StillRow]:
    statement = select(Still).where(Still.clip_id == clip_id).order_by(Still.position_ms, Still.id)
    return [_still_row(still) for still in session.execute(statement).scalars()]


def export_still(session: Session, who: Identity, still_id: int) -> bytes:
    """The still's PNG, to be saved outside the archive, for someone allowed to view its clip; audited."""
    still = session.get(Still, still_id)
    if still is None:
        raise StillError("still_not_found", still_id=still_id)
    permissions.require_clip(session, who, still.clip_id, Action.VIEW)
    png = still.png
    if hashlib.sha256(png).hexdigest() != still.png_sha256:
        raise StillError("still_checksum_mismatch", still_id=still_id)
    audit.record(session, who.audit_name, "still.export", "clip", still.clip_id, {"still": still.id})
    return png


def _still_row(still: Still) -> StillRow:
    return StillRow(
        id=still.id,
        clip_id=still.clip_id,
        position_ms=still.position_ms,
        shown_at=still.shown_at,
        clip_sha256=still.clip_sha256,
        png_sha256=still.png_sha256,
        width=still.width,
        height=still.height,
        size_bytes=still.size_bytes,
        taken_by=still.taken_by,
        taken_at=still.taken_at,
    )
