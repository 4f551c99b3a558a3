"""The workstation window against a real archive: sign in, browse, filter, the officer tree, case links,
the important mark, the idle lock — driven offscreen with pytest-qt, in Chinese."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from db.models import AccessRegisterEntry
from tests.helpers.builders import add_user, recorder_dump, whole_archive
from ui.archive.model import COLUMNS, ClipRowRole
from ui.archive.view import TREE_MIN_WIDTH_PX
from ui.shell.main_window import MainWindow
from ui.shell.sign_in_dialog import FirstAdministratorDialog, SignInDialog
from workstation.access import requests
from workstation.access.types import AccessRequestSpec, RequestKind
from workstation.client.links import EmbeddedLink
from workstation.errors import ArchiveUnavailable
from workstation.footage import clips
from workstation.footage.clips import ClipFilter
from workstation.footage.types import CaseKind
from workstation.identity import Identity
from workstation.org import users
from workstation.spotcheck import plans, queue
from workstation.spotcheck.types import DrawSpec
from workstation.types import Role

STATION = Identity.system("采集站1")

PASSWORD = "correct-horse"
SMALL_SCREEN_WIDTH = 1366


def start_sign_in(qtbot, archive, operations, login="admin", password=PASSWORD) -> SignInDialog:
    """The sign-in dialog, filled in and submitted (the check runs on `operations`)."""
    dialog = SignInDialog(EmbeddedLink(archive), "测试档案库", operations)
    qtbot.addWidget(dialog)
    dialog.login.setText(login)
    dialog.password.setText(password)
    dialog.submit()
    return dialog


@pytest.fixture
def window(qtbot, filled, preferences, tmp_path, threaded_operations):
    """The main window on the real worker threads, as the program runs it."""
    dialog = start_sign_in(qtbot, filled, threaded_operations)
    qtbot.waitUntil(lambda: dialog.user is not None, timeout=5000)
    link = EmbeddedLink(filled, tmp_path / "thumbs")
    main = MainWindow(link.client(dialog.user), link, dialog.user, "测试档案库", preferences, threaded_operations)
    qtbot.addWidget(main)
    main.show()
    main.load()
    qtbot.waitUntil(lambda: main.archive_view.model.rowCount() == 7, timeout=5000)
    return main


def test_wrong_password_is_refused_with_a_plain_message(qtbot, filled, operations):
    dialog = start_sign_in(qtbot, filled, operations, password="wrong")
    assert dialog.message.text() == "用户名或密码错误。" and dialog.user is None


def test_signed_in_window_shows_user_sections_and_newest_footage(qtbot, qtmodeltester, window, tmp_path):
    assert window.user_label.text() == "用户admin（admin）· 某市支队 · 执法记录仪管理员"
    assert [window.navigation.item(i).text() for i in range(6)] == ["档案", "抽查", "审批", "证据导出", "统计", "管理"]
    model = window.archive_view.model
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:4] == ["录制时间", "时长", "单位", "执法人员"]
    assert model.data(model.index(0, 0)) == "2026-11-21 08:32:00"
    assert model.data(model.index(1, 2)) == "城东大队" and model.data(model.index(1, 6)) == "视频"
    assert "未关联警情/案件" in model.data(model.index(1, COLUMNS.index("flags")))
    assert window.archive_view.count.text() == "共 7 个文件"
    qtbot.waitUntil(lambda: model.data(model.index(1, 0), Qt.ItemDataRole.DecorationRole) is not None, timeout=5000)
    window.grab().save(str(tmp_path / "window.png"))


def test_filters_and_free_text_search(qtbot, window):
    view = window.archive_view
    view.filters.search.setText("李娜")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=5000)
    view.filters.reset()
    qtbot.waitUntil(lambda: view.model.rowCount() == 7, timeout=5000)
    view.filters.apply(ClipFilter(badge_no="010203", date_from=date(2026, 11, 21), date_to=date(2026, 11, 21)))
    qtbot.waitUntil(lambda: view.model.rowCount() == 4, timeout=5000)


def test_officer_tree_unit_officer_day(qtbot, window):
    tree = window.archive_view.tree
    model = tree.tree_model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)  # 总队 and 待分配
    corps = model.item(0)
    detachment = corps.child(0)
    brigade = detachment.child(0)
    assert brigade.text() == "城东大队（DD01）"
    tree.expand(brigade.index())
    qtbot.waitUntil(lambda: brigade.rowCount() == 1 and brigade.child(0).text() != "…", timeout=5000)
    officer = brigade.child(0)
    assert officer.text() == "张伟  010203"
    tree.expand(officer.index())
    qtbot.waitUntil(lambda: officer.child(0) is not None and officer.child(0).text() != "…", timeout=5000)
    assert officer.child(0).text() == "2026-11-21（4 个文件）"
    with qtbot.waitSignal(tree.filter_chosen) as chosen:
        tree.clicked.emit(officer.child(0).index())
    assert chosen.args[0] == ClipFilter(badge_no="010203", date_from=date(2026, 11, 21), date_to=date(2026, 11, 21))
    qtbot.waitUntil(lambda: window.archive_view.model.rowCount() == 4, timeout=5000)


def test_officer_tree_keeps_its_width_on_a_small_screen(qtbot, window):
    """The window fits a 1366x768 screen (common on police-network PCs; every section used to need 1439 px), and
    there the tree keeps TREE_MIN_WIDTH_PX and a day four levels down is shown whole (scrolled to sideways, not
    elided: the filter bar beside it squeezed the tree to a sliver and left such days blank rows)."""
    assert window.minimumSizeHint().width() <= SMALL_SCREEN_WIDTH
    window.resize(SMALL_SCREEN_WIDTH, 740)
    tree = window.archive_view.tree
    model = tree.tree_model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    brigade = model.item(0).child(0).child(0)
    tree.expand(brigade.index())
    qtbot.waitUntil(lambda: brigade.child(0) is not None and brigade.child(0).text() != "…", timeout=5000)
    officer = brigade.child(0)
    tree.expand(officer.index())
    qtbot.waitUntil(lambda: officer.child(0) is not None and officer.child(0).text() != "…", timeout=5000)
    qtbot.waitUntil(lambda: tree.width() >= TREE_MIN_WIDTH_PX, timeout=5000)
    day = officer.child(0).index()
    label_width = tree.fontMetrics().horizontalAdvance(officer.child(0).text())
    assert tree.visualRect(day).x() + label_width <= tree.columnWidth(0)
    assert officer.child(0).toolTip() == officer.child(0).text()


def test_link_a_case_and_mark_important_from_the_browser(qtbot, window):
    view = window.archive_view
    view.select_row(1)
    qtbot.waitUntil(lambda: view.detail.important.isEnabled(), timeout=5000)
    clip = view.model.data(view.model.index(1, 0), ClipRowRole)

    view.link_case([clip.id], "J2026112100123", CaseKind.INCIDENT, "王某", "张伟", "")
    cases = COLUMNS.index("cases")
    qtbot.waitUntil(lambda: view.model.data(view.model.index(1, cases)) == "J2026112100123", timeout=5000)
    view.detail.important.click()
    qtbot.waitUntil(lambda: view.model.data(view.model.index(1, COLUMNS.index("important"))) == "★", timeout=5000)
    qtbot.waitUntil(lambda: "标记为重点" in view.detail.text.toPlainText(), timeout=5000)
    history = view.detail.text.toPlainText()
    assert "入库" in history and "关联警情/案件" in history and "admin" in history


def test_idle_lock_hides_the_footage_until_the_same_user_signs_in(qtbot, window):
    window.idle.set_interval_ms(50)
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    assert not window.centralWidget().isVisible()
    dialog = window.lock_dialog
    assert dialog.login.text() == "admin" and dialog.login.isReadOnly()
    dialog.password.setText(PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert window.centralWidget().isVisible()
    window.idle.set_minutes(0)


def test_a_new_archive_asks_for_its_first_administrator(qtbot, archive):
    dialog = FirstAdministratorDialog(archive)
    qtbot.addWidget(dialog)
    for field, value in (
        (dialog.unit_code, "ZD09"),
        (dialog.unit_name, "某某支队"),
        (dialog.display_name, "管理员"),
        (dialog.password, "secret-123"),
        (dialog.repeat, "secret-124"),
    ):
        field.setText(value)
    dialog.submit()
    assert dialog.message.text() == "两次输入的密码不一致。"
    dialog.repeat.setText("secret-123")
    dialog.submit()
    assert dialog.result() == FirstAdministratorDialog.DialogCode.Accepted
    assert users.sign_in(archive.sessions, "admin", "secret-123").role is Role.ADMIN


def test_a_lost_connection_shows_a_message_and_retry_recovers(qtbot, window):
    view = window.archive_view
    real_sessions = window.client.archive.sessions

    class Offline:  # reading and writing alike (the 统计 page refreshes its daily figures before reading)
        def read(self):
            raise ArchiveUnavailable("网络路径不可用")

        def write(self):
            raise ArchiveUnavailable("网络路径不可用")

    qtbot.waitUntil(lambda: view.tree.tree_model.rowCount() == 2, timeout=5000)  # nothing else in flight
    window.operations.wait()
    window.client.archive.sessions = Offline()
    with qtbot.waitSignal(view.model.load_failed, timeout=5000):
        view.filters.search.setText("张")
    assert window.retry.isVisible()
    assert "网络路径不可用" in window.problem_label.text()
    window.client.archive.sessions = real_sessions
    window.retry.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 4, timeout=5000)
    assert not window.retry.isVisible()


def test_ingest_from_the_window_refreshes_the_browser_and_the_registry(qtbot, window, tmp_path):
    recorder_dump(tmp_path / "new", "DEV0100", "010299", datetime(2026, 11, 22, 7, 0), clips=2, seed=9)
    dialog = window.open_ingest()
    dialog.add_source(tmp_path / "new")
    with qtbot.waitSignal(dialog.ingest_finished, timeout=20000):
        dialog.start()
    qtbot.waitUntil(lambda: window.archive_view.model.rowCount() == 10, timeout=5000)
    assert window.archive_view.model.data(window.archive_view.model.index(0, 5)) == "DEV0100"
    window.navigation.setCurrentRow(list(window.sections).index("admin"))
    assert window.pages.currentWidget() is window.admin_tabs
    qtbot.waitUntil(lambda: "DEV0100" in _device_numbers(window.devices_view), timeout=5000)


def _device_numbers(view) -> set[str]:
    model = view.table.model()
    return {model.data(model.index(row, 0)) for row in range(model.rowCount())}


def test_sections_follow_the_role_and_the_approvals_inbox_count_shows(
    qtbot, filled, preferences, tmp_path, threaded_operations
):
    add_user(filled, "head", Role.APPROVER, "ZD01")
    add_user(filled, "rev", Role.REVIEWER, "DD02")
    with filled.sessions.read() as session:
        dd01_clip = clips.list_clips(session, ClipFilter(unit_code="DD01"), limit=1, scope=whole_archive(session))[0].id
    spec = AccessRequestSpec(RequestKind.CLIPS, reason="核查投诉", clip_ids=(dd01_clip,))
    requests.submit(filled.sessions, Identity.user("rev"), spec)  # a sibling brigade's footage: the 支队 head decides
    windows = {}
    for login in ("admin", "head", "rev"):
        user = users.sign_in(filled.sessions, login, PASSWORD)
        link = EmbeddedLink(filled, tmp_path / "thumbs")
        windows[login] = MainWindow(link.client(user), link, user, "测试档案库", preferences, threaded_operations)
        qtbot.addWidget(windows[login])
        windows[login].load()
    tabs = {login: [w.admin_tabs.tabText(i) for i in range(w.admin_tabs.count())] for login, w in windows.items()}
    assert tabs["admin"] == ["记录仪与持有人", "用户账户", "审计日志与调阅登记", "保存期限"]
    assert tabs["head"] == [""] and tabs["rev"] == [""]
    reviewer = windows["rev"]
    qtbot.waitUntil(lambda: reviewer.archive_view.model.rowCount() == 3, timeout=5000)  # DD02's footage only
    assert {reviewer.archive_view.model.row_at(r).unit_code for r in range(3)} == {"DD02"}
    head = windows["head"]
    approvals = list(head.sections).index("approvals")
    qtbot.waitUntil(lambda: head.navigation.item(approvals).text() == "审批 (1)", timeout=5000)


def test_play_from_the_browser_and_review_a_spot_check_item_with_the_player_beside_the_checklist(qtbot, window, filled):
    view = window.archive_view
    view.select_row(1)
    qtbot.waitUntil(lambda: view.detail.play.isEnabled(), timeout=5000)
    with qtbot.waitSignal(view.play_requested, timeout=5000):
        view.detail.play.click()
    player = window.players[-1]
    qtbot.waitUntil(lambda: player.player.engine.state.name in ("PAUSED", "PLAYING"), timeout=10000)
    player.close()

    spec = DrawSpec(day_from=date(2026, 11, 20), day_to=date(2026, 11, 21), unit_code="ZD01")
    plans.draw_plans(filled.sessions, spec, Identity.user("admin"))
    item = queue.claim(filled.sessions, Identity.user("admin"))
    review = window.open_review(item)
    qtbot.waitUntil(lambda: review.player.engine.state.name in ("PAUSED", "PLAYING"), timeout=10000)
    review.player.engine.play()
    qtbot.waitUntil(lambda: sum(end - start for start, end in review.player.engine.played_spans) > 300, timeout=10000)
    qtbot.wait(600)  # the checklist hears about playback twice a second
    assert "%" in review.checklist.coverage_label.text()
    review.close()
    window.operations.wait()  # the players register how long they played as they close
    qtbot.waitUntil(lambda: not review.busy, timeout=5000)
    with filled.sessions.read() as session:
        played = session.execute(select(AccessRegisterEntry.played_ms).order_by(AccessRegisterEntry.id)).scalars().all()
    assert len(played) == 2 and all(ms is not None for ms in played)
