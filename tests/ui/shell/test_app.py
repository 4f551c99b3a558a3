"""Which archive the GUI opens when none is named: the last profile, else the only one, else the local one."""

import sys

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.app import _remembered_profile, show_unexpected_errors
from ui.common import prefs
from workstation.profiles import Profile, save_profile


@pytest.fixture
def preferences(tmp_path):
    return prefs.Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


def test_no_profile_means_the_local_archive(preferences):
    assert _remembered_profile(preferences) is None


def test_the_only_profile_is_used_and_the_last_one_wins_among_several(preferences, tmp_path):
    save_profile(Profile(name="分局", kind="embedded", folder=str(tmp_path / "a")))
    assert _remembered_profile(preferences) == "分局"
    save_profile(Profile(name="备用", kind="embedded", folder=str(tmp_path / "b")))
    assert _remembered_profile(preferences) is None
    preferences.set(prefs.LAST_PROFILE, "备用")
    assert _remembered_profile(preferences) == "备用"
    preferences.set(prefs.LAST_PROFILE, "已删除")
    assert _remembered_profile(preferences) is None


def test_an_error_no_view_handled_is_shown_and_logged_not_a_traceback(qtbot, isolated_config, monkeypatch):
    """A bug in a slot reaches sys.excepthook: the user sees a message naming the log, the details go there."""
    app = QApplication.instance()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    show_unexpected_errors(app)
    shown: list[str] = []

    def close_the_message() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, close_the_message)

    def buggy_slot() -> None:
        raise ZeroDivisionError("a bug in a view")

    QTimer.singleShot(20, close_the_message)
    QTimer.singleShot(0, buggy_slot)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "ZeroDivisionError" in shown[0] and "errors.log" in shown[0]
    log = (isolated_config / "errors.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError: a bug in a view" in log and "buggy_slot" in log
