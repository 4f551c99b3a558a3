"""State reconciliation: each replay module explains the state its services write, and names a row changed
behind their back (on SQLite and PostgreSQL)."""

from datetime import datetime

import pytest
from sqlalchemy import delete, insert, select, update

from db.models import (
    AccessGrant,
    AccessRequest,
    AccessRequestItem,
    ApprovalStep,
    Case,
    Clip,
    ClipCaseLink,
    SpotCheckAnswer,
    SpotCheckReview,
    User,
)
from tests.helpers.access_builders import add_users, build_access_org
from tests.helpers.spotcheck_builders import DAY, build_spotcheck_org
from workstation import integrity
from workstation.access import requests
from workstation.access.types import AccessRequestSpec, RequestKind
from workstation.archive import Archive
from workstation.errors import PermissionDenied
from workstation.footage import cases, clips
from workstation.footage.types import CaseKind
from workstation.identity import Identity
from workstation.integrity.types import ROW, Discrepancy
from workstation.spotcheck import plans, reviews
from workstation.spotcheck import queue as spotcheck_queue
from workstation.spotcheck.types import MANUAL_CHECK_ITEMS, CheckAnswer, DrawSpec, ReviewInput, Verdict
from workstation.types import Role

NOW = datetime(2026, 11, 22, 9, 0)
STAFF = (
    ("reviewer_dd01", Role.REVIEWER, "DD01"),
    ("approver_zd01", Role.APPROVER, "ZD01"),
    ("inspection_zd01", Role.INSPECTION, "ZD01"),
)
SYSTEM = Identity.system("定时核对")


def _differences(archive: Archive, who: Identity = SYSTEM) -> list[Discrepancy]:
    with archive.sessions.read() as session:
        report = integrity.reconcile(session, who)
    assert report.discrepancy_count == len(report.discrepancies)
    return list(report.discrepancies)


def _tamper(archive: Archive, *statements) -> None:
    with archive.sessions.write() as session:
        for statement in statements:
            session.execute(statement)


@pytest.fixture
def org(archive):
    built = build_access_org(archive)
    add_users(archive, STAFF)
    return built


def _user_id(archive: Archive, login: str) -> int:
    with archive.sessions.read() as session:
        return session.execute(select(User.id).where(User.login == login)).scalar_one()


def test_users_role_unit_activation_and_officer_record_are_explained(archive, org):
    assert _differences(archive) == []
    reviewer, approver = _user_id(archive, "reviewer_dd01"), _user_id(archive, "approver_zd01")
    _tamper(
        archive,
        update(User).where(User.id == reviewer).values(role="approver"),
        update(User).where(User.id == approver).values(active=False, officer_id=org.officers["DD01"]),
    )
    found = {(d.table, d.row_id, d.field): (d.current, d.explained) for d in _differences(archive)}
    assert found == {
        ("users", str(reviewer), "role"): ("approver", "reviewer"),
        ("users", str(approver), "active"): ("false", "true"),
        ("users", str(approver), "officer_id"): (str(org.officers["DD01"]), ""),
    }


def test_an_account_inserted_without_an_event_is_unexplained(archive, org):
    with archive.sessions.read() as session:
        template = session.execute(select(User).where(User.login == "reviewer_dd01")).scalar_one()
        values = {"unit_id": template.unit_id, "password_hash": template.password_hash, "created_at": NOW}
    _tamper(archive, insert(User).values(login="ghost", display_name="ghost", role="admin", **values))
    (found,) = _differences(archive)
    assert (found.table, found.field, found.current, found.explained, found.seq) == ("users", ROW, "ghost", None, None)


def _approved_request(archive: Archive, org) -> int:
    spec = AccessRequestSpec(RequestKind.CLIPS, reason="核查投诉", clip_ids=(org.clips["DD02"],), days=7)
    row = requests.submit(archive.sessions, Identity.user("reviewer_dd01"), spec, now=NOW)
    requests.approve(archive.sessions, Identity.user("approver_zd01"), row.id, now=NOW)
    return row.id


def test_a_grant_extended_to_2099_is_named(archive, org):
    request_id = _approved_request(archive, org)
    assert _differences(archive) == []
    _tamper(archive, update(AccessGrant).values(expires_at=datetime(2099, 12, 31)))
    (found,) = _differences(archive)
    assert (found.table, found.field, found.current, found.explained) == (
        "access_grants",
        "expires_at",
        "2099-12-31 00:00:00",
        "2026-11-29 09:00:00",
    )
    with archive.sessions.read() as session:
        assert found.row_id == str(session.execute(select(AccessGrant.id)).scalar_one())
        assert found.seq == max(e.seq for e in _events(session, request_id))


def _events(session, request_id):
    from db.models import AuditEvent

    return session.execute(select(AuditEvent).where(AuditEvent.target_id == str(request_id))).scalars().all()


def test_a_revocation_is_explained_and_an_undone_one_is_named(archive, org):
    request_id = _approved_request(archive, org)
    requests.revoke(archive.sessions, Identity.user("approver_zd01"), request_id, "已结案", now=NOW)
    assert _differences(archive) == []
    _tamper(archive, update(AccessGrant).values(revoked_at=None, revoked_by=None))
    assert {(d.table, d.field) for d in _differences(archive)} == {
        ("access_grants", "revoked_at"),
        ("access_grants", "revoked_by"),
    }


