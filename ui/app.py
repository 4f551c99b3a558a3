"""Start the GUI: translators (Simplified Chinese by default), archive connection, sign-in, main window."""

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QStandardPaths, Qt, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.common import prefs
from ui.common.application import application
from ui.common.error_text import describe
from ui.common.memory import freeze_startup_heap
from ui.common.tasks import Operations
from ui.shell.connection_dialog import ConnectionDialog
from ui.shell.main_window import MainWindow
from ui.shell.sign_in_dialog import FirstAdministratorDialog, SignInDialog
from ui.shell.windows import signed_in_window
from workstation import cli, crash_log
from workstation.cli import target
from workstation.client.connection import ServerConnection
from workstation.client.links import ArchiveLink, EmbeddedLink, ServerLink
from workstation.errors import EnvironmentProblem, WorkstationError
from workstation.profiles import load_profiles

_log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
TRANSLATIONS = RESOURCES / "translations"
ICON = RESOURCES / "icons" / "workstation.png"
DEFAULT_LANGUAGE = "zh_CN"


def install_translators(app: QApplication, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Our .qm and Qt's own (qtbase_) for the language; English needs neither (source strings)."""
    translators: list[QTranslator] = []
    if language.startswith("en"):
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return translators
    for name, folder in (
        (f"workstation_{language}", str(TRANSLATIONS)),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
        else:
            _log.warning("translation %s not found in %s", name, folder)
    QLocale.setDefault(QLocale(language))
    return translators


def thumbnail_cache() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)) / "thumbnails"


def _remembered_profile(preferences: prefs.Preferences) -> str | None:
    """The profile used last; else the only one there is (an IT-configured branch workstation); else none,
    which means the embedded archive on this computer."""
    last: str | None = preferences.get(prefs.LAST_PROFILE)
    if last and last in load_profiles():
        return last
    profiles = list(load_profiles())
    return profiles[0] if len(profiles) == 1 else None


def _open(
    args: argparse.Namespace, preferences: prefs.Preferences, operations: Operations
) -> tuple[ArchiveLink, str] | None:
    """Open the archive named on the command line (--archive, --profile, --server), the last profile, or the
    default embedded archive: an archive opened here, or a connection to the archive server (which is
    first reached when signing in).

    An unreachable archive offers Retry and Change connection instead of a traceback.
    """
    profile = args.profile or (None if args.archive or args.server else _remembered_profile(preferences))
    while True:
        try:
            if profile:
                args.profile, args.archive, args.server, args.pin = profile, None, None, None
            target.use_server_profile(args)
            if target.remote(args):
                location = f"{profile} ({args.server})" if profile else str(args.server)
                return ServerLink(ServerConnection(str(args.server), args.pin)), location
            location = profile or str(args.archive or target.default_archive_folder())
            return EmbeddedLink(target.open_archive(args, create=True), thumbnail_cache()), location
        except WorkstationError as error:
            box = QMessageBox(
                QMessageBox.Icon.Warning, QApplication.translate("app", "Cannot open the archive"), describe(error)
            )
            retry = box.addButton(QApplication.translate("app", "Retry"), QMessageBox.ButtonRole.AcceptRole)
            change = box.addButton(
                QApplication.translate("app", "Change connection…"), QMessageBox.ButtonRole.ActionRole
            )
            box.addButton(QApplication.translate("app", "Quit"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is retry:
                continue
            if box.clickedButton() is not change:
                return None
            dialog = ConnectionDialog(operations)
            if dialog.exec() != ConnectionDialog.DialogCode.Accepted or not dialog.chosen:
                return None
            profile = dialog.chosen
            preferences.set(prefs.LAST_PROFILE, profile)


def show_unexpected_errors(app: QApplication) -> None:
    """An error no view handled (a bug) is logged for support and shown as a message; the window stays."""

    def on_error(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            app.quit()
            return
        try:
            where = app.translate("app", "The details were written to {0}; please send that file to support.").format(
                crash_log.write(error.with_traceback(trace), "GUI")
            )
        except OSError:
            where = ""
        QMessageBox.critical(
            app.activeWindow(),
            app.translate("app", "Internal error"),
            app.translate(
                "app", "Something went wrong inside the program ({0}). What was saved before is kept."
            ).format(type(error).__name__)
            + " "
            + where,
        )

    sys.excepthook = on_error


def run_gui(arguments: Sequence[str]) -> int:
    args = cli.parse_arguments(arguments)
    app = application(sys.argv[:1])
    show_unexpected_errors(app)
    app.setOrganizationName(prefs.ORGANIZATION)
    app.setApplicationName(prefs.APPLICATION)
    app.setWindowIcon(QIcon(str(ICON)))
    preferences = prefs.Preferences()
    install_translators(app, preferences.get(prefs.LANGUAGE))
    operations = Operations()  # the one set of worker threads every window runs its work on
    try:
        return _run_signed_in(app, args, preferences, operations)
    finally:
        operations.wait()
        operations.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _run_signed_in(
    app: QApplication, args: argparse.Namespace, preferences: prefs.Preferences, operations: Operations
) -> int:
    """Open the archive, sign in, run the main window until it closes; the exit code."""
    opened = _open(args, preferences, operations)
    if opened is None:
        return 2
    link, location = opened
    try:
        return _sign_in_and_run(app, link, location, preferences, operations)
    finally:
        link.close()  # signs out of the server


def _sign_in_and_run(
    app: QApplication, link: ArchiveLink, location: str, preferences: prefs.Preferences, operations: Operations
) -> int:
    if isinstance(link, EmbeddedLink) and not _first_administrator_ready(app, link):
        return 2
    sign_in = SignInDialog(link, location, operations)
    if sign_in.exec() != SignInDialog.DialogCode.Accepted or sign_in.user is None:
        return 0
    window = signed_in_window(link, sign_in.user, location, preferences, operations)
    window.show()
    if isinstance(window, MainWindow):
        window.archive_view.model.first_page_shown.connect(freeze_startup_heap, Qt.ConnectionType.SingleShotConnection)
    window.load()
    code = app.exec()
    operations.wait()  # no worker may hold a database session when the archive closes
    window.deleteLater()  # destroy the widgets before the application object goes
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return code


def _first_administrator_ready(app: QApplication, link: EmbeddedLink) -> bool:
    """A new embedded archive gets its first administrator before anyone signs in; False: not set up."""
    try:
        first_run = link.needs_first_administrator()
    except EnvironmentProblem as error:
        QMessageBox.critical(None, app.translate("app", "Cannot open the archive"), describe(error))
        return False
    dialog = FirstAdministratorDialog(link.archive) if first_run else None
    return dialog is None or dialog.exec() == FirstAdministratorDialog.DialogCode.Accepted
