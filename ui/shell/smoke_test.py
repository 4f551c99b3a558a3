"""`workstation --smoke-test`: does this installation work? One line per check, exit code 0 when all pass.

Run on the build machine right after PyInstaller (and by IT staff after installing): a frozen build
that lacks a plugin, a data file or a hidden import fails here instead of on a police-network PC. It
starts Qt offscreen (no display needed), loads the GUI modules and both translations, decodes a
picture and the sound of a bundled clip with libVLC, probes the clip with OpenCV, migrates a
temporary database, opens the main window on it, writes and reads back an Excel workbook, and checks
the PostgreSQL driver and the credential store. Nothing outside the temporary folder is touched.

Each line reads `[通过 PASS]` or `[失败 FAIL]` (or `[注意 NOTE]` for something about this machine
rather than the installation), the check's name in Chinese and English, then the detail or the
reason. Exit codes: 0 all checks passed, 1 a check failed, 3 a check hung (the watchdog gave up).

`workstation --smoke-test --startup --archive DIR --user LOGIN` instead times a cold start: the
password is read from the first line of stdin, the sign-in dialog is filled in and submitted as a
user would, and one line per phase reports the seconds since this module started (the benchmark
tests/benchmarks/test_frozen_start.py times the whole process from outside).

The clip (resources/smoke/h264_aac.mp4, 17 KB: 1 s, 128x96, 5 fps H.264 with 440 Hz AAC) was made once
with `workstation.synth.make_video(path, 1.0, size="128x96", fps=5)`.
"""

import argparse
import os
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workstation.cli import messages
from workstation.errors import WorkstationError

if TYPE_CHECKING:  # imported where used: the import time is measured
    from ui.shell.main_window import MainWindow
    from workstation.archive import Archive

STARTED = time.perf_counter()
RESOURCES = Path(__file__).resolve().parents[2] / "resources"
SMOKE_CLIP = RESOURCES / "smoke" / "h264_aac.mp4"
WATCHDOG_S = 120.0  # a check that hangs (libVLC waiting on a device, a stuck worker) must not hang CI
SMOKE_LOGIN, SMOKE_PASSWORD = "smoke", "smoke-test-1"


class CheckFailed(Exception):
    """A check's failure, explained in Chinese and in English."""

    def __init__(self, chinese: str, english: str) -> None:
        super().__init__(f"{chinese} / {english}")


class MachineNote(CheckFailed):
    """Something about this machine rather than the installation (no Chinese font, no Secret Service):
    reported as a note, not a failure."""


@dataclass
class Outcome:
    passed: bool
    detail: str
    note: bool = False  # about this machine, not the installation: reported, but not a failure


def _say(line: str) -> None:
    print(line, flush=True)


def _frozen_bundle() -> Path | None:
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle).resolve() if bundle else None


def _start_watchdog(seconds: float) -> threading.Timer:
    def give_up() -> None:
        _say(f"[失败 FAIL] 自检超时 / smoke test timed out: {seconds:.0f} 秒无结果 / no result after {seconds:.0f} s")
        sys.stdout.flush()
        os._exit(3)

    watchdog = threading.Timer(seconds, give_up)
    watchdog.daemon = True
    watchdog.start()
    return watchdog


