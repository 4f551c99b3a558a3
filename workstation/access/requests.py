"""Viewing requests and approvals (调阅审批): request → routed approval steps → time-limited grant → revoke.

After Genetec Clearance's request flow: the requester names the footage (clips, an officer and a time
range, or a case number), a reason (事由) and how long they need it; the request is routed
(workstation.access_routing) to the approver's inbox; an approval grants exactly the requested clips for
that many days (default 7), revocable, and expired grants stop working by themselves. No one decides
their own request.

The clips are fixed when the request is made, so an approval never covers footage the approver did not
see listed. Every decision locks the request row first (SELECT ... FOR UPDATE on PostgreSQL; the SQLite
write session already holds the database's write lock), so two approvers deciding at once cannot both win.
"""

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Row, Select, false, func, or_, select
from sqlalchemy.orm import Session, aliased

from db.models import (
    AccessGrant,
    AccessRequest,
    AccessRequestItem,
    ApprovalStep,
    Case,
    Clip,
    ClipCaseLink,
    Officer,
    Unit,
    User,
)
from db.session import Sessions
from workstation import audit, clock
from workstation.access import routing
from workstation.access.types import (
    MAX_DAYS,
    AccessRequestRow,
    AccessRequestSpec,
    ApprovalStepRow,
    OutsideBody,
    RequestKind,
    RequestStatus,
    StepStatus,
)
from workstation.errors import AccessError, ApprovalConflict, PermissionDenied, SelfApprovalRefused
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.permissions import Principal, own_right, principal_of
from workstation.types import Action, Duty, Role

MAX_CLIPS = 1000
MAX_REASON_CHARS = 500
LIST_LIMIT = 500

_STEP_DUTY = {Role.APPROVER: Duty.APPROVE, Role.LEGAL: Duty.LEGAL_REVIEW}


@dataclass(frozen=True)
class ClipFacts:
    id: int
    unit_id: int | None
    officer_id: int | None


def submit(sessions: Sessions, who: Identity, spec: AccessRequestSpec, now: datetime | None = None) -> AccessRequestRow:
    """File a request; returns it with its routed steps. AccessError when it names nothing that needs approval."""
    with sessions.write() as session:
        return file_request(session, who, spec, now or clock.now())


def file_request(session: Session, who: Identity, spec: AccessRequestSpec, now: datetime) -> AccessRequestRow:
    """`submit` inside the caller's write transaction (an evidence export files its approval with its own row)."""
    check_spec(spec)
    principal = principal_of(session, who)
    tree = OrgTree.load(session)
    officer_id, clips = resolve(session, spec)
    if spec.outside_body is None:
        needed = (Action.VIEW, Action.DOWNLOAD) if spec.with_download else (Action.VIEW,)
        clips = [clip for clip in clips if not _already_allowed(principal, tree, clip, needed)]
        if not clips:
            raise AccessError("request_not_needed")
    steps = routing.route(tree, principal.unit_id, [clip.unit_id for clip in clips], spec.outside_body)
    by_officer = spec.kind is RequestKind.OFFICER
    request = AccessRequest(
        requester_id=principal.id,
        kind=spec.kind,
        reason=spec.reason.strip(),
        with_download=spec.with_download,
        days=spec.days,
        outside_body=spec.outside_body,
        document_ref=spec.document_ref.strip(),
        officer_id=officer_id,
        period_start=spec.period_start if by_officer else None,
        period_end=spec.period_end if by_officer else None,
        case_no=spec.case_no.strip() if spec.kind is RequestKind.CASE and spec.case_no else None,
        status=RequestStatus.PENDING,
        created_at=now,
    )
    session.add(request)
    session.flush()
    session.add_all(AccessRequestItem(request_id=request.id, clip_id=clip.id) for clip in clips)
    for number, step in enumerate(steps, start=1):
        status = StepStatus.PENDING if number == 1 else StepStatus.WAITING
        session.add(
            ApprovalStep(request_id=request.id, step_no=number, role=step.role, unit_id=step.unit_id, status=status)
        )
    session.flush()
    audit.record(
        session,
        who.audit_name,
        "access.request",
        "access_request",
        request.id,
        {
            "kind": spec.kind,
            "reason": request.reason,
            "clips": len(clips),
            "with_download": spec.with_download,
            "days": spec.days,
            "outside_body": spec.outside_body,
            "document_ref": request.document_ref,
            "route": [[step.role, tree.unit(step.unit_id).code] for step in steps],
            "requester_id": principal.id,
            "clip_ids": [clip.id for clip in clips],
        },
    )
    return _rows(session, [request], now)[0]


