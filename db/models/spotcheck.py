"""Daily spot check (回放抽查) and its check ledger (检查台帐): plans, their candidates and samples, reviews.

A plan freezes what it was drawn from (the candidate snapshot) next to its seed and parameters, so the
sample can be re-derived and checked later (`workstation spotcheck verify`). Reviews are the ledger.
"""

from datetime import date, datetime

from sqlalchemy import BigInteger, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class SpotCheckPlan(Base):
    """One draw for a unit's clips of a period (day_from..day_to, both included).

    active_key is set while the plan is in force and cleared when a redraw supersedes it: its unique
    constraint makes two concurrent draws of the same unit and period impossible on either database.
    A redraw keeps the old plan (superseded_at) and names it in the new one (replaces_id, redraw_reason).
    """

    __tablename__ = "spotcheck_plans"
    __table_args__ = (Index("ix_spotcheck_plans_unit_day", "unit_id", "day_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    day_from: Mapped[date]
    day_to: Mapped[date]
    ratio_bp: Mapped[int] = mapped_column(Integer)  # proportion in basis points: 1000 = 10 %
    min_per_officer: Mapped[int] = mapped_column(Integer)
    weight_long: Mapped[bool]
    include_first: Mapped[bool]
    exclude_checked: Mapped[bool]
    algorithm: Mapped[str] = mapped_column(String(16))  # workstation.sampling.ALGORITHM
    seed: Mapped[str] = mapped_column(String(64))  # hex of 32 bytes from the secrets module
    candidates_digest: Mapped[str] = mapped_column(String(64))
    sample_digest: Mapped[str] = mapped_column(String(64))
    candidate_count: Mapped[int] = mapped_column(Integer)
    sample_count: Mapped[int] = mapped_column(Integer)
    drawn_at: Mapped[datetime]
    drawn_by: Mapped[str] = mapped_column(String(64))
    due_on: Mapped[date]
    active_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    superseded_at: Mapped[datetime | None]
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("spotcheck_plans.id"))
    redraw_reason: Mapped[str] = mapped_column(Text, default="")
    # the draw option "add clips with pre-screen findings" (issue 17): at most findings_extra such clips were
    # asked for, findings_count were added on top of the random sample (not in sample_count or its digest)
    findings_extra: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    findings_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class SpotCheckCandidate(Base):
    """A clip the plan was drawn from, as it was at the draw (the snapshot the sample derives from)."""

    __tablename__ = "spotcheck_candidates"

    plan_id: Mapped[int] = mapped_column(ForeignKey("spotcheck_plans.id"), primary_key=True)
    clip_id: Mapped[int] = mapped_column(ForeignKey("clips.id"), primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"))
    sha256: Mapped[str] = mapped_column(String(64))
    recorded_start: Mapped[datetime]
    duration_ms: Mapped[int | None] = mapped_column(BigInteger)


class SpotCheckItem(Base):
    """A clip in a plan's sample: the review queue. A reviewer claims it for a while, then reviews it."""

    __tablename__ = "spotcheck_items"
    __table_args__ = (
        UniqueConstraint("plan_id", "clip_id"),
        Index("ix_spotcheck_items_unit_status", "unit_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("spotcheck_plans.id"))
    clip_id: Mapped[int] = mapped_column(ForeignKey("clips.id"), index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    selection: Mapped[str] = mapped_column(String(16))  # workstation.types.Selection
    rank: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))  # workstation.types.ItemStatus
    finding_kinds: Mapped[str] = mapped_column(String(200), default="", server_default="")
    """For an item added for its pre-screen findings (selection `prescreen`): their kinds, comma-separated."""
    claimed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    claimed_at: Mapped[datetime | None]
    claim_expires_at: Mapped[datetime | None]


class SpotCheckReview(Base):
    """One ledger line: who checked which sampled clip when, how much of it they played, and the verdict."""

    __tablename__ = "spotcheck_reviews"
    __table_args__ = (
        Index("ix_spotcheck_reviews_reviewed_at", "reviewed_at"),
        Index("ix_spotcheck_reviews_unit_reviewed", "unit_id", "reviewed_at"),
        Index("ix_spotcheck_reviews_officer_reviewed", "officer_id", "reviewed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("spotcheck_items.id"), unique=True)
    clip_id: Mapped[int] = mapped_column(ForeignKey("clips.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime]
    verdict: Mapped[str] = mapped_column(String(16))  # workstation.types.Verdict
    problem: Mapped[str] = mapped_column(Text, default="")
    rectification: Mapped[str] = mapped_column(Text, default="")
    duration_ms: Mapped[int | None] = mapped_column(BigInteger)
    played_ms: Mapped[int] = mapped_column(BigInteger)
    coverage_bp: Mapped[int] = mapped_column(Integer)  # played share in basis points
    top_speed: Mapped[float] = mapped_column(Float)
    played_intervals: Mapped[str] = mapped_column(Text)  # JSON [[start_ms, end_ms], ...], merged


class SpotCheckAnswer(Base):
    """One checklist item's answer in a review; automatic answers come from the archive, not the reviewer."""

    __tablename__ = "spotcheck_answers"

    review_id: Mapped[int] = mapped_column(ForeignKey("spotcheck_reviews.id"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(32), primary_key=True)  # workstation.types.CheckItem
    answer: Mapped[str] = mapped_column(String(8))  # workstation.types.CheckAnswer
    automatic: Mapped[bool]


class SeedCommitment(Base):
    """A unit's committed sampling seeds for one recording day (workstation.sample_seeds).

    The commitments themselves (SHA-256 of each seed) are in the chain, in the `sampling.seed_commit` audit
    row at commit_seq; this row says where to find them and what derives the seeds (key_id, nonce).
    """

    __tablename__ = "seed_commitments"
    __table_args__ = (UniqueConstraint("unit_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    day: Mapped[date]
    nonce: Mapped[str] = mapped_column(String(32))
    key_id: Mapped[str] = mapped_column(String(16))
    commit_seq: Mapped[int] = mapped_column(BigInteger)


class SpotCheckPlanSeed(Base):
    """A day seed a plan revealed: day `day`'s seed number seed_index, used by one plan only (the unique key)."""

    __tablename__ = "spotcheck_plan_seeds"
    __table_args__ = (UniqueConstraint("commitment_id", "seed_index"),)

    plan_id: Mapped[int] = mapped_column(ForeignKey("spotcheck_plans.id"), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("seed_commitments.id"))
    seed_index: Mapped[int] = mapped_column(Integer)
    seed: Mapped[str] = mapped_column(String(64))
