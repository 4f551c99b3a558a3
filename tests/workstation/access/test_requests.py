"""Viewing requests, routing, approvals, grants (expiry, revocation), the access register and the audit viewer."""

import threading
from datetime import datetime, timedelta

import openpyxl
import pytest
from sqlalchemy import func, select

from db.models import AccessGrant, AuditEvent
from tests.helpers.access_builders import PASSWORD, RECORDED, UNASSIGNED, add_users, build_access_org
from workstation import audit, cli, permissions
from workstation.access import audit_viewer, register, requests
from workstation.access.types import (
    AccessRequestSpec,
    AuditFilter,
    OutsideBody,
    RequestKind,
    RequestStatus,
    StepStatus,
    ViewingKind,
)
from workstation.archive import Archive
from workstation.errors import (
    AccessError,
    ApprovalConflict,
    AuthenticationFailed,
    PasswordRejected,
    PermissionDenied,
    SelfApprovalRefused,
)
from workstation.footage import cases
from workstation.footage.types import CaseKind
from workstation.identity import Identity
from workstation.org import users
from workstation.types import AccessBasis, Action, Role

NOW = datetime(2026, 11, 22, 9, 0)
STAFF = (
    ("reviewer_dd01", Role.REVIEWER, "DD01"),
    ("approver_dd01", Role.APPROVER, "DD01"),
    ("approver_zd01", Role.APPROVER, "ZD01"),
    ("approver2_zd01", Role.APPROVER, "ZD01"),
    ("legal_zd01", Role.LEGAL, "ZD01"),
    ("admin_zd01", Role.ADMIN, "ZD01"),
    ("inspection_zd01", Role.INSPECTION, "ZD01"),
    ("approver_zd", Role.APPROVER, "ZD"),
    ("approver_zj01", Role.APPROVER, "ZJ01"),
    ("approver_xd01", Role.APPROVER, "XD01"),
)

pytestmark = pytest.mark.clock  # run at several clock times and time zones (tools/clock_matrix.sh)


@pytest.fixture
def org(archive):
    built = build_access_org(archive)
    add_users(archive, STAFF)
    return built


def _clips_spec(*clip_ids: int, **fields) -> AccessRequestSpec:
    return AccessRequestSpec(RequestKind.CLIPS, reason=fields.pop("reason", "核查投诉"), clip_ids=clip_ids, **fields)


def _route(row) -> list[tuple[Role, str]]:
    return [(step.role, step.unit_code) for step in row.steps]


@pytest.mark.parametrize(
    ("clip_unit", "route"),
    [
        ("DD02", [(Role.APPROVER, "ZD01")]),  # same-level brigades → their detachment
        ("DD03", [(Role.APPROVER, "ZD")]),  # brigades of different detachments → the corps above both
        ("DJ01", [(Role.APPROVER, "ZD01")]),  # another police type → the detachment answering for it
        ("ZJ01", [(Role.APPROVER, "ZJ01")]),  # another police type's detachment approves its own footage
        ("ZD01", [(Role.APPROVER, "ZD01")]),  # the user's superior's own footage
        ("XB01", [(Role.APPROVER, "XD01")]),  # another organisation → its detachment
        (UNASSIGNED, [(Role.APPROVER, "ZD01")]),  # 待分配 → the requester's own detachment
    ],
)
def test_routing_of_a_brigade_users_request(archive, org, clip_unit, route):
    row = requests.submit(archive.sessions, Identity.user("reviewer_dd01"), _clips_spec(org.clips[clip_unit]), now=NOW)
    assert _route(row) == route
    assert row.status is RequestStatus.PENDING and row.clip_count == 1
    assert row.steps[0].status is StepStatus.PENDING


def test_same_level_detachments_go_to_the_corps(archive, org):
    row = requests.submit(archive.sessions, Identity.user("admin_zd01"), _clips_spec(org.clips["ZD02"]), now=NOW)
    assert _route(row) == [(Role.APPROVER, "ZD")]


