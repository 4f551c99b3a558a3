"""Cross-unit viewing (调阅审批): requests, their approval steps, time-limited grants, the access register."""

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class AccessRequest(Base):
    """A user's request to view (or view and download) footage outside their own scope.

    The footage is fixed when the request is made (AccessRequestItem), so an approval grants exactly what the
    approver saw. status is pending, approved or rejected; revocation and expiry live on the grant.
    """

    __tablename__ = "access_requests"
    __table_args__ = (Index("ix_access_requests_requester_created", "requester_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(16))  # workstation.types.RequestKind
    reason: Mapped[str] = mapped_column(Text)  # 事由
    with_download: Mapped[bool]
    days: Mapped[int] = mapped_column(Integer)
    outside_body: Mapped[str | None] = mapped_column(String(16))  # workstation.types.OutsideBody
    document_ref: Mapped[str] = mapped_column(String(200), default="")
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    period_start: Mapped[datetime | None]
    period_end: Mapped[datetime | None]
    case_no: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]


class AccessRequestItem(Base):
    """One clip a request covers."""

    __tablename__ = "access_request_items"

    request_id: Mapped[int] = mapped_column(ForeignKey("access_requests.id"), primary_key=True)
    clip_id: Mapped[int] = mapped_column(ForeignKey("clips.id"), primary_key=True, index=True)


class ApprovalStep(Base):
    """One decision a request needs: a role (approver, legal) at a unit. Steps are decided in step_no order."""

    __tablename__ = "approval_steps"
    __table_args__ = (
        UniqueConstraint("request_id", "step_no"),
        Index("ix_approval_steps_inbox", "unit_id", "role", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("access_requests.id"))
    step_no: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(16))  # workstation.types.Role
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    status: Mapped[str] = mapped_column(String(16))  # workstation.types.StepStatus
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    comment: Mapped[str] = mapped_column(Text, default="")


class AccessGrant(Base):
    """Time-limited access to a request's clips for its requester; in force while granted_at <= now < expires_at."""

    __tablename__ = "access_grants"
    __table_args__ = (Index("ix_access_grants_grantee_expires", "grantee_id", "expires_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("access_requests.id"), unique=True)
    grantee_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    with_download: Mapped[bool]
    granted_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    revoked_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    revoke_comment: Mapped[str] = mapped_column(Text, default="")


class AccessRegisterEntry(Base):
    """One playback or export (003 第二十二条): who, which clip, under which right, why, when, how long."""

    __tablename__ = "access_register"
    __table_args__ = (
        Index("ix_access_register_user_started", "user_id", "started_at"),
        Index("ix_access_register_clip_started", "clip_id", "started_at"),
        Index("ix_access_register_started", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    clip_id: Mapped[int] = mapped_column(ForeignKey("clips.id"))
    kind: Mapped[str] = mapped_column(String(16))  # workstation.types.ViewingKind
    basis: Mapped[str] = mapped_column(String(16))  # workstation.types.AccessBasis
    grant_id: Mapped[int | None] = mapped_column(ForeignKey("access_grants.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    played_ms: Mapped[int | None] = mapped_column(BigInteger)
