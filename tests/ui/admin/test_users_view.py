"""Accounts in the GUI: a reset password must be replaced before the window opens, the administrators'
user accounts tab (解锁, 重置密码) and changing one's own password — offscreen with pytest-qt, in Chinese."""

import pytest
from PySide6.QtCore import QSettings

from tests.helpers.builders import ADMIN_PASSWORD, add_user, build_org
from tests.helpers.clients import client_for
from tests.ui.shell.test_main_window import start_sign_in
from ui.admin.users_view import UsersView
from ui.common import prefs
from ui.shell.main_window import MainWindow
from workstation.client.links import EmbeddedLink
from workstation.errors import AuthenticationFailed
from workstation.identity import Identity
from workstation.org import user_admin, users
from workstation.types import Role


@pytest.fixture
def org(archive):
    build_org(archive)
    add_user(archive, "officer_dd01", Role.OFFICER, "DD01")
    return archive


def _fill(dialog, new, repeat=None) -> None:
    dialog.new.setText(new)
    dialog.repeat.setText(repeat if repeat is not None else new)
    dialog.submit()


def test_after_a_reset_the_user_sets_a_new_password_before_signing_in(qtbot, org, threaded_operations):
    user_admin.reset_password(org.sessions, Identity.user("admin"), "alice", "temporary-1")
    dialog = start_sign_in(qtbot, org, threaded_operations, "alice", "temporary-1")
    qtbot.waitUntil(lambda: getattr(dialog, "change_dialog", None) is not None, timeout=5000)
    change = dialog.change_dialog
    assert dialog.user is None and change.windowTitle() == "设置新密码"
    _fill(change, "my-own-secret", "my-own-secreT")
    assert change.message.text() == "两次输入的密码不一致。"
    _fill(change, "short")
    qtbot.waitUntil(lambda: change.message.text() != "", timeout=5000)
    assert change.message.text() == "密码至少需要 8 位。" and dialog.user is None
    _fill(change, "my-own-secret")
    qtbot.waitUntil(lambda: dialog.user is not None, timeout=5000)
    assert dialog.user.login == "alice" and not dialog.user.must_change_password
    with pytest.raises(AuthenticationFailed):
        users.sign_in(org.sessions, "alice", "temporary-1")
    assert not users.sign_in(org.sessions, "alice", "my-own-secret").must_change_password


def test_without_a_new_password_there_is_no_sign_in(qtbot, org, operations):
    user_admin.reset_password(org.sessions, Identity.user("admin"), "alice", "temporary-1")
    dialog = start_sign_in(qtbot, org, operations, "alice", "temporary-1")
    dialog.change_dialog.reject()
    assert dialog.user is None and dialog.message.text() == "设置新密码后才能登录。"
    assert users.sign_in(org.sessions, "alice", "temporary-1").must_change_password


def _loaded_view(qtbot, archive, actor, operations) -> UsersView:
    view = UsersView(client_for(archive, actor), operations)
    qtbot.addWidget(view)
    view.load()
    return view


def test_an_administrator_unlocks_and_resets_from_the_user_accounts_tab(qtbot, qtmodeltester, org, operations):
    for _ in range(users.MAX_FAILED_SIGN_INS):
        with pytest.raises(AuthenticationFailed):
            users.sign_in(org.sessions, "bob", "wrong-password")
    view = _loaded_view(qtbot, org, "admin", operations)
    qtmodeltester.check(view.model)
    assert [row.login for row in view.model.rows] == [
        "officer_dd01",
        "admin",
        "alice",
        "bob",
        "reviewer",
    ]  # by unit code
    view.select_login("bob")
    assert view.model.data(view.model.index(3, 4)).startswith("锁定至 ")
    assert view.unlock_button.isEnabled() and view.reset_button.isEnabled()
    view.unlock_button.click()
    assert view.message.text() == "已解除 bob 的锁定。"
    assert view.model.data(view.model.index(3, 4)) == "正常"
    assert not view.unlock_button.isEnabled()
    view.select_login("officer_dd01")
    reset = view.reset_selected()
    assert reset is not None and reset.windowTitle() == "重置 officer_dd01 的密码"
    _fill(reset, "temporary-1")
    assert "须修改密码" in view.model.data(view.model.index(0, 4))
    assert users.sign_in(org.sessions, "officer_dd01", "temporary-1").must_change_password
    view.select_login("admin")
    assert not view.reset_button.isEnabled()  # one's own password is changed, not reset


def test_the_user_accounts_tab_is_for_administrators_only(qtbot, org, tmp_path, operations):
    preferences = prefs.Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    for login, has_tab in (("admin", True), ("alice", False)):
        user = users.sign_in(org.sessions, login, ADMIN_PASSWORD)
        link = EmbeddedLink(org, tmp_path)
        window = MainWindow(link.client(user), link, user, "测试", preferences, operations)
        qtbot.addWidget(window)
        tabs = [window.admin_tabs.tabText(index) for index in range(window.admin_tabs.count())]
        assert ("用户账户" in tabs) is has_tab
        window.close()


def test_changing_ones_own_password_from_the_settings_menu(qtbot, org, tmp_path, operations):
    preferences = prefs.Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    user = users.sign_in(org.sessions, "alice", ADMIN_PASSWORD)
    link = EmbeddedLink(org, tmp_path)
    window = MainWindow(link.client(user), link, user, "测试", preferences, operations)
    qtbot.addWidget(window)
    dialog = window.open_change_password()
    dialog.current.setText("not-my-password")
    _fill(dialog, "my-new-secret")
    assert dialog.message.text() == "原密码错误。"
    dialog.current.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _fill(dialog, "my-new-secret")
    assert users.sign_in(org.sessions, "alice", "my-new-secret").login == "alice"
    window.close()