def test_a_right_the_role_lacks_in_the_own_unit_goes_to_the_detachment(archive, org):
    """A reviewer may view but not download their brigade's footage (002 第十八条: the head approves)."""
    with pytest.raises(AccessError, match="request_not_needed"):
        requests.submit(archive.sessions, Identity.user("reviewer_dd01"), _clips_spec(org.clips["DD01"]), now=NOW)
    row = requests.submit(
        archive.sessions, Identity.user("reviewer_dd01"), _clips_spec(org.clips["DD01"], with_download=True), now=NOW
    )
    assert _route(row) == [(Role.APPROVER, "ZD01")]


def test_clips_already_in_scope_are_left_out_of_the_request(archive, org):
    row = requests.submit(
        archive.sessions, Identity.user("reviewer_dd01"), _clips_spec(org.clips["DD01"], org.clips["DD02"]), now=NOW
    )
    assert row.clip_count == 1


def test_request_by_officer_and_time_range(archive, org):
    spec = AccessRequestSpec(
        RequestKind.OFFICER,
        reason="复核现场执法过程",
        badge_no="9DD02",
        period_start=RECORDED - timedelta(hours=1),
        period_end=RECORDED + timedelta(hours=1),
    )
    row = requests.submit(archive.sessions, Identity.user("reviewer_dd01"), spec, now=NOW)
    assert (row.kind, row.badge_no, row.clip_count) == (RequestKind.OFFICER, "9DD02", 1)
    assert _route(row) == [(Role.APPROVER, "ZD01")]
    later = AccessRequestSpec(
        RequestKind.OFFICER, reason="x", badge_no="9DD02", period_start=NOW, period_end=NOW + timedelta(hours=1)
    )
    with pytest.raises(AccessError, match="nothing_matches"):
        requests.submit(archive.sessions, Identity.user("reviewer_dd01"), later, now=NOW)


def test_request_by_case_spanning_units_goes_to_the_unit_above_all_approvers(archive, org):
    with archive.sessions.write() as session:
        cases.link_clips(
            session, Identity.user("admin"), [org.clips["DD02"], org.clips["DD03"]], "A2026-001", CaseKind.CASE
        )
    spec = AccessRequestSpec(RequestKind.CASE, reason="案件审核", case_no="A2026-001")
    row = requests.submit(archive.sessions, Identity.user("reviewer_dd01"), spec, now=NOW)
    assert (row.case_no, row.clip_count, row.period_start) == ("A2026-001", 2, None)
    assert _route(row) == [(Role.APPROVER, "ZD")]


def test_footage_of_two_organisations_cannot_be_requested_together(archive, org):
    with pytest.raises(AccessError, match="approvers_differ"):
        requests.submit(
            archive.sessions, Identity.user("reviewer_dd01"), _clips_spec(org.clips["DD02"], org.clips["XB01"]), now=NOW
        )


@pytest.mark.parametrize(
    ("spec", "code"),
    [
        (AccessRequestSpec(RequestKind.CLIPS, reason="  ", clip_ids=(1,)), "reason_missing"),
        (AccessRequestSpec(RequestKind.CLIPS, reason="x", clip_ids=(1,), days=0), "days_out_of_range"),
        (AccessRequestSpec(RequestKind.CLIPS, reason="x", clip_ids=()), "clips_missing"),
        (AccessRequestSpec(RequestKind.CLIPS, reason="x", clip_ids=(999_999,)), "clips_unknown"),
        (AccessRequestSpec(RequestKind.CASE, reason="x", case_no="无此案"), "nothing_matches"),
        (AccessRequestSpec(RequestKind.OFFICER, reason="x", badge_no="9DD02"), "officer_period_missing"),
        (
            AccessRequestSpec(
                RequestKind.OFFICER, reason="x", badge_no="nobody", period_start=NOW, period_end=NOW + timedelta(1)
            ),
            "officer_unknown",
        ),
        (
            AccessRequestSpec(RequestKind.CLIPS, reason="x", clip_ids=(1,), outside_body=OutsideBody.COURT),
            "legal_document_missing",
        ),
    ],
)
def test_invalid_requests_are_refused(archive, org, spec, code):
    with pytest.raises(AccessError, match=code):
        requests.submit(archive.sessions, Identity.user("reviewer_dd01"), spec, now=NOW)
    with archive.sessions.read() as session:
        assert requests.list_requests(session, Identity.user("reviewer_dd01")) == []


