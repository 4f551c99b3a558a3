"""Markers, segments and their vocabulary: stored as sidecar rows, author-only changes, every change audited."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from db.models import AuditEvent
from tests.helpers.builders import build_org
from tests.helpers.playback_builders import DAY_START, add_clip
from workstation import audit
from workstation.errors import PermissionDenied
from workstation.footage import markers
from workstation.footage.markers import MarkerError
from workstation.identity import Identity
from workstation.types import FileType

ALICE, BOB, ADMIN = Identity.user("alice"), Identity.user("bob"), Identity.user("admin")
DEFAULT_WORDS = [
    "告知",
    "出示证件",
    "现场检查",
    "询问",
    "违法行为",
    "证据",
    "送达",
    "异常/中断",
    "其他",
    "阻碍执法",
    "重大/群体性事件",
]
"""The first wave's vocabulary, then the two marks retention rules look at (migration 0011)."""


@pytest.fixture
def clip_id(archive) -> int:
    build_org(archive)
    return add_clip(archive, "010203", DAY_START, seconds=60)


def audit_trail(archive, action_prefix: str) -> list[tuple[str, str, str, dict]]:
    with archive.sessions.read() as session:
        rows = session.execute(
            select(AuditEvent).where(AuditEvent.action.startswith(action_prefix)).order_by(AuditEvent.seq)
        ).scalars()
        return [(row.actor, row.action, row.target_id, json.loads(row.details)) for row in rows]


def test_the_migration_seeds_the_default_vocabulary(archive):
    with archive.sessions.read() as session:
        words = markers.list_categories(session)
    assert [word.name for word in words] == DEFAULT_WORDS
    assert all(word.active and word.color.startswith("#") for word in words)
    assert len({word.code for word in words}) == len(words)


def test_markers_and_segments_round_trip(archive, clip_id):
    with archive.sessions.write() as session:
        point = markers.add_marker(session, ALICE, clip_id, 12_345, None, "show_id", "  出示了执法证  ")
        segment = markers.add_marker(session, ALICE, clip_id, 1_000, 9_500, "notice", "")
    with archive.sessions.read() as session:
        found = markers.list_markers(session, [clip_id])
    assert found == [segment, point]
    assert (point.author, point.start_ms, point.end_ms, point.note) == ("alice", 12_345, None, "出示了执法证")
    assert not point.is_segment and segment.is_segment
    assert [event[1] for event in audit_trail(archive, "marker.")] == ["marker.create", "marker.create"]
    assert audit_trail(archive, "marker.")[0][2] == str(clip_id)  # filed under the clip: shows in its history


def test_only_the_author_may_change_or_delete(archive, clip_id):
    with archive.sessions.write() as session:
        marker = markers.add_marker(session, ALICE, clip_id, 5_000, None, "evidence", "刀具")
    with pytest.raises(PermissionDenied, match="alice"), archive.sessions.write() as session:
        markers.update_marker(session, BOB, marker.id, start_ms=5_000, end_ms=None, category="evidence", note="x")
    with pytest.raises(PermissionDenied), archive.sessions.write() as session:
        markers.delete_marker(session, BOB, marker.id)
    with archive.sessions.write() as session:
        changed = markers.update_marker(
            session, ALICE, marker.id, start_ms=4_000, end_ms=7_000, category="violation", note="持刀"
        )
    assert (changed.start_ms, changed.end_ms, changed.category, changed.note) == (4_000, 7_000, "violation", "持刀")
    with archive.sessions.write() as session:
        markers.delete_marker(session, ALICE, marker.id)
    with archive.sessions.read() as session:
        assert markers.list_markers(session, [clip_id]) == []
        assert audit.verify_chain(session).ok
    trail = audit_trail(archive, "marker.")
    assert [action for _, action, _, _ in trail] == ["marker.create", "marker.update", "marker.delete"]
    update = trail[1][3]
    assert update["start_ms"] == [5_000, 4_000] and update["note"] == ["刀具", "持刀"]
    assert trail[2][3]["note"] == "持刀"  # what was deleted stays readable in the audit log


