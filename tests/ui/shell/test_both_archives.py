"""The window works the same on the embedded archive and through the archive server (issue 12).

Every test runs against the archive opened in this process and against a real `workstation serve` process
in front of the same archive (TLS on loopback, the pinned certificate), on SQLite and PostgreSQL: sign-in
(wrong password, lock-out, a password to change), browsing (first page, filter, thumbnails), playing and
seeking a clip with the real libVLC (through HttpsRangeSource when remote) with the access-register entry
closed with the played time, marking a clip, approving a request, the idle lock, and a lost archive.
"""

import signal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from db.models import AccessRegisterEntry
from tests.helpers.archive_server import running_server
from tests.helpers.builders import ADMIN_PASSWORD, add_user, whole_archive
from tests.helpers.clients import client_for
from ui.archive.model import COLUMNS, ClipRowRole
from ui.shell.main_window import MainWindow
from ui.shell.sign_in_dialog import SignInDialog
from workstation.access import requests
from workstation.access.types import AccessRequestSpec, RequestKind, RequestStatus
from workstation.client.connection import ServerConnection
from workstation.client.links import ServerLink
from workstation.footage import clips
from workstation.footage.types import ClipFilter
from workstation.identity import Identity
from workstation.org import user_admin, users
from workstation.types import Role

TIMEOUT = 10_000


def sign_in(qtbot, link, operations, login="admin", password=ADMIN_PASSWORD) -> SignInDialog:
    dialog = SignInDialog(link, "测试档案库", operations)
    qtbot.addWidget(dialog)
    dialog.login.setText(login)
    dialog.password.setText(password)
    dialog.submit()
    return dialog


def open_window(qtbot, link, preferences, operations, login="admin") -> MainWindow:
    """Signed in through the dialog, the main window on the link's client, its first page shown."""
    dialog = sign_in(qtbot, link, operations, login)
    qtbot.waitUntil(lambda: dialog.user is not None, timeout=TIMEOUT)
    window = MainWindow(link.client(dialog.user), link, dialog.user, "测试档案库", preferences, operations)
    qtbot.addWidget(window)
    window.show()
    window.load()
    qtbot.waitUntil(lambda: window.archive_view.model.rowCount() > 0, timeout=TIMEOUT)
    return window


def test_sign_in_refuses_a_wrong_password_and_locks_out_after_five(qtbot, archive_link, threaded_operations):
    for attempt in range(6):
        dialog = sign_in(qtbot, archive_link, threaded_operations, "alice", "wrong-password")
        qtbot.waitUntil(lambda d=dialog: d.message.text() != "", timeout=TIMEOUT)
        assert dialog.user is None
        expected = "用户名或密码错误。" if attempt < 5 else "账户已被锁定"
        assert expected in dialog.message.text()
    dialog = sign_in(qtbot, archive_link, threaded_operations, "alice", ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=TIMEOUT)
    assert "账户已被锁定" in dialog.message.text() and dialog.user is None  # even with the right one


def test_a_reset_password_is_changed_at_sign_in(qtbot, archive_link, filled, threaded_operations):
    user_admin.reset_password(filled.sessions, Identity.user("admin"), "alice", "temporary-1")
    dialog = sign_in(qtbot, archive_link, threaded_operations, "alice", "temporary-1")
    qtbot.waitUntil(lambda: getattr(dialog, "change_dialog", None) is not None, timeout=TIMEOUT)
    change = dialog.change_dialog
    change.new.setText("my-own-secret")
    change.repeat.setText("my-own-secret")
    change.submit()
    qtbot.waitUntil(lambda: dialog.user is not None, timeout=TIMEOUT)
    assert dialog.user.login == "alice" and not dialog.user.must_change_password
    assert not users.sign_in(filled.sessions, "alice", "my-own-secret").must_change_password


def test_browse_filter_and_thumbnails(qtbot, archive_link, preferences, threaded_operations):
    window = open_window(qtbot, archive_link, preferences, threaded_operations)
    model = window.archive_view.model
    qtbot.waitUntil(lambda: model.rowCount() == 7, timeout=TIMEOUT)
    assert model.data(model.index(0, 0)) == "2026-11-21 08:32:00"
    assert window.archive_view.count.text() == "共 7 个文件"
    video = next(row for row in range(7) if model.data(model.index(row, 6)) == "视频")
    qtbot.waitUntil(
        lambda: model.data(model.index(video, 0), Qt.ItemDataRole.DecorationRole) is not None, timeout=TIMEOUT
    )
    window.archive_view.filters.apply(ClipFilter(badge_no="010204"))
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=TIMEOUT)
    assert {model.row_at(row).badge_no for row in range(3)} == {"010204"}


