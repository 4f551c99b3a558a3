"""Retention and destruction (issue 14): classes and rules as data, each clip's retention on its row, legal
holds, destruction requests with their steps, and tombstones.

Clips archived before this revision are marked `unassessed` with no keep-until date (kept, never listed as
expiring) until `workstation retention run` (or applying a policy) assesses them under the archive's policy.
The rules seeded are the fire rescue profile's, whose base period (two years) is the longest of the three:
an archive that has not chosen its profile keeps too long, never too short.

Revision ID: 0011_retention
Revises: 0002_player (the mark categories the new rules name)
"""

from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from alembic import op

revision = "0011_retention"
down_revision = "0002_player"
branch_labels = None
depends_on = None

CLASSES = (
    ("months_6", "六个月", 6, "公安：原则上不少于六个月（002 第十六条）"),
    ("years_2", "两年", 24, "消防、应急：不少于两年（000 第十四条，001 第二十八条，003 第二十条）"),
    ("years_5", "五年", 60, "公众聚集场所、火灾高危单位：长期且不少于五年（001 第二十八条）"),
    ("permanent", "永久", None, "证据、阻碍执法、重大事件、投诉：永久/长期保存（002 第十六条，001 第三十条）"),
)
FIRE_RESCUE_RULES = {
    "base": "years_2",
    "important": "permanent",
    "case:case": "permanent",
    "case:complaint": "permanent",
    "marker:evidence": "permanent",
    "marker:obstruction": "permanent",
    "marker:major_event": "permanent",
    "site:public_gathering": "years_5",
    "site:high_risk": "years_5",
    "site:major_hazard": "permanent",
}
ARCHIVE_ZONE = timezone(timedelta(hours=8))
NEW_MARK_CATEGORIES = (("obstruction", "阻碍执法", "#e74c3c"), ("major_event", "重大/群体性事件", "#9b59b6"))
"""Mark categories the rules look at, added to the vocabulary (kept out if an administrator took the name)."""


