"""Where the workstation keeps its configuration, and the deployment settings file.

Deployment settings (ingest name patterns, spot-check defaults, the database wait, the mail server of
scheduled reports) live in one TOML file, `workstation.toml`, in the configuration folder. Per-user UI
preferences are the UI's business (QSettings), not this module's. The file is checked as a whole when it
is read: a syntax error, an unknown section or key (usually a typo) or a value of the wrong type is a
SettingsError naming the file, the place and what is expected, never a traceback in the middle of an import.
"""

import os
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workstation.errors import SettingsError

APP_FOLDER = "BodycamWorkstation"
SETTINGS_FILE = "workstation.toml"

_NUMBER = (int, float)
_SHARE = (str, int, float)  # "10%" or 0.1
SCHEMA: dict[str, dict[str, tuple[type, ...]]] = {
    "archive": {"busy_timeout_s": _NUMBER},
    "ingest": {"patterns": (list,)},
    "spotcheck": {
        "ratio": _SHARE,
        "min_per_officer": (int,),
        "min_coverage": _SHARE,
        "claim_minutes": (int,),
        "due_days": (int,),
    },
    "server": {
        "listen": (str,),
        "tls_cert": (str,),
        "tls_key": (str,),
        "session_idle_minutes": (int,),
        "session_hours": (int,),
        "workers": (int,),
    },
    "audit": {"key_file": (str,), "anchor_file": (str,)},
    "clocks": {"drift_limit_s_per_day": _NUMBER},
    "mail": {
        "host": (str,),
        "port": (int,),
        "security": (str,),
        "sender": (str,),
        "user": (str,),
        "ca_file": (str,),
        "timeout_s": _NUMBER,
    },
}
"""Every setting there is: section → key → the TOML types it may have."""
AREA_SECTIONS = frozenset({"prescreen"})
"""Sections whose keys follow another module's fields and are checked there (the pre-screen's thresholds are the
detectors' ScanSettings fields, per recorder model and for day and night: workstation.prescreen.settings)."""
PATTERN_KEYS = {"name": True, "regex": True, "time_format": False}
"""The keys of an [[ingest.patterns]] entry (all text) and whether each is required."""
_TYPE_CODES = {int: "integer", float: "number", str: "text", list: "list"}


def config_dir() -> Path:
    """The configuration folder: WORKSTATION_CONFIG_DIR, else %APPDATA% or ~/.config."""
    override = os.environ.get("WORKSTATION_CONFIG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / APP_FOLDER
    return Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "bodycam-workstation"


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> dict[str, Any]:
    """The deployment settings (of `path`, default the configuration folder's), checked against SCHEMA;
    {} when there is no settings file."""
    path = path or settings_path()
    try:
        with path.open("rb") as handle:
            settings = tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as error:
        raise SettingsError("settings_syntax", path=str(path), detail=str(error)) from error
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError("settings_unreadable", path=str(path), detail=str(error)) from error
    problems = list(_problems(settings))
    if problems:
        raise SettingsError("settings_invalid", path=str(path), problems=problems)
    return settings


@dataclass(frozen=True)
class SettingsProblem:
    """One thing wrong in workstation.toml, as data (the CLI and the window word it).

    kind: unknown_section, not_a_section, unknown_key, wrong_type, pattern_not_a_table,
    pattern_missing_key, pattern_unknown_key, pattern_not_text. `place` is the section (or, for a name
    pattern, its number); `expected` the type codes (integer, number, text, list) or the known names.
    """

    kind: str
    place: str
    key: str = ""
    expected: tuple[str, ...] = ()
    value: str = ""


def _problems(settings: dict[str, Any]) -> list[SettingsProblem]:
    problems = []
    for section, values in settings.items():
        if section in AREA_SECTIONS:
            continue
        keys = SCHEMA.get(section)
        if keys is None:
            problems.append(SettingsProblem("unknown_section", section, expected=(*SCHEMA, *sorted(AREA_SECTIONS))))
            continue
        if not isinstance(values, dict):
            problems.append(SettingsProblem("not_a_section", section))
            continue
        for key, value in values.items():
            allowed = keys.get(key)
            if allowed is None:
                problems.append(SettingsProblem("unknown_key", section, key, tuple(keys)))
            elif isinstance(value, bool) or not isinstance(value, allowed):
                expected = tuple(_TYPE_CODES[kind] for kind in allowed)
                problems.append(SettingsProblem("wrong_type", section, key, expected, repr(value)))
    patterns = settings.get("ingest", {}).get("patterns", [])
    if isinstance(patterns, list):
        problems += [
            problem for number, entry in enumerate(patterns, 1) for problem in _pattern_problems(number, entry)
        ]
    return problems


def _pattern_problems(number: int, entry: object) -> list[SettingsProblem]:
    place = str(number)
    if not isinstance(entry, dict):
        return [SettingsProblem("pattern_not_a_table", place, expected=tuple(PATTERN_KEYS))]
    problems = [
        SettingsProblem("pattern_missing_key", place, key)
        for key, required in PATTERN_KEYS.items()
        if required and key not in entry
    ]
    for key, value in entry.items():
        if key not in PATTERN_KEYS:
            problems.append(SettingsProblem("pattern_unknown_key", place, key, tuple(PATTERN_KEYS)))
        elif not isinstance(value, str):
            problems.append(SettingsProblem("pattern_not_text", place, key, ("text",)))
    return problems
