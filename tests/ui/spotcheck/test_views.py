"""The spot-check page, the checklist and the ledger view, in Chinese, on a copy of the demo archive.

The story of a day's spot check: the administrator draws yesterday's plans, a brigade reviewer claims an
item, skims it and is refused 合格, plays it through and passes it; the ledger shows the checks and
exports them. Screenshots go to tmp_path, or to $WORKSTATION_SCREENSHOTS (docs/screenshots for the README).
"""

import os
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from db.models import SpotCheckReview
from tests.helpers.clients import client_for
from tests.helpers.spotcheck_builders import demo_copy, demo_last_day
from ui.spotcheck.ledger_view import LedgerView
from ui.spotcheck.review_checklist import ReviewChecklist
from ui.spotcheck.view import SpotCheckView
from workstation import clock
from workstation.errors import ReviewIncomplete
from workstation.identity import Identity
from workstation.spotcheck import queue
from workstation.spotcheck import reviews as spotcheck_reviews
from workstation.spotcheck.types import MANUAL_CHECK_ITEMS, CheckAnswer, CheckItem, ReviewInput, Verdict

pytestmark = pytest.mark.clock  # run at several clock times and time zones (tools/clock_matrix.sh)

TIMEOUT = 15_000
ALL_YES = dict.fromkeys(MANUAL_CHECK_ITEMS, CheckAnswer.YES)


