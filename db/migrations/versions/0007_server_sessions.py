"""The branch archive server: signed-in sessions and idempotent write requests (issue 12).

Revision ID: 0007_server_sessions
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_server_sessions"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("client", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("end_reason", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_api_sessions_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_sessions")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_api_sessions_token_sha256")),
    )
    op.create_index(op.f("ix_api_sessions_user_id"), "api_sessions", ["user_id"])
    op.create_table(
        "api_requests",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("request_key", sa.String(length=64), nullable=False),
        sa.Column("operation", sa.String(length=64), nullable=False),
        sa.Column("response", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_api_requests_user_id_users")),
        sa.PrimaryKeyConstraint("user_id", "request_key", name=op.f("pk_api_requests")),
    )
    op.create_index(op.f("ix_api_requests_created_at"), "api_requests", ["created_at"])


def downgrade() -> None:
    op.drop_table("api_requests")
    op.drop_table("api_sessions")