def test_approval_grants_exactly_the_requested_footage_for_seven_days(archive, org):
    row = requests.submit(archive.sessions, Identity.user("reviewer_dd01"), _clips_spec(org.clips["DD02"]), now=NOW)
    with archive.sessions.read() as session:
        assert [r.id for r in requests.inbox(session, Identity.user("approver_zd01"))] == [row.id]
        assert requests.inbox_count(session, Identity.user("approver_zd01")) == 1
        assert requests.inbox_count(session, Identity.user("approver_zd")) == 0
        assert requests.inbox_count(session, Identity.user("legal_zd01")) == 0
        assert (
            permissions.clip_access(session, _principal(session, "reviewer_dd01"), org.clips["DD02"], Action.VIEW, NOW)
            is None
        )

    approved = requests.approve(archive.sessions, Identity.user("approver_zd01"), row.id, "同意", now=NOW)

    assert approved.status is RequestStatus.APPROVED
    assert approved.grant_expires_at == NOW + timedelta(days=7)
    assert approved.steps[0].decided_by == "approver_zd01" and approved.steps[0].comment == "同意"
    with archive.sessions.read() as session:
        reviewer = _principal(session, "reviewer_dd01")
        access = permissions.clip_access(session, reviewer, org.clips["DD02"], Action.VIEW, NOW)
        assert access is not None and access.basis is AccessBasis.GRANT
        for action in (Action.DOWNLOAD, Action.MARK, Action.ANNOTATE):  # a view grant is a view grant
            assert permissions.clip_access(session, reviewer, org.clips["DD02"], action, NOW) is None
        assert permissions.clip_access(session, reviewer, org.clips["DD03"], Action.VIEW, NOW) is None
        scope = permissions.clip_scope(session, Identity.user("reviewer_dd01"), now=NOW)
        assert scope.clip_ids == {org.clips["DD02"]}
        assert requests.inbox_count(session, Identity.user("approver_zd01")) == 0
        listed = requests.list_requests(session, Identity.user("approver_zd01"), now=NOW)
        assert [r.status for r in listed] == [RequestStatus.APPROVED]


def test_a_download_grant_allows_export(archive, org):
    row = requests.submit(
        archive.sessions,
        Identity.user("reviewer_dd01"),
        _clips_spec(org.clips["DD02"], with_download=True, days=2),
        now=NOW,
    )
    requests.approve(archive.sessions, Identity.user("approver_zd01"), row.id, now=NOW)
    viewing = register.start_viewing(
        archive.sessions,
        Identity.user("reviewer_dd01"),
        org.clips["DD02"],
        ViewingKind.EXPORT,
        now=NOW + timedelta(days=1),
    )
    assert viewing.basis is AccessBasis.GRANT
    with pytest.raises(PermissionDenied):
        register.start_viewing(
            archive.sessions,
            Identity.user("reviewer_dd01"),
            org.clips["DD02"],
            ViewingKind.EXPORT,
            now=NOW + timedelta(days=2),
        )


def test_grants_expire_by_themselves(archive, org):
    row = requests.submit(archive.sessions, Identity.user("reviewer_dd01"), _clips_spec(org.clips["DD02"]), now=NOW)
    requests.approve(archive.sessions, Identity.user("approver_zd01"), row.id, now=NOW)
    last_second, expiry = NOW + timedelta(days=7, seconds=-1), NOW + timedelta(days=7)
    with archive.sessions.read() as session:
        reviewer = _principal(session, "reviewer_dd01")
        assert permissions.clip_access(session, reviewer, org.clips["DD02"], Action.VIEW, last_second) is not None
        assert permissions.clip_access(session, reviewer, org.clips["DD02"], Action.VIEW, expiry) is None
        assert permissions.clip_scope(session, Identity.user("reviewer_dd01"), now=expiry).clip_ids == frozenset()
        assert (
            requests.list_requests(session, Identity.user("reviewer_dd01"), now=expiry)[0].status
            is RequestStatus.EXPIRED
        )
    with pytest.raises(ApprovalConflict):
        requests.revoke(archive.sessions, Identity.user("approver_zd01"), row.id, now=expiry)


