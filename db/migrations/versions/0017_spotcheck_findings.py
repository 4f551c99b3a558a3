"""Pre-screen findings into the spot check (issue 17): a draw may add clips with findings on top of the random
quota. The plan keeps how many it was asked for and how many it added; an added item says which finding kinds
brought it in (its selection is `prescreen`).

Revision ID: 0017_spotcheck_findings
Revises: 0014_prescreen
Depends on: 0005_spotcheck (the tables it adds to)
"""

import sqlalchemy as sa
from alembic import op

revision = "0017_spotcheck_findings"
down_revision = "0014_prescreen"
branch_labels = None
depends_on = "0005_spotcheck"


def upgrade() -> None:
    with op.batch_alter_table("spotcheck_plans") as plans:
        plans.add_column(sa.Column("findings_extra", sa.Integer(), nullable=False, server_default="0"))
        plans.add_column(sa.Column("findings_count", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("spotcheck_items") as items:
        items.add_column(sa.Column("finding_kinds", sa.String(length=200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("spotcheck_items") as items:
        items.drop_column("finding_kinds")
    with op.batch_alter_table("spotcheck_plans") as plans:
        plans.drop_column("findings_count")
        plans.drop_column("findings_extra")
