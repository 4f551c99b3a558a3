"""Player: the marker category vocabulary (seeded with the default words) and stills.

Revision ID: 0002_player
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_player"
down_revision = "0001"
branch_labels = None
depends_on = None

DEFAULT_CATEGORIES = (
    ("notice", "告知", "#2980b9"),
    ("show_id", "出示证件", "#16a085"),
    ("inspection", "现场检查", "#27ae60"),
    ("questioning", "询问", "#8e44ad"),
    ("violation", "违法行为", "#c0392b"),
    ("evidence", "证据", "#d35400"),
    ("service", "送达", "#34495e"),
    ("interruption", "异常/中断", "#f1c40f"),
    ("other", "其他", "#7f8c8d"),
)
"""The controlled vocabulary administrators start from (code, name, colour); codes never change."""


def upgrade() -> None:
    categories = op.create_table(
        "marker_categories",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("color", sa.String(length=7), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_marker_categories")),
        sa.UniqueConstraint("name", name=op.f("uq_marker_categories_name")),
    )
    op.bulk_insert(
        categories,
        [
            {"code": code, "name": name, "color": color, "sort_order": (number + 1) * 10, "active": True}
            for number, (code, name, color) in enumerate(DEFAULT_CATEGORIES)
        ],
    )
    op.create_table(
        "stills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("clip_id", sa.Integer(), nullable=False),
        sa.Column("position_ms", sa.BigInteger(), nullable=False),
        sa.Column("shown_at", sa.DateTime(), nullable=False),
        sa.Column("clip_sha256", sa.String(length=64), nullable=False),
        sa.Column("png_sha256", sa.String(length=64), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("png", sa.LargeBinary(), nullable=False),
        sa.Column("taken_by", sa.String(length=64), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["clip_id"], ["clips.id"], name=op.f("fk_stills_clip_id_clips")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stills")),
    )
    with op.batch_alter_table("stills", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stills_clip_id"), ["clip_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("stills", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stills_clip_id"))
    op.drop_table("stills")
    op.drop_table("marker_categories")
