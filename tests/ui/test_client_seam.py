"""The window never opens a database session: it asks the archive client (issue 11).

The import contract "ui uses the archive only through workstation.client" (pyproject.toml, lint-imports)
keeps service modules out of ui/; this test keeps database sessions out, which an import cannot show.
"""

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
SESSION = re.compile(r"sessions\.(read|write)\(")


def test_no_view_opens_a_database_session():
    found = [
        f"{path.relative_to(UI)}:{number}"
        for path in sorted(UI.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SESSION.search(line)
    ]
    assert found == []


def test_the_check_finds_a_session():
    assert SESSION.search("        with self._archive.sessions.read() as session:")
    assert SESSION.search("with archive.sessions.write() as s:")