def _wait_until(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Run the Qt event loop until `condition` holds or `timeout_s` passes; True when it held."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)
    return True


# --- the checks (each returns its detail or raises) ---


def check_qt(state: dict[str, Any]) -> str:
    """Qt starts offscreen, the GUI modules import, our translation and Qt's own load, photos decode."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QImageReader

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    if not any("offscreen" in entry.name for entry in plugins.glob("*")):  # a missing plugin aborts the process
        raise CheckFailed(
            f"缺少 Qt 离屏平台插件（{plugins}）", f"the Qt offscreen platform plugin is missing ({plugins})"
        )
    from ui.common.application import application

    app = application([sys.argv[0], "-platform", "offscreen"])
    state["app"] = app
    from ui.app import install_translators  # imports the main window and every view it holds
    from ui.common import prefs

    app.setOrganizationName(prefs.ORGANIZATION)
    app.setApplicationName(prefs.APPLICATION)
    loaded = install_translators(app, "zh_CN")
    if len(loaded) != 2:
        raise CheckFailed(
            "缺少翻译文件 workstation_zh_CN.qm 或 qtbase_zh_CN.qm", "workstation_zh_CN.qm or qtbase_zh_CN.qm is missing"
        )
    if app.translate("MainWindow", "Archive") == "Archive":
        raise CheckFailed("界面翻译未生效", "the interface translation did not apply")
    formats = {bytes(name.data()).decode() for name in QImageReader.supportedImageFormats()}
    missing = {"jpeg", "png"} - formats
    if missing:
        raise CheckFailed(f"缺少 Qt 图片插件：{', '.join(sorted(missing))}", f"Qt image plugins missing: {missing}")
    return f"PySide6 {pyside_version}, {app.platformName()}, zh_CN"


def check_fonts(state: dict[str, Any]) -> str:
    """A font that can show Chinese (Windows has them; Linux needs fonts-noto-cjk). About the machine."""
    if "app" not in state:
        raise CheckFailed("Qt 未启动", "Qt did not start")
    from PySide6.QtGui import QFontDatabase

    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if not families:
        raise MachineNote(
            "本机没有中文字体，界面文字将显示为方框", "no Chinese font on this machine: text shows as boxes"
        )
    return f"{len(families)} 个中文字体 / Chinese fonts, {families[0]}"


def check_libvlc_video(state: dict[str, Any]) -> str:
    """libVLC (the bundled one, in a frozen build) decodes an H.264 picture into memory."""
    try:
        from player import frame_probe, libvlc
    except SystemExit as error:  # python-vlc exits when PYTHON_VLC_LIB_PATH names a library it cannot load
        raise CheckFailed(
            f"无法加载 libVLC（{os.environ.get('PYTHON_VLC_LIB_PATH', '')}）",
            f"libVLC could not be loaded (python-vlc exited with {error.code})",
        ) from error
    try:
        frame = frame_probe.decode_first_frame(SMOKE_CLIP, timeout_s=15.0)
    except libvlc.LibVlcUnavailable as error:
        raise CheckFailed("libVLC 或其插件缺失", f"libVLC or its plugins are missing: {error}") from error
    except frame_probe.FrameProbeFailed as error:
        raise CheckFailed("libVLC 未能解码视频画面", str(error)) from error
    if frame.is_blank():
        raise CheckFailed("解码出的画面是空白的", "the decoded picture is blank")
    library = frame_probe.library_path()
    bundle = _frozen_bundle()
    if bundle is not None:
        outside = [path for path in [library, *frame.libvlc_files] if not _inside(path, bundle)]
        if outside:
            raise CheckFailed(
                f"使用了安装目录以外的 libVLC 文件：{outside[0]}",
                f"libVLC files from outside the bundle: {outside[:3]}",
            )
    state["libvlc"] = True
    plugins = sum("_plugin." in Path(path).name for path in frame.libvlc_files)
    return f"libVLC {frame.libvlc_version}, {frame.width}x{frame.height}, {plugins} plugins, {library}"


def check_libvlc_audio(state: dict[str, Any]) -> str:
    """libVLC decodes the AAC sound (the waveform of audio clips goes through the same plugins)."""
    if not state.get("libvlc"):
        raise CheckFailed("libVLC 不可用（见上一项）", "libVLC is not available (see above)")
    from player import waveform

    peaks = waveform.waveform(SMOKE_CLIP, buckets=20)
    if not peaks or max(peaks) < 0.05:
        raise CheckFailed("libVLC 未能解码音频", f"libVLC decoded no sound (peaks {peaks[:5]})")
    return f"AAC → PCM, {len(peaks)} 段 / slices, peak {max(peaks):.2f}"


def check_opencv() -> str:
    """OpenCV reads the clip (ingest probes every file with it; the browser's thumbnails too)."""
    from player.media import probe

    info = probe.probe(SMOKE_CLIP, "mp4", "video")
    if info.status != probe.OK or not info.width:
        raise CheckFailed("OpenCV 无法读取测试视频", f"OpenCV could not read the clip: {info.status} {info.problem}")
    return f"{info.video_codec} {info.width}x{info.height}, {info.duration_ms} ms"


def check_database(state: dict[str, Any], folder: Path) -> str:
    """The Alembic migrations (shipped as data files) build a new embedded archive; the schema is current."""
    from workstation.archive import Archive
    from workstation.org import users
    from workstation.types import UnitLevel

    archive = Archive.open_embedded(folder / "archive", create=True)
    state["archive"] = archive
    archive.check_schema()
    if not users.needs_first_administrator(archive.sessions):
        raise CheckFailed("新档案库里已有用户", "a new archive already has users")
    users.create_first_administrator(
        archive.sessions, "SMOKE", "自检单位", UnitLevel.DETACHMENT, "消防", SMOKE_LOGIN, "自检", SMOKE_PASSWORD
    )
    return "SQLite, 迁移至最新 / migrated to head"


def check_main_window(state: dict[str, Any], folder: Path) -> str:
    """Sign in through the dialog and open the main window on the new archive (all sections load)."""
    if "app" not in state or "archive" not in state:
        raise CheckFailed("Qt 或数据库未就绪（见上文）", "Qt or the database is not ready (see above)")
    started = time.perf_counter()
    window = open_main_window(state["archive"], "smoke", SMOKE_LOGIN, SMOKE_PASSWORD, folder, timeout_s=30.0)
    close_main_window(window)
    return f"{time.perf_counter() - started:.2f} s"


def check_excel(folder: Path) -> str:
    """openpyxl writes a workbook (ledgers, audit exports) and reads it back: Chinese text, a date-time cell."""
    from openpyxl import load_workbook

    from workstation.xlsx_export import write_table

    path = folder / "自检.xlsx"
    when = datetime(2026, 11, 21, 8, 30, 0)
    write_table(path, "检查台帐", ["警号", "时间"], [["010203", when]])
    workbook = load_workbook(path, read_only=True)
    try:
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()  # a read-only workbook keeps its file open (Windows could not delete the folder)
    if rows != [("警号", "时间"), ("010203", when)]:
        raise CheckFailed("Excel 文件读回内容不一致", f"the workbook read back differs: {rows}")
    return f"openpyxl, {path.stat().st_size} 字节 / bytes"


def check_postgresql_driver() -> str:
    """The PostgreSQL driver and its libpq are shipped (a branch archive needs them; no server is contacted)."""
    import importlib

    import psycopg

    importlib.import_module("sqlalchemy.dialects.postgresql.psycopg")
    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}), libpq {psycopg.pq.version()}"