def test_revocation_ends_a_grant_early(archive, org):
    row = requests.submit(archive.sessions, Identity.user("reviewer_dd01"), _clips_spec(org.clips["DD02"]), now=NOW)
    requests.approve(archive.sessions, Identity.user("approver_zd01"), row.id, now=NOW)
    for login in ("approver_zd", "admin_zd01", "reviewer_dd01"):  # only heads of the approving unit revoke
        with pytest.raises(PermissionDenied):
            requests.revoke(archive.sessions, Identity.user(login), row.id, now=NOW)

    revoked = requests.revoke(
        archive.sessions, Identity.user("approver2_zd01"), row.id, "案件已办结", now=NOW + timedelta(hours=1)
    )

    assert revoked.status is RequestStatus.REVOKED
    with archive.sessions.read() as session:
        later = NOW + timedelta(hours=2)
        assert (
            permissions.clip_access(
                session, _principal(session, "reviewer_dd01"), org.clips["DD02"], Action.VIEW, later
            )
            is None
        )
    with pytest.raises(ApprovalConflict):
        requests.revoke(archive.sessions, Identity.user("approver_zd01"), row.id, now=NOW + timedelta(hours=3))


def test_rejection_needs_a_reason_and_ends_the_request(archive, org):
    row = requests.submit(archive.sessions, Identity.user("reviewer_dd01"), _clips_spec(org.clips["DD02"]), now=NOW)
    with pytest.raises(AccessError, match="rejection_needs_reason"):
        requests.reject(archive.sessions, Identity.user("approver_zd01"), row.id, " ", now=NOW)
    rejected = requests.reject(archive.sessions, Identity.user("approver_zd01"), row.id, "事由不充分", now=NOW)
    assert rejected.status is RequestStatus.REJECTED and rejected.steps[0].comment == "事由不充分"
    with pytest.raises(ApprovalConflict):
        requests.approve(archive.sessions, Identity.user("approver2_zd01"), row.id, now=NOW)


def test_only_the_routed_unit_and_role_decide(archive, org):
    row = requests.submit(archive.sessions, Identity.user("reviewer_dd01"), _clips_spec(org.clips["DD02"]), now=NOW)
    for login in ("approver_zd", "approver_dd01", "legal_zd01", "admin_zd01", "approver_zj01"):
        with pytest.raises(PermissionDenied):
            requests.approve(archive.sessions, Identity.user(login), row.id, now=NOW)
    with pytest.raises(AccessError, match="request_not_found"):
        requests.approve(archive.sessions, Identity.user("approver_zd01"), 999_999, now=NOW)


def test_no_one_approves_their_own_request(archive, org):
    """An approver asking for footage their own unit answers for (here 待分配) needs another head's approval."""
    row = requests.submit(archive.sessions, Identity.user("approver_zd01"), _clips_spec(org.clips[UNASSIGNED]), now=NOW)
    assert _route(row) == [(Role.APPROVER, "ZD01")]
    with archive.sessions.read() as session:
        assert requests.inbox_count(session, Identity.user("approver_zd01")) == 0
        assert requests.inbox_count(session, Identity.user("approver2_zd01")) == 1
    with pytest.raises(SelfApprovalRefused):
        requests.approve(archive.sessions, Identity.user("approver_zd01"), row.id, now=NOW)
    assert (
        requests.approve(archive.sessions, Identity.user("approver2_zd01"), row.id, now=NOW).status
        is RequestStatus.APPROVED
    )


