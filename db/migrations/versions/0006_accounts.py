"""Accounts: an administrator's password reset makes the user change it at the next sign-in.

Revision ID: 0006_accounts
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_accounts"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    op.drop_column("users", "must_change_password")  # SQLite 3.35 and later drop columns in place
