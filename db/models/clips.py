"""Footage: archived files (clips), their links to incidents/cases, markers, and device log events."""

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class Clip(Base):
    """One archived original file: video, audio, photo or device log.

    The file itself lives under the archive's media root at media_path (POSIX separators) and is never
    rewritten. recorded_start/recorded_end are the recorder's own clock; the true time is that plus
    clock_offset_ms, the device's offset when the clip was ingested.
    """

    __tablename__ = "clips"
    __table_args__ = (
        Index("ix_clips_unit_start", "unit_id", "recorded_start"),
        Index("ix_clips_officer_start", "officer_id", "recorded_start"),
        Index("ix_clips_device_start", "device_id", "recorded_start"),
        Index("ix_clips_recorded_start", "recorded_start"),
        Index("ix_clips_keep_until", "keep_until", "unit_id"),
        Index("ix_clips_retention_group", "unit_id", "retention_triggers", "recorded_start"),
        Index("ix_clips_name_size", "original_name", "size_bytes"),  # an upload's possible duplicate
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_type: Mapped[str] = mapped_column(String(8))  # workstation.types.FileType
    original_name: Mapped[str] = mapped_column(String(255))
    media_path: Mapped[str] = mapped_column(String(1024), unique=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))
    recorded_start: Mapped[datetime]
    recorded_end: Mapped[datetime | None]
    duration_ms: Mapped[int | None] = mapped_column(BigInteger)
    sequence_no: Mapped[int | None] = mapped_column(Integer)
    clock_offset_ms: Mapped[int] = mapped_column(Integer, default=0)
    container: Mapped[str | None] = mapped_column(String(16))
    video_codec: Mapped[str | None] = mapped_column(String(16))
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    fps: Mapped[float | None] = mapped_column(Float)
    ingested_at: Mapped[datetime]
    ingest_station: Mapped[str] = mapped_column(String(64))
    name_pattern: Mapped[str] = mapped_column(String(64))
    important: Mapped[bool] = mapped_column(default=False)
    # retention (R8, workstation.retention): the governing class and rule, the facts that trigger rules, and the
    # last day the original must be kept (NULL: permanently). Kept up to date by every change of those facts.
    retention_class: Mapped[str] = mapped_column(String(16), default="unassessed")
    retention_rule: Mapped[str] = mapped_column(String(64), default="unassessed")
    retention_triggers: Mapped[str] = mapped_column(String(500), default="!unassessed")
    keep_until: Mapped[date | None] = mapped_column(Date)
    site_category: Mapped[str | None] = mapped_column(String(32))  # workstation.retention.types.SiteCategory
    media_status: Mapped[str] = mapped_column(String(16), default="ok")  # workstation.types.MediaStatus
    media_problem: Mapped[str] = mapped_column(String(500), default="")
    last_verified_at: Mapped[datetime | None]


class Case(Base):
    """An incident (警情) or case (案件) that footage belongs to, with the party and the handler (001 第二十八条)."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # workstation.types.CaseKind
    title: Mapped[str] = mapped_column(String(200), default="")
    party_name: Mapped[str] = mapped_column(String(100), default="")
    handler: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime]


class ClipCaseLink(Base):
    """Footage linked to an incident or case; 002 第十四条 asks for the link within 24 h of recording."""

    __tablename__ = "clip_case_links"

    clip_id: Mapped[int] = mapped_column(ForeignKey("clips.id"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True, index=True)
    linked_at: Mapped[datetime]
    linked_by: Mapped[str] = mapped_column(String(64))


class Marker(Base):
    """A point mark (end_ms NULL) or a segment on a clip, in integer ms from the media start. Sidecar data only."""

    __tablename__ = "markers"

    id: Mapped[int] = mapped_column(primary_key=True)
    clip_id: Mapped[int] = mapped_column(ForeignKey("clips.id"), index=True)
    author: Mapped[str] = mapped_column(String(64))
    start_ms: Mapped[int] = mapped_column(BigInteger)
    end_ms: Mapped[int | None] = mapped_column(BigInteger)
    category: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class DeviceLogEvent(Base):
    """One line of a recorder's log file: power on/off, record start/stop, low battery, battery change, ..."""

    __tablename__ = "device_log_events"
    __table_args__ = (
        Index("ix_device_log_events_device_time", "device_id", "occurred_at"),
        Index("ix_device_log_events_time", "occurred_at"),  # a day of every recorder (daily statistics)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    occurred_at: Mapped[datetime]
    event_type: Mapped[str] = mapped_column(String(32))  # workstation.types.DeviceEventType
    detail: Mapped[str] = mapped_column(String(500), default="")
    log_clip_id: Mapped[int] = mapped_column(ForeignKey("clips.id"), index=True)
