"""Scheduled reports (issue 16, R10): report tasks and their deliveries.

Revision ID: 0013_report_tasks
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_report_tasks"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(length=8), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("frequency", sa.String(length=8), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=True),
        sa.Column("month_day", sa.Integer(), nullable=True),
        sa.Column("hour", sa.Integer(), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("drop_folder", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("next_run_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_report_tasks_owner_id_users")),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_report_tasks_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_tasks")),
    )
    op.create_index(op.f("ix_report_tasks_unit_id"), "report_tasks", ["unit_id"], unique=False)
    op.create_index(op.f("ix_report_tasks_next_run_at"), "report_tasks", ["next_run_at"], unique=False)
    op.create_table(
        "report_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("date_from", sa.Date(), nullable=False),
        sa.Column("date_to", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("retry_at", sa.DateTime(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("delivered_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["task_id"], ["report_tasks.id"], name=op.f("fk_report_deliveries_task_id_report_tasks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_deliveries")),
        sa.UniqueConstraint("task_id", "due_at", name=op.f("uq_report_deliveries_task_id_due_at")),
    )
    op.create_index("ix_report_deliveries_status_retry_at", "report_deliveries", ["status", "retry_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_report_deliveries_status_retry_at", table_name="report_deliveries")
    op.drop_table("report_deliveries")
    op.drop_index(op.f("ix_report_tasks_next_run_at"), table_name="report_tasks")
    op.drop_index(op.f("ix_report_tasks_unit_id"), table_name="report_tasks")
    op.drop_table("report_tasks")