def check_keyring() -> str:
    """Profile passwords go to the OS credential store; on Windows that must be the Credential Manager."""
    import keyring

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if sys.platform == "win32" and "Windows" not in name:
        raise CheckFailed("未找到 Windows 凭据管理器", f"the Windows Credential Manager backend is missing ({name})")
    if _frozen_bundle() is not None and "keyrings.alt" in name:
        raise CheckFailed("安装包含明文密码存储 keyrings.alt", f"the bundle contains a plain-text keyring ({name})")
    if "fail" in name.lower():  # (on Windows already refused above)
        raise MachineNote("本机没有可用的凭据存储（Linux 需要 Secret Service）", f"no credential store here ({name})")
    return name


def _inside(path: str, bundle: Path) -> bool:
    try:
        return Path(path).resolve().is_relative_to(bundle)
    except OSError:
        return False


# --- running them ---


def check_settings(path: Path) -> str:
    """The deployment settings file, as every command will read it: syntax, types, patterns, shares."""
    from workstation import config
    from workstation.footage.naming import patterns_from_settings
    from workstation.spotcheck.policy import SpotCheckSettings

    if not path.exists():
        return f"无配置文件，使用默认设置 / no {path.name}, defaults apply"
    settings = config.load_settings(path)
    patterns_from_settings(settings)
    SpotCheckSettings.from_settings(settings)
    vendor = len(settings.get("ingest", {}).get("patterns", []))
    return f"{path}：{vendor} 条厂商文件名规则 / vendor name patterns"


