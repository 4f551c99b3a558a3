"""The demo archive: organisation, users for every role, footage through the real ingest, with its quirks."""

from collections.abc import Iterator
from datetime import time, timedelta
from itertools import pairwise
from pathlib import Path

import cv2
import pytest
from sqlalchemy import select

from db.models import (
    AccessRegisterEntry,
    AuditEvent,
    Clip,
    Device,
    DeviceLogEvent,
    IngestRejection,
    IngestRun,
    LegalHoldItem,
    Officer,
    PrescreenFinding,
    SpotCheckPlan,
    SpotCheckReview,
    Unit,
    User,
)
from tests.helpers.spotcheck_builders import demo_copy, demo_last_day
from workstation import audit, clock
from workstation.access import requests
from workstation.access.types import ViewingKind
from workstation.archive import Archive
from workstation.demo.archive import DEMO_USERS, EXPIRED_DAYS_AGO, DemoArchiveExists, DemoSummary, build_demo_archive
from workstation.demo.prescreen import PROBLEM_SECONDS
from workstation.footage.types import DeviceEventType
from workstation.identity import Identity
from workstation.org import users
from workstation.retention import destruction
from workstation.spotcheck import ledger
from workstation.spotcheck.types import Verdict
from workstation.types import FileType, MediaStatus, Role, UnitLevel

pytestmark = pytest.mark.clock  # run at several clock times and time zones (tools/clock_matrix.sh)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary, list[str]]:
    folder = tmp_path_factory.mktemp("demo") / "archive"
    messages: list[str] = []
    summary = build_demo_archive(folder, officers=3, days=1, progress=messages.append)
    return folder, summary, messages


@pytest.fixture
def archive(demo: tuple[Path, DemoSummary, list[str]]) -> Iterator[Archive]:
    opened = Archive.open_embedded(demo[0])
    yield opened
    opened.close()


def test_summary_counts_what_is_in_the_archive(demo, archive):
    _, summary, messages = demo
    with archive.sessions.read() as session:
        clips = session.execute(select(Clip)).scalars().all()
        runs = session.execute(select(IngestRun).order_by(IngestRun.id)).scalars().all()
    assert summary.imported == len(clips) > 20
    assert (summary.duplicates, summary.rejected, summary.failed) == (0, 1, 0)
    assert summary.users == DEMO_USERS and summary.seconds > 0
    # the shift of two years ago, the day, and the late recorder, each docked in its own run
    assert len(runs) == 3 and runs[2].imported > 0, "the late recorder is imported by a run of its own"
    assert messages[-1].startswith("演示档案库已建成")


def test_organisation_is_a_corps_a_detachment_and_three_brigades(archive):
    with archive.sessions.read() as session:
        units = {unit.code: unit for unit in session.execute(select(Unit)).scalars()}
        officers = session.execute(select(Officer).where(Officer.unit_id.is_not(None))).scalars().all()
        devices = session.execute(select(Device).where(Device.holder_officer_id.is_not(None))).scalars().all()
    assert sorted(units) == ["DD01", "DD02", "DD03", "ZD", "ZD01"]
    assert units["ZD"].level == UnitLevel.CORPS and units["ZD"].parent_id is None
    assert units["ZD01"].level == UnitLevel.DETACHMENT and units["ZD01"].parent_id == units["ZD"].id
    brigades = [units[code] for code in ("DD01", "DD02", "DD03")]
    assert all(unit.level == UnitLevel.BRIGADE and unit.parent_id == units["ZD01"].id for unit in brigades)
    assert {unit.police_type for unit in units.values()} == {"消防"}
    assert {officer.unit_id for officer in officers} == {unit.id for unit in brigades}
    assert all(len(officer.badge_no) == 6 and officer.badge_no.isdigit() and officer.name for officer in officers)
    assert sorted(device.device_no for device in devices) == ["DSJ0001", "DSJ0002", "DSJ0003"]
    assert all(device.model == "DSJ-V9" and device.serial for device in devices)


def test_a_demo_user_for_every_role_can_sign_in(archive):
    assert {user.role for user in DEMO_USERS} == set(Role)
    for demo_user in DEMO_USERS:
        signed_in = users.sign_in(archive.sessions, demo_user.login, demo_user.password)
        assert (signed_in.role, signed_in.unit_code) == (demo_user.role, demo_user.unit_code)
    with archive.sessions.read() as session:
        officer_user = session.execute(select(User).where(User.role == Role.OFFICER)).scalar_one()
        officer = session.get_one(Officer, officer_user.officer_id)
    assert officer.name == officer_user.display_name


