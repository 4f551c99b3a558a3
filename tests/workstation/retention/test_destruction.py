"""Destruction requests: who may list what, routing to the holding unit's head, never the requester deciding,
the report upwards, the scheduled clean-up; on SQLite and PostgreSQL."""

import pytest
from sqlalchemy import select

from db.models import AuditEvent
from tests.helpers.access_builders import add_users
from tests.helpers.destruction_builders import LATER, TODAY, add_clip, build_destruction_org, place_hold
from workstation.errors import PermissionDenied, SelfApprovalRefused
from workstation.identity import Identity
from workstation.retention import destruction
from workstation.retention.errors import RetentionError
from workstation.retention.types import DestructionSpec, DestructionStatus
from workstation.types import Role

CLERK, HEAD = Identity.user("clerk"), Identity.user("head")
SCHEDULER = Identity.system("retention-scheduler")


def _request(archive, who=CLERK, **spec):
    with archive.sessions.write() as session:
        return destruction.request_destruction(session, who, DestructionSpec(reason="到期清理", **spec), TODAY)


def _approve(archive, request_id, who=HEAD, comment="同意"):
    with archive.sessions.write() as session:
        return destruction.approve_destruction(session, who, request_id, comment)


def _listed(archive, who, inbox=False):
    with archive.sessions.read() as session:
        return [row.id for row in destruction.destruction_requests(session, who, inbox)]


def test_a_request_goes_to_the_detachment_head_and_is_reported_to_the_corps(archive):
    build_destruction_org(archive)
    clips = [add_clip(archive, "DD01"), add_clip(archive, "DD02")]
    row = _request(archive, clip_ids=tuple(clips))
    assert (row.status, row.unit_code, row.report_unit_code, row.clip_count) == (
        DestructionStatus.PENDING,
        "ZD01",
        "ZD",
        2,
    )
    assert row.size_bytes > 0 and row.requested_by == "clerk"
    assert [(step.role, step.unit_code, step.status) for step in row.steps] == [(Role.APPROVER, "ZD01", "pending")]
    assert _listed(archive, HEAD, inbox=True) == [row.id]
    assert _listed(archive, Identity.user("head2"), inbox=True) == []
    assert _listed(archive, CLERK, inbox=True) == []

    approved = _approve(archive, row.id)
    assert approved.status is DestructionStatus.APPROVED
    assert approved.reported_at is not None
    assert approved.steps[0].decided_by == "head"
    assert _listed(archive, Identity.user("corps_head")) == [row.id]  # 报上一级备案: the corps sees it
    assert _listed(archive, Identity.user("head2")) == []
    add_users(archive, [("zd01_reviewer", Role.REVIEWER, "ZD01")])
    assert _listed(archive, Identity.user("zd01_reviewer")) == []  # no oversight of retention: none listed
    with archive.sessions.read() as session:
        actions = session.execute(
            select(AuditEvent.action).where(AuditEvent.target_type == "destruction_request").order_by(AuditEvent.seq)
        ).scalars()
        assert list(actions) == ["destruction.request", "destruction.approve", "destruction.report"]


def test_the_requester_never_decides_and_only_the_routed_head_does(archive):
    build_destruction_org(archive)
    row = _request(archive, clip_ids=(add_clip(archive, "DD01"),))
    with pytest.raises(SelfApprovalRefused):
        _approve(archive, row.id, CLERK)
    for other in ("legal", "head2", "corps_head"):
        with pytest.raises(PermissionDenied, match="not_your_step"):
            _approve(archive, row.id, Identity.user(other))
    with archive.sessions.write() as session, pytest.raises(RetentionError, match="rejection_needs_reason"):
        destruction.reject_destruction(session, HEAD, row.id, "  ")
    with archive.sessions.write() as session:
        rejected = destruction.reject_destruction(session, HEAD, row.id, "尚有争议")
    assert rejected.status is DestructionStatus.REJECTED
    with pytest.raises(RetentionError, match="destruction_decided"):
        _approve(archive, row.id)


def test_only_expired_free_clips_within_the_requesters_units_are_listed(archive):
    build_destruction_org(archive)
    expired, kept, held, elsewhere = (
        add_clip(archive, "DD01"),
        add_clip(archive, "DD01", keep_until=LATER),
        add_clip(archive, "DD02"),
        add_clip(archive, "DD03"),
    )
    place_hold(archive, [held])
    with pytest.raises(RetentionError, match="clip_not_expired"):
        _request(archive, clip_ids=(expired, kept))
    with pytest.raises(RetentionError, match="clip_held"):
        _request(archive, clip_ids=(held,))
    with pytest.raises(RetentionError, match="clips_unknown"):
        _request(archive, clip_ids=(expired, 999))
    with pytest.raises(PermissionDenied, match="destruction_request_denied"):
        _request(archive, clip_ids=(elsewhere,))
    with pytest.raises(PermissionDenied, match="destruction_request_denied"):
        _request(archive, Identity.user("head"), clip_ids=(expired,))
    with pytest.raises(RetentionError, match="destruction_reason_missing"), archive.sessions.write() as session:
        destruction.request_destruction(session, CLERK, DestructionSpec(reason=" ", clip_ids=(expired,)), TODAY)
    first = _request(archive, unit_code="ZD01")  # by conditions: only the expired, unheld clip
    assert first.clip_count == 1 and "ZD01（含下级单位）" in first.conditions
    with pytest.raises(RetentionError, match="clip_requested"):
        _request(archive, clip_ids=(expired,))
    with pytest.raises(RetentionError, match="nothing_expired"):
        _request(archive, unit_code="ZD01")


def test_a_request_spanning_detachments_goes_to_the_corps(archive):
    build_destruction_org(archive)
    row = _request(
        archive, Identity.user("corps_admin"), clip_ids=(add_clip(archive, "DD01"), add_clip(archive, "DD03"))
    )
    assert (row.unit_code, row.report_unit_code) == ("ZD", None)
    assert _approve(archive, row.id, Identity.user("corps_head")).reported_at is None  # no level above the corps


def test_the_scheduled_run_files_one_request_per_detachment_and_nothing_twice(archive):
    build_destruction_org(archive)
    for code in ("DD01", "DD02", "ZD01", "DD03"):
        add_clip(archive, code)
    add_clip(archive, "DD03", keep_until=LATER)
    with archive.sessions.write() as session:
        rows = destruction.scheduled_requests(session, SCHEDULER, TODAY)
    assert [(row.unit_code, row.clip_count, row.requested_by) for row in rows] == [
        ("ZD01", 3, "system:retention-scheduler"),
        ("ZD02", 1, "system:retention-scheduler"),
    ]
    with archive.sessions.write() as session:
        assert destruction.scheduled_requests(session, SCHEDULER, TODAY) == []
        with pytest.raises(PermissionDenied):
            destruction.scheduled_requests(session, CLERK, TODAY)
    assert _approve(archive, rows[0].id).status is DestructionStatus.APPROVED  # a head decides a system request
