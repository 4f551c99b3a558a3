"""Destruction requests (销毁审批): list expired clips → the unit head approves → reported to the level above.

附件3 二(五) and R8: expired footage is destroyed only after review and approval on a form, reported to the
level above; clean-up by conditions, by hand (an administrator, `request_destruction`) or scheduled (the
`retention run` system actor, `scheduled_requests`). The clips are fixed when the request is made, and each
must be expired, not held, not destroyed and on no other open request at that moment; execution
(workstation.retention.execution) checks them all again before anything is destroyed.

Routing: the approving unit is the holding unit (OrgTree.holding_unit: the 支队, or the unit itself at 支队
and above) of the clips' units, their common superior when they span several; its head (单位负责人, role
APPROVER) decides, never the requester. An approval is reported (备案) to the approving unit's parent, which
sees the request in its list. Every step is audited; every decision locks the request row first, so two
heads deciding at once cannot both win.
"""

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import reduce

from sqlalchemy import Select, false, func, insert, or_, select
from sqlalchemy.orm import Session, aliased

from db.models import Clip, DestructionItem, DestructionRequest, DestructionStep, Unit, User
from workstation import audit, clock
from workstation.errors import PermissionDenied, SelfApprovalRefused
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.permissions import UNIT_RELATIONS, Principal, principal_of
from workstation.retention import scope
from workstation.retention.errors import RetentionError
from workstation.retention.expiry import OPEN_REQUESTS, expired_candidates, is_expired
from workstation.retention.holds import active_hold_ids
from workstation.retention.types import (
    DestructionRequestRow,
    DestructionSpec,
    DestructionStatus,
    DestructionStepRow,
    ItemOutcome,
)
from workstation.types import Duty, MediaStatus, Role

MAX_REASON_CHARS = 500
LIST_LIMIT = 500
SCHEDULED_REASON = "定期清理：保存期限届满"
_CHUNK = 1000  # clip ids per IN list or insert

REQUEST_ACTION, APPROVE_ACTION, REJECT_ACTION, REPORT_ACTION = (
    "destruction.request",
    "destruction.approve",
    "destruction.reject",
    "destruction.report",
)


class StepStatus:
    """A destruction step's status (stored as text, like the viewing requests' approval steps)."""

    PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"


@dataclass(frozen=True)
class _Listed:
    id: int
    unit_id: int
    keep_until: date


def request_destruction(
    session: Session, who: Identity, spec: DestructionSpec, today: date, now: datetime | None = None
) -> DestructionRequestRow:
    """File a request listing the given clips, or every clip the conditions match that may be destroyed.

    Only a footage administrator (执法记录仪管理员) whose unit rights reach every listed clip may request.
    RetentionError names the first clip that may not be listed (not expired, held, destroyed, on another
    open request, awaiting assignment) or says that nothing matched."""
    reason = _checked_reason(spec.reason)
    principal = principal_of(session, who)
    if principal.role is not Role.ADMIN:
        raise PermissionDenied("destruction_request_denied")
    tree = OrgTree.load(session)
    if spec.clip_ids:
        clips = _given_clips(session, spec.clip_ids, today)
        conditions = f"指定文件 {len(clips)} 个（截至 {today:%Y-%m-%d} 均已超过保存期限、未法律保全）"
    else:
        unit_id = _unit_id(session, spec.unit_code) if spec.unit_code else principal.unit_id
        ids = expired_candidates(session, tree.subtree(unit_id), spec.recorded_before, today)
        if not ids:
            raise RetentionError("nothing_expired")
        clips = _clip_facts(session, ids)
        conditions = _conditions_text(tree.unit(unit_id).code, spec.recorded_before, today)
    for clip in clips:
        if tree.relation(principal.unit_id, clip.unit_id) not in UNIT_RELATIONS:
            raise PermissionDenied("destruction_request_denied", clip_id=clip.id)
    return _file(session, who, principal.id, tree, clips, reason, conditions, now or clock.now())


def scheduled_requests(
    session: Session, who: Identity, today: date, now: datetime | None = None
) -> list[DestructionRequestRow]:
    """The scheduled clean-up (`retention run`, a system actor): one request per approving unit listing its
    expired, unheld, unrequested clips. None when nothing is expired; clips awaiting assignment (no unit, so
    no one to approve) wait until they are assigned. Nothing is destroyed here."""
    if who.is_user:
        raise PermissionDenied("scheduler_only")
    tree = OrgTree.load(session)
    groups: dict[int, list[_Listed]] = {}
    for clip in _clip_facts(session, expired_candidates(session, None, None, today)):
        groups.setdefault(tree.holding_unit(clip.unit_id), []).append(clip)
    conditions = _conditions_text(None, None, today)
    moment = now or clock.now()
    return [
        _file(session, who, None, tree, clips, SCHEDULED_REASON, conditions, moment)
        for _, clips in sorted(groups.items())
    ]