def approve(
    sessions: Sessions, who: Identity, request_id: int, comment: str = "", now: datetime | None = None
) -> AccessRequestRow:
    """Approve the request's current step; the last approval grants access for the requested days."""
    now = now or clock.now()
    with _deciding(sessions, who, request_id, StepStatus.APPROVED, comment, now) as (session, request, steps, step):
        details = audit.step_decision(step)
        following = next((s for s in steps if s.step_no == step.step_no + 1), None)
        if following is not None:
            following.status = StepStatus.PENDING
        else:
            request.status = RequestStatus.APPROVED
            grant = AccessGrant(
                request_id=request.id,
                grantee_id=request.requester_id,
                with_download=request.with_download,
                granted_at=now,
                expires_at=now + timedelta(days=request.days),
                revoke_comment="",
            )
            session.add(grant)
            session.flush()
            details |= {
                "grant": grant.id,
                "expires_at": clock.format_time(grant.expires_at),
                "granted_at": clock.format_time(grant.granted_at),
                "grantee_id": grant.grantee_id,
                "with_download": grant.with_download,
            }
        audit.record(session, who.audit_name, "access.approve", "access_request", request.id, details)
        return _rows(session, [request], now)[0]


def reject(
    sessions: Sessions, who: Identity, request_id: int, comment: str, now: datetime | None = None
) -> AccessRequestRow:
    """Reject the request at its current step; a rejection needs a comment saying why."""
    if not comment.strip():
        raise AccessError("rejection_needs_reason")
    now = now or clock.now()
    with _deciding(sessions, who, request_id, StepStatus.REJECTED, comment, now) as (session, request, steps, step):
        for later in steps:
            if later.status == StepStatus.WAITING:
                later.status = StepStatus.CANCELLED
        request.status = RequestStatus.REJECTED
        audit.record(session, who.audit_name, "access.reject", "access_request", request.id, audit.step_decision(step))
        return _rows(session, [request], now)[0]


@contextmanager
def _deciding(
    sessions: Sessions, who: Identity, request_id: int, decision: StepStatus, comment: str, now: datetime
) -> Iterator[tuple[Session, AccessRequest, list[ApprovalStep], ApprovalStep]]:
    """One decision on the request's current step, in a transaction holding the request's lock: checks that
    `who` may decide it and records who decided, when and why; the body adds what the decision brings."""
    with sessions.write() as session:
        principal = principal_of(session, who)
        request, steps = _locked(session, request_id)
        step = _current_step(steps)
        _check_decider(principal, request, step)
        step.status, step.decided_by, step.decided_at, step.comment = decision, principal.id, now, comment
        yield session, request, steps, step


def revoke(
    sessions: Sessions, who: Identity, request_id: int, comment: str = "", now: datetime | None = None
) -> AccessRequestRow:
    """End a grant before it expires. Heads (approvers) of the unit that gave the final approval may revoke."""
    now = now or clock.now()
    with sessions.write() as session:
        principal = principal_of(session, who)
        request, steps = _locked(session, request_id)
        grant = session.execute(select(AccessGrant).where(AccessGrant.request_id == request.id)).scalar_one_or_none()
        if grant is None or grant.revoked_at is not None or grant.expires_at <= now:
            raise ApprovalConflict("no_grant_to_revoke", request_id=request.id)
        final = steps[-1]
        if not principal.has(Duty.APPROVE) or principal.unit_id != final.unit_id:
            raise PermissionDenied("revoke_denied")
        grant.revoked_at, grant.revoked_by, grant.revoke_comment = now, principal.id, comment
        audit.record(
            session,
            who.audit_name,
            "access.revoke",
            "access_request",
            request.id,
            {
                "grant": grant.id,
                "comment": comment,
                "revoked_at": clock.format_time(now),
                "revoked_by": principal.id,
            },
        )
        return _rows(session, [request], now)[0]


def inbox(session: Session, who: Identity, now: datetime | None = None) -> list[AccessRequestRow]:
    """Requests waiting for this user's decision, oldest first."""
    statement = _inbox(principal_of(session, who))
    requests = session.execute(
        select(AccessRequest)
        .where(AccessRequest.id.in_(statement))
        .order_by(AccessRequest.created_at, AccessRequest.id)
    ).scalars()
    return _rows(session, list(requests), now or clock.now())


def inbox_count(session: Session, who: Identity) -> int:
    """How many requests wait for this user's decision (the badge in the navigation)."""
    return session.execute(select(func.count()).select_from(_inbox(principal_of(session, who)).subquery())).scalar_one()


