"""A review PC keeps no database credentials anywhere (issue 12): only the server holds them.

A real server serves a PostgreSQL archive through its own database account (a role, password and database
with names found nowhere else) or an embedded archive folder. A review PC — the real command line with a
home, configuration folder, caches and file-based credential store of its own — signs in, works, lives
through a database outage (the server's refusals reach it) and works again. Afterwards nothing it keeps
(every file under its home, and every entry of its credential store, decoded) nor anything it was told
(its output) mentions the database's address, name, account or password, the archive folder or the
media root; the credential store holds the session token alone, under the server's address.
"""

import base64
import configparser
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyrings.alt.escape import unescape
from sqlalchemy import text
from sqlalchemy.engine import make_url

from db.engine import create_archive_engine
from tests.conftest import TEMPLATE_DATABASE
from tests.helpers.access_builders import PASSWORD
from tests.helpers.archive_server import ServerProcess, running_server
from tests.helpers.postgres import start_server, stop_server
from tests.helpers.spotcheck_builders import build_spotcheck_org
from workstation.archive import Archive
from workstation.cli.target import TOKEN_SERVICE


class Branch:
    """The archive behind the server, what only the server may know of it, and how to take it offline."""

    def __init__(self, kind: str, archive: Archive, secrets: list[str], postgres: str | None) -> None:
        self.kind, self.archive, self.secrets, self.postgres = kind, archive, secrets, postgres


@pytest.fixture(params=["sqlite", "postgresql"])
def branch(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Branch]:
    tag = uuid.uuid4().hex[:10]
    media = tmp_path / f"branch-media-{tag}"
    if request.param == "sqlite":
        folder = tmp_path / f"branch-archive-{tag}"
        archive = Archive.open_embedded(folder, create=True)
        yield Branch("sqlite", archive, [folder.name, "archive.sqlite"], None)
        archive.close()
        return
    postgres = request.getfixturevalue("postgres_server")
    role, password, name = f"srv_{tag}", f"pw_{uuid.uuid4().hex}", f"branch_{tag}"
    admin = create_archive_engine(postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'"))
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DATABASE}"))
    owner = create_archive_engine(make_url(postgres).set(database=name), isolation_level="AUTOCOMMIT")
    with owner.connect() as connection:
        connection.execute(text(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}"))
        connection.execute(text(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}"))
    owner.dispose()
    media.mkdir()
    url = make_url(postgres).set(database=name, username=role, password=password)
    archive = Archive.open_url(url, media)
    address = f"{url.host}:{url.port}"
    yield Branch("postgresql", archive, [role, password, name, address, "postgresql", media.name], postgres)
    archive.close()
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        connection.execute(text(f"DROP ROLE IF EXISTS {role}"))
    admin.dispose()


def test_a_review_pc_keeps_no_database_credentials_anywhere(branch: Branch, tmp_path: Path):
    build_spotcheck_org(branch.archive)
    pc = tmp_path / "review-pc"
    with running_server(branch.kind, branch.archive, tmp_path) as server:
        run = _review_pc(server, pc)
        told = [run("login", "--user", "checker1", "--password-stdin", stdin=f"{PASSWORD}\n")]
        told.append(run("clips", "--format", "json"))
        if branch.postgres is not None:  # the server's database goes away: what the PC is told of it
            stop_server(branch.postgres)
            try:
                told.append(run("clips", "--format", "json", expect=2))
            finally:
                start_server(branch.postgres)
        told.append(run("clips", "--format", "json"))

    kept = {path: path.read_bytes().decode(errors="replace") for path in pc.rglob("*") if path.is_file()}
    store = _credential_store(pc)
    assert list(store) == [TOKEN_SERVICE], store  # the session token, and nothing else
    assert list(store[TOKEN_SERVICE]) == [server.url]
    everything = {**{str(path): content for path, content in kept.items()}, "credential store": str(store)}
    everything |= {f"output {n}": output for n, output in enumerate(told)}
    secrets = [*branch.secrets, str(server.pin.parent.parent / "config"), "keyring-data"]
    found = {(where, secret) for where, content in everything.items() for secret in secrets if secret in content}
    assert found == set(), f"the review PC keeps or was told what only the server may know: {found}"


def _review_pc(server: ServerProcess, pc: Path):
    """`workstation --server URL --pin CERT …` on a computer of its own (home, configuration, caches and
    credential store under `pc`, nothing of the server's environment); returns a runner."""
    home = pc / "home"
    env = {
        name: value
        for name, value in server.env.items()
        if not name.startswith(("XDG_", "PG", "WORKSTATION_")) and name != "HOME"
    }
    env |= {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "WORKSTATION_CONFIG_DIR": str(pc / "config"),
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
    }
    base = [*server.command, "--server", server.url, "--pin", str(server.pin)]

    def run(*arguments: str, stdin: str = "", expect: int = 0) -> str:
        done = subprocess.run([*base, *arguments], input=stdin, capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == expect, done.stderr
        return done.stdout + done.stderr

    return run


def _credential_store(pc: Path) -> dict[str, dict[str, str]]:
    """Every entry of the PC's file-based credential store, decoded: service → user → secret."""
    (file,) = (pc / "home").rglob("keyring_pass.cfg")
    parser = configparser.RawConfigParser()
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keep the names as written
    parser.read(file, encoding="utf-8")
    return {
        unescape(section): {unescape(key): base64.b64decode(value).decode() for key, value in parser.items(section)}
        for section in parser.sections()
        if section != "keyring-setting"
    }
