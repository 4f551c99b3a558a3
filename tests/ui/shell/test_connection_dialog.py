"""The connection dialog makes an archive-server profile (address and pinned certificate, no password) and
tests it against a real server; the program then opens a server link for it instead of an archive."""

import argparse

import pytest

from tests.helpers.archive_server import running_server
from ui.app import _open
from ui.shell.connection_dialog import SERVER, ConnectionDialog
from workstation.client.links import ServerLink
from workstation.profiles import load_profiles
from workstation.server.tls import self_signed


@pytest.mark.parametrize("database_kind", ["sqlite"])  # the dialog only asks the server whether it answers
def test_an_archive_server_profile_is_tested_saved_and_opened(
    qtbot, archive, database_kind, tmp_path, operations, preferences
):
    dialog = ConnectionDialog(operations)
    qtbot.addWidget(dialog)
    dialog.name.setText("分局档案服务器")
    dialog.kind.setCurrentIndex(dialog.kind.findData(SERVER))
    assert dialog.fields.currentIndex() == 2 and dialog.server_url.isVisibleTo(dialog)
    dialog.server_url.setText("192.0.2.10:8443")
    dialog.test_connection()
    assert dialog.result_label.text() == "请填写服务器地址，以 https:// 开头。"
    with running_server(database_kind, archive, tmp_path) as server:
        dialog.server_url.setText(server.url)
        dialog.pin.setText(str(self_signed(tmp_path / "other").certificate))  # not the server's
        dialog.test_connection()
        assert "证书" in dialog.result_label.text()
        dialog.pin.setText(str(server.pin))
        dialog.test_connection()
        assert dialog.result_label.text() == "连接成功。"
        dialog.save_and_use()
    assert dialog.chosen == "分局档案服务器"
    saved = load_profiles()["分局档案服务器"]
    assert (saved.kind, saved.server, saved.pin, saved.media_root) == ("server", server.url, str(server.pin), "")
    args = argparse.Namespace(profile="分局档案服务器", archive=None, server=None, pin=None, command=None)
    opened = _open(args, preferences, operations)
    assert opened is not None
    link, location = opened
    assert isinstance(link, ServerLink) and location == f"分局档案服务器 ({server.url})"
    assert link.connection.url == server.url and link.connection.pin == server.pin
    link.close()
