"""Ingest runs and the files they left on the recorder because no name pattern recognised them."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class IngestRun(Base):
    """One `workstation ingest` (or GUI import) run at a collection station, with its counts."""

    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    station: Mapped[str] = mapped_column(String(64))
    started_by: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    sources: Mapped[str] = mapped_column(Text)  # JSON list of source folders
    imported: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)


class IngestRejection(Base):
    """A file that was not imported (unrecognised name, unreadable source ...), left where it was."""

    __tablename__ = "ingest_rejections"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("ingest_runs.id"), index=True)
    source_path: Mapped[str] = mapped_column(String(1024))
    reason: Mapped[str] = mapped_column(String(32))  # workstation.types.RejectReason
    detail: Mapped[str] = mapped_column(String(500), default="")