def test_an_unchanged_update_writes_no_audit_event(archive, clip_id):
    with archive.sessions.write() as session:
        marker = markers.add_marker(session, ALICE, clip_id, 5_000, None, "other", "n")
        markers.update_marker(session, ALICE, marker.id, start_ms=5_000, end_ms=None, category="other", note=" n ")
    assert [action for _, action, _, _ in audit_trail(archive, "marker.")] == ["marker.create"]


@pytest.mark.parametrize(
    ("start", "end", "category", "note", "message"),
    [
        (-1, None, "other", "", "marker_before_start"),
        (5_000, 5_000, "other", "", "span_reversed"),
        (5_000, 4_000, "other", "", "span_reversed"),
        (62_000, None, "other", "", "marker_after_end"),
        (1_000, 60_800, "other", "", None),  # within the tolerance: the player may measure a bit more
        (1_000, None, "nonsense", "", "category_inactive"),
        (1_000, None, "other", "长" * 2001, "note_too_long"),
    ],
)
def test_invalid_markers_are_refused(archive, clip_id, start, end, category, note, message):
    with archive.sessions.write() as session:
        if message is None:
            markers.add_marker(session, ALICE, clip_id, start, end, category, note)
            return
        with pytest.raises(MarkerError, match=message):
            markers.add_marker(session, ALICE, clip_id, start, end, category, note)


def test_photos_cannot_carry_time_markers(archive):
    build_org(archive)
    photo = add_clip(archive, "010203", DAY_START, 0, file_type=FileType.PHOTO)
    with pytest.raises(MarkerError, match="clip_not_markable"), archive.sessions.write() as session:
        markers.add_marker(session, ALICE, photo, 0, None, "other")


def test_administrators_edit_the_vocabulary(archive, clip_id):
    with pytest.raises(PermissionDenied), archive.sessions.write() as session:
        markers.add_category(session, ALICE, "醉酒", "#123456")
    with archive.sessions.write() as session:
        drunk = markers.add_category(session, ADMIN, " 醉酒 ", "#A0B0C0")
        markers.add_marker(session, ALICE, clip_id, 1_000, None, drunk.code)
        renamed = markers.update_category(session, ADMIN, drunk.code, name="酒驾", color="#112233")
    assert (drunk.code, drunk.name, drunk.color) == ("custom_1", "醉酒", "#a0b0c0")
    assert (renamed.code, renamed.name) == ("custom_1", "酒驾")
    with archive.sessions.write() as session:
        markers.update_category(session, ADMIN, "service", active=False)
    with archive.sessions.read() as session:
        assert "送达" not in [word.name for word in markers.list_categories(session)]
        assert "送达" in [word.name for word in markers.list_categories(session, include_retired=True)]
        assert markers.list_markers(session, [clip_id])[0].category == "custom_1"
    with pytest.raises(MarkerError, match="category_inactive"), archive.sessions.write() as session:
        markers.add_marker(session, ALICE, clip_id, 2_000, None, "service")
    trail = audit_trail(archive, "marker_category.")
    assert [(actor, action, target) for actor, action, target, _ in trail] == [
        ("admin", "marker_category.create", "custom_1"),
        ("admin", "marker_category.update", "custom_1"),
        ("admin", "marker_category.update", "service"),
    ]
    assert trail[2][3] == {"active": [True, False]}


@pytest.mark.parametrize(
    ("name", "color", "message"),
    [
        ("", "#123456", "category_name_length"),
        ("询问", "#123456", "category_name_taken"),
        ("x", "red", "color_invalid"),
    ],
)
def test_invalid_categories_are_refused(archive, clip_id, name, color, message):
    with pytest.raises(MarkerError, match=message), archive.sessions.write() as session:  # clip_id: the org
        markers.add_category(session, ADMIN, name, color)


def test_a_retired_category_may_be_kept_but_not_chosen(archive, clip_id):
    with archive.sessions.write() as session:
        marker = markers.add_marker(session, ALICE, clip_id, 1_000, None, "service", "送达文书")
        markers.update_category(session, ADMIN, "service", active=False)
    with archive.sessions.write() as session:
        kept = markers.update_marker(
            session, ALICE, marker.id, start_ms=1_500, end_ms=None, category="service", note="送达文书"
        )
    assert kept.category == "service"
    assert kept.updated_at >= kept.created_at - timedelta(seconds=1)