def run_checks() -> int:
    state: dict[str, Any] = {}
    failures = 0
    from workstation.config import settings_path

    settings = settings_path()  # the real one: the checks below run in a throwaway folder
    with tempfile.TemporaryDirectory(prefix="workstation-smoke-", ignore_cleanup_errors=True) as temporary:
        folder = Path(temporary)
        os.environ["WORKSTATION_CONFIG_DIR"] = str(folder / "config")  # never touch the user's profiles
        checks: list[tuple[str, str, Callable[[], str]]] = [
            ("部署设置", "deployment settings", lambda: check_settings(settings)),
            ("Qt 离屏界面与翻译", "Qt offscreen, GUI modules, translations", lambda: check_qt(state)),
            ("中文字体", "Chinese fonts", lambda: check_fonts(state)),
            ("libVLC 视频解码", "libVLC video decode", lambda: check_libvlc_video(state)),
            ("libVLC 音频解码", "libVLC audio decode", lambda: check_libvlc_audio(state)),
            ("OpenCV 读取视频", "OpenCV probe", check_opencv),
            ("数据库迁移", "database migration", lambda: check_database(state, folder)),
            ("登录与主窗口", "sign-in and main window", lambda: check_main_window(state, folder)),
            ("Excel 写入与读回", "Excel write and read back", lambda: check_excel(folder)),
            ("PostgreSQL 驱动", "PostgreSQL driver", check_postgresql_driver),
            ("凭据存储", "credential store", check_keyring),
        ]
        for chinese, english, check in checks:
            outcome = _run_one(check)
            failures += not outcome.passed
            mark = "[注意 NOTE]" if outcome.note else "[通过 PASS]" if outcome.passed else "[失败 FAIL]"
            _say(f"{mark} {chinese} / {english}: {outcome.detail}")
        archive = state.pop("archive", None)
        if archive is not None:
            archive.close()
    elapsed = time.perf_counter() - STARTED
    if failures:
        _say(f"自检未通过：{failures} 项失败 / smoke test FAILED: {failures} check(s) failed ({elapsed:.1f} s)")
        return 1
    _say(f"自检通过 / smoke test passed ({elapsed:.1f} s)")
    return 0


def _run_one(check: Callable[[], str]) -> Outcome:
    try:
        return Outcome(True, check())
    except MachineNote as note:  # reported, but the installation itself is fine
        return Outcome(True, str(note), note=True)
    except CheckFailed as error:
        return Outcome(False, str(error))
    except WorkstationError as error:  # e.g. a bad workstation.toml: worded as the command line words it
        return Outcome(False, messages.describe(error))
    except Exception as error:  # any other error is a failed check with its reason, not a traceback
        where = traceback.extract_tb(error.__traceback__)[-1]
        return Outcome(
            False, f"意外错误 / unexpected error: {type(error).__name__}: {error} ({where.filename}:{where.lineno})"
        )


