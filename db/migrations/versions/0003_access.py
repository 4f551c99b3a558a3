"""Cross-unit viewing: requests, approval steps, grants and the access register (R6).

Revision ID: 0003_access
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_access"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "access_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("requester_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("with_download", sa.Boolean(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("outside_body", sa.String(length=16), nullable=True),
        sa.Column("document_ref", sa.String(length=200), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("period_start", sa.DateTime(), nullable=True),
        sa.Column("period_end", sa.DateTime(), nullable=True),
        sa.Column("case_no", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["officer_id"], ["officers.id"], name=op.f("fk_access_requests_officer_id_officers")),
        sa.ForeignKeyConstraint(["requester_id"], ["users.id"], name=op.f("fk_access_requests_requester_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_requests")),
    )
    op.create_index("ix_access_requests_requester_created", "access_requests", ["requester_id", "created_at"])
    op.create_table(
        "access_grants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("grantee_id", sa.Integer(), nullable=False),
        sa.Column("with_download", sa.Boolean(), nullable=False),
        sa.Column("granted_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_by", sa.Integer(), nullable=True),
        sa.Column("revoke_comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["grantee_id"], ["users.id"], name=op.f("fk_access_grants_grantee_id_users")),
        sa.ForeignKeyConstraint(
            ["request_id"], ["access_requests.id"], name=op.f("fk_access_grants_request_id_access_requests")
        ),
        sa.ForeignKeyConstraint(["revoked_by"], ["users.id"], name=op.f("fk_access_grants_revoked_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_grants")),
        sa.UniqueConstraint("request_id", name=op.f("uq_access_grants_request_id")),
    )
    op.create_index("ix_access_grants_grantee_expires", "access_grants", ["grantee_id", "expires_at"])
    op.create_table(
        "access_request_items",
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("clip_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["clip_id"], ["clips.id"], name=op.f("fk_access_request_items_clip_id_clips")),
        sa.ForeignKeyConstraint(
            ["request_id"], ["access_requests.id"], name=op.f("fk_access_request_items_request_id_access_requests")
        ),
        sa.PrimaryKeyConstraint("request_id", "clip_id", name=op.f("pk_access_request_items")),
    )
    op.create_index(op.f("ix_access_request_items_clip_id"), "access_request_items", ["clip_id"])
    op.create_table(
        "approval_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("step_no", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["decided_by"], ["users.id"], name=op.f("fk_approval_steps_decided_by_users")),
        sa.ForeignKeyConstraint(
            ["request_id"], ["access_requests.id"], name=op.f("fk_approval_steps_request_id_access_requests")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_approval_steps_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approval_steps")),
        sa.UniqueConstraint("request_id", "step_no", name=op.f("uq_approval_steps_request_id_step_no")),
    )
    op.create_index("ix_approval_steps_inbox", "approval_steps", ["unit_id", "role", "status"])
    op.create_table(
        "access_register",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("clip_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("basis", sa.String(length=16), nullable=False),
        sa.Column("grant_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("played_ms", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["clip_id"], ["clips.id"], name=op.f("fk_access_register_clip_id_clips")),
        sa.ForeignKeyConstraint(
            ["grant_id"], ["access_grants.id"], name=op.f("fk_access_register_grant_id_access_grants")
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_access_register_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_register")),
    )
    op.create_index("ix_access_register_clip_started", "access_register", ["clip_id", "started_at"])
    op.create_index("ix_access_register_started", "access_register", ["started_at"])
    op.create_index("ix_access_register_user_started", "access_register", ["user_id", "started_at"])


def downgrade() -> None:
    op.drop_table("access_register")
    op.drop_table("approval_steps")
    op.drop_table("access_request_items")
    op.drop_table("access_grants")
    op.drop_table("access_requests")