def test_every_officer_has_footage_of_every_kind_filed_under_their_unit(archive):
    with archive.sessions.read() as session:
        officers = session.execute(select(Officer).where(Officer.unit_id.is_not(None))).scalars().all()
        clips = session.execute(select(Clip)).scalars().all()
    yesterday = clock.now().date() - timedelta(days=1)
    long_ago = clock.now().date() - timedelta(days=EXPIRED_DAYS_AGO)
    for officer in officers:
        own = [clip for clip in clips if clip.officer_id == officer.id]
        assert {clip.file_type for clip in own} >= {FileType.VIDEO, FileType.LOG}
        assert all(clip.unit_id == officer.unit_id and f"/{officer.badge_no}/" in clip.media_path for clip in own)
        assert {clip.recorded_start.date() for clip in own} - {long_ago} == {yesterday}
    videos = [clip for clip in clips if clip.file_type == FileType.VIDEO and clip.media_status == MediaStatus.OK]
    assert all(clip.video_codec == "h264" and (clip.width, clip.height) == (320, 240) for clip in videos)
    # 2–4 s segments, but the pre-screen's problem recordings (covered, silent, frozen), longer than the
    # detectors' 3 s minimum stretch
    short = [clip for clip in videos if clip.duration_ms != PROBLEM_SECONDS * 1000]
    assert all(2000 <= (clip.duration_ms or 0) <= 4000 for clip in short) and len(videos) - len(short) == 3


def test_quirks_of_real_footage_are_present(archive):
    with archive.sessions.read() as session:
        rejection = session.execute(select(IngestRejection)).scalar_one()
        damaged = session.execute(select(Clip).where(Clip.media_status != MediaStatus.OK)).scalars().all()
        stranger = session.execute(select(Device).where(Device.holder_officer_id.is_(None))).scalar_one()
        stranger_clips = session.execute(select(Clip).where(Clip.device_id == stranger.id)).scalars().all()
        events = session.execute(select(DeviceLogEvent)).scalars().all()
        videos = (
            session.execute(
                select(Clip).where(Clip.file_type == FileType.VIDEO).order_by(Clip.officer_id, Clip.recorded_start)
            )
            .scalars()
            .all()
        )
    assert Path(rejection.source_path).name.startswith("VID_") and rejection.reason == "unrecognised_name"
    assert [clip.media_status for clip in damaged] == [MediaStatus.TRUNCATED]
    assert stranger.unit_id is None and stranger_clips
    assert all(clip.unit_id is None and clip.media_path.startswith("_待分配/") for clip in stranger_clips)
    assert set(DeviceEventType) - {event.event_type for event in events} == {DeviceEventType.OTHER}
    interruptions = [event for event in events if event.event_type == DeviceEventType.ABNORMAL_INTERRUPTION]
    gaps = [
        (earlier, later)
        for earlier, later in pairwise(videos)
        if earlier.officer_id == later.officer_id
        and earlier.recorded_end < later.recorded_start
        and later.recorded_start - earlier.recorded_end < timedelta(minutes=1)
    ]
    assert any(
        earlier.recorded_end <= event.occurred_at < later.recorded_start
        for earlier, later in gaps
        for event in interruptions
    ), "an interrupted recording leaves a gap that the log explains"
    dark = [clip for clip in videos if clip.media_status == MediaStatus.OK and _mean_brightness(archive, clip) < 40]
    assert len(dark) == 1, "one clip was recorded with the lens covered"


def test_audit_chain_verifies(archive):
    with archive.sessions.read() as session:
        verification = audit.verify_chain(session)
    assert verification.ok and verification.events_checked > 0


def test_refuses_to_build_into_an_archive_that_has_data(demo):
    with pytest.raises(DemoArchiveExists):
        build_demo_archive(demo[0], officers=1, days=1)


def _mean_brightness(archive: Archive, clip: Clip) -> float:
    capture = cv2.VideoCapture(str(archive.absolute_path(clip.media_path)))
    try:
        ok, frame = capture.read()
    finally:
        capture.release()
    assert ok
    return float(frame.mean())


def test_the_approver_has_a_pending_viewing_request(archive):
    with archive.sessions.read() as session:
        assert requests.inbox_count(session, Identity.user("approver")) == 1
        (request,) = requests.inbox(session, Identity.user("approver"))
    assert request.reason == "核查群众投诉涉及的现场执法过程" and request.clip_count == 2


@pytest.fixture
def checked_demo(tmp_path: Path) -> Iterator[Archive]:
    """The two-day demo, whose first day was spot-checked the morning after."""
    opened = demo_copy(tmp_path / "demo")
    yield opened
    opened.close()


