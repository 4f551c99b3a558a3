"""Automatic pre-screen (issue 17): each clip's scan state and the findings a person reviews.

Revision ID: 0014_prescreen
Revises: 0013_report_tasks
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_prescreen"
down_revision = "0013_report_tasks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "prescreen_scans",
        sa.Column("clip_id", sa.Integer(), nullable=False),
        sa.Column("scanned_at", sa.DateTime(), nullable=False),
        sa.Column("detector_version", sa.String(length=32), nullable=False),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("error_code", sa.String(length=64), nullable=False),
        sa.Column("error_detail", sa.String(length=500), nullable=False),
        sa.Column("duration_ms", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["clip_id"], ["clips.id"], name=op.f("fk_prescreen_scans_clip_id_clips")),
        sa.PrimaryKeyConstraint("clip_id", name=op.f("pk_prescreen_scans")),
    )
    op.create_table(
        "prescreen_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=160), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("clip_id", sa.Integer(), nullable=True),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_ms", sa.BigInteger(), nullable=False),
        sa.Column("end_ms", sa.BigInteger(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["clip_id"], ["clips.id"], name=op.f("fk_prescreen_findings_clip_id_clips")),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officers.id"], name=op.f("fk_prescreen_findings_officer_id_officers")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_prescreen_findings_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prescreen_findings")),
        sa.UniqueConstraint("key", name=op.f("uq_prescreen_findings_key")),
    )
    op.create_index(op.f("ix_prescreen_findings_clip_id"), "prescreen_findings", ["clip_id"], unique=False)
    op.create_index("ix_prescreen_findings_unit_day", "prescreen_findings", ["unit_id", "day"], unique=False)
    op.create_index("ix_prescreen_findings_officer_day", "prescreen_findings", ["officer_id", "day"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_prescreen_findings_officer_day", table_name="prescreen_findings")
    op.drop_index("ix_prescreen_findings_unit_day", table_name="prescreen_findings")
    op.drop_index(op.f("ix_prescreen_findings_clip_id"), table_name="prescreen_findings")
    op.drop_table("prescreen_findings")
    op.drop_table("prescreen_scans")