def approve_destruction(
    session: Session, who: Identity, request_id: int, comment: str, now: datetime | None = None
) -> DestructionRequestRow:
    """Approve the request's pending step; the last approval approves the request and reports it upwards."""
    now = now or clock.now()
    request, step = _decide(session, who, request_id, StepStatus.APPROVED, comment, now)
    request.status = DestructionStatus.APPROVED
    audit.record(session, who.audit_name, APPROVE_ACTION, "destruction_request", request.id, audit.step_decision(step))
    if request.report_unit_id is not None:
        request.reported_at = now
        report_unit = session.get_one(Unit, request.report_unit_id)
        audit.record(
            session,
            who.audit_name,
            REPORT_ACTION,
            "destruction_request",
            request.id,
            {"report_unit": report_unit.code, "reported_at": clock.format_time(now)},
        )
    return _rows(session, [request])[0]


def reject_destruction(
    session: Session, who: Identity, request_id: int, comment: str, now: datetime | None = None
) -> DestructionRequestRow:
    """Reject the request at its pending step; a rejection says why."""
    if not comment.strip():
        raise RetentionError("rejection_needs_reason")
    request, step = _decide(session, who, request_id, StepStatus.REJECTED, comment, now or clock.now())
    request.status = DestructionStatus.REJECTED
    audit.record(session, who.audit_name, REJECT_ACTION, "destruction_request", request.id, audit.step_decision(step))
    return _rows(session, [request])[0]


def destruction_requests(session: Session, who: Identity, inbox: bool) -> list[DestructionRequestRow]:
    """Requests waiting for the user's decision (inbox, oldest first), or every request the user may see,
    newest first: their own, those of their unit and the units below it, those reported to their unit."""
    principal = principal_of(session, who)
    if inbox:
        statement = select(DestructionRequest).where(DestructionRequest.id.in_(_inbox(principal)))
        statement = statement.order_by(DestructionRequest.created_at, DestructionRequest.id)
    else:
        statement = (
            visible_requests(session, principal)
            .order_by(DestructionRequest.created_at.desc(), DestructionRequest.id.desc())
            .limit(LIST_LIMIT)
        )
    return _rows(session, list(session.execute(statement).scalars()))


def visible_requests(session: Session, principal: Principal) -> Select[DestructionRequest]:
    """The requests a user may see (and print): see `destruction_requests`. Roles without oversight of
    retention (reviewers, officers, stations) see only requests of their own."""
    if principal.role not in scope.OVERSIGHT_ROLES:
        return select(DestructionRequest).where(DestructionRequest.requester_id == principal.id)
    units = sorted(OrgTree.load(session).subtree(principal.unit_id))
    return select(DestructionRequest).where(
        or_(
            DestructionRequest.requester_id == principal.id,
            DestructionRequest.unit_id.in_(units),
            DestructionRequest.report_unit_id == principal.unit_id,
        )
    )


def request_row(session: Session, request: DestructionRequest) -> DestructionRequestRow:
    """One request as listed (the forms print it)."""
    return _rows(session, [request])[0]


def _checked_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise RetentionError("destruction_reason_missing")
    if len(reason) > MAX_REASON_CHARS:
        raise RetentionError("destruction_reason_too_long", max_chars=MAX_REASON_CHARS)
    return reason


def _unit_id(session: Session, code: str) -> int:
    unit_id = session.execute(select(Unit.id).where(Unit.code == code)).scalar_one_or_none()
    if unit_id is None:
        raise RetentionError("unit_unknown", unit_code=code)
    return unit_id


def _conditions_text(unit_code: str | None, recorded_before: date | None, today: date) -> str:
    parts = [f"{unit_code}（含下级单位）" if unit_code else "全部单位"]
    if recorded_before is not None:
        parts.append(f"录制于 {recorded_before:%Y-%m-%d} 之前")
    parts.append(f"截至 {today:%Y-%m-%d} 已超过保存期限、未法律保全、未列入其他销毁申请")
    return "；".join(parts)