def test_docking_is_replayed_so_only_the_late_recorder_is_late(checked_demo):
    with checked_demo.sessions.read() as session:
        clips = session.execute(select(Clip)).scalars().all()
        runs = session.execute(select(IngestRun).order_by(IngestRun.id)).scalars().all()
    late = [clip for clip in clips if clip.ingested_at - clip.recorded_start > timedelta(hours=24)]
    assert late, "the demo has a recorder docked more than 24 h after it recorded"
    assert len({(clip.officer_id, clip.recorded_start.date()) for clip in late}) == 1, "one recorder-day is late"
    assert all(clip.ingested_at > clip.recorded_end for clip in clips if clip.recorded_end), "docked after recording"
    assert all(clip.ingested_at.time() >= time(21) for clip in clips), "docked at the end of the shift"
    assert [run.started_at for run in runs] == sorted(run.started_at for run in runs)
    assert max(run.finished_at for run in runs) <= clock.now()


def test_the_day_before_yesterday_was_spot_checked_with_every_verdict(checked_demo):
    first_day = demo_last_day() - timedelta(days=1)
    with checked_demo.sessions.read() as session:
        plans = session.execute(select(SpotCheckPlan)).scalars().all()
        reviews = session.execute(select(SpotCheckReview)).scalars().all()
        register = (
            session.execute(  # the reviews' playbacks (not the still or the export of the evidence example)
                select(AccessRegisterEntry).where(
                    AccessRegisterEntry.kind == ViewingKind.PLAYBACK, AccessRegisterEntry.played_ms > 0
                )
            )
            .scalars()
            .all()
        )
        ledger_rows = ledger.list_ledger(
            session, Identity.user("approver"), ledger.LedgerFilter(first_day, demo_last_day())
        )
    assert {(plan.day_from, plan.day_to) for plan in plans} == {(first_day, first_day)}
    assert {review.verdict for review in reviews} == set(Verdict)
    assert all(review.problem and review.rectification for review in reviews if review.verdict is Verdict.FAIL)
    assert all(review.reviewed_at.date() == first_day + timedelta(days=1) for review in reviews)
    assert len(register) == len(reviews) and all(entry.played_ms and entry.finished_at for entry in register)
    assert len(ledger_rows) == len(reviews)


def test_the_audit_log_reads_in_time_order_and_is_intact(checked_demo):
    with checked_demo.sessions.read() as session:
        times = session.execute(select(AuditEvent.occurred_at).order_by(AuditEvent.seq)).scalars().all()
        assert audit.verify_chain(session).ok
    assert times == sorted(times)


def test_the_old_shift_is_past_its_retention_with_one_clip_held(archive):
    """The 保存期限 page's content: expired footage, a legal hold on part of it, a complaint kept forever."""
    today = clock.now().date()
    with archive.sessions.read() as session:
        expired = session.execute(select(Clip).where(Clip.keep_until < today)).scalars().all()
        held = session.execute(select(LegalHoldItem)).scalars().all()
        complaint = session.execute(select(Clip).where(Clip.retention_rule == "case:complaint")).scalars().all()
    assert expired and {clip.recorded_start.date() for clip in expired} == {today - timedelta(days=EXPIRED_DAYS_AGO)}
    assert len(held) == 1 and held[0].clip_id in {clip.id for clip in expired}
    assert len(complaint) == 1 and complaint[0].keep_until is None
    with archive.sessions.read() as session:
        pending = destruction.destruction_requests(session, Identity.user("approver"), inbox=True)
    listed = {clip.id for clip in expired} - {held[0].clip_id}
    assert len(pending) == 1 and pending[0].clip_count == len(listed) > 0


def test_the_footage_shows_pre_screen_findings_some_already_reviewed(archive):
    with archive.sessions.read() as session:
        findings = session.execute(select(PrescreenFinding)).scalars().all()
        fast = session.execute(select(Device).where(Device.device_no == "DSJ0002")).scalar_one()
    by_kind = {(finding.kind, finding.status) for finding in findings}
    assert {("covered", "confirmed"), ("silent", "pending"), ("frozen", "pending")} <= by_kind
    assert ("no_case_link", "dismissed") in by_kind
    [reviewed_cover] = [finding for finding in findings if finding.kind == "covered"]
    assert reviewed_cover.decided_by == "reviewer" and 1500 <= reviewed_cover.start_ms <= 2500
    [drift] = [finding for finding in findings if finding.kind == "clock_drift"]  # the fast recorder's one day
    assert drift.officer_id == fast.holder_officer_id and drift.clip_id is None
