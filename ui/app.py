"""Start the GUI: Qt application, translators (Simplified Chinese by default), archive, main window."""

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.main_window import MainWindow
from workstation import cli
from workstation.errors import WorkstationError

_log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
DEFAULT_LANGUAGE = "zh_CN"


def install_translators(app: QApplication, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Our .qm and Qt's own (qtbase_) for the language; English needs neither (source strings)."""
    translators = []
    if language.startswith("en"):
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


def run_gui(arguments: Sequence[str]) -> int:
    args = cli.build_parser().parse_args(arguments)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("BodycamWorkstation")
    install_translators(app)
    try:
        archive = cli.open_archive(args, create=True)
    except WorkstationError as error:
        QMessageBox.critical(None, app.translate("run_gui", "Cannot open the archive"), str(error))
        return 2
    location = args.profile or str(args.archive or cli.default_archive_folder())
    window = MainWindow(archive, location)
    window.show()
    window.load()
    return app.exec()
