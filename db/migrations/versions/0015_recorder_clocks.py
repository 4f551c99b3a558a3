"""Recorder clocks (issue 17, R3): measured clock offsets per recorder, and batch corrections of footage times.

Revision ID: 0015_recorder_clocks
Revises: 0013_report_tasks
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_recorder_clocks"
down_revision = "0013_report_tasks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clock_measurements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("measured_at", sa.DateTime(), nullable=False),
        sa.Column("recorder_time", sa.DateTime(), nullable=False),
        sa.Column("offset_ms", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("clip_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(["clip_id"], ["clips.id"], name=op.f("fk_clock_measurements_clip_id_clips")),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"], name=op.f("fk_clock_measurements_device_id_devices")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clock_measurements")),
    )
    op.create_index(
        "ix_clock_measurements_device_time", "clock_measurements", ["device_id", "measured_at"], unique=False
    )
    op.create_table(
        "clock_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("date_from", sa.Date(), nullable=False),
        sa.Column("date_to", sa.Date(), nullable=False),
        sa.Column("offset_ms", sa.Integer(), nullable=False),
        sa.Column("drift_s_per_day", sa.Float(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("corrected_by", sa.String(length=64), nullable=False),
        sa.Column("corrected_at", sa.DateTime(), nullable=False),
        sa.Column("reverted_at", sa.DateTime(), nullable=True),
        sa.Column("reverted_by", sa.String(length=64), nullable=True),
        sa.Column("revert_reason", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"], name=op.f("fk_clock_corrections_device_id_devices")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clock_corrections")),
    )
    op.create_index(op.f("ix_clock_corrections_device_id"), "clock_corrections", ["device_id"], unique=False)
    op.create_table(
        "clock_correction_clips",
        sa.Column("correction_id", sa.Integer(), nullable=False),
        sa.Column("clip_id", sa.Integer(), nullable=False),
        sa.Column("previous_offset_ms", sa.Integer(), nullable=False),
        sa.Column("applied_offset_ms", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["clip_id"], ["clips.id"], name=op.f("fk_clock_correction_clips_clip_id_clips")),
        sa.ForeignKeyConstraint(
            ["correction_id"],
            ["clock_corrections.id"],
            name=op.f("fk_clock_correction_clips_correction_id_clock_corrections"),
        ),
        sa.PrimaryKeyConstraint("correction_id", "clip_id", name=op.f("pk_clock_correction_clips")),
    )
    op.create_index(op.f("ix_clock_correction_clips_clip_id"), "clock_correction_clips", ["clip_id"], unique=False)
    op.create_table(
        "clock_correction_events",
        sa.Column("correction_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("applied_offset_ms", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["correction_id"],
            ["clock_corrections.id"],
            name=op.f("fk_clock_correction_events_correction_id_clock_corrections"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["device_log_events.id"], name=op.f("fk_clock_correction_events_event_id_device_log_events")
        ),
        sa.PrimaryKeyConstraint("correction_id", "event_id", name=op.f("pk_clock_correction_events")),
    )
    op.create_index(op.f("ix_clock_correction_events_event_id"), "clock_correction_events", ["event_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_clock_correction_events_event_id"), table_name="clock_correction_events")
    op.drop_table("clock_correction_events")
    op.drop_index(op.f("ix_clock_correction_clips_clip_id"), table_name="clock_correction_clips")
    op.drop_table("clock_correction_clips")
    op.drop_index(op.f("ix_clock_corrections_device_id"), table_name="clock_corrections")
    op.drop_table("clock_corrections")
    op.drop_index("ix_clock_measurements_device_time", table_name="clock_measurements")
    op.drop_table("clock_measurements")
