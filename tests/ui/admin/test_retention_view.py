"""The 保存期限 page, destruction in the approvals inbox and a clip's retention in the browser, in Chinese,
against a real archive (SQLite and PostgreSQL) through the LocalClient.

The story: three clips of 城东大队 recorded in May 2024 are past their two years (消防救援); one recorded in
December 2024 expires within 30 days. 法制 places a legal hold on one expired clip; the administrator lists
the other expired clips for destruction from the queue; the 一支队 head approves it in the approvals inbox;
the administrator executes it with the progress dialog (its media files are really removed) and exports
the forms.
"""

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import openpyxl
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from db.models import AuditEvent, Clip, DestructionRequest, Officer, RetentionRule, Tombstone, Unit
from tests.helpers.access_builders import AccessOrg, add_clip, add_users, build_access_org
from tests.helpers.clients import client_for
from ui.admin.retention_view import RetentionView
from ui.approvals.view import ApprovalsView
from ui.archive.case_link_dialog import CaseLinkDialog
from ui.archive.view import ArchiveView
from workstation import clock
from workstation.archive import Archive
from workstation.footage.types import CaseKind
from workstation.retention import assignment
from workstation.retention.policy import add_months
from workstation.retention.types import DestructionSpec, DestructionStatus, Profile, QueueStatus
from workstation.types import Role

pytestmark = pytest.mark.clock  # run at several clock times and time zones (tools/clock_matrix.sh)

OLD = datetime(2024, 5, 1, 9, 0)  # kept two years: expired since 2026-05-01
SOON_DAYS = 10
"""The expiring clip is recorded two years before a day this many days after the test's clock (which the clock
matrix moves between 2026-11-22 and 2026-12-31): due within 30 days, whatever the clock."""
STAFF = (("legal", Role.LEGAL, "ZD"), ("head", Role.APPROVER, "ZD01"))


@dataclass(frozen=True)
class Story:
    org: AccessOrg
    expired: list[int]
    expiring: int
    expiring_on: date


@pytest.fixture
def story(archive: Archive) -> Story:
    org = build_access_org(archive)
    add_users(archive, STAFF)
    with archive.sessions.write() as session:
        unit, officer = session.get_one(Unit, org.units["DD01"]), session.get_one(Officer, org.officers["DD01"])
        expired = [add_clip(session, unit, officer, OLD + timedelta(hours=hour)) for hour in range(3)]
        due = clock.now().date() + timedelta(days=SOON_DAYS)
        soon = datetime.combine(date(due.year - 2, due.month, min(due.day, 28)), time(9))
        expiring = add_clip(session, unit, officer, soon)
        for clip in session.execute(select(Clip).where(Clip.id.in_([*expired, expiring]))).scalars():
            content = f"原始文件 {clip.id}".encode() * 500
            path = archive.absolute_path(clip.media_path)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            clip.sha256, clip.size_bytes = hashlib.sha256(content).hexdigest(), len(content)
        every = list(session.execute(select(Clip.id)).scalars())
        assignment.refresh(session, "admin", every, "test")  # the rows were inserted directly
    return Story(org, expired, expiring, add_months(soon.date(), 24))


def _view(qtbot, archive, login, operations) -> RetentionView:
    view = RetentionView(client_for(archive, login), operations)
    qtbot.addWidget(view)
    view.show()
    view.load()
    return view


