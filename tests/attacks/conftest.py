"""Attacks by someone with write access to the database (issue 13), each scripted against a copy of the demo
archive: raw SQL on the archive's SQLite file, the append-only triggers switched off and back on, then the
real command line in a subprocess, which must exit 1 and name the row."""

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers.spotcheck_builders import demo_copy
from workstation.archive import EMBEDDED_DATABASE

REPOSITORY = Path(__file__).resolve().parents[2]
GUARDS = (
    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END",
    "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END",
)


@pytest.fixture
def demo_folder(tmp_path: Path) -> Path:
    """A copy of the demo archive (6 officers, 2 days, a day already checked), closed again."""
    demo_copy(tmp_path / "archive").close()
    return tmp_path / "archive"


def tamper(folder: Path, attack: Callable[[sqlite3.Connection], None]) -> None:
    """Run `attack` on the archive's database with the audit log's guards off, then put them back."""
    connection = sqlite3.connect(folder / EMBEDDED_DATABASE)
    try:
        connection.execute("DROP TRIGGER audit_events_no_update")
        connection.execute("DROP TRIGGER audit_events_no_delete")
        attack(connection)
        for guard in GUARDS:
            connection.execute(guard)
        connection.commit()
    finally:
        connection.close()


def workstation(folder: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """The real `workstation --archive FOLDER ...` in a subprocess (the key file comes from the environment)."""
    env = {**os.environ, "PYTHONPATH": str(REPOSITORY), "WORKSTATION_CONFIG_DIR": str(folder.parent / "config")}
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--archive", str(folder), *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
