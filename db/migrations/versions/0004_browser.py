"""Archive browser: index the audit log by target, for a clip's history in the detail pane.

Revision ID: 0004_browser
Revises: 0001
"""

from alembic import op

revision = "0004_browser"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_events_target", "audit_events", ["target_type", "target_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_events_target", table_name="audit_events")
