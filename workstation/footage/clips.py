"""Finding clips: the filters of the archive browser and of `workstation clips`, newest first, paged.

Queries are shaped for the indexes (unit/officer/device + recorded_start), so page 1 of a filter costs
about the same on an archive of 500 clips as on one of 5,000,000.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from typing import TypeVarTuple

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select
from sqlalchemy.orm import Session, aliased

from db.models import AuditEvent, Case, Clip, ClipCaseLink, Device, Marker, Officer, PrescreenFinding, Unit
from workstation import audit, permissions
from workstation.errors import ClipDestroyed, WorkstationError
from workstation.footage.types import (
    NEWEST_FIRST,
    ClipDetail,
    ClipFilter,
    ClipOrder,
    ClipRow,
    PageCursor,
    SortKey,
)
from workstation.identity import Identity
from workstation.retention import assignment as retention
from workstation.retention.types import RetentionChange, SiteCategory
from workstation.sql_time import seconds_between
from workstation.types import LATE_UPLOAD_HOURS, Action, AuditEntry, ClipScope, FileType, MediaStatus


class ClipEditError(WorkstationError):
    """A metadata correction that cannot be made as asked (no reason given)."""


Columns = TypeVarTuple("Columns")  # the selected columns, kept by the filters


def unit_subtree_ids(session: Session, unit_code: str) -> list[int]:
    """The unit with this code and every unit below it (units are few: one query, walked in memory)."""
    rows = session.execute(select(Unit.id, Unit.code, Unit.parent_id)).all()
    children: dict[int | None, list[int]] = defaultdict(list)
    for row in rows:
        children[row.parent_id].append(row.id)
    roots = [row.id for row in rows if row.code == unit_code]
    found, stack = [], list(roots)
    while stack:
        unit_id = stack.pop()
        found.append(unit_id)
        stack.extend(children[unit_id])
    return sorted(found)


def _filtered(session: Session, statement: Select[*Columns], criteria: ClipFilter) -> Select[*Columns]:
    if criteria.unit_code is not None:
        statement = statement.where(Clip.unit_id.in_(unit_subtree_ids(session, criteria.unit_code)))
    if criteria.badge_no is not None:
        officer_id = select(Officer.id).where(Officer.badge_no == criteria.badge_no).scalar_subquery()
        statement = statement.where(Clip.officer_id == officer_id)
    if criteria.device_no is not None:
        device_id = select(Device.id).where(Device.device_no == criteria.device_no.upper()).scalar_subquery()
        statement = statement.where(Clip.device_id == device_id)
    if criteria.date_from is not None:
        statement = statement.where(Clip.recorded_start >= datetime.combine(criteria.date_from, time.min))
    if criteria.date_to is not None:
        statement = statement.where(
            Clip.recorded_start < datetime.combine(criteria.date_to + timedelta(days=1), time.min)
        )
    if criteria.case_no is not None:
        linked = (
            select(ClipCaseLink.clip_id)
            .join(Case, Case.id == ClipCaseLink.case_id)
            .where(Case.case_no == criteria.case_no)
        )
        statement = statement.where(Clip.id.in_(linked))
    if criteria.important is not None:
        statement = statement.where(Clip.important.is_(criteria.important))
    if criteria.file_type is not None:
        statement = statement.where(Clip.file_type == criteria.file_type)
    if criteria.annotated is not None:
        marked = select(Marker.id).where(Marker.clip_id == Clip.id).exists()
        statement = statement.where(marked if criteria.annotated else ~marked)
    if criteria.text:
        statement = statement.where(_text_match(criteria.text.strip()))
    if criteria.uploaded_late is not None:
        late = seconds_between(session, Clip.ingested_at, Clip.recorded_start) > LATE_UPLOAD_HOURS * 3600
        statement = statement.where(late if criteria.uploaded_late else ~late)
    if criteria.linked is not None:
        has_case = select(ClipCaseLink.clip_id).where(ClipCaseLink.clip_id == Clip.id).exists()
        statement = statement.where(has_case if criteria.linked else ~has_case)
    if criteria.file_types is not None:
        statement = statement.where(Clip.file_type.in_(sorted(criteria.file_types)))
    if criteria.finding_kinds or criteria.finding_status is not None:
        statement = statement.where(_has_finding(criteria.finding_kinds, criteria.finding_status))
    return statement


def _has_finding(kinds: tuple[str, ...], status: str | None) -> ColumnElement[bool]:
    """The clip has a pre-screen finding of one of `kinds` (empty: any) in `status` (None: any): an EXISTS on
    the findings' clip_id index, so a page of the browser costs a probe per clip, not a scan of the findings."""
    found = select(PrescreenFinding.id).where(PrescreenFinding.clip_id == Clip.id)
    if kinds:
        found = found.where(PrescreenFinding.kind.in_(sorted(set(kinds))))
    if status is not None:
        found = found.where(PrescreenFinding.status == status)
    return found.exists()