def list_requests(
    session: Session, who: Identity, now: datetime | None = None, limit: int = LIST_LIMIT
) -> list[AccessRequestRow]:
    """The user's own requests and those routed to their unit and role, newest first."""
    principal = principal_of(session, who)
    visible = AccessRequest.requester_id == principal.id
    if principal.role in _STEP_DUTY and principal.has(_STEP_DUTY[principal.role]):
        routed = select(ApprovalStep.request_id).where(
            ApprovalStep.unit_id == principal.unit_id, ApprovalStep.role == principal.role
        )
        visible = or_(visible, AccessRequest.id.in_(routed))
    requests = session.execute(
        select(AccessRequest)
        .where(visible)
        .order_by(AccessRequest.created_at.desc(), AccessRequest.id.desc())
        .limit(limit)
    ).scalars()
    return _rows(session, list(requests), now or clock.now())


def check_spec(spec: AccessRequestSpec) -> None:
    reason = spec.reason.strip()
    if not reason:
        raise AccessError("reason_missing")
    if len(reason) > MAX_REASON_CHARS:
        raise AccessError("reason_too_long", max_chars=MAX_REASON_CHARS)
    if not 1 <= spec.days <= MAX_DAYS:
        raise AccessError("days_out_of_range", max_days=MAX_DAYS)
    if spec.outside_body is not None and not spec.document_ref.strip():
        raise AccessError("legal_document_missing")
    if spec.kind is RequestKind.CLIPS and not spec.clip_ids:
        raise AccessError("clips_missing")
    if spec.kind is RequestKind.OFFICER and not (
        spec.badge_no and spec.period_start and spec.period_end and spec.period_start < spec.period_end
    ):
        raise AccessError("officer_period_missing")
    if spec.kind is RequestKind.CASE and not (spec.case_no and spec.case_no.strip()):
        raise AccessError("case_no_missing")


def resolve(session: Session, spec: AccessRequestSpec) -> tuple[int | None, list[ClipFacts]]:
    """The officer (for an officer request) and the clips the request names, at most MAX_CLIPS."""
    statement = select(Clip.id, Clip.unit_id, Clip.officer_id)
    officer_id = None
    if spec.kind is RequestKind.CLIPS:
        statement = statement.where(Clip.id.in_(sorted(set(spec.clip_ids))))
    elif spec.kind is RequestKind.OFFICER:
        officer_id = session.execute(select(Officer.id).where(Officer.badge_no == spec.badge_no)).scalar_one_or_none()
        if officer_id is None:
            raise AccessError("officer_unknown", badge_no=spec.badge_no)
        statement = statement.where(
            Clip.officer_id == officer_id,
            Clip.recorded_start >= spec.period_start,
            Clip.recorded_start < spec.period_end,
        )
    else:
        linked = (
            select(ClipCaseLink.clip_id)
            .join(Case, Case.id == ClipCaseLink.case_id)
            .where(Case.case_no == (spec.case_no or "").strip())
        )
        statement = statement.where(Clip.id.in_(linked))
    clips = [ClipFacts(*row) for row in session.execute(statement.order_by(Clip.id).limit(MAX_CLIPS + 1))]
    if spec.kind is RequestKind.CLIPS and (missing := sorted(set(spec.clip_ids) - {clip.id for clip in clips})):
        raise AccessError("clips_unknown", clip_ids=missing)
    if not clips:
        raise AccessError("nothing_matches")
    if len(clips) > MAX_CLIPS:
        raise AccessError("too_many_clips", max_clips=MAX_CLIPS)
    return officer_id, clips


def _already_allowed(principal: Principal, tree: OrgTree, clip: ClipFacts, actions: tuple[Action, ...]) -> bool:
    return all(own_right(principal, tree, clip.unit_id, clip.officer_id, action) for action in actions)


def _locked(session: Session, request_id: int) -> tuple[AccessRequest, list[ApprovalStep]]:
    """The request, locked against concurrent decisions, and its steps in order."""
    request = session.execute(
        select(AccessRequest).where(AccessRequest.id == request_id).with_for_update()
    ).scalar_one_or_none()
    if request is None:
        raise AccessError("request_not_found", request_id=request_id)
    steps = session.execute(
        select(ApprovalStep).where(ApprovalStep.request_id == request.id).order_by(ApprovalStep.step_no)
    ).scalars()
    return request, list(steps)


def _current_step(steps: list[ApprovalStep]) -> ApprovalStep:
    step = next((s for s in steps if s.status == StepStatus.PENDING), None)
    if step is None:
        raise ApprovalConflict("request_decided")
    return step


