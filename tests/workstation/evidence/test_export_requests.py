"""Export requests: internal exports decided by the download right, outside bodies through legal review and the
head, the register entries an export reads under, and the record of a finished package (SQLite and PostgreSQL)."""

from datetime import datetime

import pytest
from sqlalchemy import func, select

from db.models import AccessRegisterEntry, AuditEvent
from tests.helpers.access_builders import add_users, build_access_org
from workstation.access import requests as access_requests
from workstation.access.types import RequestKind, ViewingKind
from workstation.client.local import LocalClient
from workstation.errors import PermissionDenied, SelfApprovalRefused
from workstation.evidence.errors import EvidenceError
from workstation.evidence.requests import package_paths
from workstation.evidence.types import (
    ExportFormat,
    ExportSpec,
    ExportStatus,
    Handover,
    PackageOutcome,
    ReceivingBody,
    WrittenFile,
)
from workstation.identity import Identity
from workstation.types import AccessBasis, Role

STAFF = (
    ("admin_zd01", Role.ADMIN, "ZD01"),  # may download the detachment's footage (D)
    ("reviewer_dd01", Role.REVIEWER, "DD01"),  # may not download
    ("legal_zd01", Role.LEGAL, "ZD01"),
    ("approver_zd01", Role.APPROVER, "ZD01"),
    ("inspection_zd01", Role.INSPECTION, "ZD01"),
)


@pytest.fixture
def org(archive):
    built = build_access_org(archive)
    add_users(archive, STAFF)
    return built


def _client(archive, login: str) -> LocalClient:
    return LocalClient(archive, Identity.user(login))


def _spec(
    *clip_ids: int, body: ReceivingBody = ReceivingBody.INTERNAL, document: str = "内部〔2026〕1号"
) -> ExportSpec:
    return ExportSpec(RequestKind.CLIPS, body, document, "移送审查起诉", clip_ids=clip_ids, receiver="李检察官")


def _outcome(archive, clip_ids, sha_of=None) -> PackageOutcome:
    from db.models import Clip

    with archive.sessions.read() as session:
        hashes = dict(session.execute(select(Clip.id, Clip.sha256).where(Clip.id.in_(clip_ids))).all())
    files = tuple(
        WrittenFile(clip_id, (sha_of or hashes).get(clip_id, hashes[clip_id]), "ab" * 32) for clip_id in clip_ids
    )
    return PackageOutcome(ExportFormat.FOLDER, "DC-1", files, "cd" * 32, "ef" * 32, 2000)


def test_internal_export_needs_the_download_right_on_every_clip(archive, org):
    admin = _client(archive, "admin_zd01")
    row = admin.request_evidence_export(_spec(org.clips["DD01"], org.clips["DD02"]))
    assert row.status is ExportStatus.AUTHORISED and row.access_request_id is None and row.clip_count == 2

    with pytest.raises(PermissionDenied) as refused:
        _client(archive, "reviewer_dd01").request_evidence_export(_spec(org.clips["DD01"]))
    assert refused.value.code == "export_denied"
    with pytest.raises(PermissionDenied):  # another detachment's footage is outside the admin's unit rights
        admin.request_evidence_export(_spec(org.clips["DD01"], org.clips["DD03"]))


def test_outside_body_goes_through_legal_review_then_the_head(archive, org):
    requester = _client(archive, "admin_zd01")
    clip = org.clips["DD01"]
    row = requester.request_evidence_export(_spec(clip, body=ReceivingBody.PROCURATORATE, document="检调〔2026〕7号"))
    assert row.status is ExportStatus.AWAITING_APPROVAL and row.access_request_id is not None
    with pytest.raises(EvidenceError) as waiting:
        requester.start_evidence_export(row.id)
    assert waiting.value.code == "export_awaiting_approval"

    # asking again for the same footage, body and document returns the same export
    again = requester.request_evidence_export(_spec(clip, body=ReceivingBody.PROCURATORATE, document="检调〔2026〕7号"))
    assert again.id == row.id

    inbox = _client(archive, "legal_zd01").inbox()
    assert [request.id for request in inbox] == [row.access_request_id]
    with pytest.raises(SelfApprovalRefused):
        requester.approve_request(row.access_request_id, "")
    _client(archive, "legal_zd01").approve_request(row.access_request_id, "手续齐全")
    with pytest.raises(EvidenceError):
        requester.start_evidence_export(row.id)  # the head has not decided yet
    _client(archive, "approver_zd01").approve_request(row.access_request_id, "同意")

    plan = requester.start_evidence_export(row.id)
    assert [line.split()[0] for line in plan.approvals] == ["法制审核", "负责人审批"]
    assert plan.receiving == "人民检察院（检调〔2026〕7号）"
    assert [file.clip_id for file in plan.files] == [clip]
    assert plan.files[0].viewing.kind is ViewingKind.EXPORT
    assert plan.chain_stamp.startswith("审计链头 ")


