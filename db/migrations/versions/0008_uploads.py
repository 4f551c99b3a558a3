"""Uploads: files an ingest station sends to the branch server in chunks, resumable, until archived (issue 12).

Revision ID: 0008_uploads
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_uploads"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "uploads",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("account", sa.String(length=80), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("source_path", sa.String(length=1024), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("received_bytes", sa.BigInteger(), nullable=False),
        sa.Column("open_key", sa.String(length=64), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("touched_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("clip_id", sa.Integer(), nullable=True),
        sa.Column("media_status", sa.String(length=16), nullable=True),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.String(length=500), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["clip_id"], ["clips.id"], name=op.f("fk_uploads_clip_id_clips")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_uploads")),
        sa.UniqueConstraint("open_key", name=op.f("uq_uploads_open_key")),
    )
    op.create_index(op.f("ix_uploads_touched_at"), "uploads", ["touched_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_uploads_touched_at"), table_name="uploads")
    op.drop_table("uploads")
