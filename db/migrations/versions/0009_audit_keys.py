"""The keyed audit chain (issue 13): each row names the key its digest was made with; the archive gets an id.

Rows written before this revision keep key_id NULL: they form a plain SHA-256 prefix of the chain, sealed by
the first keyed row (whose HMAC covers the last plain digest). The archive id names the archive's keys in a
key store outside the database (workstation.audit.keys).

Revision ID: 0009_audit_keys
Revises: 0001
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0009_audit_keys"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit_events", sa.Column("key_id", sa.String(length=16), nullable=True))
    identity = op.create_table(
        "archive_identity",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("archive_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archive_identity")),
    )
    op.bulk_insert(identity, [{"id": 1, "archive_id": str(uuid.uuid4())}])


def downgrade() -> None:
    op.drop_table("archive_identity")
    op.drop_column("audit_events", "key_id")