def test_outside_bodies_need_legal_review_then_the_heads_approval(archive, org):
    spec = _clips_spec(
        org.clips["DD01"],
        reason="审查起诉需要",
        outside_body=OutsideBody.PROCURATORATE,
        document_ref="X检调〔2026〕12号",
        with_download=True,
    )
    row = requests.submit(
        archive.sessions, Identity.user("admin_zd01"), spec, now=NOW
    )  # in the admin's scope: still routed
    assert _route(row) == [(Role.LEGAL, "ZD01"), (Role.APPROVER, "ZD01")]
    assert [step.status for step in row.steps] == [StepStatus.PENDING, StepStatus.WAITING]
    with archive.sessions.read() as session:
        assert requests.inbox_count(session, Identity.user("approver_zd01")) == 0
        assert requests.inbox_count(session, Identity.user("legal_zd01")) == 1
    with pytest.raises(PermissionDenied):
        requests.approve(
            archive.sessions, Identity.user("approver_zd01"), row.id, now=NOW
        )  # the head does not go first

    reviewed = requests.approve(archive.sessions, Identity.user("legal_zd01"), row.id, "手续齐全", now=NOW)

    assert reviewed.status is RequestStatus.PENDING
    assert [step.status for step in reviewed.steps] == [StepStatus.APPROVED, StepStatus.PENDING]
    with archive.sessions.read() as session:
        assert requests.inbox_count(session, Identity.user("legal_zd01")) == 0
        assert requests.inbox_count(session, Identity.user("approver_zd01")) == 1
        assert session.execute(select(func.count()).select_from(AccessGrant)).scalar_one() == 0
    approved = requests.approve(archive.sessions, Identity.user("approver_zd01"), row.id, "同意", now=NOW)
    assert approved.status is RequestStatus.APPROVED and approved.outside_body is OutsideBody.PROCURATORATE


def test_legal_rejection_cancels_the_heads_step(archive, org):
    spec = _clips_spec(org.clips["DD01"], outside_body=OutsideBody.COURT, document_ref="(2026)法调1号")
    row = requests.submit(archive.sessions, Identity.user("admin_zd01"), spec, now=NOW)
    rejected = requests.reject(archive.sessions, Identity.user("legal_zd01"), row.id, "文书不全", now=NOW)
    assert [step.status for step in rejected.steps] == [StepStatus.REJECTED, StepStatus.CANCELLED]


RACE_ROUNDS = 5