def _check_decider(principal: Principal, request: AccessRequest, step: ApprovalStep) -> None:
    if principal.id == request.requester_id:
        raise SelfApprovalRefused("own_request")
    role = Role(step.role)
    if principal.role is not role or principal.unit_id != step.unit_id or not principal.has(_STEP_DUTY[role]):
        raise PermissionDenied("not_your_step")


def _inbox(principal: Principal) -> Select[int]:
    """Ids of the requests whose pending step is for this user's unit and role, not their own."""
    statement = (
        select(ApprovalStep.request_id)
        .join(AccessRequest, AccessRequest.id == ApprovalStep.request_id)
        .where(
            ApprovalStep.unit_id == principal.unit_id,
            ApprovalStep.role == principal.role,
            ApprovalStep.status == StepStatus.PENDING,
            AccessRequest.requester_id != principal.id,
        )
    )
    duty = _STEP_DUTY.get(principal.role)
    return statement if duty and principal.has(duty) else statement.where(false())


def _status(request: AccessRequest, grant: AccessGrant | None, now: datetime) -> RequestStatus:
    if request.status != RequestStatus.APPROVED or grant is None:
        return RequestStatus(request.status)
    if grant.revoked_at is not None:
        return RequestStatus.REVOKED
    return RequestStatus.EXPIRED if grant.expires_at <= now else RequestStatus.APPROVED


def requesters_of(session: Session, user_ids: Collection[int]) -> dict[int, Row[int, str, str, str]]:
    """The users who asked, by id, as the request lists show them: login, display_name and unit_name (their
    unit's name). Also the evidence exports' (workstation.evidence.requests)."""
    return {
        row.id: row
        for row in session.execute(
            select(User.id, User.login, User.display_name, Unit.name.label("unit_name"))
            .join(Unit, Unit.id == User.unit_id)
            .where(User.id.in_(user_ids))
        )
    }


def _rows(session: Session, requests: list[AccessRequest], now: datetime) -> list[AccessRequestRow]:
    """Rows for the requests, with a fixed number of queries whatever their count."""
    if not requests:
        return []
    ids = [request.id for request in requests]
    requesters = requesters_of(session, {request.requester_id for request in requests})
    counts = dict(
        session.execute(
            select(AccessRequestItem.request_id, func.count())
            .where(AccessRequestItem.request_id.in_(ids))
            .group_by(AccessRequestItem.request_id)
        ).all()
    )
    grants = {
        grant.request_id: grant
        for grant in session.execute(select(AccessGrant).where(AccessGrant.request_id.in_(ids))).scalars()
    }
    badges = dict(
        session.execute(
            select(Officer.id, Officer.badge_no).where(
                Officer.id.in_({r.officer_id for r in requests if r.officer_id is not None})
            )
        ).all()
    )
    decider = aliased(User)
    steps: dict[int, list[ApprovalStepRow]] = {request_id: [] for request_id in ids}
    for step, unit_code, unit_name, decided_by in session.execute(
        select(ApprovalStep, Unit.code, Unit.name, decider.login)
        .join(Unit, Unit.id == ApprovalStep.unit_id)
        .outerjoin(decider, decider.id == ApprovalStep.decided_by)
        .where(ApprovalStep.request_id.in_(ids))
        .order_by(ApprovalStep.request_id, ApprovalStep.step_no)
    ):
        steps[step.request_id].append(
            ApprovalStepRow(
                step.step_no,
                Role(step.role),
                unit_code,
                unit_name,
                StepStatus(step.status),
                decided_by,
                step.decided_at,
                step.comment,
            )
        )
    rows = []
    for request in requests:
        requester, grant = requesters[request.requester_id], grants.get(request.id)
        rows.append(
            AccessRequestRow(
                id=request.id,
                requester=requester.login,
                requester_name=requester.display_name,
                requester_unit=requester.unit_name,
                kind=RequestKind(request.kind),
                reason=request.reason,
                with_download=request.with_download,
                days=request.days,
                outside_body=OutsideBody(request.outside_body) if request.outside_body else None,
                document_ref=request.document_ref,
                badge_no=badges.get(request.officer_id) if request.officer_id is not None else None,
                period_start=request.period_start,
                period_end=request.period_end,
                case_no=request.case_no,
                clip_count=counts.get(request.id, 0),
                status=_status(request, grant, now),
                created_at=request.created_at,
                grant_expires_at=grant.expires_at if grant else None,
                steps=tuple(steps[request.id]),
            )
        )
    return rows