def _texts(model, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_a_rule_change_shows_its_dry_run_and_is_saved_only_when_confirmed(qtbot, archive, story, operations):
    view = _view(qtbot, archive, "admin", operations)
    policy = view.policy_tab
    assert policy.profile_box.currentText() == "消防救援"
    assert _texts(policy.class_model, 0) == ["六个月", "两年", "五年", "永久"]
    assert {"全部视音频", "关联投诉", "标记：证据", "场所：公众聚集场所"} <= set(_texts(policy.rule_model, 0))
    clips = 12 + 4  # one per unit and the unassigned one, and the story's four

    def dry_run_of_base_to_six_months():
        policy.select_rule("base")
        policy.class_box.setCurrentIndex(policy.class_box.findData("months_6"))
        qtbot.mouseClick(policy.change_button, Qt.MouseButton.LeftButton)
        assert policy.dry_run_dialog is not None
        return policy.dry_run_dialog

    before = clock.now().date()
    dialog = dry_run_of_base_to_six_months()
    after = clock.now().date()  # the clock matrix starts some runs seconds before midnight
    summary = dialog.summary.text()
    assert "变更的规则：全部视音频 → 六个月" in summary
    assert f"此变更将使 {clips} 个文件提前到期，0 个文件延后到期。" in summary
    assert "立即到期：4 个" in summary  # the 2024 clips: six months are long past for them all
    # clips already past their new date are listed as due today (by the project's clock)
    dates = dialog.dates.toPlainText()
    assert "城东大队" not in dates and any(f"DD01  {day.isoformat()}  4" in dates for day in (before, after))
    assert not dialog.save.isEnabled()  # no reason, no save
    dialog.reject()
    with archive.sessions.read() as session:
        assert session.get_one(RetentionRule, "base").class_code == "years_2"

    dialog = dry_run_of_base_to_six_months()
    dialog.reason.setText("改按公安规定")
    with qtbot.waitSignal(policy.changed, timeout=5000):
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert policy.message.text() == f"变更已保存：{clips} 个文件提前到期，0 个文件延后到期。"
    base = next(row for row in range(policy.rule_model.rowCount()) if policy.rule_model.row_at(row).trigger == "base")
    assert policy.rule_model.index(base, 1).data() == "六个月"
    assert policy.rule_model.index(base, 3).data() == "admin"
    with archive.sessions.read() as session:
        clip = session.get_one(Clip, story.org.clips["DD02"])
        assert (clip.retention_class, str(clip.keep_until)) == ("months_6", "2027-05-21")
        actions = set(session.execute(select(AuditEvent.action)).scalars())
        # one audit row for the change, with its dry run; the clips it rewrote are named by the rule, not each
        assert "retention.policy_change" in actions


def test_switching_the_profile_dry_runs_the_other_organisations_rules(qtbot, archive, story, operations):
    view = _view(qtbot, archive, "admin", operations)
    policy = view.policy_tab
    policy.profile_box.setCurrentIndex(policy.profile_box.findData(Profile.POLICE))
    qtbot.mouseClick(policy.switch_button, Qt.MouseButton.LeftButton)
    dialog = policy.dry_run_dialog
    assert dialog is not None and "全部视音频 → 六个月" in dialog.summary.text()
    dialog.reject()
    assert policy.profile_box.currentText() == "公安"  # chosen, not saved: the box shows the choice only


def test_hold_queue_request_approve_execute_and_export(qtbot, archive, story, operations, tmp_path):
    held, *listed = story.expired
    legal = _view(qtbot, archive, "legal", operations)
    holds = legal.holds_tab
    holds.clips_edit.setText(str(held))
    holds.reason_edit.setText("涉诉：群众投诉待查")
    qtbot.mouseClick(holds.place_button, Qt.MouseButton.LeftButton)
    assert holds.message.text() == "已对 1 个文件实施法律保全 1。"
    assert _texts(holds.model, 1) == ["涉诉：群众投诉待查"] and _texts(holds.model, 3) == ["用户legal"]

    admin = _view(qtbot, archive, "admin", operations)
    queue = admin.expiry_tab
    assert _texts(queue.summary_model, 0) == ["DD01 城东大队"]
    # three past their date, one of them held (expired counts the held one too)
    assert [_texts(queue.summary_model, column)[0] for column in (1, 2, 3, 4)] == ["3", "1", "1", "1"]
    statuses = {row.clip_id: row.status for row in queue.model.rows}
    assert statuses == {
        held: QueueStatus.HELD,
        **dict.fromkeys(listed, QueueStatus.EXPIRED),
        story.expiring: QueueStatus.EXPIRING,
    }
    assert _texts(queue.model, 8) == ["保留：法律保全", "已到期，可销毁", "已到期，可销毁", "即将到期"]
    assert _texts(queue.model, 9)[0] == "法律保全 1：不论保存类别，继续保存。"
    assert _texts(queue.model, 7)[3] == story.expiring_on.isoformat()

    queue.table.selectAll()  # the held and expiring rows are left out of the request
    qtbot.mouseClick(queue.request_button, Qt.MouseButton.LeftButton)
    assert queue.message.text() == "请填写销毁审批表上的筛查情况。"
    queue.reason_edit.setText("经筛查，以下文件保存期满且无延长保存情形")
    with qtbot.waitSignal(queue.requested, timeout=5000) as requested:
        qtbot.mouseClick(queue.request_button, Qt.MouseButton.LeftButton)
    request = requested.args[0]
    assert request.clip_count == 2 and request.unit_code == "ZD01" and request.report_unit_code == "ZD"
    assert queue.message.text() == f"销毁申请 {request.id} 共列 2 个文件，已提交 ZD01 审批。"
    requests_tab = admin.destruction_tab
    assert _texts(requests_tab.model, 7) == ["待审批"]
    assert _texts(requests_tab.model, 8) == ["ZD01 单位负责人（待审批）"]
    requests_tab.select_request(request.id)
    assert not requests_tab.execute_button.isEnabled()  # not approved yet

    approvals = ApprovalsView(client_for(archive, "head"), operations)
    qtbot.addWidget(approvals)
    with qtbot.waitSignal(approvals.inbox_count_changed, timeout=5000) as counted:
        approvals.load()
    assert counted.args == [1] and approvals.destruction_title.text() == "待我审批的销毁申请：1"
    assert not approvals.destruction_approve_button.isEnabled()
    approvals.destruction_table.selectRow(0)
    approvals.comment_edit.setText("同意销毁")
    with qtbot.waitSignal(approvals.loaded, timeout=5000):
        qtbot.mouseClick(approvals.destruction_approve_button, Qt.MouseButton.LeftButton)
    assert approvals.message.text() == f"销毁申请 {request.id}：已批准。"
    assert approvals.destruction_model.rowCount() == 0

    requests_tab.load()
    requests_tab.select_request(request.id)
    assert _texts(requests_tab.model, 8) == ["ZD01 单位负责人（已批准 head）"]
    assert _texts(requests_tab.model, 9)[0].startswith("ZD（")
    requests_tab.batch = 1  # one clip a batch: the dialog loops
    with qtbot.waitSignal(requests_tab.executed, timeout=5000):
        dialog = requests_tab.execute_selected()
    assert dialog is not None and dialog.destroyed_count == 2 and dialog.bar.value() == dialog.bar.maximum() == 2
    assert dialog.message.text() == "已完成。"
    assert dialog.counts.text().startswith("已销毁：2 个（释放 ")
    assert requests_tab.message.text() == "已销毁 2 个文件。"
    assert _texts(requests_tab.model, 7) == ["已执行"] and _texts(requests_tab.model, 10) == ["已销毁 2"]
    with archive.sessions.read() as session:
        for clip in session.execute(select(Clip).where(Clip.id.in_(story.expired))).scalars():
            destroyed = clip.id in listed
            assert (clip.media_status == "destroyed") is destroyed
            assert archive.absolute_path(clip.media_path).exists() is not destroyed
        assert set(session.execute(select(Tombstone.clip_id)).scalars()) == set(listed)

    target = tmp_path / "销毁审批表.xlsx"
    with qtbot.waitSignal(requests_tab.exported, timeout=5000) as exported:
        requests_tab.export_selected(target)
    assert exported.args == [2]
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["销毁审批表", "销毁清单"]


def test_cancelling_an_execution_stops_after_the_batch_in_flight(qtbot, archive, story, threaded_operations):
    request = client_for(archive, "admin").request_destruction(DestructionSpec("期满", clip_ids=tuple(story.expired)))
    client_for(archive, "head").approve_destruction(request.id, "同意")
    view = _view(qtbot, archive, "admin", threaded_operations)
    tab = view.destruction_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    tab.select_request(request.id)
    tab.batch = 1
    dialog = tab.execute_selected()
    assert dialog is not None
    dialog.reject()  # cancel: the first batch is already on its way
    assert dialog.isVisible() and dialog.message.text() == "当前批次完成后停止…"
    with qtbot.waitSignal(dialog.finished_run, timeout=5000) as finished:
        pass
    assert finished.args == [1, False]
    assert dialog.message.text() == "已停止。再次执行该申请即可继续处理其余文件。"
    with archive.sessions.read() as session:
        assert session.get_one(DestructionRequest, request.id).status == DestructionStatus.APPROVED
        assert len(session.execute(select(Tombstone.clip_id)).scalars().all()) == 1
    dialog.reject()  # closes now
    qtbot.waitUntil(lambda: tab.execution_dialog is None, timeout=5000)
    again = tab.execute_selected()
    assert again is not None
    qtbot.waitUntil(lambda: not again.running, timeout=5000)
    assert again.destroyed_count == 2 and again.message.text() == "已完成。"


def test_the_clip_detail_shows_its_retention_and_a_complaint_link_makes_it_permanent(qtbot, archive, story, operations):
    held = story.expired[0]
    client_for(archive, "legal").place_hold([held], "督察调查")
    view = ArchiveView(client_for(archive, "admin"), operations)
    qtbot.addWidget(view)
    view.load()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5000)
    row = next(number for number in range(view.model.rowCount()) if view.model.row_at(number).id == held)
    view.select_row(row)
    text = view.detail.text.toPlainText()
    assert "保存期限" in text and "保存类别\n两年" in text and "2026-05-01" in text
    assert "决定规则" in text and "全部视音频" in text
    assert "法律保全 1" in text and "督察调查" in text

    dialog = CaseLinkDialog(1)
    qtbot.addWidget(dialog)
    kinds = {dialog.kind.itemData(index): dialog.kind.itemText(index) for index in range(dialog.kind.count())}
    assert kinds[CaseKind.COMPLAINT] == "投诉"
    view.link_case([held], "TS2026001", CaseKind.COMPLAINT, "张某", "李某", "群众投诉")
    text = view.detail.text.toPlainText()
    assert "保存类别\n永久" in text and "永久保存" in text and "关联投诉" in text
