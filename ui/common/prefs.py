"""Per-user preferences in QSettings (INI), every key declared once here with its type and default."""

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "BodycamWorkstation"
APPLICATION = "workstation"


@dataclass(frozen=True)
class _Key:
    name: str
    default: Any
    kind: type


LANGUAGE = _Key("ui/language", "zh_CN", str)  # "zh_CN" or "en"
IDLE_LOCK_MINUTES = _Key("security/idle_lock_minutes", 10, int)
LAST_PROFILE = _Key("archive/last_profile", "", str)
WINDOW_GEOMETRY = _Key("window/geometry", QByteArray(), QByteArray)
BROWSER_SPLITTER = _Key("window/browser_splitter", QByteArray(), QByteArray)
BROWSER_COLUMNS = _Key("window/browser_columns", QByteArray(), QByteArray)
KEYS = (LANGUAGE, IDLE_LOCK_MINUTES, LAST_PROFILE, WINDOW_GEOMETRY, BROWSER_SPLITTER, BROWSER_COLUMNS)


class Preferences:
    """Typed access to the user's settings; unknown keys are refused (a typo would otherwise go unseen)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
        )

    def get(self, key: _Key) -> Any:
        if key not in KEYS:
            raise KeyError(key.name)
        value = self._settings.value(key.name, key.default)
        if key.kind is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray()
        try:
            return key.kind(value)
        except (TypeError, ValueError):
            return key.default

    def set(self, key: _Key, value: Any) -> None:
        if key not in KEYS:
            raise KeyError(key.name)
        self._settings.setValue(key.name, value)
        self._settings.sync()