def _given_clips(session: Session, clip_ids: Sequence[int], today: date) -> list[_Listed]:
    """The named clips, each checked: known, assigned to a unit, expired, not destroyed, held or requested."""
    wanted = sorted(set(clip_ids))
    clips: dict[int, Clip] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        clips.update((clip.id, clip) for clip in session.execute(select(Clip).where(Clip.id.in_(chunk))).scalars())
    if missing := [clip_id for clip_id in wanted if clip_id not in clips]:
        raise RetentionError("clips_unknown", clip_ids=missing[:20])
    held = active_hold_ids(session, wanted)
    requested = _open_requests(session, wanted)
    listed = []
    for clip_id in wanted:
        clip = clips[clip_id]
        if clip.media_status == MediaStatus.DESTROYED:
            raise RetentionError("clip_already_destroyed", clip_id=clip_id)
        if clip.unit_id is None:
            raise RetentionError("clip_unassigned", clip_id=clip_id)
        if clip_id in held:
            raise RetentionError("clip_held", clip_id=clip_id, hold_ids=list(held[clip_id]))
        if clip_id in requested:
            raise RetentionError("clip_requested", clip_id=clip_id, request_id=requested[clip_id])
        if clip.keep_until is None:
            raise RetentionError("clip_kept_permanently", clip_id=clip_id)
        if not is_expired(clip, today):
            raise RetentionError("clip_not_expired", clip_id=clip_id, keep_until=clip.keep_until)
        listed.append(_Listed(clip_id, clip.unit_id, clip.keep_until))
    return listed


def _open_requests(session: Session, clip_ids: Sequence[int]) -> dict[int, int]:
    """Clip id → the open request still listing it."""
    found: dict[int, int] = {}
    for start in range(0, len(clip_ids), _CHUNK):
        found.update(
            session.execute(
                select(DestructionItem.clip_id, DestructionItem.request_id)
                .join(DestructionRequest, DestructionRequest.id == DestructionItem.request_id)
                .where(
                    DestructionItem.clip_id.in_(clip_ids[start : start + _CHUNK]),
                    DestructionItem.outcome == ItemOutcome.LISTED,
                    DestructionRequest.status.in_(OPEN_REQUESTS),
                )
            ).all()
        )
    return found


def _clip_facts(session: Session, clip_ids: Sequence[int]) -> list[_Listed]:
    """Unit and keep-until of candidate clips (expired_candidates' answer), leaving out those awaiting assignment."""
    found = []
    for start in range(0, len(clip_ids), _CHUNK):
        rows = session.execute(
            select(Clip.id, Clip.unit_id, Clip.keep_until)
            .where(Clip.id.in_(clip_ids[start : start + _CHUNK]), Clip.unit_id.is_not(None))
            .order_by(Clip.id)
        )
        found += [_Listed(clip_id, unit, keep_until) for clip_id, unit, keep_until in rows if unit and keep_until]
    return found


def _approving_unit(tree: OrgTree, unit_ids: Iterable[int]) -> int:
    """The holding unit of the clips' units; the common superior of several (then its holding unit)."""
    holding = {tree.holding_unit(unit_id) for unit_id in unit_ids}

    def common(first: int, second: int) -> int:
        superior = tree.common_superior(first, second)
        if superior is None:
            raise RetentionError("units_unrelated")
        return superior

    return tree.holding_unit(reduce(common, sorted(holding)))


def _file(
    session: Session,
    who: Identity,
    requester_id: int | None,
    tree: OrgTree,
    clips: list[_Listed],
    reason: str,
    conditions: str,
    now: datetime,
) -> DestructionRequestRow:
    """Create the request, its items and its one step (the approving unit's head); audited."""
    unit_id = _approving_unit(tree, {clip.unit_id for clip in clips})
    report_unit_id = tree.unit(unit_id).parent_id
    request = DestructionRequest(
        requester_id=requester_id,
        requested_by=who.audit_name,
        unit_id=unit_id,
        report_unit_id=report_unit_id,
        reason=reason,
        conditions=conditions,
        status=DestructionStatus.PENDING,
        created_at=now,
    )
    session.add(request)
    session.flush()
    for start in range(0, len(clips), _CHUNK):
        session.execute(
            insert(DestructionItem),
            [
                {"request_id": request.id, "clip_id": clip.id, "keep_until": clip.keep_until, "outcome": "listed"}
                for clip in clips[start : start + _CHUNK]
            ],
        )
    session.add(
        DestructionStep(
            request_id=request.id, step_no=1, role=Role.APPROVER, unit_id=unit_id, status=StepStatus.PENDING
        )
    )
    session.flush()
    ids = [clip.id for clip in clips]
    audit.record(
        session,
        who.audit_name,
        REQUEST_ACTION,
        "destruction_request",
        request.id,
        {
            "reason": reason,
            "conditions": conditions,
            "clips": len(ids),
            "clip_ids_sha256": clip_ids_digest(ids),
            "first_clip": ids[0],
            "last_clip": ids[-1],
            "unit": tree.unit(unit_id).code,
            "report_unit": tree.unit(report_unit_id).code if report_unit_id is not None else None,
            "requester_id": requester_id,
        },
    )
    return _rows(session, [request])[0]