def open_main_window(
    archive: "Archive", location: str, login: str, password: str, folder: Path, timeout_s: float
) -> "MainWindow":
    """Sign in through the real dialog (filled in and submitted), then show the main window and wait for
    its first page of clips. Returns the window; raises CheckFailed when a step does not finish in time.
    """
    from PySide6.QtCore import QSettings

    from ui.common import prefs
    from ui.common.tasks import Operations
    from ui.shell.main_window import MainWindow
    from ui.shell.sign_in_dialog import SignInDialog
    from workstation.client.links import EmbeddedLink

    preferences = prefs.Preferences(QSettings(str(folder / "smoke.ini"), QSettings.Format.IniFormat))
    preferences.set(prefs.IDLE_LOCK_MINUTES, 0)
    operations = Operations()
    link = EmbeddedLink(archive, folder / "thumbnails")
    dialog = SignInDialog(link, location, operations)
    dialog.show()
    dialog.login.setText(login)
    dialog.password.setText(password)
    dialog.submit()
    if not _wait_until(lambda: dialog.user is not None or dialog.message.text() != "", timeout_s):
        raise CheckFailed("登录超时", "sign-in did not finish")
    if dialog.user is None:
        raise CheckFailed(f"登录失败：{dialog.message.text()}", "sign-in was refused")
    user = dialog.user
    dialog.deleteLater()
    window = MainWindow(link.client(user), link, user, location, preferences, operations)
    operations.setParent(window)  # the worker pools go with the window
    first_page = threading.Event()
    window.archive_view.model.first_page_shown.connect(first_page.set)
    window.show()
    window.load()
    if not _wait_until(first_page.is_set, timeout_s):
        close_main_window(window)
        raise CheckFailed("主窗口未显示档案列表", "the main window did not show its first page of clips")
    return window


def close_main_window(window: "MainWindow") -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _process_age_s() -> float | None:
    """Seconds since this process was created (Linux: from /proc), None where that is not known."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return max(0.0, uptime - ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def run_startup(archive_folder: Path, login: str, password: str) -> int:
    """A cold start as a user sees it, on an existing embedded archive: one `phase seconds` line per phase.

    Seconds count from this module's import; `launch` is how long the process had run by then (the
    PyInstaller bootloader or the interpreter, and the launcher's imports), where the OS tells.
    """
    age = _process_age_s()
    phases: list[tuple[str, float]] = [] if age is None else [("launch", age - (time.perf_counter() - STARTED))]
    from ui.app import install_translators
    from ui.common import prefs
    from ui.common.application import application
    from workstation.archive import Archive

    phases.append(("imports", time.perf_counter() - STARTED))
    app = application([sys.argv[0], "-platform", "offscreen"])
    app.setOrganizationName(prefs.ORGANIZATION)
    app.setApplicationName(prefs.APPLICATION)
    install_translators(app, "zh_CN")
    archive = Archive.open_embedded(archive_folder)
    phases.append(("archive_open", time.perf_counter() - STARTED))
    with tempfile.TemporaryDirectory(prefix="workstation-start-") as temporary:
        try:
            window = open_main_window(archive, str(archive_folder), login, password, Path(temporary), 60.0)
        except CheckFailed as error:
            _say(f"[失败 FAIL] 冷启动 / cold start: {error}")
            archive.close()
            return 1
        phases.append(("first_page_shown", time.perf_counter() - STARTED))
        for name, seconds in phases:
            _say(f"startup {name} {seconds:.3f}")
        _say("startup main_window_shown")
        close_main_window(window)
    archive.close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workstation --smoke-test", description="安装自检 / installation smoke test")
    parser.add_argument("--startup", action="store_true", help="测量冷启动时间 / time a cold start (needs --archive)")
    parser.add_argument("--archive", type=Path, help="嵌入式档案库文件夹 / embedded archive folder")
    parser.add_argument("--user", default="admin", help="登录名 / login (password on stdin)")
    return parser


def main(arguments: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(arguments)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication: no display needed, none used
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")  # a CI pipe is not always UTF-8
    if sys.stdout is None:
        return 2  # the windowed executable has no console: run the console one (workstation.exe)
    watchdog = _start_watchdog(WATCHDOG_S)
    try:
        if args.startup:
            if args.archive is None:
                parser.error("--startup needs --archive")
            return run_startup(args.archive, args.user, sys.stdin.readline().rstrip("\r\n"))
        return run_checks()
    finally:
        watchdog.cancel()
