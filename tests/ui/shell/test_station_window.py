"""An ingest station's account gets the station's window (issue 12: it may upload and nothing else).

Against the archive opened here and through a real archive server (SQLite and PostgreSQL): the station signs
in, gets one page and the import dialog (no browser, spot check or approvals that would only be refused),
imports a recorder dump through it — over HTTPS a resumable upload the server checks and files — and the
page says what the import did; the footage is in the archive, its recorder emptied with 校验清空.
"""

from datetime import datetime

from sqlalchemy import func, select

from db.models import Clip
from tests.helpers.builders import add_user, recorder_dump
from tests.ui.shell.test_both_archives import TIMEOUT, sign_in
from ui.shell.main_window import MainWindow
from ui.shell.station_window import StationWindow
from ui.shell.windows import signed_in_window
from workstation.types import Role


def test_a_station_account_gets_only_the_import(
    qtbot, archive_link, filled, preferences, threaded_operations, tmp_path
):
    add_user(filled, "station1", Role.STATION, "DD01")
    dialog = sign_in(qtbot, archive_link, threaded_operations, "station1")
    qtbot.waitUntil(lambda: dialog.user is not None, timeout=TIMEOUT)
    window = signed_in_window(archive_link, dialog.user, "测试档案库", preferences, threaded_operations)
    qtbot.addWidget(window)
    assert isinstance(window, StationWindow) and not isinstance(window, MainWindow)
    window.show()
    window.load()
    ingest = window.ingest_dialog
    assert ingest is not None and ingest.isVisible()
    assert window.last_import.text() == "本次登录后尚未导入。"
    with filled.sessions.read() as session:
        before = session.scalar(select(func.count()).select_from(Clip))
    files = recorder_dump(tmp_path / "dock", "DEV0001", "010203", datetime(2026, 11, 22, 9, 0), clips=2, seed=9)
    ingest.add_source(tmp_path / "dock")
    ingest.station_edit.setText("采集站1")
    ingest.clear_source_box.setChecked(True)
    with qtbot.waitSignal(ingest.ingest_finished, timeout=60_000):
        ingest.start()
    assert ingest.report is not None, ingest.error
    with filled.sessions.read() as session:
        assert session.scalar(select(func.count()).select_from(Clip)) == before + 3  # two videos and the recorder's log
    assert not any(path.exists() for path in files)  # verified by the archive, then cleared
    assert window.last_import.text().endswith("：导入 3 个，已归档跳过 0 个，拒收 0 个，失败 0 个。")


def test_everyone_else_gets_the_main_window(qtbot, archive_link, preferences, threaded_operations):
    dialog = sign_in(qtbot, archive_link, threaded_operations, "alice")
    qtbot.waitUntil(lambda: dialog.user is not None, timeout=TIMEOUT)
    window = signed_in_window(archive_link, dialog.user, "测试档案库", preferences, threaded_operations)
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
