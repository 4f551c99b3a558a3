"""The branch archive server's own state: signed-in sessions and the record of idempotent writes (issue 12).

Both live in the archive database, so that any number of server instances in front of one database serve
the same sessions (the server keeps no state of its own).
"""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class ApiSession(Base):
    """A signed-in session: the token's SHA-256 (the token itself is never stored), its user and its life."""

    __tablename__ = "api_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    client: Mapped[str] = mapped_column(String(200))  # the peer address and program, for the administrator
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    expires_at: Mapped[datetime]  # the latest it can live, however active
    ended_at: Mapped[datetime | None]  # signed out or revoked
    end_reason: Mapped[str | None] = mapped_column(String(32))


class ApiRequest(Base):
    """A write request by its idempotency key: recorded in the write's own transaction, so a retried request
    finds it and gets the first answer back instead of doing the write again."""

    __tablename__ = "api_requests"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    request_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    operation: Mapped[str] = mapped_column(String(64))
    response: Mapped[str | None] = mapped_column(Text)  # JSON, stored once the answer is known
    created_at: Mapped[datetime] = mapped_column(index=True)