def _race_to_approve(archive, request_id: int) -> list[object]:
    """Two heads of the approving unit approve the same request at the same moment; what each got."""
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def decide(login: str) -> None:
        barrier.wait()
        try:
            outcomes.append(requests.approve(archive.sessions, Identity.user(login), request_id, now=NOW).status)
        except ApprovalConflict as error:
            outcomes.append(error)

    threads = [threading.Thread(target=decide, args=(login,)) for login in ("approver_zd01", "approver2_zd01")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_two_approvers_deciding_at_once_cannot_both_win(archive, org):
    """Several rounds: the race window is narrow, and a missing row lock must not slip through by luck."""
    for _ in range(RACE_ROUNDS):
        row = requests.submit(archive.sessions, Identity.user("reviewer_dd01"), _clips_spec(org.clips["DD02"]), now=NOW)
        outcomes = _race_to_approve(archive, row.id)
        assert sorted(type(outcome).__name__ for outcome in outcomes) == ["ApprovalConflict", "RequestStatus"]
    with archive.sessions.read() as session:
        assert session.execute(select(func.count()).select_from(AccessGrant)).scalar_one() == RACE_ROUNDS
        approvals = select(func.count()).where(AuditEvent.action == "access.approve")
        assert session.execute(approvals).scalar_one() == RACE_ROUNDS


def test_every_step_is_audited(archive, org):
    row = requests.submit(archive.sessions, Identity.user("reviewer_dd01"), _clips_spec(org.clips["DD02"]), now=NOW)
    requests.approve(archive.sessions, Identity.user("approver_zd01"), row.id, now=NOW)
    requests.revoke(archive.sessions, Identity.user("approver_zd01"), row.id, "结束", now=NOW)
    with archive.sessions.read() as session:
        events = audit_viewer.list_events(session, Identity.user("inspection_zd01"), AuditFilter(action=None))
        trail = [
            (e.actor, e.action) for e in events if e.target_type == "access_request" and e.target_id == str(row.id)
        ]
    assert trail == [
        ("approver_zd01", "access.revoke"),
        ("approver_zd01", "access.approve"),
        ("reviewer_dd01", "access.request"),
    ]


def test_the_register_records_viewing_under_own_unit_rights(archive, org):
    viewing = register.start_viewing(
        archive.sessions, Identity.user("reviewer_dd01"), org.clips["DD01"], reason="日常抽查", now=NOW
    )
    assert (viewing.basis, viewing.grant_id, viewing.kind) == (AccessBasis.UNIT, None, ViewingKind.PLAYBACK)
    assert viewing.media_path.startswith("DD01/")
    register.finish_viewing(
        archive.sessions, Identity.user("reviewer_dd01"), viewing.entry_id, 42_500, now=NOW + timedelta(minutes=1)
    )
    with pytest.raises(AccessError, match="entry_finished"):
        register.finish_viewing(archive.sessions, Identity.user("reviewer_dd01"), viewing.entry_id, 1)
    with archive.sessions.read() as session:
        [entry] = register.list_register(session, Identity.user("inspection_zd01"), AuditFilter())
        assert (entry.user, entry.clip_id, entry.basis, entry.reason) == (
            "reviewer_dd01",
            org.clips["DD01"],
            AccessBasis.UNIT,
            "日常抽查",
        )
        assert (entry.started_at, entry.finished_at, entry.played_ms) == (NOW, NOW + timedelta(minutes=1), 42_500)
        history = audit_viewer.list_events(session, Identity.user("admin_zd01"), AuditFilter(clip_id=org.clips["DD01"]))
        assert [e.action for e in history] == ["clip.play_end", "clip.play"]


def test_the_register_names_the_grant_and_its_reason(archive, org):
    row = requests.submit(
        archive.sessions, Identity.user("reviewer_dd01"), _clips_spec(org.clips["DD02"], reason="核查信访"), now=NOW
    )
    requests.approve(archive.sessions, Identity.user("approver_zd01"), row.id, now=NOW)
    viewing = register.start_viewing(archive.sessions, Identity.user("reviewer_dd01"), org.clips["DD02"], now=NOW)
    assert viewing.basis is AccessBasis.GRANT
    with archive.sessions.read() as session:
        [entry] = register.list_register(session, Identity.user("admin_zd01"), AuditFilter(actor="reviewer_dd01"))
    assert (entry.request_id, entry.reason, entry.finished_at) == (row.id, "核查信访", None)


def test_a_refused_viewing_is_audited_and_not_registered(archive, org):
    with pytest.raises(PermissionDenied, match="playback_denied"):
        register.start_viewing(archive.sessions, Identity.user("reviewer_dd01"), org.clips["DD02"], now=NOW)
    with pytest.raises(PermissionDenied):  # reviewers do not download
        register.start_viewing(archive.sessions, Identity.user("reviewer_dd01"), org.clips["DD01"], ViewingKind.EXPORT)
    with archive.sessions.read() as session:
        assert register.list_register(session, Identity.user("inspection_zd01"), AuditFilter()) == []
        denied = audit_viewer.list_events(
            session, Identity.user("inspection_zd01"), AuditFilter(action="access.denied")
        )
    assert [(e.actor, e.target_id) for e in denied] == [
        ("reviewer_dd01", str(org.clips["DD01"])),
        ("reviewer_dd01", str(org.clips["DD02"])),
    ]


def test_only_the_viewer_closes_their_register_entry(archive, org):
    viewing = register.start_viewing(archive.sessions, Identity.user("admin_zd01"), org.clips["DD01"], now=NOW)
    with pytest.raises(PermissionDenied):
        register.finish_viewing(archive.sessions, Identity.user("reviewer_dd01"), viewing.entry_id, 10)
    with pytest.raises(AccessError):
        register.finish_viewing(archive.sessions, Identity.user("admin_zd01"), viewing.entry_id, -1)


def test_the_audit_viewer_and_register_are_for_inspection_and_administrators(archive, org):
    with archive.sessions.read() as session:
        for login in ("reviewer_dd01", "approver_zd01", "legal_zd01"):
            with pytest.raises(PermissionDenied):
                audit_viewer.list_events(session, Identity.user(login), AuditFilter())
            with pytest.raises(PermissionDenied):
                register.list_register(session, Identity.user(login), AuditFilter())
            with pytest.raises(PermissionDenied):
                audit_viewer.verify(session, Identity.user(login))
        assert audit_viewer.verify(session, Identity.user("inspection_zd01")).ok
        assert "unit.create" in audit_viewer.actions(session, Identity.user("admin_zd01"))


def test_audit_filters(archive, org):
    viewing = register.start_viewing(archive.sessions, Identity.user("admin_zd01"), org.clips["DD01"], now=NOW)
    register.finish_viewing(archive.sessions, Identity.user("admin_zd01"), viewing.entry_id, 1000)
    with archive.sessions.read() as session:
        mine = audit_viewer.list_events(session, Identity.user("inspection_zd01"), AuditFilter(actor="admin_zd01"))
        assert {e.action for e in mine} == {"clip.play", "clip.play_end"}
        plays = audit_viewer.list_events(session, Identity.user("inspection_zd01"), AuditFilter(action="clip.play"))
        assert [e.target_id for e in plays] == [str(org.clips["DD01"])]
        everything = audit_viewer.list_events(session, Identity.user("inspection_zd01"), AuditFilter())
        first, last = everything[-1], everything[0]
        window = AuditFilter(start=first.occurred_at, end=last.occurred_at + timedelta(seconds=1))
        assert len(audit_viewer.list_events(session, Identity.user("inspection_zd01"), window)) == len(everything)
        assert (
            audit_viewer.list_events(session, Identity.user("inspection_zd01"), AuditFilter(end=first.occurred_at))
            == []
        )
        page = audit_viewer.list_events(session, Identity.user("inspection_zd01"), AuditFilter(), limit=5)
        following = audit_viewer.list_events(
            session, Identity.user("inspection_zd01"), AuditFilter(), limit=5, before_seq=page[-1].seq
        )
        assert [e.seq for e in page + following] == [e.seq for e in everything[:10]]


def test_audit_and_register_export_to_excel_with_chinese_headers(archive, org, tmp_path):
    viewing = register.start_viewing(
        archive.sessions, Identity.user("admin_zd01"), org.clips["DD01"], reason="抽查", now=NOW
    )
    register.finish_viewing(
        archive.sessions, Identity.user("admin_zd01"), viewing.entry_id, 61_000, now=NOW + timedelta(minutes=2)
    )

    with archive.sessions.read() as session:
        head = audit.chain_head(session)
    count = audit_viewer.export_events(
        archive.sessions, Identity.user("inspection_zd01"), AuditFilter(actor="admin_zd01"), tmp_path / "a.xlsx"
    )
    register_count = register.export_register(
        archive.sessions, Identity.user("inspection_zd01"), AuditFilter(), tmp_path / "r.xlsx"
    )

    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    *rows, blank, stamp = list(sheet.iter_rows(values_only=True))
    assert blank == (None,) * 7 and stamp[0] == f"审计链头 {head.printed()}" == sheet.oddHeader.right.text
    assert sheet.title == "审计日志" and count == 2
    assert rows[0] == ("序号", "时间", "用户", "操作", "对象类型", "对象编号", "详情")
    assert [row[2:5] for row in rows[1:]] == [
        ("admin_zd01", "clip.play_end", "clip"),
        ("admin_zd01", "clip.play", "clip"),
    ]
    assert isinstance(rows[1][1], datetime) and sheet["B2"].number_format == "yyyy-mm-dd hh:mm:ss"
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    *rows, _, stamp = list(sheet.iter_rows(values_only=True))
    assert stamp[0].startswith(f"审计链头 {head.seq + 1}:")  # the audit export's own row came between
    assert sheet.oddHeader.right.text == stamp[0]
    assert register_count == 1 and rows[0][:3] == ("登记号", "调阅人", "姓名")
    assert rows[1][1:] == (
        "admin_zd01",
        "用户admin_zd01",
        org.clips["DD01"],
        rows[1][4],
        "播放",
        "本单位权限",
        None,
        "抽查",
        NOW,
        NOW + timedelta(minutes=2),
        61.0,
    )
    with archive.sessions.read() as session:
        exports = audit_viewer.list_events(
            session, Identity.user("inspection_zd01"), AuditFilter(actor="inspection_zd01")
        )
    assert [e.action for e in exports] == ["register.export", "audit.export"]
    with pytest.raises(PermissionDenied):
        audit_viewer.export_events(archive.sessions, Identity.user("reviewer_dd01"), AuditFilter(), tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_password_change_needs_the_old_password_and_is_audited(archive, org):
    with pytest.raises(AuthenticationFailed):
        users.change_password(archive.sessions, "reviewer_dd01", "wrong", "new-secret-1")
    with pytest.raises(PasswordRejected):
        users.change_password(archive.sessions, "reviewer_dd01", PASSWORD, "short")
    with pytest.raises(PasswordRejected):
        users.change_password(archive.sessions, "reviewer_dd01", PASSWORD, PASSWORD)
    users.change_password(archive.sessions, "reviewer_dd01", PASSWORD, "new-secret-1")
    with pytest.raises(AuthenticationFailed):
        users.sign_in(archive.sessions, "reviewer_dd01", PASSWORD)
    assert users.sign_in(archive.sessions, "reviewer_dd01", "new-secret-1").login == "reviewer_dd01"
    with archive.sessions.read() as session:
        actions = [
            e.action
            for e in audit_viewer.list_events(session, Identity.user("admin_zd01"), AuditFilter(actor="reviewer_dd01"))
        ]
    assert actions[:3] == ["user.sign_in", "user.sign_in_failed", "user.password_change"]
    assert actions.count("user.password_change_failed") == 1  # a rejected new password changes nothing


def test_wrong_old_passwords_lock_the_account(archive, org):
    for _ in range(users.MAX_FAILED_SIGN_INS):
        with pytest.raises(AuthenticationFailed, match="old_password_wrong"):
            users.change_password(archive.sessions, "reviewer_dd01", "wrong", "new-secret-1")
    with pytest.raises(AuthenticationFailed, match="account_locked"):
        users.change_password(archive.sessions, "reviewer_dd01", PASSWORD, "new-secret-1")
    with pytest.raises(AuthenticationFailed, match="account_locked"):
        users.sign_in(archive.sessions, "reviewer_dd01", PASSWORD)


def _principal(session, login):
    return permissions.load_principal(session, login)


def test_cli_request_approve_list_revoke(tmp_path, capsys):
    folder = tmp_path / "archive"
    archive = Archive.open_embedded(folder, create=True)
    org = build_access_org(archive)
    add_users(archive, STAFF)
    archive.close()
    base = ["--archive", str(folder), "access"]

    assert (
        cli.main([*base, "request", "--user", "reviewer_dd01", "--clips", str(org.clips["DD02"]), "--reason", "核查"])
        == 0
    )
    request_id = int(capsys.readouterr().out.split()[0])
    assert cli.main([*base, "list", "--user", "approver_zd01", "--inbox"]) == 0
    assert str(request_id) in capsys.readouterr().out
    assert cli.main([*base, "approve", "--user", "reviewer_dd01", str(request_id)]) == 2
    assert "本人" in capsys.readouterr().err
    assert cli.main([*base, "approve", "--user", "approver_zd01", str(request_id), "--comment", "同意"]) == 0
    capsys.readouterr()
    assert cli.main([*base, "list", "--user", "reviewer_dd01", "--format", "json"]) == 0
    assert '"status": "approved"' in capsys.readouterr().out
    assert cli.main([*base, "revoke", "--user", "approver_zd01", str(request_id)]) == 0
    assert cli.main([*base, "reject", "--user", "approver_zd01", str(request_id), "--comment", "x"]) == 2
    officer_request = [
        *base,
        "request",
        "--user",
        "reviewer_dd01",
        "--officer",
        "9DD03",
        "--from",
        "2026-11-21T00:00",
        "--to",
        "2026-11-22T00:00",
        "--reason",
        "复核",
        "--download",
        "--days",
        "3",
    ]
    assert cli.main(officer_request) == 0
    assert "approver / ZD" in capsys.readouterr().out