def test_request_decisions_steps_and_clips_are_explained(archive, org):
    spec = AccessRequestSpec(RequestKind.CLIPS, reason="核查投诉", clip_ids=(org.clips["DD02"],))
    pending = requests.submit(archive.sessions, Identity.user("reviewer_dd01"), spec, now=NOW).id
    assert _differences(archive) == []
    _tamper(
        archive,
        update(AccessRequest).where(AccessRequest.id == pending).values(status="approved", days=365),
        update(ApprovalStep).where(ApprovalStep.request_id == pending).values(status="approved"),
        insert(AccessRequestItem).values(request_id=pending, clip_id=org.clips["DD03"]),
        insert(AccessGrant).values(
            request_id=pending,
            grantee_id=_user_id(archive, "reviewer_dd01"),
            with_download=True,
            granted_at=NOW,
            expires_at=datetime(2099, 1, 1),
            revoke_comment="",
        ),
    )
    found = {(d.table, d.field): (d.current, d.explained) for d in _differences(archive)}
    assert found[("access_requests", "status")] == ("approved", "pending")
    assert found[("access_requests", "days")] == ("365", "7")
    assert found[("approval_steps", "status")] == ("approved", "pending")
    expected_clips = f"[{org.clips['DD02']}]"
    assert found[("access_request_items", "clip_ids")][1] == expected_clips
    assert found[("access_grants", ROW)] == ("无授权记录", None)


def test_a_request_without_its_event_is_unexplained(archive, org):
    _approved_request(archive, org)
    _tamper(archive, delete(AccessGrant), delete(ApprovalStep), delete(AccessRequestItem), delete(AccessRequest))
    found = {(d.table, d.field, d.current) for d in _differences(archive)}
    assert ("access_requests", ROW, "不存在") in found and ("access_grants", ROW, "不存在") in found


ALL_YES = dict.fromkeys(MANUAL_CHECK_ITEMS, CheckAnswer.YES)


@pytest.fixture
def review(archive):
    build_spotcheck_org(archive, {"DD01": [3]})
    plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY, "DD01", 100), Identity.user("admin"), now=NOW)
    item = spotcheck_queue.claim(archive.sessions, Identity.user("checker1"), now=NOW)
    failed = {**ALL_YES, MANUAL_CHECK_ITEMS[0]: CheckAnswer.NO}
    entry = ReviewInput(failed, Verdict.FAIL, "未告知", "重新培训", played_intervals=((0, 60_000),))
    return reviews.submit_review(archive.sessions, Identity.user("checker1"), item.id, entry, now=NOW)


def test_a_failed_review_turned_into_a_pass_is_named(archive, review):
    assert _differences(archive) == []
    _tamper(
        archive,
        update(SpotCheckReview).values(verdict="pass", problem="", rectification=""),
        update(SpotCheckAnswer).where(SpotCheckAnswer.item_code == MANUAL_CHECK_ITEMS[0]).values(answer="yes"),
    )
    found = {(d.table, d.field): (d.current, d.explained) for d in _differences(archive)}
    assert found[("spotcheck_reviews", "verdict")] == ("pass", "fail")
    assert found[("spotcheck_reviews", "problem")] == ("", "未告知")
    assert found[("spotcheck_reviews", "rectification")] == ("", "重新培训")
    assert '"no"' in (found[("spotcheck_reviews", "answers")][1] or "")
    assert {row_id for d in _differences(archive) for row_id in [d.row_id]} == {str(review.review_id)}


def test_a_review_without_its_event_is_unexplained(archive, review):
    with archive.sessions.read() as session:
        row = session.execute(select(SpotCheckReview)).scalar_one()
    _tamper(archive, update(SpotCheckReview).values(reviewer_id=_user_id(archive, "checker2"), reviewed_at=NOW))
    found = {(d.field, d.current) for d in _differences(archive)}
    assert ("reviewer_id", str(_user_id(archive, "checker2"))) in found
    assert row.id == review.review_id


def test_important_marks_are_explained_and_a_silent_one_is_named(archive, org):
    marked, silent = org.clips["DD01"], org.clips["DD02"]
    with archive.sessions.write() as session:
        clips.set_important(session, Identity.user("admin"), [marked], True)
    assert _differences(archive) == []
    _tamper(archive, update(Clip).where(Clip.id.in_([marked, silent])).values(important=False))
    _tamper(archive, update(Clip).where(Clip.id == silent).values(important=True))
    found = {(d.table, d.row_id, d.field): (d.current, d.explained) for d in _differences(archive)}
    assert found == {
        ("clips", str(marked), "important"): ("false", "true"),
        ("clips", str(silent), "important"): ("true", None),
    }


def test_case_links_are_explained_and_a_silent_one_is_named(archive, org):
    linked, silent = org.clips["DD01"], org.clips["DD02"]
    with archive.sessions.write() as session:
        cases.link_clips(session, Identity.user("admin"), [linked], "A2026-001", CaseKind.CASE)
        cases.link_clips(session, Identity.user("admin"), [linked], "A2026-002", CaseKind.CASE)
        cases.unlink_clip(session, Identity.user("admin"), linked, "A2026-002", "录入错误")
    assert _differences(archive) == []
    with archive.sessions.read() as session:
        case_id = session.execute(select(Case.id).where(Case.case_no == "A2026-001")).scalar_one()
    _tamper(archive, insert(ClipCaseLink).values(clip_id=silent, case_id=case_id, linked_at=NOW, linked_by="x"))
    (found,) = _differences(archive)
    assert (found.table, found.row_id, found.current, found.explained) == (
        "clip_case_links",
        str(silent),
        '["A2026-001"]',
        None,
    )


def test_reconcile_is_for_inspection_staff_administrators_and_system_actors(archive, org):
    assert _differences(archive, Identity.user("inspection_zd01")) == []
    with pytest.raises(PermissionDenied):
        _differences(archive, Identity.user("reviewer_dd01"))
