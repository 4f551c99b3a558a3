"""`workstation screenshots --out DIR`: render every main view and dialog of a demo archive to PNG, offscreen.

For the README and for reviewing the interface without a display. Builds a fresh demo archive in a
temporary folder unless --archive names an existing one.
"""

import argparse
import os
import tempfile
import threading
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ui.admin.audit_view import AuditView
from ui.admin.retention_view import RetentionView
from ui.app import install_translators
from ui.archive.case_link_dialog import CaseLinkDialog
from ui.archive.filters import CLIP_FINDING_KINDS
from ui.archive.ingest_dialog import IngestDialog
from ui.common import prefs
from ui.common.application import application
from ui.common.export_target import ExportTarget
from ui.common.tasks import Operations
from ui.evidence.export_dialog import ExportDialog
from ui.evidence.write_dialog import WriteDialog
from ui.playback.player_window import PlayerWindow
from ui.shell.connection_dialog import SERVER, ConnectionDialog
from ui.shell.main_window import MainWindow
from ui.shell.settings_dialog import SettingsDialog
from ui.shell.sign_in_dialog import FirstAdministratorDialog, SignInDialog
from ui.shell.station_window import StationWindow
from workstation import clock
from workstation.access.types import RequestKind
from workstation.archive import Archive
from workstation.client import ArchiveClient
from workstation.client.connection import ServerConnection
from workstation.client.links import EmbeddedLink, ServerLink
from workstation.evidence.types import ExportFormat, ExportSpec, ReceivingBody
from workstation.footage.types import NEWEST_FIRST, ClipFilter, ClockMeasurementSpec
from workstation.retention.types import Profile
from workstation.statistics.types import Frequency, ReportFormat, ReportKind, ReportPeriod, ReportTaskSpec, Schedule

Screen = tuple[str, Callable[[], QWidget]]
SERVER_URL = "https://192.0.2.10:8443"  # a documentation address (RFC 5737)


def settle(app: QApplication, milliseconds: int = 400) -> None:
    """Let queued results (database pages, thumbnails) arrive and paint."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
    app.processEvents()


def wait_until(app: QApplication, condition: Callable[[], bool], timeout_ms: int = 10_000) -> None:
    waited = 0
    while not condition() and waited < timeout_ms:
        settle(app, 50)
        waited += 50


def _verified(app: QApplication, view: AuditView) -> None:
    """The audit view as after 校验: the chain head shown for the administrator to write down."""
    view.verify()
    wait_until(app, lambda: view.verify_label.text().endswith(tuple("0123456789abcdef")))


def _retention(app: QApplication, view: RetentionView, out: Path) -> Path:
    """The 保存期限 page's dry run of switching to the police profile (saved as its own picture, then
    cancelled: the page is shown with the archive's classes and rules)."""
    policy = view.policy_tab
    wait_until(app, lambda: policy.rule_model.rowCount() > 0)
    policy.profile_box.setCurrentIndex(policy.profile_box.findData(Profile.POLICE))
    policy.switch_profile()
    wait_until(app, lambda: policy.dry_run_dialog is not None)
    dialog = policy.dry_run_dialog
    if dialog is None:
        raise RuntimeError("the dry run did not arrive")
    saved = _save(dialog, out / "retention_dry_run.png", app)
    dialog.reject()
    policy.load()  # the box shows the archive's profile again
    return saved


