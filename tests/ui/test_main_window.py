"""The first window: newest footage of a real archive, loaded off the GUI thread, in Chinese."""

from datetime import datetime

from PySide6.QtCore import Qt

from tests.builders import build_org, recorder_dump
from ui.main_window import MainWindow
from workstation.ingest import ingest


def test_main_window_lists_the_newest_clips_in_chinese(qtbot, qtmodeltester, archive, tmp_path):
    build_org(archive)
    recorder_dump(tmp_path / "rec", "DEV0001", "010203", datetime(2026, 11, 21, 8, 30), clips=3)
    ingest(archive, [tmp_path / "rec"])
    window = MainWindow(archive, "测试档案库")
    qtbot.addWidget(window)
    window.show()

    window.load()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=5000)

    qtmodeltester.check(window.model)
    model = window.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["录制时间", "时长", "单位"]
    assert model.index(0, 0).data() == "2026-11-21 08:32:00"
    assert model.index(0, 2).data() == "城东大队" and model.index(0, 6).data() == "视频"
    assert window.status.text() == "档案库共 4 个文件，显示最新 4 个"
    assert window.windowTitle() == "执法记录仪视音频回放审查工作站"
    window.grab().save(str(tmp_path / "main_window.png"))


def test_an_unreadable_archive_shows_a_message_not_a_traceback(qtbot, archive):
    window = MainWindow(archive, "x")
    qtbot.addWidget(window)
    archive.engine.dispose()
    window._archive = None  # a broken archive object: the fetch fails on the worker thread

    window.load()
    qtbot.waitUntil(lambda: window.status.text().startswith("无法读取档案库"), timeout=5000)
