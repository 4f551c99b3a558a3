"""Where and how a package is written: the format (folder, ZIP, disc image) and the place on the user's medium.

A folder package is written as a folder named after the export number inside the folder the user picks; a ZIP
or a disc image is the file the user names. Writing again to the same place resumes an interrupted package.
"""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.evidence.labels import format_name
from workstation import clock
from workstation.evidence.types import ExportFormat

SUFFIXES = {ExportFormat.ZIP: ".zip", ExportFormat.ISO: ".iso"}


class OutputChooser(QWidget):
    """The format box and the location (typed, or chosen with 选择…). Signals: changed()."""

    changed = Signal()

    def __init__(self, export_no: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._export_no = export_no
        self.format_box = QComboBox(self)
        for fmt in ExportFormat:
            self.format_box.addItem(format_name(fmt), fmt)
        self.location = QLineEdit(self)
        self.browse = QPushButton(self.tr("Choose…"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.format_box)
        layout.addWidget(self.location, 1)
        layout.addWidget(self.browse)
        self.format_box.currentIndexChanged.connect(self._on_format)
        self.location.textChanged.connect(self.changed)
        self.browse.clicked.connect(self.choose)
        self._on_format()

    def fmt(self) -> ExportFormat:
        return ExportFormat(self.format_box.currentData())

    def set_target(self, out: Path, fmt: ExportFormat) -> None:
        """Show a place chosen before (a retry): the package path itself, as `package_path` gave it."""
        self.format_box.setCurrentIndex(self.format_box.findData(fmt))
        self.location.setText(str(out.parent if fmt is ExportFormat.FOLDER else out))

    def package_path(self, export_no: str) -> Path | None:
        """Where the package goes (None while no place is given)."""
        text = self.location.text().strip()
        if not text:
            return None
        if (fmt := self.fmt()) is ExportFormat.FOLDER:
            return Path(text) / export_no
        place = Path(text)
        return place if place.suffix.lower() == SUFFIXES[fmt] else place.with_name(place.name + SUFFIXES[fmt])

    def choose(self) -> None:
        fmt, current = self.fmt(), self.location.text().strip()
        if fmt is ExportFormat.FOLDER:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder to write the package into"), current)
        else:
            suggested = current or self._file_name(fmt)
            pattern = self.tr("ZIP (*.zip)") if fmt is ExportFormat.ZIP else self.tr("Disc image (*.iso)")
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the package as"), suggested, pattern)
        if chosen:
            self.location.setText(chosen)

    def _file_name(self, fmt: ExportFormat) -> str:
        stem = self._export_no or f"DC-{clock.now():%Y%m%d-%H%M%S}"
        return stem + SUFFIXES[fmt]

    def _on_format(self) -> None:
        """Keep a place already given meaningful for the new format (a folder for a folder, a file otherwise)."""
        fmt, text = self.fmt(), self.location.text().strip()
        self.location.setPlaceholderText(
            self.tr("Folder (the package folder is made inside it)")
            if fmt is ExportFormat.FOLDER
            else self.tr("File name of the package")
        )
        if not text:
            return
        place = Path(text)
        if fmt is ExportFormat.FOLDER:
            self.location.setText(str(place.parent) if place.suffix.lower() in SUFFIXES.values() else text)
        elif place.suffix.lower() in SUFFIXES.values():
            self.location.setText(str(place.with_suffix(SUFFIXES[fmt])))
        else:
            self.location.setText(str(place / self._file_name(fmt)))


class OutputDialog(QDialog):
    """Asks where and how to write an authorised or interrupted export (制作/继续 on the 证据导出 page)."""

    def __init__(self, export_no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.export_no = export_no
        self.setWindowTitle(self.tr("Write evidence package %1").replace("%1", export_no))
        self.setMinimumWidth(560)
        self.chooser = OutputChooser(export_no, self)
        hint = QLabel(
            self.tr("To go on with an interrupted package, choose the same format and place as before."), self
        )
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Format and place"), self))
        layout.addWidget(self.chooser)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.chooser.changed.connect(self._enable)
        self._enable()

    def target(self) -> Path | None:
        return self.chooser.package_path(self.export_no)

    def _enable(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.target() is not None)