def _report_tasks(app: QApplication, window: MainWindow, client: ArchiveClient, out: Path) -> list[Path]:
    """The 报表任务 tab with two tasks set up for the administrator's own unit (a weekly e-mail, a monthly
    drop folder), and the new-task dialog filled in (not confirmed)."""
    panel = window.report_tasks_view
    if panel is None:
        return []
    unit = client.ledger_units()[0].code
    drop = out / ".report-drop"
    drop.mkdir(exist_ok=True)
    weekly = Schedule(Frequency.WEEKLY, 8, weekday=1)
    mail = ("zhihui@example.gov.cn", "duty@example.gov.cn")
    client.add_report_task(
        ReportTaskSpec(ReportKind.WORKLOAD, unit, ReportFormat.HTML, ReportPeriod.WEEK, weekly, mail)
    )
    monthly = Schedule(Frequency.MONTHLY, 6, month_day=1)
    folder = ReportTaskSpec(ReportKind.DEVICES, unit, ReportFormat.XLSX, ReportPeriod.MONTH, monthly, (), str(drop))
    client.add_report_task(folder)
    window.navigation.setCurrentRow(list(window.sections).index("reports"))
    window.report_tabs.setCurrentWidget(panel)
    panel.load()
    wait_until(app, lambda: panel.model.rowCount() >= 2)
    saved = [_save(window, out / "section_reports_tasks.png", app)]
    panel.open_new_task()
    wait_until(app, lambda: panel.task_dialog is not None)
    dialog = panel.task_dialog
    if dialog is None:
        raise RuntimeError("the new-task dialog did not open")
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(ReportKind.SPOTCHECK))
    dialog.frequency_box.setCurrentIndex(dialog.frequency_box.findData(Frequency.WEEKLY))
    dialog.mail_edit.setText("fazhi@example.gov.cn")
    saved.append(_save(dialog, out / "report_task.png", app))
    dialog.reject()
    window.report_tabs.setCurrentIndex(0)
    return saved


def _clock_panel(app: QApplication, window: MainWindow, client: ArchiveClient, out: Path) -> list[Path]:
    """The registry's 时钟校正 panel for a demo recorder: two offsets entered a week apart (drifting 1 s/day)
    and a batch correction of the week."""
    view = window.devices_view
    if view is None:
        return []
    device = client.list_devices()[0]
    today = clock.now().replace(microsecond=0)
    for days, fast_by in ((7, 4), (0, 11)):
        true = today - timedelta(days=days, hours=1)
        note = "画面叠加时间与值班室标准时钟比对"
        client.record_clock_measurement(
            ClockMeasurementSpec(device.device_no, true + timedelta(seconds=fast_by), true, note=note)
        )
    client.correct_clock(device.device_no, (today - timedelta(days=7)).date(), today.date(), "记录仪每天快约 1 秒")
    window.navigation.setCurrentRow(list(window.sections).index("admin"))
    window.admin_tabs.setCurrentWidget(view)
    view.recorder_tabs.setCurrentWidget(view.clock_panel)
    view.load()
    wait_until(app, lambda: view.model.rowCount() > 0)
    view.select_device(device.id)
    wait_until(app, lambda: view.clock_panel.clock is not None)
    return [_save(window, out / "admin_clock.png", app)]


def _evidence_written(app: QApplication, client: ArchiveClient, operations: Operations, out: Path) -> Path:
    """An internal evidence export of two clips, written with its progress dialog into out/.evidence (so the
    证据导出 page lists a completed export); the dialog's end summary is the picture."""
    clips = client.first_clip_page(ClipFilter(), NEWEST_FIRST, 2)
    spec = ExportSpec(
        RequestKind.CLIPS, ReceivingBody.INTERNAL, "复核〔2026〕3号", "执法监督复核", tuple(clip.id for clip in clips)
    )
    row = client.request_evidence_export(spec)
    dialog = WriteDialog(client, operations, row, out / ".evidence" / row.export_no, ExportFormat.FOLDER)
    dialog.show()
    dialog.start()
    wait_until(app, lambda: not dialog.running)
    saved = _save(dialog, out / "evidence_written.png", app)
    dialog.close()
    return saved


