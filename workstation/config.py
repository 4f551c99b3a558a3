"""Where the workstation keeps its configuration, and the deployment settings file.

Deployment settings (ingest name patterns, station name) live in one TOML file, `workstation.toml`, in
the configuration folder. Per-user UI preferences are the UI's business (QSettings), not this module's.
"""

import os
import sys
import tomllib
from pathlib import Path
from typing import Any

APP_FOLDER = "BodycamWorkstation"
SETTINGS_FILE = "workstation.toml"


def config_dir() -> Path:
    """The configuration folder: WORKSTATION_CONFIG_DIR, else %APPDATA% or ~/.config."""
    override = os.environ.get("WORKSTATION_CONFIG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / APP_FOLDER
    return Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "bodycam-workstation"


def load_settings() -> dict[str, Any]:
    """The deployment settings, or {} when there is no settings file."""
    path = config_dir() / SETTINGS_FILE
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)
