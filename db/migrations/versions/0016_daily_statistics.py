"""Daily statistics (issue 16, R10): the additive figures of the workload and recorder reports per day, and the
days whose figures are out of date.

The triggers that mark the days live in the database, so that every writer — a service, an import, a repair by
hand — marks the days it touches in its own transaction: a summary can be stale only until the next report
rebuilds the dirty days (workstation.statistics.daily). They are made by db/migrations/env.py after every
migration run (db/stats_triggers.py), not here: SQLite drops a table's triggers whenever a batch migration
rebuilds the table. Every existing day starts dirty: the first report after the upgrade builds them all.

Revision ID: 0016_daily_statistics
Revises: 0013_report_tasks
"""

import sqlalchemy as sa
from alembic import op

revision = "0016_daily_statistics"
down_revision = "0013_report_tasks"
branch_labels = None
depends_on = None

_EVENT_TYPES = (
    "power_on", "power_off", "record_start", "record_stop", "low_battery", "battery_change", "abnormal_interruption",
    "dock", "clock_sync", "other",
)  # fmt: skip
_USE_SECONDS = ("on_seconds", "on_carried_seconds", "recording_seconds", "recording_carried_seconds")
_WORKLOAD_COUNTS = ("clips", "videos", "audios", "photos", "on_time", "recordings", "linked", "marked", "gaps")


def upgrade() -> None:
    op.create_table(
        "stats_daily_workload",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("device_id", sa.Integer(), nullable=True),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in _WORKLOAD_COUNTS),
        sa.Column("duration_ms", sa.BigInteger(), nullable=False),
        sa.Column("gap_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stats_daily_workload")),
    )
    op.create_index(op.f("ix_stats_daily_workload_day"), "stats_daily_workload", ["day"])
    op.create_index("ix_stats_daily_workload_unit_day", "stats_daily_workload", ["unit_id", "day"])
    op.create_index("ix_stats_daily_workload_device_day", "stats_daily_workload", ["device_id", "day"])
    op.create_table(
        "stats_daily_device_use",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in _EVENT_TYPES),
        *(sa.Column(name, sa.BigInteger(), nullable=False) for name in _USE_SECONDS),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stats_daily_device_use")),
    )
    op.create_index(op.f("ix_stats_daily_device_use_day"), "stats_daily_device_use", ["day"])
    op.create_index("ix_stats_daily_device_use_device_day", "stats_daily_device_use", ["device_id", "day"])
    op.create_table(
        "stats_dirty_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_stats_dirty_days")),
    )
    op.create_index("ix_device_log_events_time", "device_log_events", ["occurred_at"])
    day = "CAST({} AS date)" if op.get_bind().dialect.name == "postgresql" else "date({})"
    op.execute(
        f"INSERT INTO stats_dirty_days (day) SELECT {day.format('recorded_start')} FROM clips "
        f"UNION SELECT {day.format('occurred_at')} FROM device_log_events"
    )


def downgrade() -> None:
    op.drop_index("ix_device_log_events_time", table_name="device_log_events")
    op.drop_table("stats_dirty_days")
    op.drop_table("stats_daily_device_use")
    op.drop_table("stats_daily_workload")
