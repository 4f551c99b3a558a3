"""Reviewing a sampled clip: the checklist rules, the automatic items, and 合格 only for clips played back."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from db.models import AuditEvent, Clip, SpotCheckAnswer
from tests.helpers.spotcheck_builders import DAY, build_spotcheck_org
from workstation import audit
from workstation.cli import messages
from workstation.errors import CoverageTooLow, ItemTaken, ReviewIncomplete
from workstation.footage import cases
from workstation.footage.types import CaseKind
from workstation.identity import Identity
from workstation.spotcheck import plans, reviews
from workstation.spotcheck import queue as spotcheck_queue
from workstation.spotcheck.types import MANUAL_CHECK_ITEMS, CheckAnswer, CheckItem, DrawSpec, ReviewInput, Verdict
from workstation.types import MediaStatus

pytestmark = pytest.mark.clock  # run at several clock times and time zones (tools/clock_matrix.sh)

NOW = datetime(2026, 11, 22, 9, 0)
ALL_YES = dict.fromkeys(MANUAL_CHECK_ITEMS, CheckAnswer.YES)


@pytest.fixture
def item(archive):
    """checker1's claimed item: one of officer 100002's three one-minute clips (ratio 1 %: one each)."""
    build_spotcheck_org(archive, {"DD01": [3]})
    plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY, "DD01", 100), Identity.user("admin"), now=NOW)
    return spotcheck_queue.claim(archive.sessions, Identity.user("checker1"), now=NOW)


def _submit(archive, item, review: ReviewInput, **options):
    return reviews.submit_review(archive.sessions, Identity.user("checker1"), item.id, review, now=NOW, **options)


def test_pass_needs_the_clip_played_back(archive, item):
    skimmed = ReviewInput(ALL_YES, Verdict.PASS, played_intervals=((0, 20_000), (10_000, 30_000), (50_000, 60_000)))
    with pytest.raises(CoverageTooLow) as refusal:
        _submit(archive, item, skimmed)
    assert refusal.value.data == {"covered_bp": 6666, "required_bp": 9000}
    assert "回放覆盖率为 66.66%，低于判定“合格”所需的 90%" in messages.describe(refusal.value)
    row = _submit(
        archive, item, ReviewInput(ALL_YES, Verdict.MOSTLY, "告知用语不完整", played_intervals=((0, 20_000),))
    )
    assert row.verdict is Verdict.MOSTLY and row.coverage_bp == 3333  # no coverage needed below 合格


def test_a_pass_records_the_proof_of_playback(archive, item):
    played = ((0, 30_000), (25_000, 58_000), (58_000, 59_000))
    row = _submit(archive, item, ReviewInput(ALL_YES, Verdict.PASS, played_intervals=played, top_speed=2.0))
    assert row.coverage_bp == 9833 and row.top_speed == 2.0 and row.reviewer == "checker1"
    assert row.answer(CheckItem.ANNOUNCED) is CheckAnswer.YES
    assert row.answer(CheckItem.UPLOADED_24H) is CheckAnswer.YES  # ingested 2 h after recording
    assert row.answer(CheckItem.CASE_LINKED) is CheckAnswer.NO
    assert row.answer(CheckItem.FILE_INTACT) is CheckAnswer.YES
    with archive.sessions.read() as session:
        automatic = session.execute(
            select(SpotCheckAnswer.item_code).where(SpotCheckAnswer.automatic.is_(True))
        ).scalars()
        assert sorted(automatic) == sorted(["uploaded_24h", "case_linked", "file_intact"])
        event = session.execute(select(AuditEvent).where(AuditEvent.action == "spotcheck.review")).scalar_one()
        assert '"coverage_bp":9833' in event.details
        assert audit.verify_chain(session).ok
        assert spotcheck_queue.queue(session, Identity.user("checker1"), now=NOW) == []
    assert spotcheck_queue.claim(archive.sessions, Identity.user("checker2"), now=NOW) is None


def test_the_automatic_items_come_from_the_archive(archive, item):
    with archive.sessions.write() as session:
        clip = session.get(Clip, item.clip_id)
        clip.ingested_at = clip.recorded_start + timedelta(hours=30)
        clip.media_status = MediaStatus.TRUNCATED
        cases.link_clips(session, Identity.user("admin"), [clip.id], "J2026112100123", CaseKind.INCIDENT)
    with archive.sessions.read() as session:
        facts = reviews.item_facts(session, Identity.user("checker1"), item.id)
    assert (facts.uploaded_24h, facts.case_linked, facts.file_intact) == (False, True, False)


@pytest.mark.parametrize(
    ("review", "code", "message"),
    [
        (
            ReviewInput({CheckItem.ANNOUNCED: CheckAnswer.YES}, Verdict.PASS),
            "checklist_unanswered",
            "出示证件、全程连续无中断",
        ),
        (ReviewInput(ALL_YES, Verdict.MOSTLY), "problem_missing", "结论为“基本合格”时必须填写存在问题"),
        (ReviewInput(ALL_YES, Verdict.FAIL, "未出示证件"), "rectification_missing", "必须填写整改要求"),
        (
            ReviewInput(ALL_YES | {CheckItem.LENS_CLEAR: CheckAnswer.NO}, Verdict.PASS),
            "pass_with_failed_items",
            "镜头无遮挡",
        ),
        (ReviewInput(ALL_YES, Verdict.PASS, played_intervals=((0, 60_000),), top_speed=0), "speed_implausible", "倍速"),
    ],
)
def test_an_incomplete_checklist_is_refused(archive, item, review, code, message):
    with pytest.raises(ReviewIncomplete) as refusal:
        _submit(archive, item, review)
    assert refusal.value.code == code and message in messages.describe(refusal.value)


def test_not_applicable_is_an_answer_and_a_failed_check_is_recorded(archive, item):
    answers = ALL_YES | {CheckItem.ID_SHOWN: CheckAnswer.NOT_APPLICABLE, CheckItem.CONDUCT: CheckAnswer.NO}
    row = _submit(archive, item, ReviewInput(answers, Verdict.FAIL, "言语不文明", "组织学习执法用语规范"))
    assert row.verdict is Verdict.FAIL and row.problem == "言语不文明" and row.rectification == "组织学习执法用语规范"
    assert row.answer(CheckItem.ID_SHOWN) is CheckAnswer.NOT_APPLICABLE
    with pytest.raises(ItemTaken, match="item_closed"):
        _submit(archive, item, ReviewInput(answers, Verdict.FAIL, "重复", "重复"))


def test_the_minimum_coverage_is_a_setting(archive, item):
    review = ReviewInput(ALL_YES, Verdict.PASS, played_intervals=((0, 45_000),))
    assert _submit(archive, item, review, min_coverage_bp=7500).coverage_bp == 7500
