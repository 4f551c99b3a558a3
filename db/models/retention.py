"""Retention and destruction (R8): classes and the rules that assign them, legal holds, destruction requests
with their approval steps, and the tombstones that remain of destroyed originals.

A clip's own retention (class, governing rule, the facts that trigger rules, keep-until date) lives on the
clip row (db.models.clips.Clip), so the expiry queue is one indexed range query.
"""

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class RetentionClass(Base):
    """A retention period by name: months, or NULL for permanent; basis cites the regulation that sets it."""

    __tablename__ = "retention_classes"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    months: Mapped[int | None] = mapped_column(Integer)
    basis: Mapped[str] = mapped_column(String(200), default="")


class RetentionRule(Base):
    """When a fact applies to a clip (trigger), the clip is kept at least as long as the class says.

    trigger is a stable key: "base" (all footage), "unit:<id>" (a unit's default), "site:<category>",
    "important", "case:<kind>", "marker:<category code>" (workstation.retention.triggers spells them).
    """

    __tablename__ = "retention_rules"

    trigger: Mapped[str] = mapped_column(String(64), primary_key=True)
    class_code: Mapped[str] = mapped_column(ForeignKey("retention_classes.code"))
    changed_at: Mapped[datetime]
    changed_by: Mapped[str] = mapped_column(String(64))


class RetentionSetting(Base):
    """One archive-wide retention setting (the organisation's profile), by name."""

    __tablename__ = "retention_settings"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(String(64))


class LegalHold(Base):
    """A legal hold (法制/督察): while active (released_at NULL) its clips are never destroyed."""

    __tablename__ = "legal_holds"

    id: Mapped[int] = mapped_column(primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    placed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    placed_at: Mapped[datetime]
    released_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    released_at: Mapped[datetime | None]
    release_reason: Mapped[str] = mapped_column(Text, default="")


class LegalHoldItem(Base):
    """One clip a hold covers."""

    __tablename__ = "legal_hold_items"

    hold_id: Mapped[int] = mapped_column(ForeignKey("legal_holds.id"), primary_key=True)
    clip_id: Mapped[int] = mapped_column(ForeignKey("clips.id"), primary_key=True, index=True)


class DestructionRequest(Base):
    """A request to destroy expired originals (销毁审批表): listed clips, approval steps, a report upwards.

    status: pending, approved, rejected, executed (workstation.retention.types.DestructionStatus).
    requester_id is NULL when the scheduled clean-up (a system actor, named in requested_by) built it.
    """

    __tablename__ = "destruction_requests"
    __table_args__ = (Index("ix_destruction_requests_status", "status", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    requester_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    requested_by: Mapped[str] = mapped_column(String(64))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))  # the approving unit
    report_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))  # 报上一级备案
    reason: Mapped[str] = mapped_column(Text)
    conditions: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    reported_at: Mapped[datetime | None]
    executed_at: Mapped[datetime | None]


class DestructionItem(Base):
    """One clip a destruction request lists, and what execution did with it (outcome)."""

    __tablename__ = "destruction_items"

    request_id: Mapped[int] = mapped_column(ForeignKey("destruction_requests.id"), primary_key=True)
    clip_id: Mapped[int] = mapped_column(ForeignKey("clips.id"), primary_key=True, index=True)
    keep_until: Mapped[date | None] = mapped_column(Date)  # as listed
    outcome: Mapped[str] = mapped_column(String(24), default="listed")


class DestructionStep(Base):
    """One decision a destruction request needs: a role at a unit, decided in step_no order."""

    __tablename__ = "destruction_steps"
    __table_args__ = (
        UniqueConstraint("request_id", "step_no"),
        Index("ix_destruction_steps_inbox", "unit_id", "role", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("destruction_requests.id"))
    step_no: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(16))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    status: Mapped[str] = mapped_column(String(16))
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    comment: Mapped[str] = mapped_column(Text, default="")


class Tombstone(Base):
    """What remains of a destroyed original: every fact of the clip (JSON), its SHA-256, who requested,
    approved and executed, when. file_removed turns True once the media file is gone (a killed execution
    finishes the removal on its next run)."""

    __tablename__ = "tombstones"

    clip_id: Mapped[int] = mapped_column(ForeignKey("clips.id"), primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("destruction_requests.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    facts: Mapped[str] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(String(64))
    approved_by: Mapped[str] = mapped_column(String(200))
    executed_by: Mapped[str] = mapped_column(String(64))
    executed_at: Mapped[datetime]
    file_removed: Mapped[bool] = mapped_column(default=False)
