"""Run the real `workstation` command line in a subprocess against a test's archive, on either database.

An embedded archive is named with --archive; a PostgreSQL one through a connection profile whose password
sits in a (test-only, file-based) keyring backend that the subprocess reads.
"""

import os
import sys
from pathlib import Path

from keyrings.alt.file import PlaintextKeyring
from sqlalchemy.engine import URL, make_url

from workstation.archive import Archive
from workstation.profiles import KEYRING_SERVICE, Profile, save_profile

REPOSITORY = Path(__file__).resolve().parents[2]


def postgresql_profile(url: URL, media_root: Path, name: str = "branch") -> Profile:
    """A connection profile named `name` for the PostgreSQL database at url (its password not included)."""
    return Profile(
        name=name,
        kind="postgresql",
        host=url.host,
        port=url.port,
        database=url.database,
        user=url.username,
        media_root=str(media_root),
    )


def cli_invocation(database_kind: str, archive: Archive, tmp_path: Path) -> tuple[list[str], dict[str, str]]:
    """`python -m ui.launcher --archive DIR` (or `--profile NAME`) reaching the archive, and its environment."""
    env = {**os.environ, "WORKSTATION_CONFIG_DIR": str(tmp_path / "config"), "PYTHONPATH": str(REPOSITORY)}
    if database_kind == "sqlite":
        where = ["--archive", str(archive.media_root.parent)]
    else:
        env["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
        env["XDG_DATA_HOME"] = str(tmp_path / "keyring-data")
        url = make_url(archive.engine.url.render_as_string(hide_password=False))
        save_profile(postgresql_profile(url, archive.media_root))
        os.environ["XDG_DATA_HOME"] = env["XDG_DATA_HOME"]
        try:
            PlaintextKeyring().set_password(KEYRING_SERVICE, f"branch:{url.username}", url.password)
        finally:
            del os.environ["XDG_DATA_HOME"]
        where = ["--profile", "branch"]
    return [sys.executable, "-m", "ui.launcher", *where], env
