"""Reviews against their audit rows (issue 13): a review edited in the database — verdict, answers, coverage,
problem, rectification, reviewer, time — is named by `spotcheck verify` and marked in the ledger and its
export, which the edit cannot hide without forging an audit row."""

import json
from datetime import date, datetime, timedelta

import openpyxl
import pytest
from sqlalchemy import select

from db.models import AuditEvent, SpotCheckReview
from tests.helpers.spotcheck_builders import DAY, build_spotcheck_org
from tests.helpers.tamper import tamper
from workstation import cli
from workstation.identity import Identity
from workstation.spotcheck import plans, queue, review_audit, reviews
from workstation.spotcheck.ledger import export_ledger, list_ledger
from workstation.spotcheck.types import (
    MANUAL_CHECK_ITEMS,
    CheckAnswer,
    CheckItem,
    DrawSpec,
    LedgerExport,
    LedgerFilter,
    ReviewInput,
    Verdict,
)
from workstation.spotcheck.verify import verify_plan

pytestmark = pytest.mark.clock

NOW = datetime(2026, 11, 22, 9, 0)
FAILED = ReviewInput(
    dict.fromkeys(MANUAL_CHECK_ITEMS, CheckAnswer.YES) | {CheckItem.ANNOUNCED: CheckAnswer.NO},
    Verdict.FAIL,
    "未告知录音录像",
    "加强规范用语培训",
    played_intervals=((0, 30_000),),
)
PERIOD = LedgerFilter(date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture
def failed(archive):
    """checker1's 不合格 review of one DD01 item, and the plan it belongs to: (review id, plan id)."""
    build_spotcheck_org(archive, {"DD01": [3]})
    plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY, "DD01", 100), Identity.user("admin"), now=NOW)
    item = queue.claim(archive.sessions, Identity.user("checker1"), now=NOW)
    row = reviews.submit_review(archive.sessions, Identity.user("checker1"), item.id, FAILED, now=NOW)
    return row.review_id, row.plan_id


def _mismatches(archive, review_id):
    with archive.sessions.read() as session:
        return review_audit.mismatches(session, [review_id])


def test_an_untouched_review_agrees_with_its_audit_row(archive, failed):
    review_id, plan_id = failed
    assert _mismatches(archive, review_id) == {}
    with archive.sessions.read() as session:
        assert verify_plan(session, Identity.user("admin"), plan_id).ok
        details = json.loads(
            session.execute(select(AuditEvent.details).where(AuditEvent.action == "spotcheck.review")).scalar_one()
        )
    assert details["problem"] == "未告知录音录像" and details["reviewer"] == "checker1"
    assert details["reviewed_at"] == NOW.isoformat() and details["played_intervals"] == [[0, 30000]]
    assert details["verdict"] == "fail" and details["answers"]["announced"] == "no" and details["review"] == review_id


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            "UPDATE spotcheck_reviews SET verdict = 'pass', problem = '', rectification = ''",
            "结论为 合格，审计日志记录为 不合格",
        ),
        ("UPDATE spotcheck_answers SET answer = 'yes' WHERE item_code = 'announced'", "检查项为"),
        (
            "UPDATE spotcheck_reviews SET coverage_bp = 10000, played_ms = 60000",
            "回放覆盖率为 10000，审计日志记录为 5000",
        ),
        ("UPDATE spotcheck_reviews SET rectification = '无'", "整改要求为 “无”，审计日志记录为 “加强规范用语培训”"),
        (
            "UPDATE spotcheck_reviews SET reviewer_id = (SELECT id FROM users WHERE login = 'checker2')",
            "检查人为 checker2",
        ),
        ("UPDATE spotcheck_reviews SET reviewed_at = '2026-11-21 09:00:00'", "检查时间为 2026-11-21T09:00:00"),
        ("DELETE FROM audit_events WHERE action = 'spotcheck.review'", review_audit.NO_RECORD),
        (
            "UPDATE audit_events SET details = replace(details, 'fail', 'pass') WHERE action = 'spotcheck.review'",
            review_audit.NO_RECORD,
        ),  # an audit row edited to agree is not authentic: it vouches for nothing
    ],
    ids=["verdict", "answer", "coverage", "rectification", "reviewer", "time", "no-audit-row", "forged-audit-row"],
)
def test_an_edited_review_is_named_by_verify_and_marked_in_the_ledger(archive, failed, edit, expected):
    review_id, plan_id = failed
    tamper(archive, edit)

    assert expected in _mismatches(archive, review_id)[review_id]
    with archive.sessions.read() as session:
        verification = verify_plan(session, Identity.user("admin"), plan_id)
        [row] = list_ledger(session, Identity.user("head"), PERIOD)
    assert not verification.ok
    assert any(
        problem.startswith(f"检查记录 {review_id}（") and expected in problem for problem in verification.problems
    )
    assert expected in row.audit_mismatch


def test_the_export_marks_a_line_that_differs_and_counts_it(archive, failed, tmp_path):
    review_id, _ = failed
    tamper(archive, "UPDATE spotcheck_reviews SET verdict = 'pass'")
    path = tmp_path / "台帐.xlsx"

    written = export_ledger(archive.sessions, Identity.user("head"), PERIOD, path, now=NOW + timedelta(hours=1))

    assert written == LedgerExport(1, 1, (review_id,))
    book = openpyxl.load_workbook(path)
    for sheet, remark_cell, note_cell in ((book["检查台帐"], "K3", "A5"), (book["检查明细"], "Z3", "B5")):
        remark = sheet[remark_cell]
        assert remark.value.startswith(f"与审计日志不符（检查记录 {review_id}）：结论为 合格")
        assert remark.font.color.rgb.endswith("C00000")
        assert sheet.oddHeader.left.text == "其中 1 条检查记录与审计日志不符（见备注），不能作为有效检查记录"
        assert sheet[note_cell].value.startswith("注意：其中 1 条检查记录与审计日志不符")


@pytest.mark.parametrize("database_kind", ["sqlite"])  # the command line opens the embedded archive by folder
def test_the_command_line_export_of_a_ledger_that_differs_exits_1(archive, failed, tmp_path, capsys):
    review_id, plan_id = failed
    tamper(archive, "UPDATE spotcheck_reviews SET verdict = 'pass'")
    folder = str(archive.media_root.parent)
    out = tmp_path / "台帐.xlsx"

    assert (
        cli.main(
            ["--archive", folder, "ledger", "export", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out)]
        )
        == 1
    )
    assert f"（检查记录 {review_id}）与审计日志不符" in capsys.readouterr().err and out.exists()
    assert cli.main(["--archive", folder, "spotcheck", "verify", str(plan_id)]) == 1
    assert f"检查记录 {review_id}（" in capsys.readouterr().out
    with archive.sessions.read() as session:
        assert session.get_one(SpotCheckReview, review_id).verdict == "pass"  # the checks only read
