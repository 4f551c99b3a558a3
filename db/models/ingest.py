"""Ingest runs, the files they left on the recorder because no name pattern recognised them, and uploads."""

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
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


class Upload(Base):
    """A file an ingest station uploads to the branch server in chunks (issue 12), until it is archived.

    open_key is set while the upload receives bytes (a digest of account, station, source, size and
    SHA-256, or of account, station, source, size and name for an upload begun without the SHA-256, so a
    resumed run finds the same upload and two begins of the same file race to one row) and cleared when it
    ends. sha256 is the station's claim: given at begin, or (begun without it) set when the upload ends.
    The outcome columns hold the result finish returned, so that a retried finish returns it again; the
    clip row and the finished upload commit in one transaction.
    """

    __tablename__ = "uploads"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    account: Mapped[str] = mapped_column(String(80))  # Identity.audit_name of who began it
    station: Mapped[str] = mapped_column(String(64))
    source_path: Mapped[str] = mapped_column(String(1024))
    original_name: Mapped[str] = mapped_column(String(255))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str | None] = mapped_column(String(64))
    received_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    open_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    started_at: Mapped[datetime]
    touched_at: Mapped[datetime] = mapped_column(index=True)
    finished_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(16))  # IngestOutcome, "refused" or "expired"
    clip_id: Mapped[int | None] = mapped_column(ForeignKey("clips.id"))
    media_status: Mapped[str | None] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(32), default="")  # RejectReason of a REJECTED name
    detail: Mapped[str] = mapped_column(String(500), default="")
    confirmed: Mapped[bool] = mapped_column(default=False)  # IngestFileResult.archive_confirmed
