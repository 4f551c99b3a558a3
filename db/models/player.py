"""Playback work products: the marker category vocabulary and the stills taken from clips.

Markers themselves are db.models.clips.Marker; their `category` holds a MarkerCategory code.
"""

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class MarkerCategory(Base):
    """One word of the controlled vocabulary for markers and segments (告知, 出示证件, ...).

    code is what markers store and never changes; name and colour may be edited by administrators. A
    category is retired (active False), never deleted, so old markers keep their meaning.
    """

    __tablename__ = "marker_categories"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    color: Mapped[str] = mapped_column(String(7))  # "#rrggbb"
    sort_order: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(default=True)


class Still(Base):
    """A frame saved from a clip as PNG. The original media file is never touched.

    position_ms is from the media start; shown_at is the absolute (clock-corrected) time of the frame;
    clip_sha256 is the clip's hash when the still was taken, png_sha256 the hash of `png`.
    """

    __tablename__ = "stills"

    id: Mapped[int] = mapped_column(primary_key=True)
    clip_id: Mapped[int] = mapped_column(ForeignKey("clips.id"), index=True)
    position_ms: Mapped[int] = mapped_column(BigInteger)
    shown_at: Mapped[datetime]
    clip_sha256: Mapped[str] = mapped_column(String(64))
    png_sha256: Mapped[str] = mapped_column(String(64))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer)
    png: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # loaded only when asked for
    taken_by: Mapped[str] = mapped_column(String(64))
    taken_at: Mapped[datetime]
