"""Evidence exports (issue 15, R9): export requests, their clips, and the retained copy record.

Revision ID: 0012_evidence
Revises: 0003_access (an outside body's export carries its viewing request; items keep their register entry)
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_evidence"
down_revision = "0003_access"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("requester_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("selector", sa.String(length=200), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("period_start", sa.DateTime(), nullable=True),
        sa.Column("period_end", sa.DateTime(), nullable=True),
        sa.Column("case_no", sa.String(length=64), nullable=True),
        sa.Column("body", sa.String(length=16), nullable=False),
        sa.Column("document_ref", sa.String(length=200), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("receiver", sa.String(length=100), nullable=False),
        sa.Column("access_request_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("format", sa.String(length=8), nullable=True),
        sa.Column("package_name", sa.String(length=255), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("manifest_sm3", sa.String(length=64), nullable=False),
        sa.Column("total_bytes", sa.BigInteger(), nullable=False),
        sa.Column("chain_stamp", sa.String(length=200), nullable=False),
        sa.Column("handover_medium", sa.String(length=64), nullable=False),
        sa.Column("handover_to", sa.String(length=200), nullable=False),
        sa.Column("handover_at", sa.DateTime(), nullable=True),
        sa.Column("handover_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["access_request_id"],
            ["access_requests.id"],
            name=op.f("fk_evidence_exports_access_request_id_access_requests"),
        ),
        sa.ForeignKeyConstraint(["officer_id"], ["officers.id"], name=op.f("fk_evidence_exports_officer_id_officers")),
        sa.ForeignKeyConstraint(["requester_id"], ["users.id"], name=op.f("fk_evidence_exports_requester_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_exports")),
        sa.UniqueConstraint("access_request_id", name=op.f("uq_evidence_exports_access_request_id")),
    )
    op.create_index(op.f("ix_evidence_exports_requester_id"), "evidence_exports", ["requester_id"], unique=False)
    op.create_table(
        "evidence_export_items",
        sa.Column("export_id", sa.Integer(), nullable=False),
        sa.Column("clip_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("package_path", sa.String(length=1024), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("sm3", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["clip_id"], ["clips.id"], name=op.f("fk_evidence_export_items_clip_id_clips")),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["access_register.id"], name=op.f("fk_evidence_export_items_entry_id_access_register")
        ),
        sa.ForeignKeyConstraint(
            ["export_id"], ["evidence_exports.id"], name=op.f("fk_evidence_export_items_export_id_evidence_exports")
        ),
        sa.PrimaryKeyConstraint("export_id", "clip_id", name=op.f("pk_evidence_export_items")),
    )
    op.create_index(op.f("ix_evidence_export_items_clip_id"), "evidence_export_items", ["clip_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_evidence_export_items_clip_id"), table_name="evidence_export_items")
    op.drop_table("evidence_export_items")
    op.drop_index(op.f("ix_evidence_exports_requester_id"), table_name="evidence_exports")
    op.drop_table("evidence_exports")