def _text_match(text: str) -> ColumnElement[bool]:
    """Clips whose officer (name or 警号), device number or linked case number contains `text`."""
    pattern = f"%{text}%"
    officers = select(Officer.id).where(or_(Officer.name.like(pattern), Officer.badge_no.like(pattern)))
    devices = select(Device.id).where(Device.device_no.like(pattern.upper()))
    cases = select(ClipCaseLink.clip_id).join(Case, Case.id == ClipCaseLink.case_id).where(Case.case_no.like(pattern))
    return or_(Clip.officer_id.in_(officers), Clip.device_id.in_(devices), Clip.id.in_(cases))


def scoped(statement: Select[*Columns], scope: ClipScope) -> Select[*Columns]:
    """Only the clips the scope covers (workstation.permissions.clip_scope: a user's rights, or a system
    actor's whole archive).

    Each branch is an indexed column (unit_id, officer_id, id), so a scoped listing stays on the indexes.
    """
    visible: list[ColumnElement[bool]] = []
    if scope.unit_ids:
        visible.append(Clip.unit_id.in_(sorted(scope.unit_ids)))
    if scope.unassigned:
        visible.append(Clip.unit_id.is_(None))
    if scope.officer_id is not None:
        visible.append(Clip.officer_id == scope.officer_id)
    if scope.clip_ids:
        visible.append(Clip.id.in_(sorted(scope.clip_ids)))
    return statement.where(or_(*visible) if visible else false())


def count_clips(session: Session, criteria: ClipFilter, scope: ClipScope) -> int:
    # count(*), not count(id): PostgreSQL can then answer from the (unit_id, recorded_start) index alone
    statement = scoped(_filtered(session, select(func.count()).select_from(Clip), criteria), scope)
    return int(session.execute(statement).scalar_one())


_SORT_COLUMNS = {
    SortKey.RECORDED: Clip.recorded_start,
    SortKey.DURATION: Clip.duration_ms,
    SortKey.SIZE: Clip.size_bytes,
    SortKey.FILE_TYPE: Clip.file_type,
    SortKey.NAME: Clip.original_name,
    SortKey.INGESTED: Clip.ingested_at,
}


def list_clips(
    session: Session,
    criteria: ClipFilter,
    limit: int = 100,
    after: PageCursor | None = None,
    order: ClipOrder = NEWEST_FIRST,
    offset: int = 0,
    *,
    scope: ClipScope,
) -> list[ClipRow]:
    """One page of clips, newest recording first by default.

    For the default order pass the previous page's last row as `after` (keyset paging, cheap at any
    depth); other orders page with `offset`. `scope` (permissions.clip_scope) limits the page to what `who` may see.
    """
    if after is not None and order != NEWEST_FIRST:
        raise ValueError("keyset paging (after=) works with the default order only")
    unit, officer, device = aliased(Unit), aliased(Officer), aliased(Device)
    statement = (
        select(Clip, unit.code, unit.name, officer.badge_no, officer.name, device.device_no)
        .outerjoin(unit, unit.id == Clip.unit_id)
        .outerjoin(officer, officer.id == Clip.officer_id)
        .outerjoin(device, device.id == Clip.device_id)
    )
    statement = scoped(_filtered(session, statement, criteria), scope)
    if after is not None:
        statement = statement.where(
            or_(
                Clip.recorded_start < after.recorded_start,
                and_(Clip.recorded_start == after.recorded_start, Clip.id < after.clip_id),
            )
        )
    column = _SORT_COLUMNS[order.key]
    ordering = (column.desc(), Clip.id.desc()) if order.descending else (column.asc(), Clip.id.asc())
    rows = session.execute(statement.order_by(*ordering).offset(offset).limit(limit)).all()
    page_ids = [row[0].id for row in rows]
    cases, markers = _case_numbers(session, page_ids), _marker_counts(session, page_ids)
    return [
        _clip_row(
            clip,
            unit_code,
            unit_name,
            badge_no,
            officer_name,
            device_no,
            cases.get(clip.id, ()),
            markers.get(clip.id, 0),
        )
        for clip, unit_code, unit_name, badge_no, officer_name, device_no in rows
    ]


def _marker_counts(session: Session, clip_ids: list[int]) -> dict[int, int]:
    if not clip_ids:
        return {}
    statement = select(Marker.clip_id, func.count()).where(Marker.clip_id.in_(clip_ids)).group_by(Marker.clip_id)
    return {clip_id: count for clip_id, count in session.execute(statement)}


def get_clip(session: Session, clip_id: int) -> ClipRow | None:
    unit, officer, device = aliased(Unit), aliased(Officer), aliased(Device)
    row = session.execute(
        select(Clip, unit.code, unit.name, officer.badge_no, officer.name, device.device_no)
        .outerjoin(unit, unit.id == Clip.unit_id)
        .outerjoin(officer, officer.id == Clip.officer_id)
        .outerjoin(device, device.id == Clip.device_id)
        .where(Clip.id == clip_id)
    ).first()
    if row is None:
        return None
    return _clip_row(
        *row, _case_numbers(session, [clip_id]).get(clip_id, ()), _marker_counts(session, [clip_id]).get(clip_id, 0)
    )


