"""Committed sampling seeds (issue 13): each unit's seeds for a recording day are committed in the audit chain
before the day's first clip is archived; a plan reveals the day seeds it uses (one plan per seed).

Revision ID: 0010_seed_commitments
Revises: 0005_spotcheck (its plans table)
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_seed_commitments"
down_revision = "0005_spotcheck"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "seed_commitments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("nonce", sa.String(length=32), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("commit_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_seed_commitments_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seed_commitments")),
        sa.UniqueConstraint("unit_id", "day", name=op.f("uq_seed_commitments_unit_id_day")),
    )
    op.create_table(
        "spotcheck_plan_seeds",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("seed_index", sa.Integer(), nullable=False),
        sa.Column("seed", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["seed_commitments.id"],
            name=op.f("fk_spotcheck_plan_seeds_commitment_id_seed_commitments"),
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["spotcheck_plans.id"], name=op.f("fk_spotcheck_plan_seeds_plan_id_spotcheck_plans")
        ),
        sa.PrimaryKeyConstraint("plan_id", "day", name=op.f("pk_spotcheck_plan_seeds")),
        sa.UniqueConstraint(
            "commitment_id", "seed_index", name=op.f("uq_spotcheck_plan_seeds_commitment_id_seed_index")
        ),
    )


def downgrade() -> None:
    op.drop_table("spotcheck_plan_seeds")
    op.drop_table("seed_commitments")
