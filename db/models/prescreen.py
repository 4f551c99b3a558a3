"""The automatic pre-screen (issue 17): which clips were scanned with what, and the findings a person reviews.

A scan row per clip makes scanning resumable and never repeated without a reason (a new detector version):
the clips without a row for the current version are the ones left to scan. A finding is a hint, on a clip (a
time span inside it) or on an officer's day (clip_id NULL, times in ms since the day's midnight); `key` names
what it is about, so recomputing the findings of a day updates them in place instead of duplicating them, and
a finding a person decided (confirmed or dismissed) is never overwritten or removed by a recompute.
"""

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class PrescreenScan(Base):
    """The latest scan of one clip: when, with which detector version and settings (JSON), and its outcome
    (ok, or failed with an error code and detail: an unreadable file is recorded, not retried forever)."""

    __tablename__ = "prescreen_scans"

    clip_id: Mapped[int] = mapped_column(ForeignKey("clips.id"), primary_key=True)
    scanned_at: Mapped[datetime]
    detector_version: Mapped[str] = mapped_column(String(32))
    settings: Mapped[str] = mapped_column(Text, default="{}")
    outcome: Mapped[str] = mapped_column(String(8))  # workstation.prescreen.types.ScanOutcome
    error_code: Mapped[str] = mapped_column(String(64), default="")
    error_detail: Mapped[str] = mapped_column(String(500), default="")
    duration_ms: Mapped[int | None] = mapped_column(BigInteger)


class PrescreenFinding(Base):
    """One finding: kind (workstation.prescreen.types.FINDING_KINDS), where (a clip, or an officer's day), a time
    span and a confidence; its review (status pending/confirmed/dismissed, who decided when, a note). `unit_id`
    and `day` are the clip's (or the officer-day's), for the unit and period queries."""

    __tablename__ = "prescreen_findings"
    __table_args__ = (
        Index("ix_prescreen_findings_unit_day", "unit_id", "day"),
        Index("ix_prescreen_findings_officer_day", "officer_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    clip_id: Mapped[int | None] = mapped_column(ForeignKey("clips.id"), index=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    day: Mapped[date] = mapped_column(Date)
    start_ms: Mapped[int] = mapped_column(BigInteger)
    end_ms: Mapped[int] = mapped_column(BigInteger)
    confidence: Mapped[float] = mapped_column(Float)
    found_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default="pending")
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")