def _prescreen(
    app: QApplication, window: MainWindow, client: ArchiveClient, operations: Operations, out: Path
) -> list[Path]:
    """The browser listing the clips with pre-screen findings (the 预筛查 column), and the player on the clip with
    the most picture findings (then sound): bands below the timeline, the findings list beside the markers. The
    demo archive is scanned first (nothing is scanned twice)."""
    client.scan_prescreen(None, None, None, 2, threading.Event(), lambda _progress: None)
    view = window.archive_view
    view.show_clips(ClipFilter(finding_kinds=CLIP_FINDING_KINDS))
    model = view.model

    def loaded() -> bool:
        first = model.row_at(0) if model.rowCount() else None
        return first is not None and model.findings_of(first.id) is not None

    wait_until(app, loaded)
    rows = [row for row in (model.row_at(number) for number in range(model.rowCount())) if row is not None]
    view.select_row(0)
    saved = [_save(window, out / "archive_findings.png", app)]
    picture, media = {"covered", "dark", "frozen"}, {"covered", "dark", "frozen", "silent", "clipped", "undecodable"}

    def weight(clip_id: int) -> tuple[int, int, int]:
        found = model.findings_of(clip_id) or ()
        return sum(f.kind in picture for f in found), sum(f.kind in media for f in found), len(found)

    chosen = max(rows, key=lambda row: weight(row.id))
    player = PlayerWindow(client, operations)
    player.resize(1400, 820)
    player.show()
    player.open_clip(chosen.id)
    wait_until(app, lambda: bool(player.findings.findings) and player.player.timeline.duration_ms > 0)
    player.findings.select(player.findings.findings[0].id)
    settle(app, 1500)
    saved.append(_save(player, out / "player_findings.png", app))
    player.close()
    player.deleteLater()
    view.filters.reset()
    return saved


def _export_form(client: ArchiveClient, operations: Operations) -> ExportDialog:
    """导出证据… of two selected files for the procuratorate, filled in (not submitted)."""
    clips = client.first_clip_page(ClipFilter(), NEWEST_FIRST, 2)
    dialog = ExportDialog(client, operations, ExportTarget.of_clips(clips))
    dialog.body_box.setCurrentIndex(dialog.body_box.findData(ReceivingBody.PROCURATORATE))
    dialog.document.setText("临检刑调〔2026〕15号")
    dialog.purpose.setText("移送审查起诉")
    dialog.receiver.setText("李检察官（临江市人民检察院）")
    return dialog


