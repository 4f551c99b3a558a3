"""The append-only, hash-chained audit log (R7). Rows are written by workstation.audit only."""

from datetime import datetime

from sqlalchemy import BigInteger, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class AuditEvent(Base):
    """One audited action. row_hash = HMAC-SHA256, under the key named by key_id, over prev_hash and this
    row's canonical fields (workstation.audit.chain); rows from before the chain was keyed have key_id NULL
    and a plain SHA-256.

    seq is gap-free and assigned under the chain-head lock; database triggers refuse UPDATE and DELETE.
    """

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_target", "target_type", "target_id"),)

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    occurred_at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)
    target_type: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[str] = mapped_column(String(64))
    details: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str | None] = mapped_column(String(16))


class AuditChainHead(Base):
    """The single row (id 1) holding the last seq and hash; locking it serialises appends to the chain."""

    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))


class ArchiveIdentity(Base):
    """The single row (id 1) naming this archive, so that its audit keys can be found outside the database."""

    __tablename__ = "archive_identity"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    archive_id: Mapped[str] = mapped_column(String(36))
