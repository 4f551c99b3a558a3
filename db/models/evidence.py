"""Evidence exports (R9): the request, the retained copy record (导出登记) and the clips of each package.

An export for an outside body carries the viewing request (access_requests) that approves it; the register
entries (access_register, kind export) each item was read under are kept on the item.
"""

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class EvidenceExport(Base):
    __tablename__ = "evidence_exports"

    id: Mapped[int] = mapped_column(primary_key=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # workstation.access.types.RequestKind
    selector: Mapped[str] = mapped_column(String(200))  # what was asked for, in words
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    period_start: Mapped[datetime | None]
    period_end: Mapped[datetime | None]
    case_no: Mapped[str | None] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(String(16))  # workstation.evidence.types.ReceivingBody
    document_ref: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(Text)
    receiver: Mapped[str] = mapped_column(String(100), default="")
    access_request_id: Mapped[int | None] = mapped_column(ForeignKey("access_requests.id"), unique=True)
    status: Mapped[str] = mapped_column(String(24))  # workstation.evidence.types.ExportStatus
    created_at: Mapped[datetime]
    started_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    format: Mapped[str | None] = mapped_column(String(8))  # workstation.evidence.types.ExportFormat
    package_name: Mapped[str] = mapped_column(String(255), default="")
    manifest_sha256: Mapped[str] = mapped_column(String(64), default="")
    manifest_sm3: Mapped[str] = mapped_column(String(64), default="")
    total_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    chain_stamp: Mapped[str] = mapped_column(String(200), default="")
    handover_medium: Mapped[str] = mapped_column(String(64), default="")
    handover_to: Mapped[str] = mapped_column(String(200), default="")
    handover_at: Mapped[datetime | None]
    handover_note: Mapped[str] = mapped_column(Text, default="")


class EvidenceExportItem(Base):
    """A clip of an export; entry_id is the register entry it is (or was) read under; sm3 once written."""

    __tablename__ = "evidence_export_items"

    export_id: Mapped[int] = mapped_column(ForeignKey("evidence_exports.id"), primary_key=True)
    clip_id: Mapped[int] = mapped_column(ForeignKey("clips.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer)
    package_path: Mapped[str] = mapped_column(String(1024))
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("access_register.id"))
    sm3: Mapped[str] = mapped_column(String(64), default="")
