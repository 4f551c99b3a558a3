"""Preferences: interface language and the idle lock."""

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from ui.common import prefs


class SettingsDialog(QDialog):
    def __init__(self, preferences: prefs.Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preferences = preferences
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.get(prefs.LANGUAGE))))
        self.idle_minutes = QSpinBox(minimum=0, maximum=240, suffix=self.tr(" min"))
        self.idle_minutes.setSpecialValueText(self.tr("never"))
        self.idle_minutes.setValue(preferences.get(prefs.IDLE_LOCK_MINUTES))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(QLabel(self.tr("A new language applies after the program restarts.")))
        form.addRow(self.tr("Lock the screen when idle for"), self.idle_minutes)
        form.addRow(buttons)

    def save(self) -> None:
        self._preferences.set(prefs.LANGUAGE, self.language.currentData())
        self._preferences.set(prefs.IDLE_LOCK_MINUTES, self.idle_minutes.value())
        self.accept()