def visible_clips(session: Session, who: Identity, clip_ids: Sequence[int]) -> list[ClipRow]:
    """These clips as they are now, leaving out those gone from the archive and those `who` may not view."""
    principal = permissions.principal_of(session, who) if who.is_user else None
    rows = []
    for clip_id in clip_ids:
        if principal is not None and permissions.clip_access(session, principal, clip_id, Action.VIEW) is None:
            continue
        row = get_clip(session, clip_id)
        if row is not None:
            rows.append(row)
    return rows


def clip_detail(session: Session, clip_id: int, who: Identity) -> ClipDetail | None:
    """All metadata of one clip and its audit history, oldest first; the user must be allowed to view it."""
    permissions.require_clip(session, who, clip_id, Action.VIEW)
    clip = get_clip(session, clip_id)
    if clip is None:
        return None
    events = session.execute(
        select(AuditEvent)
        .where(AuditEvent.target_type == "clip", AuditEvent.target_id == str(clip_id))
        .order_by(AuditEvent.seq)
    ).scalars()
    history = tuple(AuditEntry(e.seq, e.occurred_at, e.actor, e.action, e.details) for e in events)
    return ClipDetail(clip, history)


def set_important(session: Session, who: Identity, clip_ids: Sequence[int], important: bool) -> int:
    """Mark (标记) or unmark clips as important; marked clips are kept out of clean-up. Returns changes.

    Every clip must be one the actor may mark (PermissionDenied otherwise, and nothing changes).
    """
    for clip_id in clip_ids:
        permissions.require_clip(session, who, clip_id, Action.MARK)
    changed = (
        session.execute(select(Clip).where(Clip.id.in_(clip_ids), Clip.important.is_not(important))).scalars().all()
    )
    for clip in changed:
        clip.important = important
        audit.record(
            session, who.audit_name, "clip.mark_important" if important else "clip.unmark_important", "clip", clip.id
        )
    retention.refresh(
        session,
        who.audit_name,
        [clip.id for clip in changed],
        "clip.mark_important" if important else "clip.unmark_important",
    )
    return len(changed)


def set_site_category(
    session: Session, who: Identity, clip_id: int, site: SiteCategory | None, reason: str
) -> RetentionChange | None:
    """Correct the category of the site a clip was recorded at (公众聚集场所, 火灾高危单位, ...): a metadata
    correction (edit right, E), before and after in the audit log with the reason; the original is untouched.
    Returns the clip's retention change, if the site changes how long it is kept."""
    if not reason.strip():
        raise ClipEditError("edit_needs_reason")
    permissions.require_clip(session, who, clip_id, Action.EDIT)
    clip = session.execute(select(Clip).where(Clip.id == clip_id).with_for_update()).scalar_one()
    if clip.media_status == MediaStatus.DESTROYED:
        raise ClipDestroyed("clip_destroyed", clip_id=clip_id)
    value = site.value if site is not None else None
    if clip.site_category == value:
        return None
    audit.record(
        session,
        who.audit_name,
        "clip.edit",
        "clip",
        clip.id,
        {"site_category": [clip.site_category, value], "reason": reason.strip()},
    )
    clip.site_category = value
    changes = retention.refresh(session, who.audit_name, [clip.id], "clip.edit")
    return changes[0] if changes else None


def _case_numbers(session: Session, clip_ids: list[int]) -> dict[int, tuple[str, ...]]:
    if not clip_ids:
        return {}
    found: dict[int, list[str]] = defaultdict(list)
    statement = (
        select(ClipCaseLink.clip_id, Case.case_no)
        .join(Case, Case.id == ClipCaseLink.case_id)
        .where(ClipCaseLink.clip_id.in_(clip_ids))
        .order_by(Case.case_no)
    )
    for clip_id, case_no in session.execute(statement):
        found[clip_id].append(case_no)
    return {clip_id: tuple(numbers) for clip_id, numbers in found.items()}


def _clip_row(
    clip: Clip,
    unit_code: str | None,
    unit_name: str | None,
    badge_no: str | None,
    officer_name: str | None,
    device_no: str | None,
    case_numbers: tuple[str, ...],
    marker_count: int,
) -> ClipRow:
    return ClipRow(
        id=clip.id,
        sha256=clip.sha256,
        file_type=FileType(clip.file_type),
        original_name=clip.original_name,
        media_path=clip.media_path,
        size_bytes=clip.size_bytes,
        unit_code=unit_code,
        unit_name=unit_name,
        badge_no=badge_no,
        officer_name=officer_name,
        device_no=device_no,
        recorded_start=clip.recorded_start,
        recorded_end=clip.recorded_end,
        duration_ms=clip.duration_ms,
        clock_offset_ms=clip.clock_offset_ms,
        container=clip.container,
        video_codec=clip.video_codec,
        width=clip.width,
        height=clip.height,
        fps=clip.fps,
        ingested_at=clip.ingested_at,
        ingest_station=clip.ingest_station,
        important=clip.important,
        retention_class=clip.retention_class,
        media_status=MediaStatus(clip.media_status),
        media_problem=clip.media_problem,
        case_numbers=case_numbers,
        marker_count=marker_count,
    )