@pytest.fixture
def demo(tmp_path):
    archive = demo_copy(tmp_path / "demo")
    yield archive
    archive.close()


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("WORKSTATION_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _loaded(qtbot, view, resize=(1500, 700)):
    qtbot.addWidget(view)
    view.resize(*resize)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        view.load()
    return view


def test_draw_claim_review_and_overview(qtbot, qtmodeltester, demo, shots, operations):
    opened_on = clock.now().date()
    admin = _loaded(qtbot, SpotCheckView(client_for(demo, "admin"), operations))
    assert admin.tabs.tabText(0) == "待查队列" and admin.draw_button.text() == "抽取"
    assert admin.unit_box.currentText() == "临江市消防救援支队（ZD01）"
    assert admin.day() in {opened_on - timedelta(days=1), clock.now().date() - timedelta(days=1)}  # yesterday
    if admin.day() != demo_last_day():  # the run passed midnight since the demo was built
        with qtbot.waitSignal(admin.loaded, timeout=TIMEOUT):
            admin.day_edit.setDate(demo_last_day())
    admin.ratio_spin.setValue(30)
    with qtbot.waitSignal(admin.plans_drawn, timeout=TIMEOUT) as drawn:
        qtbot.mouseClick(admin.draw_button, Qt.MouseButton.LeftButton)
    assert [o.unit_code for o in drawn.args[0]] == ["DD01", "DD02", "DD03"]
    assert admin.plan_model.rowCount() == 3 and admin.sample_model.rowCount() > 0
    assert admin.status.text().startswith("已抽取 3 个方案")
    assert admin.plan_model.index(0, 3).data() == "30.0%" and admin.plan_model.index(0, 11).data() == "有效"
    for model in (admin.plan_model, admin.sample_model, admin.queue_model, admin.progress_model):
        qtmodeltester.check(model)
    admin.tabs.setCurrentIndex(1)
    admin.plan_table.selectRow(0)
    assert admin.sample_model.rowCount() > 0 and admin.sample_model.row(0).unit_code == "DD01"
    admin.grab().save(str(shots / "spotcheck_plans.png"))

    reviewer = _loaded(qtbot, SpotCheckView(client_for(demo, "reviewer"), operations))
    assert reviewer.unit_box.count() == 1  # a brigade reviewer works on DD01 only
    queued = reviewer.queue_model.rowCount()
    assert queued == admin.plan_model.row(0).sample_count
    assert {reviewer.queue_model.row(n).unit_code for n in range(queued)} == {"DD01"}
    checklist = ReviewChecklist(client_for(demo, "reviewer"), operations)
    qtbot.addWidget(checklist)
    checklist.resize(620, 640)
    checklist.show()
    assert not checklist.isEnabled() and checklist.clip_label.text() == "请在待查队列中领取一项后进行检查。"
    reviewer.review_requested.connect(checklist.set_item)
    with qtbot.waitSignal(reviewer.review_requested, timeout=TIMEOUT) as claimed:
        qtbot.mouseClick(reviewer.claim_next_button, Qt.MouseButton.LeftButton)
    item = claimed.args[0]
    assert reviewer.queue_model.rowCount() == queued and reviewer.queue_model.row(0).claimed_by is not None
    assert reviewer.queue_model.index(0, 8).data() == "reviewer"
    assert reviewer.status.text().startswith(f"您已领取 {item.original_name}")
    reviewer.grab().save(str(shots / "spotcheck.png"))

    assert checklist.automatic_labels[CheckItem.FILE_INTACT].text() != ""
    assert checklist.automatic_labels[CheckItem.UPLOADED_24H].text() == "是（系统判定）"
    checklist.set_playback([(0, item.duration_ms // 2)], 2.0)
    assert checklist.coverage_label.text() == "已回放 50.0%（判定合格需达到 90.0%），最高倍速 2×"
    checklist.set_answers(ALL_YES, Verdict.PASS)
    with qtbot.waitSignal(checklist.refused, timeout=TIMEOUT) as refused:
        qtbot.mouseClick(checklist.submit_button, Qt.MouseButton.LeftButton)
    assert refused.args[0].startswith("回放覆盖率为 50%，低于判定“合格”所需的 90%")
    assert checklist.message.text() == refused.args[0]
    checklist.grab().save(str(shots / "spotcheck_checklist.png"))
    checklist.set_playback([(0, item.duration_ms // 2), (item.duration_ms // 3, item.duration_ms)], 2.0)
    with qtbot.waitSignal(checklist.submitted, timeout=TIMEOUT) as submitted:
        qtbot.mouseClick(checklist.submit_button, Qt.MouseButton.LeftButton)
    assert submitted.args[0].coverage_bp == 10_000 and submitted.args[0].verdict is Verdict.PASS
    assert checklist.message.text() == "检查结果已记入台帐：合格。"

    with qtbot.waitSignal(admin.loaded, timeout=TIMEOUT):
        admin.refresh()
    admin.tabs.setCurrentIndex(2)
    progress = [admin.progress_model.row(n) for n in range(admin.progress_model.rowCount())]
    assert len(progress) == 6 and sum(row.reviewed for row in progress) == 1
    assert admin.progress_label.text().startswith("当天有录像的 6 名执法人员中")
    admin.grab().save(str(shots / "spotcheck_progress.png"))


def _review_everything(archive):
    """Review what the plans drew, as the detachment's inspection staff, with a mix of verdicts."""
    played = ((0, 10**7),)
    reviews = [
        ReviewInput(ALL_YES, Verdict.PASS, played_intervals=played, top_speed=2.0),
        ReviewInput(
            ALL_YES | {CheckItem.ANNOUNCED: CheckAnswer.NO}, Verdict.FAIL, "未告知录音录像", "加强规范用语培训", played
        ),
        ReviewInput(ALL_YES, Verdict.MOSTLY, "画面偶有抖动", played_intervals=played),
        ReviewInput(ALL_YES | {CheckItem.ID_SHOWN: CheckAnswer.NOT_APPLICABLE}, Verdict.PASS, played_intervals=played),
    ]
    damaged = ReviewInput(ALL_YES, Verdict.FAIL, "录像中途中断，文件不完整", "检查记录仪电池，按时充电", played)
    number = 0
    while (item := queue.claim(archive.sessions, Identity.user("inspection"))) is not None:
        try:
            spotcheck_reviews.submit_review(
                archive.sessions, Identity.user("inspection"), item.id, reviews[number % len(reviews)]
            )
        except ReviewIncomplete:  # 合格 refused: the demo's clip cut short by a flat battery
            spotcheck_reviews.submit_review(archive.sessions, Identity.user("inspection"), item.id, damaged)
        number += 1
    return number


def test_the_ledger_view_filters_and_exports(qtbot, qtmodeltester, demo, shots, tmp_path, operations):
    with demo.sessions.read() as session:
        demo_reviews = session.execute(select(func.count()).select_from(SpotCheckReview)).scalar_one()
    assert demo_reviews >= 3, "the demo archive comes with a day already spot-checked"
    spotcheck = SpotCheckView(client_for(demo, "admin"), operations)
    qtbot.addWidget(spotcheck)
    spotcheck.day_edit.setDate(demo_last_day())
    spotcheck.ratio_spin.setValue(40)
    with qtbot.waitSignal(spotcheck.plans_drawn, timeout=TIMEOUT):
        spotcheck.draw()
    first_day = clock.now().date()
    checked = _review_everything(demo)
    assert checked >= 6

    ledger = _loaded(qtbot, LedgerView(client_for(demo, "approver"), operations), resize=(1600, 600))
    ledger.set_period(demo_last_day(), clock.now().date())  # the demo's reviews were yesterday, maybe last month
    with qtbot.waitSignal(ledger.loaded, timeout=TIMEOUT):
        ledger.search()
    assert ledger.model.rowCount() == checked + demo_reviews
    qtmodeltester.check(ledger.model)
    headers = [ledger.model.headerData(c, Qt.Orientation.Horizontal) for c in range(ledger.model.columnCount())]
    assert headers[:3] == ["检查时间", "单位", "执法人员"] and headers[9:12] == ["结论", "存在问题", "整改要求"]
    assert headers[12:15] == ["规范告知", "出示证件", "全程连续无中断"] and headers[-1] == "文件完整"
    last = ledger.model.rowCount() - 1
    assert ledger.model.index(last, 9).data() in ("合格", "基本合格", "不合格")
    assert ledger.model.index(last, 9).data(Qt.ItemDataRole.ForegroundRole) is not None
    ledger.table.setFocus()
    ledger.grab().save(str(shots / "ledger.png"))

    ledger.verdict_box.setCurrentIndex(ledger.verdict_box.findText("不合格"))
    with qtbot.waitSignal(ledger.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(ledger.search_button, Qt.MouseButton.LeftButton)
    assert {ledger.model.index(r, 9).data() for r in range(ledger.model.rowCount())} == {"不合格"}

    ledger.set_period(date(2020, 1, 1), date(2020, 1, 31))
    with qtbot.waitSignal(ledger.loaded, timeout=TIMEOUT):
        ledger.search()
    assert ledger.model.rowCount() == 0

    ledger.set_period(first_day, clock.now().date())
    with qtbot.waitSignal(ledger.exported, timeout=TIMEOUT) as exported:
        ledger.export(tmp_path / "台帐.xlsx")
    assert exported.args == [checked]  # the export takes every verdict; the table filter is for reading
    book = openpyxl.load_workbook(tmp_path / "台帐.xlsx")
    assert book.sheetnames == ["检查台帐", "检查明细", "统计", "抽样记录"]
    assert book["检查台帐"]["A1"].value.startswith("临江市消防救援支队")
    assert book["检查台帐"].max_row >= checked + 2