def test_play_and_seek_a_clip_and_the_register_keeps_the_played_time(
    qtbot, archive_link, filled, preferences, threaded_operations
):
    window = open_window(qtbot, archive_link, preferences, threaded_operations)
    model = window.archive_view.model
    video = next(row for row in range(model.rowCount()) if model.data(model.index(row, 6)) == "视频")
    player = window.open_clip(model.data(model.index(video, 0), ClipRowRole).id)
    engine = player.player.engine
    qtbot.waitUntil(lambda: engine.state.name in ("PAUSED", "PLAYING"), timeout=TIMEOUT)
    engine.play()
    qtbot.waitUntil(lambda: sum(end - start for start, end in engine.played_spans) > 500, timeout=TIMEOUT)
    player.player.seek(1_500)
    qtbot.waitUntil(lambda: abs(engine.position_ms - 1_500) < 1_000, timeout=TIMEOUT)
    player.close()
    qtbot.waitUntil(lambda: not player.busy, timeout=TIMEOUT)
    threaded_operations.wait()
    with filled.sessions.read() as session:
        (entry,) = session.execute(select(AccessRegisterEntry)).scalars().all()
    assert entry.played_ms is not None and entry.played_ms >= 500


def test_mark_a_clip_important(qtbot, archive_link, preferences, threaded_operations):
    window = open_window(qtbot, archive_link, preferences, threaded_operations)
    view = window.archive_view
    view.select_row(1)
    qtbot.waitUntil(lambda: view.detail.important.isEnabled(), timeout=TIMEOUT)
    view.detail.important.click()
    qtbot.waitUntil(lambda: view.model.data(view.model.index(1, COLUMNS.index("important"))) == "★", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "标记为重点" in view.detail.text.toPlainText(), timeout=TIMEOUT)


def test_approve_a_request(qtbot, archive_link, filled, preferences, threaded_operations):
    add_user(filled, "head", Role.APPROVER, "ZD01")
    add_user(filled, "rev", Role.REVIEWER, "DD02")
    with filled.sessions.read() as session:
        dd01_clip = clips.list_clips(session, ClipFilter(unit_code="DD01"), limit=1, scope=whole_archive(session))[0].id
    spec = AccessRequestSpec(RequestKind.CLIPS, reason="核查投诉", clip_ids=(dd01_clip,))
    request = requests.submit(filled.sessions, Identity.user("rev"), spec)  # a sibling brigade's: ZD01 decides
    window = open_window(qtbot, archive_link, preferences, threaded_operations, login="head")
    approvals = window.approvals_view  # loaded with the window
    qtbot.waitUntil(lambda: approvals.inbox_model.rowCount() == 1, timeout=TIMEOUT)
    approvals.inbox_table.selectRow(0)
    approvals.comment_edit.setText("同意调阅")
    qtbot.mouseClick(approvals.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: approvals.message.text() != "", timeout=TIMEOUT)
    assert approvals.message.text() == f"调阅申请 {request.id}：已批准。"
    qtbot.waitUntil(lambda: approvals.inbox_model.rowCount() == 0, timeout=TIMEOUT)
    (mine,) = client_for(filled, "rev").my_requests()
    assert mine.id == request.id and mine.status is RequestStatus.APPROVED


def test_the_idle_lock_checks_the_password_again(qtbot, archive_link, preferences, threaded_operations):
    window = open_window(qtbot, archive_link, preferences, threaded_operations)
    window.lock()
    dialog = window.lock_dialog
    dialog.password.setText("wrong-password")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=TIMEOUT)
    assert window.locked and dialog.message.text() == "用户名或密码错误。"
    dialog.password.setText(ADMIN_PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: not window.locked, timeout=TIMEOUT)
    window.archive_view.filters.apply(ClipFilter(badge_no="010203"))
    qtbot.waitUntil(lambda: window.archive_view.model.rowCount() == 4, timeout=TIMEOUT)  # the client goes on
    window.idle.set_minutes(0)


@pytest.mark.slow
@pytest.mark.parametrize("database_kind", ["sqlite"])  # the server is lost, whatever its database
def test_a_lost_server_shows_the_problem_and_retry_like_a_lost_database(
    qtbot, filled, database_kind, tmp_path, preferences, threaded_operations
):
    """(The server's graceful stop waits out its grace period for the client's idle TLS connection.)"""
    with running_server(database_kind, filled, tmp_path) as server:
        link = ServerLink(ServerConnection(server.url, server.pin))
        window = open_window(qtbot, link, preferences, threaded_operations)
        qtbot.waitUntil(lambda: window.archive_view.tree.tree_model.rowCount() == 2, timeout=TIMEOUT)
        threaded_operations.wait()
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=40) == 0
        window.archive_view.filters.apply(ClipFilter(badge_no="010203"))
        qtbot.waitUntil(window.retry.isVisible, timeout=TIMEOUT)
        assert "无法读取档案库" in window.problem_label.text() and server.url in window.problem_label.text()
        window.close()
        link.close()  # the sign-out finds no server: the session ends by itself
