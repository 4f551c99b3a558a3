"""Daily spot check and the check ledger (R5): plans with their candidate snapshots, samples, reviews.

Revision ID: 0005_spotcheck
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_spotcheck"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "spotcheck_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("day_from", sa.Date(), nullable=False),
        sa.Column("day_to", sa.Date(), nullable=False),
        sa.Column("ratio_bp", sa.Integer(), nullable=False),
        sa.Column("min_per_officer", sa.Integer(), nullable=False),
        sa.Column("weight_long", sa.Boolean(), nullable=False),
        sa.Column("include_first", sa.Boolean(), nullable=False),
        sa.Column("exclude_checked", sa.Boolean(), nullable=False),
        sa.Column("algorithm", sa.String(length=16), nullable=False),
        sa.Column("seed", sa.String(length=64), nullable=False),
        sa.Column("candidates_digest", sa.String(length=64), nullable=False),
        sa.Column("sample_digest", sa.String(length=64), nullable=False),
        sa.Column("candidate_count", sa.Integer(), nullable=False),
        sa.Column("sample_count", sa.Integer(), nullable=False),
        sa.Column("drawn_at", sa.DateTime(), nullable=False),
        sa.Column("drawn_by", sa.String(length=64), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("active_key", sa.String(length=64), nullable=True),
        sa.Column("superseded_at", sa.DateTime(), nullable=True),
        sa.Column("replaces_id", sa.Integer(), nullable=True),
        sa.Column("redraw_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["replaces_id"], ["spotcheck_plans.id"], name=op.f("fk_spotcheck_plans_replaces_id_spotcheck_plans")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_spotcheck_plans_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spotcheck_plans")),
        sa.UniqueConstraint("active_key", name=op.f("uq_spotcheck_plans_active_key")),
    )
    op.create_index("ix_spotcheck_plans_unit_day", "spotcheck_plans", ["unit_id", "day_from"], unique=False)
    op.create_table(
        "spotcheck_candidates",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("clip_id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("recorded_start", sa.DateTime(), nullable=False),
        sa.Column("duration_ms", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["clip_id"], ["clips.id"], name=op.f("fk_spotcheck_candidates_clip_id_clips")),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officers.id"], name=op.f("fk_spotcheck_candidates_officer_id_officers")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["spotcheck_plans.id"], name=op.f("fk_spotcheck_candidates_plan_id_spotcheck_plans")
        ),
        sa.PrimaryKeyConstraint("plan_id", "clip_id", name=op.f("pk_spotcheck_candidates")),
    )
    op.create_table(
        "spotcheck_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("clip_id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("selection", sa.String(length=16), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("claimed_by", sa.Integer(), nullable=True),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("claim_expires_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["claimed_by"], ["users.id"], name=op.f("fk_spotcheck_items_claimed_by_users")),
        sa.ForeignKeyConstraint(["clip_id"], ["clips.id"], name=op.f("fk_spotcheck_items_clip_id_clips")),
        sa.ForeignKeyConstraint(["officer_id"], ["officers.id"], name=op.f("fk_spotcheck_items_officer_id_officers")),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["spotcheck_plans.id"], name=op.f("fk_spotcheck_items_plan_id_spotcheck_plans")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_spotcheck_items_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spotcheck_items")),
        sa.UniqueConstraint("plan_id", "clip_id", name=op.f("uq_spotcheck_items_plan_id_clip_id")),
    )
    op.create_index(op.f("ix_spotcheck_items_clip_id"), "spotcheck_items", ["clip_id"], unique=False)
    op.create_index("ix_spotcheck_items_unit_status", "spotcheck_items", ["unit_id", "status"], unique=False)
    op.create_table(
        "spotcheck_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("clip_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("rectification", sa.Text(), nullable=False),
        sa.Column("duration_ms", sa.BigInteger(), nullable=True),
        sa.Column("played_ms", sa.BigInteger(), nullable=False),
        sa.Column("coverage_bp", sa.Integer(), nullable=False),
        sa.Column("top_speed", sa.Float(), nullable=False),
        sa.Column("played_intervals", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["clip_id"], ["clips.id"], name=op.f("fk_spotcheck_reviews_clip_id_clips")),
        sa.ForeignKeyConstraint(
            ["item_id"], ["spotcheck_items.id"], name=op.f("fk_spotcheck_reviews_item_id_spotcheck_items")
        ),
        sa.ForeignKeyConstraint(["officer_id"], ["officers.id"], name=op.f("fk_spotcheck_reviews_officer_id_officers")),
        sa.ForeignKeyConstraint(["reviewer_id"], ["users.id"], name=op.f("fk_spotcheck_reviews_reviewer_id_users")),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_spotcheck_reviews_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spotcheck_reviews")),
        sa.UniqueConstraint("item_id", name=op.f("uq_spotcheck_reviews_item_id")),
    )
    op.create_index(op.f("ix_spotcheck_reviews_clip_id"), "spotcheck_reviews", ["clip_id"], unique=False)
    op.create_index(
        "ix_spotcheck_reviews_officer_reviewed", "spotcheck_reviews", ["officer_id", "reviewed_at"], unique=False
    )
    op.create_index("ix_spotcheck_reviews_reviewed_at", "spotcheck_reviews", ["reviewed_at"], unique=False)
    op.create_index("ix_spotcheck_reviews_unit_reviewed", "spotcheck_reviews", ["unit_id", "reviewed_at"], unique=False)
    op.create_table(
        "spotcheck_answers",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=32), nullable=False),
        sa.Column("answer", sa.String(length=8), nullable=False),
        sa.Column("automatic", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"], ["spotcheck_reviews.id"], name=op.f("fk_spotcheck_answers_review_id_spotcheck_reviews")
        ),
        sa.PrimaryKeyConstraint("review_id", "item_code", name=op.f("pk_spotcheck_answers")),
    )


def downgrade() -> None:
    op.drop_table("spotcheck_answers")
    op.drop_table("spotcheck_reviews")
    op.drop_table("spotcheck_items")
    op.drop_table("spotcheck_candidates")
    op.drop_table("spotcheck_plans")
