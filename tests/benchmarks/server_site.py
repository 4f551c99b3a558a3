"""A real archive server (`workstation serve` on loopback, TLS) in front of a benchmark's bulk-loaded clip archive.

The clip archives of tests/benchmarks/conftest.py hold rows only; `give_media` puts a real file where a few
clips' media should be (hard links of one file, so that 50 clips cost one file's space), enough for the
server to stream them. Users are added with tests.helpers.access_builders (one password for all), and
signed in through the program's own client, in parallel (a sign-in costs the server a 0.3 s scrypt).
"""

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import Clip, User
from tests.benchmarks.conftest import ClipArchive
from tests.helpers.access_builders import PASSWORD, add_users
from tests.helpers.archive_server import ServerProcess, running_server
from workstation.client.connection import ServerConnection
from workstation.client.remote import RemoteClient
from workstation.types import Role

SIGN_IN_THREADS = 8


@dataclass
class ServedClips:
    """A bulk-loaded clip archive and the server in front of it."""

    clips: ClipArchive
    server: ServerProcess

    def ensure_users(self, staff: Sequence[tuple[str, Role, str]]) -> None:
        """Add the users (login, role, unit code) that the archive does not have yet (fixtures are shared)."""
        with self.clips.archive.sessions.read() as session:
            known = set(session.execute(select(User.login)).scalars())
        missing = [member for member in staff if member[0] not in known]
        if missing:
            add_users(self.clips.archive, missing)

    def sign_in(self, logins: Sequence[str]) -> list[RemoteClient]:
        """One signed-in connection per login (the caller closes them with `close_all`)."""

        def connect(login: str) -> RemoteClient:
            connection = ServerConnection(self.server.url, self.server.pin)
            connection.sign_in(login, PASSWORD)
            return RemoteClient(connection, connection.current_user())

        with ThreadPoolExecutor(SIGN_IN_THREADS) as pool:
            return list(pool.map(connect, logins))


def close_all(clients: Sequence[RemoteClient]) -> None:
    for client in clients:
        client.connection.close()


@contextmanager
def serving(clip_archive: ClipArchive, folder: Path, options: Sequence[str] = ()) -> Iterator[ServedClips]:
    """The server over `clip_archive`, its configuration (and for PostgreSQL its profile) in `folder`; `options`
    are added to its command line (e.g. --workers 2)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKSTATION_CONFIG_DIR", str(folder / "config"))
        with running_server(clip_archive.kind, clip_archive.archive, folder, options) as server:
            yield ServedClips(clip_archive, server)


def give_media(clip_archive: ClipArchive, clip_ids: Sequence[int], media: Path) -> None:
    """Make `media` the file of each clip (a hard link at the clip's media path; its row is left as loaded:
    the server streams whatever file the path holds)."""
    archive = clip_archive.archive
    with archive.sessions.read() as session:
        paths = session.execute(select(Clip.media_path).where(Clip.id.in_(clip_ids))).scalars().all()
    for media_path in paths:
        target = archive.absolute_path(media_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            os.link(media, target)
