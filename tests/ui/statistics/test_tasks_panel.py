"""The 报表任务 panel against a real archive (SQLite and PostgreSQL): the tasks of the administrator's units as
the services list them, a failed delivery (made by the real dispatch into a drop folder that is gone) marked
and explained, a task set up through the dialog, a refusal shown in words, a task removed after asking, and
the panel shown to administrators only."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from tests.helpers.access_builders import PASSWORD, add_users, build_access_org
from tests.helpers.clients import client_for
from tests.helpers.report_tasks import fail_every_attempt
from ui.common import prefs
from ui.shell.main_window import MainWindow
from ui.statistics.tasks_panel import FAILED_BACKGROUND, ReportTasksPanel
from workstation.client.links import EmbeddedLink
from workstation.clock import format_time
from workstation.statistics.types import (
    Frequency,
    ReportFormat,
    ReportKind,
    ReportPeriod,
    ReportTaskSpec,
    Schedule,
)
from workstation.types import Role

REPORT, UNIT, PERIOD, RUNS, SEND_TO, NEXT_RUN, LAST, ERROR = 1, 2, 4, 5, 6, 7, 8, 10


@pytest.fixture
def org(archive):
    build_access_org(archive)
    add_users(archive, [("admin_zd01", Role.ADMIN, "ZD01"), ("reviewer", Role.REVIEWER, "ZD01")])
    return archive


def _mail_task(unit="ZD01"):
    schedule = Schedule(Frequency.MONTHLY, 6, month_day=1)
    return ReportTaskSpec(
        ReportKind.WORKLOAD, unit, ReportFormat.HTML, ReportPeriod.MONTH, schedule, ("leader@zd01.example",)
    )


def _folder_task(folder):
    schedule = Schedule(Frequency.DAILY, 7)
    return ReportTaskSpec(ReportKind.DEVICES, "DD01", ReportFormat.XLSX, ReportPeriod.DAY, schedule, (), str(folder))


def _panel(qtbot, archive, operations) -> ReportTasksPanel:
    panel = ReportTasksPanel(client_for(archive, "admin_zd01"), operations)
    qtbot.addWidget(panel)
    panel.resize(1400, 500)
    panel.show()
    panel.load()
    return panel


def _cells(panel: ReportTasksPanel, row: int) -> list[str]:
    return [panel.model.index(row, column).data() for column in range(panel.model.columnCount())]


def test_the_tasks_are_listed_and_a_failed_delivery_is_marked_and_explained(qtbot, org, operations, tmp_path):
    client = client_for(org, "admin_zd01")
    mailed = client.add_report_task(_mail_task())
    drop = tmp_path / "drop"
    drop.mkdir()
    dropped = client.add_report_task(_folder_task(drop))
    fail_every_attempt(org, dropped)
    panel = _panel(qtbot, org, operations)

    assert panel.model.rowCount() == 2
    first = _cells(panel, 0)
    assert first[REPORT] == "工作量" and first[UNIT] == "ZD01" and first[PERIOD] == "上一个月"
    assert first[RUNS] == "每月 1 日 06:00" and first[SEND_TO] == "leader@zd01.example"
    assert first[NEXT_RUN] == format_time(mailed.next_run_at) and first[LAST] == "尚未运行" and first[ERROR] == ""
    assert panel.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None

    second = _cells(panel, 1)
    assert second[REPORT] == "执法记录仪" and second[RUNS] == "每天 07:00" and second[SEND_TO] == f"文件夹 {drop}"
    assert second[LAST].startswith("已尝试 4 次，未能送达 · ")
    assert second[ERROR].startswith(f"无法将报表写入放置文件夹 {drop}")
    assert panel.model.index(1, ERROR).data(Qt.ItemDataRole.ToolTipRole) == second[ERROR]
    assert panel.model.index(1, 3).data(Qt.ItemDataRole.BackgroundRole).color() == FAILED_BACKGROUND
    assert panel.warning.isVisible() and panel.warning.text().startswith("有 1 个报表未能送达，已停止重试")


def test_a_task_is_set_up_through_the_dialog(qtbot, org, operations):
    panel = _panel(qtbot, org, operations)
    assert panel.model.rowCount() == 0 and not panel.warning.isVisible()
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    dialog = panel.task_dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "新建报表任务"
    assert [dialog.unit_box.itemData(index) for index in range(dialog.unit_box.count())] == [
        "ZD01",
        "DD01",
        "DD02",
        "DJ01",
    ]  # the units in the administrator's charge
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(ReportKind.SPOTCHECK))
    dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("DD02"))
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(ReportFormat.XLSX))
    dialog.period_box.setCurrentIndex(dialog.period_box.findData(ReportPeriod.WEEK))
    dialog.frequency_box.setCurrentIndex(dialog.frequency_box.findData(Frequency.WEEKLY))
    assert dialog.weekday_box.isVisible() and not dialog.month_day_box.isVisible()
    dialog.weekday_box.setCurrentIndex(dialog.weekday_box.findData(3))
    dialog.hour_box.setValue(7)
    assert not dialog.confirm_button.isEnabled() and dialog.summary.text() == "请填写接收报表的电子邮件地址。"
    dialog.mail_edit.setText("leader@dd02.example，duty@dd02.example")

    with qtbot.waitSignal(panel.loaded):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)

    [task] = client_for(org, "admin_zd01").report_tasks()
    schedule = Schedule(Frequency.WEEKLY, 7, weekday=3)
    recipients = ("leader@dd02.example", "duty@dd02.example")
    assert task.spec == ReportTaskSpec(
        ReportKind.SPOTCHECK, "DD02", ReportFormat.XLSX, ReportPeriod.WEEK, schedule, recipients
    )
    assert task.next_run_at.isoweekday() == 3 and task.next_run_at.hour == 7
    assert panel.model.rowCount() == 1 and _cells(panel, 0)[RUNS] == "每周三 07:00"
    assert panel.message.text() == f"已设置报表任务 {task.id}，首次运行时间 {format_time(task.next_run_at)}。"


def test_a_refused_task_is_explained_and_nothing_is_set_up(qtbot, org, operations, tmp_path):
    panel = _panel(qtbot, org, operations)
    panel.open_new_task()
    dialog = panel.task_dialog
    assert dialog is not None
    dialog.folder_button.setChecked(True)
    assert not dialog.mail_edit.isEnabled() and dialog.summary.text() == "请填写放置报表的文件夹。"
    dialog.folder_edit.setText(str(tmp_path / "missing"))
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert panel.message.text().startswith(f"放置文件夹 {tmp_path / 'missing'} 不存在或不是绝对路径")
    assert client_for(org, "admin_zd01").report_tasks() == [] and panel.model.rowCount() == 0


def test_a_task_is_removed_after_asking(qtbot, org, operations):
    task = client_for(org, "admin_zd01").add_report_task(_mail_task("DD01"))
    panel = _panel(qtbot, org, operations)
    assert not panel.remove_button.isEnabled()
    panel.select_task(task.id)
    assert panel.remove_button.isEnabled()

    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    box = panel.confirm_box
    assert box is not None and box.isVisible() and "删除报表任务" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert [row.id for row in client_for(org, "admin_zd01").report_tasks()] == [task.id]

    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    box = panel.confirm_box
    assert box is not None
    with qtbot.waitSignal(panel.loaded):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert client_for(org, "admin_zd01").report_tasks() == [] and panel.model.rowCount() == 0
    assert panel.message.text() == f"已删除报表任务 {task.id}。"


@pytest.mark.parametrize(("login", "manages"), [("admin_zd01", True), ("reviewer", False)])
def test_only_administrators_see_the_panel(qtbot, org, operations, tmp_path, login, manages):
    drop = tmp_path / "drop"
    drop.mkdir()
    fail_every_attempt(org, client_for(org, "admin_zd01").add_report_task(_folder_task(drop)))
    link = EmbeddedLink(org, tmp_path / "thumbs")
    signed_in = link.sign_in(login, PASSWORD)
    preferences = prefs.Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    window = MainWindow(link.client(signed_in), link, signed_in, "测试档案库", preferences, operations)
    qtbot.addWidget(window)
    window.load()
    if not manages:
        assert window.report_tasks_view is None and window.sections["reports"] is window.statistics_view
        return
    tasks = window.report_tasks_view
    assert tasks is not None and tasks.model.rowCount() == 1
    tabs = window.report_tabs
    assert window.sections["reports"] is tabs and tabs.widget(0) is window.statistics_view
    assert tabs.tabText(tabs.indexOf(tasks)) == "报表任务（1 个未送达）"