def upgrade() -> None:
    with op.batch_alter_table("clips") as clips:
        clips.add_column(sa.Column("retention_rule", sa.String(length=64), nullable=False, server_default="unassessed"))
        clips.add_column(
            sa.Column("retention_triggers", sa.String(length=500), nullable=False, server_default="!unassessed")
        )
        clips.add_column(sa.Column("keep_until", sa.Date(), nullable=True))
        clips.add_column(sa.Column("site_category", sa.String(length=32), nullable=True))
        clips.create_index("ix_clips_keep_until", ["keep_until", "unit_id"])
        clips.create_index("ix_clips_retention_group", ["unit_id", "retention_triggers", "recorded_start"])
    op.execute("UPDATE clips SET retention_class = 'unassessed'")
    classes = op.create_table(
        "retention_classes",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("months", sa.Integer(), nullable=True),
        sa.Column("basis", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_retention_classes")),
        sa.UniqueConstraint("name", name=op.f("uq_retention_classes_name")),
    )
    rules = op.create_table(
        "retention_rules",
        sa.Column("trigger", sa.String(length=64), nullable=False),
        sa.Column("class_code", sa.String(length=16), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_code"], ["retention_classes.code"], name=op.f("fk_retention_rules_class_code_retention_classes")
        ),
        sa.PrimaryKeyConstraint("trigger", name=op.f("pk_retention_rules")),
    )
    settings = op.create_table(
        "retention_settings",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_retention_settings")),
    )
    op.create_table(
        "legal_holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("placed_by", sa.Integer(), nullable=False),
        sa.Column("placed_at", sa.DateTime(), nullable=False),
        sa.Column("released_by", sa.Integer(), nullable=True),
        sa.Column("released_at", sa.DateTime(), nullable=True),
        sa.Column("release_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["placed_by"], ["users.id"], name=op.f("fk_legal_holds_placed_by_users")),
        sa.ForeignKeyConstraint(["released_by"], ["users.id"], name=op.f("fk_legal_holds_released_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legal_holds")),
    )
    op.create_table(
        "legal_hold_items",
        sa.Column("hold_id", sa.Integer(), nullable=False),
        sa.Column("clip_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["hold_id"], ["legal_holds.id"], name=op.f("fk_legal_hold_items_hold_id_legal_holds")),
        sa.ForeignKeyConstraint(["clip_id"], ["clips.id"], name=op.f("fk_legal_hold_items_clip_id_clips")),
        sa.PrimaryKeyConstraint("hold_id", "clip_id", name=op.f("pk_legal_hold_items")),
    )
    op.create_index(op.f("ix_legal_hold_items_clip_id"), "legal_hold_items", ["clip_id"])
    op.create_table(
        "destruction_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("requester_id", sa.Integer(), nullable=True),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("report_unit_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("conditions", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reported_at", sa.DateTime(), nullable=True),
        sa.Column("executed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["requester_id"], ["users.id"], name=op.f("fk_destruction_requests_requester_id_users")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_destruction_requests_unit_id_units")),
        sa.ForeignKeyConstraint(
            ["report_unit_id"], ["units.id"], name=op.f("fk_destruction_requests_report_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction_requests")),
    )
    op.create_index("ix_destruction_requests_status", "destruction_requests", ["status", "created_at"])
    op.create_table(
        "destruction_items",
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("clip_id", sa.Integer(), nullable=False),
        sa.Column("keep_until", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=24), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["destruction_requests.id"],
            name=op.f("fk_destruction_items_request_id_destruction_requests"),
        ),
        sa.ForeignKeyConstraint(["clip_id"], ["clips.id"], name=op.f("fk_destruction_items_clip_id_clips")),
        sa.PrimaryKeyConstraint("request_id", "clip_id", name=op.f("pk_destruction_items")),
    )
    op.create_index(op.f("ix_destruction_items_clip_id"), "destruction_items", ["clip_id"])
    op.create_table(
        "destruction_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("step_no", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["destruction_requests.id"],
            name=op.f("fk_destruction_steps_request_id_destruction_requests"),
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_destruction_steps_unit_id_units")),
        sa.ForeignKeyConstraint(["decided_by"], ["users.id"], name=op.f("fk_destruction_steps_decided_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction_steps")),
        sa.UniqueConstraint("request_id", "step_no", name=op.f("uq_destruction_steps_request_id_step_no")),
    )
    op.create_index("ix_destruction_steps_inbox", "destruction_steps", ["unit_id", "role", "status"])
    op.create_table(
        "tombstones",
        sa.Column("clip_id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("approved_by", sa.String(length=200), nullable=False),
        sa.Column("executed_by", sa.String(length=64), nullable=False),
        sa.Column("executed_at", sa.DateTime(), nullable=False),
        sa.Column("file_removed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["clip_id"], ["clips.id"], name=op.f("fk_tombstones_clip_id_clips")),
        sa.ForeignKeyConstraint(
            ["request_id"], ["destruction_requests.id"], name=op.f("fk_tombstones_request_id_destruction_requests")
        ),
        sa.PrimaryKeyConstraint("clip_id", name=op.f("pk_tombstones")),
    )
    op.create_index(op.f("ix_tombstones_request_id"), "tombstones", ["request_id"])
    op.bulk_insert(classes, [dict(zip(("code", "name", "months", "basis"), row, strict=True)) for row in CLASSES])
    now = datetime.now(ARCHIVE_ZONE).replace(tzinfo=None)  # archive times are China Standard Time
    op.bulk_insert(
        rules,
        [
            {"trigger": trigger, "class_code": code, "changed_at": now, "changed_by": "system:migration"}
            for trigger, code in FIRE_RESCUE_RULES.items()
        ],
    )
    op.bulk_insert(settings, [{"name": "profile", "value": "fire_rescue"}])
    _add_mark_categories()


def _add_mark_categories() -> None:
    connection = op.get_bind()
    categories = sa.table(
        "marker_categories",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("color", sa.String),
        sa.column("sort_order", sa.Integer),
        sa.column("active", sa.Boolean),
    )
    taken = {tuple(row) for row in connection.execute(sa.select(categories.c.code, categories.c.name))}
    codes, names = {code for code, _ in taken}, {name for _, name in taken}
    last = connection.execute(sa.select(sa.func.max(categories.c.sort_order))).scalar() or 0
    for code, name, color in NEW_MARK_CATEGORIES:
        if code in codes or name in names:
            continue
        last += 10
        connection.execute(categories.insert().values(code=code, name=name, color=color, sort_order=last, active=True))


def downgrade() -> None:
    for table in (
        "tombstones",
        "destruction_steps",
        "destruction_items",
        "destruction_requests",
        "legal_hold_items",
        "legal_holds",
        "retention_settings",
        "retention_rules",
        "retention_classes",
    ):
        op.drop_table(table)
    with op.batch_alter_table("clips") as clips:
        clips.drop_index("ix_clips_retention_group")
        clips.drop_index("ix_clips_keep_until")
        clips.drop_column("site_category")
        clips.drop_column("keep_until")
        clips.drop_column("retention_triggers")
        clips.drop_column("retention_rule")
    op.execute("UPDATE clips SET retention_class = 'standard'")
