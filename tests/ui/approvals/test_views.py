"""The request dialog, the approvals inbox and the audit viewer, in Chinese, against a real archive.

The story of 调阅审批: a brigade reviewer asks for a neighbouring brigade's clip, the detachment head
approves it in their own session, the reviewer plays it (the player's register call), and inspection
staff find the register entry and export it.
"""

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from tests.helpers.access_builders import add_users, build_access_org
from tests.helpers.clients import client_for
from ui.admin.audit_view import AuditView
from ui.approvals.request_dialog import AccessRequestDialog
from ui.approvals.view import ApprovalsView
from workstation.access import register as access_register
from workstation.access.types import RequestStatus
from workstation.audit import chain_head
from workstation.identity import Identity
from workstation.types import Role

STAFF = (
    ("reviewer", Role.REVIEWER, "DD01"),
    ("head", Role.APPROVER, "ZD01"),
    ("inspector", Role.INSPECTION, "ZD01"),
)

pytestmark = pytest.mark.clock  # run at several clock times and time zones (tools/clock_matrix.sh)
TIMEOUT = 10_000


@pytest.fixture
def org(archive):
    built = build_access_org(archive)
    add_users(archive, STAFF)
    return built


def _request(qtbot, archive, operations, clip_id: int, screenshot: Path):
    """The reviewer fills in and submits the request form; returns the filed request."""
    dialog = AccessRequestDialog(client_for(archive, "reviewer"), operations, clip_ids=[clip_id])
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.windowTitle() == "调阅申请" and dialog.clip_edit.text() == str(clip_id)
    dialog.reason_edit.setPlainText("核查群众投诉")
    dialog.grab().save(str(screenshot))
    with qtbot.waitSignal(dialog.submitted, timeout=TIMEOUT) as filed:
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    return filed.args[0]