def clip_ids_digest(clip_ids: Sequence[int]) -> str:
    """SHA-256 of the listed clip ids, ascending, one per line: the audit row's fingerprint of the list."""
    return hashlib.sha256("".join(f"{clip_id}\n" for clip_id in sorted(clip_ids)).encode()).hexdigest()


def _decide(
    session: Session, who: Identity, request_id: int, decision: str, comment: str, now: datetime
) -> tuple[DestructionRequest, DestructionStep]:
    """Lock the request, check that `who` may decide its pending step, and record the decision on the step."""
    principal = principal_of(session, who)
    request = session.execute(
        select(DestructionRequest).where(DestructionRequest.id == request_id).with_for_update()
    ).scalar_one_or_none()
    if request is None:
        raise RetentionError("destruction_not_found", request_id=request_id)
    step = session.execute(
        select(DestructionStep)
        .where(DestructionStep.request_id == request.id, DestructionStep.status == StepStatus.PENDING)
        .order_by(DestructionStep.step_no)
        .limit(1)
    ).scalar_one_or_none()
    if step is None or request.status != DestructionStatus.PENDING:
        raise RetentionError("destruction_decided", request_id=request.id, status=request.status)
    if principal.id == request.requester_id:
        raise SelfApprovalRefused("own_destruction_request")
    if principal.role != step.role or principal.unit_id != step.unit_id or not principal.has(Duty.APPROVE):
        raise PermissionDenied("not_your_step")
    step.status, step.decided_by, step.decided_at, step.comment = decision, principal.id, now, comment.strip()
    return request, step


def _inbox(principal: Principal) -> Select[int]:
    """Ids of the requests whose pending step is for this user's unit and role, not their own."""
    statement = (
        select(DestructionStep.request_id)
        .join(DestructionRequest, DestructionRequest.id == DestructionStep.request_id)
        .where(
            DestructionStep.unit_id == principal.unit_id,
            DestructionStep.role == principal.role,
            DestructionStep.status == StepStatus.PENDING,
            or_(DestructionRequest.requester_id.is_(None), DestructionRequest.requester_id != principal.id),
        )
    )
    return statement if principal.has(Duty.APPROVE) else statement.where(false())


def _rows(session: Session, requests: list[DestructionRequest]) -> list[DestructionRequestRow]:
    """Rows for the requests, with a fixed number of queries whatever their count."""
    if not requests:
        return []
    ids = [request.id for request in requests]
    units = dict(session.execute(select(Unit.id, Unit.code)).all())
    totals = {
        request_id: (count, size or 0)
        for request_id, count, size in session.execute(
            select(DestructionItem.request_id, func.count(), func.sum(Clip.size_bytes))
            .join(Clip, Clip.id == DestructionItem.clip_id)
            .where(DestructionItem.request_id.in_(ids))
            .group_by(DestructionItem.request_id)
        ).all()
    }
    outcomes: dict[int, list[tuple[ItemOutcome, int]]] = {request_id: [] for request_id in ids}
    for request_id, outcome, count in session.execute(
        select(DestructionItem.request_id, DestructionItem.outcome, func.count())
        .where(DestructionItem.request_id.in_(ids))
        .group_by(DestructionItem.request_id, DestructionItem.outcome)
        .order_by(DestructionItem.request_id, DestructionItem.outcome)
    ).all():
        outcomes[request_id].append((ItemOutcome(outcome), count))
    decider = aliased(User)
    steps: dict[int, list[DestructionStepRow]] = {request_id: [] for request_id in ids}
    for step, login in session.execute(
        select(DestructionStep, decider.login)
        .outerjoin(decider, decider.id == DestructionStep.decided_by)
        .where(DestructionStep.request_id.in_(ids))
        .order_by(DestructionStep.request_id, DestructionStep.step_no)
    ).all():
        steps[step.request_id].append(
            DestructionStepRow(
                step.step_no, Role(step.role), units[step.unit_id], step.status, login, step.decided_at, step.comment
            )
        )
    return [
        DestructionRequestRow(
            id=request.id,
            status=DestructionStatus(request.status),
            requested_by=request.requested_by,
            unit_code=units[request.unit_id],
            report_unit_code=units[request.report_unit_id] if request.report_unit_id is not None else None,
            reason=request.reason,
            conditions=request.conditions,
            created_at=request.created_at,
            clip_count=totals.get(request.id, (0, 0))[0],
            size_bytes=int(totals.get(request.id, (0, 0))[1]),
            steps=tuple(steps[request.id]),
            reported_at=request.reported_at,
            executed_at=request.executed_at,
            outcomes=tuple(outcomes[request.id]),
        )
        for request in requests
    ]
