"""Markers and segments on clips (标记/备注), and their category vocabulary: sidecar data, audited.

A marker is a point (end_ms None) or a segment [start_ms, end_ms) in ms from the media start, with a
category from the controlled vocabulary and a note. Media files are never touched. Only a marker's
author may change or delete it; only administrators edit the vocabulary. Every change writes an audit
event in the same transaction, on the clip (so it shows in the clip's history) or on the category.
"""

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Clip, Marker, MarkerCategory
from workstation import audit, clock, permissions
from workstation.errors import PermissionDenied, WorkstationError
from workstation.footage.types import MAX_NOTE_CHARS, MarkerCategoryRow, MarkerRow
from workstation.identity import Identity
from workstation.retention import assignment as retention
from workstation.types import Action, FileType, Role

MAX_CATEGORY_NAME_CHARS = 64
DURATION_TOLERANCE_MS = 1000  # the player may find a clip a little longer than ingest measured
MARKABLE = (FileType.VIDEO, FileType.AUDIO)
_COLOR_DIGITS = frozenset("0123456789abcdef")


class MarkerError(WorkstationError):
    """A marker or category that cannot be stored as given (times, category, note, name)."""


# --- the vocabulary ---


def list_categories(session: Session, *, include_retired: bool = False) -> list[MarkerCategoryRow]:
    """The vocabulary in display order; retired words only when asked (to show old markers)."""
    statement = select(MarkerCategory).order_by(MarkerCategory.sort_order, MarkerCategory.code)
    if not include_retired:
        statement = statement.where(MarkerCategory.active.is_(True))
    return [_category_row(category) for category in session.execute(statement).scalars()]


def add_category(session: Session, who: Identity, name: str, color: str) -> MarkerCategoryRow:
    """A new word at the end of the list; its code is generated (custom_1, custom_2, ...)."""
    _require_admin(session, who)
    name, color = _valid_name(session, name), _valid_color(color)
    taken = set(session.execute(select(MarkerCategory.code)).scalars())
    number = 1
    while f"custom_{number}" in taken:
        number += 1
    last = session.execute(select(func.max(MarkerCategory.sort_order))).scalar_one() or 0
    category = MarkerCategory(code=f"custom_{number}", name=name, color=color, sort_order=last + 10, active=True)
    session.add(category)
    session.flush()
    audit.record(
        session,
        who.audit_name,
        "marker_category.create",
        "marker_category",
        category.code,
        {"name": name, "color": color},
    )
    return _category_row(category)


def update_category(
    session: Session,
    who: Identity,
    code: str,
    *,
    name: str | None = None,
    color: str | None = None,
    sort_order: int | None = None,
    active: bool | None = None,
) -> MarkerCategoryRow:
    """Rename, recolour, move or retire (active=False) / restore a word; markers keep its code."""
    _require_admin(session, who)
    category = session.get(MarkerCategory, code)
    if category is None:
        raise MarkerError("category_unknown", category=code)
    changes: dict[str, list[object]] = {}  # field: [old, new]
    if name is not None and name.strip() != category.name:
        changes["name"] = [category.name, _valid_name(session, name)]
    if color is not None and color.lower() != category.color:
        changes["color"] = [category.color, _valid_color(color)]
    if sort_order is not None and sort_order != category.sort_order:
        changes["sort_order"] = [category.sort_order, int(sort_order)]
    if active is not None and active != category.active:
        changes["active"] = [category.active, bool(active)]
    for field, (_, new) in changes.items():
        setattr(category, field, new)
    if changes:
        session.flush()
        audit.record(session, who.audit_name, "marker_category.update", "marker_category", code, changes)
    return _category_row(category)


def _require_admin(session: Session, who: Identity) -> None:
    if permissions.principal_of(session, who).role is not Role.ADMIN:
        raise PermissionDenied("categories_admin_only")


def _valid_name(session: Session, name: str) -> str:
    name = name.strip()
    if not name or len(name) > MAX_CATEGORY_NAME_CHARS:
        raise MarkerError("category_name_length", max_chars=MAX_CATEGORY_NAME_CHARS)
    if session.execute(select(MarkerCategory.code).where(MarkerCategory.name == name)).first():
        raise MarkerError("category_name_taken", name=name)
    return name


def _valid_color(color: str) -> str:
    color = color.strip().lower()
    if len(color) != 7 or color[0] != "#" or not set(color[1:]) <= _COLOR_DIGITS:
        raise MarkerError("color_invalid", color=color)
    return color


def _category_row(category: MarkerCategory) -> MarkerCategoryRow:
    return MarkerCategoryRow(category.code, category.name, category.color, category.sort_order, category.active)


# --- markers ---


def list_markers(session: Session, clip_ids: Iterable[int]) -> list[MarkerRow]:
    """The markers of these clips, by clip and time."""
    ids = sorted(set(clip_ids))
    if not ids:
        return []
    statement = select(Marker).where(Marker.clip_id.in_(ids)).order_by(Marker.clip_id, Marker.start_ms, Marker.id)
    return [_marker_row(marker) for marker in session.execute(statement).scalars()]