def test_request_approve_view_and_find_the_register_entry(qtbot, qtmodeltester, archive, org, tmp_path, operations):
    row = _request(qtbot, archive, operations, org.clips["DD02"], tmp_path / "access_request_dialog.png")
    assert row.status is RequestStatus.PENDING and row.steps[0].unit_code == "ZD01"

    approvals = ApprovalsView(client_for(archive, "head"), operations)  # the detachment head's session
    qtbot.addWidget(approvals)
    approvals.show()
    with qtbot.waitSignal(approvals.inbox_count_changed, timeout=TIMEOUT) as counted:
        approvals.load()
    assert approvals.inbox_model.rowCount() == 1
    assert counted.args == [1] and approvals.inbox_title.text() == "待我审批：1"
    qtmodeltester.check(approvals.inbox_model)
    model = approvals.inbox_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:6] == ["编号", "提交时间", "申请人", "申请人单位", "调阅资料", "事由"]
    assert model.index(0, 4).data() == "按文件：共 1 个文件"
    assert model.index(0, 8).data() == "待审批" and model.index(0, 9).data() == "一支队 单位负责人（待审批）"
    assert not approvals.approve_button.isEnabled()
    approvals.inbox_table.selectRow(0)
    approvals.comment_edit.setText("同意调阅")
    with qtbot.waitSignal(approvals.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(approvals.approve_button, Qt.MouseButton.LeftButton)
    assert approvals.inbox_model.rowCount() == 0
    assert approvals.message.text() == f"调阅申请 {row.id}：已批准。"
    assert approvals.requests_model.index(0, 8).data() == "已批准"
    assert approvals.requests_model.index(0, 10).data() != ""
    qtmodeltester.check(approvals.requests_model)
    approvals.resize(1200, 500)
    approvals.grab().save(str(tmp_path / "approvals_view.png"))

    viewing = access_register.start_viewing(
        archive.sessions, Identity.user("reviewer"), org.clips["DD02"]
    )  # what the player calls
    access_register.finish_viewing(archive.sessions, Identity.user("reviewer"), viewing.entry_id, played_ms=95_000)

    audit = AuditView(client_for(archive, "inspector"), operations)
    qtbot.addWidget(audit)
    audit.show()
    with qtbot.waitSignal(audit.loaded, timeout=TIMEOUT):
        audit.load()
    register = audit.register_model
    assert register.rowCount() == 1
    qtmodeltester.check(register)
    qtmodeltester.check(audit.audit_model)
    assert register.index(0, 1).data() == "用户reviewer (reviewer)"
    assert register.index(0, 4).data() == "播放"
    assert register.index(0, 5).data() == f"调阅审批（申请 {row.id}）"
    assert register.index(0, 6).data() == "核查群众投诉"
    assert register.index(0, 9).data() == "00:01:35"
    assert audit.audit_model.index(0, 3).data() == "播放结束"
    assert audit.action_box.findText("批准调阅申请") > 0

    audit.tabs.setCurrentIndex(1)
    with qtbot.waitSignal(audit.exported, timeout=TIMEOUT) as exported:
        audit.export(tmp_path / "登记.xlsx")
    assert exported.args == [1]
    sheet = openpyxl.load_workbook(tmp_path / "登记.xlsx").active
    assert [cell.value for cell in sheet[1]][:2] == ["登记号", "调阅人"]
    assert sheet["I2"].value == "核查群众投诉" and sheet["G2"].value == "调阅审批"

    with qtbot.waitSignal(audit.verified, timeout=TIMEOUT):
        audit.verify()
    assert audit.verify_label.text().startswith("审计日志完整：已校验")
    with archive.sessions.read() as session:
        head = chain_head(session)  # verify writes no audit row: the head it showed is still the head
    assert audit.verify_label.text().endswith(f"审计链头（请记下，或与签字的纸质台帐一并保存）：{head.printed()}")
    audit.grab().save(str(tmp_path / "audit_view.png"))


def test_the_audit_filters_narrow_both_tabs(qtbot, archive, org, operations):
    for login in ("reviewer", "inspector"):
        viewing = access_register.start_viewing(
            archive.sessions, Identity.user(login), org.clips["DD01"], reason="抽查"
        )
        access_register.finish_viewing(archive.sessions, Identity.user(login), viewing.entry_id, 1000)
    audit = AuditView(client_for(archive, "inspector"), operations)
    qtbot.addWidget(audit)
    with qtbot.waitSignal(audit.loaded, timeout=TIMEOUT):
        audit.load()
    assert audit.register_model.rowCount() == 2
    audit.user_edit.setText("reviewer")
    audit.action_box.setCurrentIndex(audit.action_box.findData("clip.play"))
    with qtbot.waitSignal(audit.loaded, timeout=TIMEOUT):
        qtbot.mouseClick(audit.search_button, Qt.MouseButton.LeftButton)
    assert audit.register_model.rowCount() == 1 and audit.audit_model.rowCount() == 1
    audit.user_edit.clear()
    audit.clip_edit.setText(str(org.clips["DD02"]))
    with qtbot.waitSignal(audit.loaded, timeout=TIMEOUT):
        audit.search()
    assert audit.register_model.rowCount() == 0 and audit.audit_model.rowCount() == 0


def test_users_without_the_audit_duty_see_the_refusal(qtbot, archive, org, threaded_operations):
    audit = AuditView(client_for(archive, "reviewer"), threaded_operations)
    qtbot.addWidget(audit)
    audit.load()
    qtbot.waitUntil(lambda: audit.status.text() == "您没有此项权限。", timeout=TIMEOUT)
    assert audit.register_model.rowCount() == 0


def test_the_dialog_shows_the_services_refusal_and_stays_open(qtbot, archive, org, operations):
    dialog = AccessRequestDialog(client_for(archive, "reviewer"), operations, clip_ids=[org.clips["DD02"]])
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "请填写调阅事由。"
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    dialog.clip_edit.setText("12, x")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "文件编号应为以逗号分隔的整数。"


def test_an_outside_bodys_request_by_case(qtbot, archive, org, operations):
    from workstation.footage import cases
    from workstation.footage.types import CaseKind

    with archive.sessions.write() as session:
        cases.link_clips(session, Identity.user("admin"), [org.clips["DD02"]], "A2026-7", CaseKind.CASE)
    dialog = AccessRequestDialog(client_for(archive, "reviewer"), operations)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.kind_box.setCurrentIndex(2)
    assert dialog.pages.currentIndex() == 2 and not dialog.document_edit.isEnabled()
    dialog.case_edit.setText("A2026-7")
    dialog.reason_edit.setPlainText("法院调取证据")
    dialog.body_box.setCurrentIndex(2)  # 人民法院
    dialog.document_edit.setText("(2026)调字第3号")
    dialog.download_box.setChecked(True)
    dialog.days_box.setValue(30)
    with qtbot.waitSignal(dialog.submitted, timeout=TIMEOUT) as filed:
        dialog.submit()
    row = filed.args[0]
    assert (row.case_no, row.days, row.with_download, row.document_ref) == ("A2026-7", 30, True, "(2026)调字第3号")
    assert [step.role for step in row.steps] == [Role.LEGAL, Role.APPROVER]


def test_the_approvals_view_opens_the_request_form_and_lists_the_new_request(qtbot, archive, org, operations):
    view = ApprovalsView(client_for(archive, "reviewer"), operations)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        view.load()
    assert view.requests_model.rowCount() == 0
    dialog = view.open_request_dialog()
    dialog.clip_edit.setText(str(org.clips["DD02"]))
    dialog.reason_edit.setPlainText("复核")
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        dialog.submit()
    assert view.requests_model.rowCount() == 1 and view.inbox_model.rowCount() == 0
    assert view.message.text().endswith("已提交。")
    view.requests_table.selectRow(0)
    assert not view.revoke_button.isEnabled()  # pending: nothing to revoke yet
