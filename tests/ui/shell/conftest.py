"""The shell's fixtures: preferences in a file of the test's own, an archive with footage (`filled`), and
`archive_link`: the way into that archive the window signs in through — the archive opened in this process
(embedded) or a real archive server process in front of it (remote, over TLS on loopback) — so a test
taking it runs against both (and, through `filled`, on SQLite and PostgreSQL)."""

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QSettings

from tests.helpers.archive_server import running_server
from tests.helpers.builders import build_org, recorder_dump
from ui.common import prefs
from workstation.client.connection import ServerConnection
from workstation.client.links import ArchiveLink, EmbeddedLink, ServerLink
from workstation.footage.ingest import IngestOptions, ingest
from workstation.identity import Identity

STATION = Identity.system("采集站1")


@pytest.fixture
def preferences(tmp_path):
    return prefs.Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def filled(archive, tmp_path):
    """Seven clips: three of officer 010203 (DD01) on 2026-11-21 and two of 010204 (DD02) on 2026-11-20,
    with their recorders' logs."""
    build_org(archive)
    recorder_dump(tmp_path / "a", "DEV0001", "010203", datetime(2026, 11, 21, 8, 30), clips=3, seed=1)
    recorder_dump(tmp_path / "b", "DEV0002", "010204", datetime(2026, 11, 20, 9, 0), clips=2, seed=2)
    ingest(archive, [tmp_path / "a", tmp_path / "b"], IngestOptions(who=STATION))
    return archive


@pytest.fixture(params=["embedded", "remote"])
def archive_link(request, filled, database_kind, tmp_path) -> Iterator[ArchiveLink]:
    """The filled archive, opened here or behind a running archive server."""
    if request.param == "embedded":
        yield EmbeddedLink(filled, tmp_path / "thumbs")  # the archive fixture closes the archive
        return
    with running_server(database_kind, filled, tmp_path) as server:
        link = ServerLink(ServerConnection(server.url, server.pin))
        yield link
        link.close()