def test_a_rejected_approval_refuses_the_export(archive, org):
    requester = _client(archive, "admin_zd01")
    row = requester.request_evidence_export(_spec(org.clips["DD01"], body=ReceivingBody.COURT, document="法调1"))
    _client(archive, "legal_zd01").reject_request(row.access_request_id, "文书不全")
    [listed] = requester.evidence_exports("", 10)
    assert listed.status is ExportStatus.REFUSED
    with pytest.raises(EvidenceError) as refused:
        requester.start_evidence_export(row.id)
    assert refused.value.code == "export_refused"


def test_start_opens_register_entries_and_finish_records_the_package(archive, org):
    admin = _client(archive, "admin_zd01")
    clips = (org.clips["DD01"], org.clips["DD02"])
    row = admin.request_evidence_export(_spec(*clips))
    with pytest.raises(PermissionDenied):
        _client(archive, "approver_zd01").start_evidence_export(row.id)  # only the requester writes it
    plan = admin.start_evidence_export(row.id)
    entries = {file.viewing.entry_id for file in plan.files}
    assert {file.viewing.basis for file in plan.files} == {AccessBasis.UNIT}
    # a resumed export reads under the entries it opened
    assert {file.viewing.entry_id for file in admin.start_evidence_export(row.id).files} == entries

    with pytest.raises(EvidenceError) as mismatch:
        admin.finish_evidence_export(row.id, _outcome(archive, clips, {clips[0]: "0" * 64}))
    assert mismatch.value.code == "export_hash_mismatch"
    with pytest.raises(EvidenceError):
        admin.finish_evidence_export(row.id, _outcome(archive, clips[:1]))  # a clip left out

    done = admin.finish_evidence_export(row.id, _outcome(archive, clips))
    assert done.status is ExportStatus.COMPLETED and done.manifest_sha256 == "cd" * 32 and done.total_bytes == 2000
    with archive.sessions.read() as session:
        open_entries = session.execute(
            select(func.count()).where(AccessRegisterEntry.id.in_(entries), AccessRegisterEntry.finished_at.is_(None))
        ).scalar_one()
        actions = list(session.execute(select(AuditEvent.action).order_by(AuditEvent.seq)).scalars())
    assert open_entries == 0
    assert actions.count("clip.export") == 2 and actions.count("clip.export_end") == 2
    assert actions[-1] == "evidence.export" and "evidence.start" in actions and "evidence.resume" in actions
    with pytest.raises(EvidenceError) as completed:
        admin.start_evidence_export(row.id)
    assert completed.value.code == "export_already_completed"

    received = datetime(2026, 11, 23, 10, 0)
    handed = admin.record_evidence_handover(row.id, Handover("光盘", "李检察官（市检察院）", received, "一式两份"))
    assert handed.handover == Handover("光盘", "李检察官（市检察院）", received, "一式两份")


def test_the_ledger_lists_what_the_user_may_see_and_searches(archive, org):
    admin = _client(archive, "admin_zd01")
    first = admin.request_evidence_export(_spec(org.clips["DD01"], document="甲-1"))
    admin.request_evidence_export(_spec(org.clips["DD02"], document="乙-2"))
    assert [row.document_ref for row in admin.evidence_exports("", 10)] == ["乙-2", "甲-1"]
    assert [row.id for row in admin.evidence_exports("甲", 10)] == [first.id]
    assert [row.id for row in admin.evidence_exports("DEV0003", 10)] == [first.id]  # a file name in the package
    assert [row.id for row in admin.evidence_exports(first.export_no, 10)] == [first.id]  # the printed number
    assert _client(archive, "reviewer_dd01").evidence_exports("", 10) == []
    assert len(_client(archive, "inspection_zd01").evidence_exports("", 10)) == 2


def test_a_revoked_grant_stops_a_started_export(archive, org):
    requester = _client(archive, "admin_zd01")
    row = requester.request_evidence_export(_spec(org.clips["DD02"], body=ReceivingBody.SUPERVISION, document="纪1"))
    _client(archive, "legal_zd01").approve_request(row.access_request_id, "")
    _client(archive, "approver_zd01").approve_request(row.access_request_id, "")
    requester.start_evidence_export(row.id)
    _client(archive, "approver_zd01").revoke_request(row.access_request_id, "撤回")
    with pytest.raises(EvidenceError) as refused:
        requester.start_evidence_export(row.id)
    assert refused.value.code == "export_refused"


def test_package_paths_keep_original_names_and_separate_clashes():
    paths = package_paths({3: "DSJ_A.MP4", 1: "dsj_a.mp4", 2: "other.wav"})
    assert paths == {1: "data/dsj_a__1.mp4", 2: "data/other.wav", 3: "data/DSJ_A__3.MP4"}


def test_access_request_of_an_export_uses_the_approval_route(archive, org):
    row = _client(archive, "admin_zd01").request_evidence_export(
        _spec(org.clips["DD01"], body=ReceivingBody.JUSTICE, document="司1")
    )
    with archive.sessions.read() as session:
        [request] = access_requests.list_requests(session, Identity.user("admin_zd01"))
    assert request.id == row.access_request_id and request.with_download and request.document_ref == "司1"
    assert [(step.role, step.unit_code) for step in request.steps] == [(Role.LEGAL, "ZD01"), (Role.APPROVER, "ZD01")]
    assert request.grant_expires_at is None