def render(out: Path, archive_folder: Path, language: str) -> list[Path]:
    app = application([])
    install_translators(app, language)
    archive = Archive.open_embedded(archive_folder)
    preferences = prefs.Preferences(QSettings(str(out / ".screenshots.ini"), QSettings.Format.IniFormat))
    preferences.set(prefs.IDLE_LOCK_MINUTES, 0)
    link = EmbeddedLink(archive, out / ".thumbnails")
    user = link.sign_in("admin", "admin123")
    operations = Operations()
    client = link.client(user)
    window = MainWindow(client, link, user, str(archive_folder), preferences, operations)
    server = ServerLink(ServerConnection(SERVER_URL, None))  # not contacted: only shown
    window.resize(1600, 900)
    window.show()
    window.load()
    view = window.archive_view
    wait_until(app, lambda: view.model.rowCount() > 0)
    view.select_row(1)
    tree = view.tree
    wait_until(app, lambda: tree.tree_model.rowCount() > 0)
    brigade = tree.tree_model.item(0).child(0).child(0)
    tree.expand(brigade.index())
    wait_until(app, lambda: brigade.child(0) is not None and brigade.child(0).text() != "…")
    tree.expand(brigade.child(0).index())
    settle(app, 1500)  # thumbnails
    saved = [_save(window, out / "main_window.png", app), _evidence_written(app, client, operations, out)]
    saved += _prescreen(app, window, client, operations, out)
    window.evidence_view.load()  # lists the export just written
    screens: list[Screen] = [
        ("sign_in.png", lambda: SignInDialog(link, str(archive_folder), operations)),
        ("sign_in_server.png", lambda: SignInDialog(server, f"分局档案服务器 ({SERVER_URL})", operations)),
        ("first_administrator.png", lambda: FirstAdministratorDialog(archive)),
        ("connection.png", lambda: ConnectionDialog(operations)),
        ("connection_server.png", lambda: _server_profile_form(operations)),
        ("case_link.png", lambda: CaseLinkDialog(3)),
        ("settings.png", lambda: SettingsDialog(preferences)),
        ("ingest.png", lambda: IngestDialog(client, operations)),
        ("evidence_export.png", lambda: _export_form(client, operations)),
    ]
    for index in range(1, window.navigation.count()):
        window.navigation.setCurrentRow(index)
        key = list(window.sections)[index]
        saved.append(_save(window, out / f"section_{key}.png", app))
    saved += _report_tasks(app, window, client, out)
    window.navigation.setCurrentRow(list(window.sections).index("admin"))
    audit_view, retention_view = window.audit_view, window.retention_view
    for tab in range(1, window.admin_tabs.count()):  # the admin section's other tabs: users, audit log, retention
        window.admin_tabs.setCurrentIndex(tab)
        if audit_view is not None and window.admin_tabs.currentWidget() is audit_view:
            _verified(app, audit_view)
        if retention_view is not None and window.admin_tabs.currentWidget() is retention_view:
            saved.append(_retention(app, retention_view, out))
        saved.append(_save(window, out / f"section_admin_{tab + 1}.png", app))
    saved += _clock_panel(app, window, client, out)
    window.admin_tabs.setCurrentIndex(0)
    window.navigation.setCurrentRow(0)
    for name, make in screens:
        widget = make()
        widget.show()
        saved.append(_save(widget, out / name, app))
        widget.close()
        widget.deleteLater()
    window.close()
    window.deleteLater()
    saved.append(_station_window(app, link, str(archive_folder), preferences, operations, out))
    operations.deleteLater()
    # delete the widgets and the worker pools while the application still exists
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    server.connection.close()
    archive.close()
    return saved


def _station_window(
    app: QApplication,
    link: EmbeddedLink,
    location: str,
    preferences: prefs.Preferences,
    operations: Operations,
    out: Path,
) -> Path:
    """The demo's ingest station account (采集站账户) signed in: its one page."""
    station = link.sign_in("station", "station123")
    window = StationWindow(link.client(station), link, station, location, preferences, operations)
    window.show()
    saved = _save(window, out / "station_window.png", app)
    window.close()
    window.deleteLater()
    return saved


def _server_profile_form(operations: Operations) -> ConnectionDialog:
    """The connection dialog filled in for an archive server (nothing saved)."""
    dialog = ConnectionDialog(operations)
    dialog.name.setText("分局档案服务器")
    dialog.kind.setCurrentIndex(dialog.kind.findData(SERVER))
    dialog.server_url.setText(SERVER_URL)
    dialog.pin.setText("C:/执法记录仪/cert.pem")
    return dialog


def _save(widget: QWidget, path: Path, app: QApplication) -> Path:
    settle(app)
    widget.grab().save(str(path))
    return path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workstation screenshots", description="把各主要界面渲染为 PNG 图片")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--archive", type=Path, help="已有的演示档案库（默认临时生成一个）")
    parser.add_argument("--language", default="zh_CN", choices=("zh_CN", "en"))
    return parser


def main(arguments: Sequence[str]) -> int:
    args = build_parser().parse_args(arguments)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the QApplication exists
    args.out.mkdir(parents=True, exist_ok=True)
    if args.archive:
        saved = render(args.out, args.archive, args.language)
    else:
        from workstation.demo.archive import build_demo_archive

        with tempfile.TemporaryDirectory(prefix="screenshots-") as folder:
            build_demo_archive(Path(folder) / "demo")
            saved = render(args.out, Path(folder) / "demo", args.language)
    for path in saved:
        print(path)
    return 0
