"""Which archive the GUI opens when none is named: the last profile, else the only one, else the local one."""

import pytest
from PySide6.QtCore import QSettings

from ui.app import _remembered_profile
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
