"""The 时钟校正 panel of the recorder registry against a real archive (SQLite and PostgreSQL): an administrator
enters two offsets through 登记偏差 (the drift is fitted), corrects a period through 批量校正 (the dialog counts
its clips first) and takes it back through 撤销; each step is audited and the clips' times follow. Someone
else is refused by the services, and the window shows the registry to administrators only."""

from datetime import datetime, timedelta

from PySide6.QtCore import QSettings
from sqlalchemy import select

from db.models import AuditEvent
from tests.helpers.builders import ADMIN_PASSWORD, build_org
from tests.helpers.clients import client_for
from tests.helpers.playback_builders import DAY_START, add_clip
from ui.admin.devices_view import DevicesView
from ui.common import prefs
from ui.common.qt_dates import from_date, from_datetime
from ui.shell.main_window import MainWindow
from workstation.client.links import EmbeddedLink

TRUE = datetime(2026, 11, 20, 9, 0, 0)


def _panel(qtbot, archive, operations, login: str = "admin"):
    view = DevicesView(client_for(archive, login), operations)
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.load()
    view.recorder_tabs.setCurrentWidget(view.clock_panel)
    device = next(row for row in view.model.rows if row.device_no == "DEV0001")
    view.select_device(device.id)
    return view


def _measure(panel, true: datetime, fast_by_s: int, note: str) -> None:
    panel.open_measure()
    dialog = panel.measure_dialog
    dialog.true_time.setDateTime(from_datetime(true))
    dialog.recorder_time.setDateTime(from_datetime(true + timedelta(seconds=fast_by_s)))
    dialog.note.setText(note)
    assert dialog.offset_label.text() == f"{fast_by_s:+d} 秒"
    dialog.accept()


def _actions(archive) -> list[str]:
    with archive.sessions.read() as session:
        rows = session.execute(
            select(AuditEvent.action).where(AuditEvent.action.like("clock.%")).order_by(AuditEvent.seq)
        )
        return list(rows.scalars())


def test_measure_correct_and_revert(qtbot, archive, operations):
    build_org(archive)
    clips = [add_clip(archive, "010203", DAY_START + timedelta(hours=hour)) for hour in (0, 2)]
    view = _panel(qtbot, archive, operations)
    panel = view.clock_panel
    assert panel.fit_label.text().startswith("尚无偏差测量") and not panel.correct_button.isEnabled()

    _measure(panel, TRUE, 7, "画面叠加时间比对")
    _measure(panel, TRUE + timedelta(days=2), 11, "")
    assert panel.fit_label.text().startswith("当前偏差 +")
    assert "漂移 +2.00 秒/天" in panel.fit_label.text() and "依据 2 次测量中的 2 次拟合" in panel.fit_label.text()
    newest = [panel.measurements.index(0, column).data() for column in range(7)]
    assert newest[2:4] == ["+11.0", "管理员登记"] and newest[5] == "admin"

    panel.open_correct()
    dialog = panel.correct_dialog
    dialog.from_edit.setDate(from_date(DAY_START.date()))
    dialog.to_edit.setDate(from_date(DAY_START.date()))
    assert dialog.count_label.text().startswith("将按拟合偏差校正此期间的 2 个文件")
    assert not dialog.ok_button.isEnabled()  # a reason first
    dialog.reason.setText("记录仪偏快")
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    [correction] = panel.corrections.rows
    assert (correction.clips, correction.reason, correction.reverted_at) == (2, "记录仪偏快", None)
    corrected = client_for(archive, "admin").get_clips(clips)
    assert all(row.corrected_start < row.recorded_start for row in corrected)  # the recorder was fast

    assert not panel.revert_button.isEnabled()
    panel.correction_table.selectRow(0)
    panel.open_revert()
    revert = panel.revert_dialog
    assert not revert.ok_button.isEnabled()
    revert.reason.setText("测量有误")
    revert.accept()
    [reverted] = panel.corrections.rows
    assert reverted.revert_reason == "测量有误" and "测量有误" in panel.corrections.index(0, 7).data()
    assert all(row.corrected_start == row.recorded_start for row in client_for(archive, "admin").get_clips(clips))
    assert _actions(archive) == ["clock.measure", "clock.measure", "clock.correct", "clock.revert"]
    assert panel.status.text() == "已保存并记入审计日志。"


def test_a_reviewer_is_refused_and_does_not_see_the_registry(qtbot, archive, operations, tmp_path):
    build_org(archive)
    view = _panel(qtbot, archive, operations, login="alice")  # a spot-check reviewer of the 支队
    panel = view.clock_panel
    assert panel.clock is None and panel.status.text() != ""  # the services refuse; nothing is shown
    assert not panel.measure_button.isEnabled()
    link = EmbeddedLink(archive, tmp_path / "thumbs")
    signed_in = link.sign_in("alice", ADMIN_PASSWORD)
    preferences = prefs.Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    window = MainWindow(link.client(signed_in), link, signed_in, "测试档案库", preferences, operations)
    qtbot.addWidget(window)
    assert window.devices_view is None
    assert _actions(archive) == []


def test_a_slow_recorder_reads_slow(qtbot, archive, operations):
    build_org(archive)
    view = _panel(qtbot, archive, operations)
    panel = view.clock_panel
    _measure(panel, TRUE, -5, "")
    assert (
        panel.fit_label.text().startswith("当前偏差 -5.0 秒（偏慢）") and "未知（仅一次测量）" in panel.fit_label.text()
    )