def add_marker(
    session: Session,
    who: Identity,
    clip_id: int,
    start_ms: int,
    end_ms: int | None,
    category: str,
    note: str = "",
) -> MarkerRow:
    """A point (end_ms None) or a segment on a video or audio clip, authored by user."""
    clip = _markable_clip(session, who, clip_id, note)
    start_ms, end_ms = _valid_times(clip, start_ms, end_ms)
    _require_active_category(session, category)
    now = clock.now()
    marker = Marker(
        clip_id=clip.id,
        author=who.name,
        start_ms=start_ms,
        end_ms=end_ms,
        category=category,
        note=_valid_note(note),
        created_at=now,
        updated_at=now,
    )
    session.add(marker)
    session.flush()
    audit.record(session, who.audit_name, "marker.create", "clip", clip.id, _audit_fields(marker))
    retention.refresh(session, who.audit_name, [clip.id], "marker.create")
    return _marker_row(marker)


def update_marker(
    session: Session,
    who: Identity,
    marker_id: int,
    *,
    start_ms: int,
    end_ms: int | None,
    category: str,
    note: str,
) -> MarkerRow:
    """Change times, category and note; the author only. A retired category may be kept, not chosen."""
    marker = _own_marker(session, who, marker_id)
    clip = _markable_clip(session, who, marker.clip_id, note)
    start_ms, end_ms = _valid_times(clip, start_ms, end_ms)
    if category != marker.category:
        _require_active_category(session, category)
    before = _audit_fields(marker)
    marker.start_ms, marker.end_ms, marker.category, marker.note = start_ms, end_ms, category, _valid_note(note)
    after = _audit_fields(marker)
    if after != before:
        marker.updated_at = clock.now()
        session.flush()
        changes = {key: [before[key], after[key]] for key in after if after[key] != before[key]}
        audit.record(session, who.audit_name, "marker.update", "clip", clip.id, {"marker": marker.id, **changes})
        retention.refresh(session, who.audit_name, [clip.id], "marker.update")
    return _marker_row(marker)


def delete_marker(session: Session, who: Identity, marker_id: int) -> None:
    """Remove a marker; the author only. The audit event keeps what it said."""
    marker = _own_marker(session, who, marker_id)
    fields = _audit_fields(marker)
    session.delete(marker)
    session.flush()
    audit.record(session, who.audit_name, "marker.delete", "clip", marker.clip_id, fields)
    retention.refresh(session, who.audit_name, [marker.clip_id], "marker.delete")


def _markable_clip(session: Session, who: Identity, clip_id: int, note: str) -> Clip:
    """The clip, if the user may mark it (标记) and, for a note, annotate it (备注): 附件3 二(六)."""
    permissions.require_clip(session, who, clip_id, Action.MARK)
    if note.strip():
        permissions.require_clip(session, who, clip_id, Action.ANNOTATE)
    clip = session.get(Clip, clip_id)
    if clip is None:
        raise MarkerError("clip_not_found", clip_id=clip_id)
    if clip.file_type not in MARKABLE:
        raise MarkerError("clip_not_markable")
    return clip


def _own_marker(session: Session, who: Identity, marker_id: int) -> Marker:
    marker = session.get(Marker, marker_id)
    if marker is None:
        raise MarkerError("marker_not_found", marker_id=marker_id)
    if marker.author != who.name:
        raise PermissionDenied("marker_not_yours", author=marker.author)
    return marker


def _valid_times(clip: Clip, start_ms: int, end_ms: int | None) -> tuple[int, int | None]:
    start_ms = int(start_ms)
    end_ms = None if end_ms is None else int(end_ms)
    if start_ms < 0:
        raise MarkerError("marker_before_start")
    if end_ms is not None and end_ms <= start_ms:
        raise MarkerError("span_reversed")
    if clip.duration_ms:
        latest = clip.duration_ms + DURATION_TOLERANCE_MS
        if start_ms > latest or (end_ms is not None and end_ms > latest):
            raise MarkerError("marker_after_end")
    return start_ms, end_ms


def _require_active_category(session: Session, code: str) -> None:
    category = session.get(MarkerCategory, code)
    if category is None or not category.active:
        raise MarkerError("category_inactive", category=code)


def _valid_note(note: str) -> str:
    note = note.strip()
    if len(note) > MAX_NOTE_CHARS:
        raise MarkerError("note_too_long", max_chars=MAX_NOTE_CHARS)
    return note


def _audit_fields(marker: Marker) -> dict[str, object]:
    return {
        "marker": marker.id,
        "start_ms": marker.start_ms,
        "end_ms": marker.end_ms,
        "category": marker.category,
        "note": marker.note,
    }


def _marker_row(marker: Marker) -> MarkerRow:
    return MarkerRow(
        id=marker.id,
        clip_id=marker.clip_id,
        author=marker.author,
        start_ms=marker.start_ms,
        end_ms=marker.end_ms,
        category=marker.category,
        note=marker.note,
        created_at=marker.created_at,
        updated_at=marker.updated_at,
    )
