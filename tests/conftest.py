"""Fixtures shared by the whole suite: offscreen Qt, isolated config and keyring, archives on both databases."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # without it a display-less pytest-qt run aborts

import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from db import migrate
from db.engine import create_archive_engine
from tests.helpers.postgres import throwaway_server
from workstation import clock
from workstation.archive import Archive
from workstation.audit.keys import KEY_FILE_ENV
from workstation.org import passwords

TEMPLATE_DATABASE = "archive_template"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """The OS credential store stand-in for tests: a dict (never a file)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.store[(service, username)]
        except KeyError as error:
            raise keyring.errors.PasswordDeleteError(username) from error


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session", autouse=True)
def audit_key_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every archive of the test session keeps its audit keys in one key file (by archive id), which the CLI,
    server and bundle subprocesses find through the same environment variable. A test about the key store
    itself points the variable elsewhere (monkeypatch)."""
    path = tmp_path_factory.mktemp("audit-keys") / "audit-keys.json"
    previous = os.environ.get(KEY_FILE_ENV)
    os.environ[KEY_FILE_ENV] = str(path)
    yield path
    if previous is None:
        del os.environ[KEY_FILE_ENV]
    else:
        os.environ[KEY_FILE_ENV] = previous


TEST_CLOCK_START = os.environ.get("WORKSTATION_TEST_CLOCK", "2026-11-22T14:05:09+08:00")
"""When every test starts, by the program's clock (ISO 8601 with its offset). CI runs the time-sensitive
tests at several such instants (near midnight CST too) and under several TZ; see tools/clock_matrix.sh."""


@pytest.fixture(scope="session", autouse=True)
def project_clock() -> Iterator[datetime]:
    """The program's clock reads TEST_CLOCK_START when the test session starts and then runs on: no test
    depends on the wall clock or the machine's time zone. Yields the start (archive-local, naive)."""
    start = datetime.fromisoformat(TEST_CLOCK_START).astimezone(clock.ARCHIVE_ZONE).replace(tzinfo=None)
    previous = clock.use(clock.running_from(start))
    yield start
    clock.use(previous)


@pytest.fixture(autouse=True)
def fast_password_hashing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at the production cost takes about 0.3 s and 128 MiB a hash; tests that are not about the cost
    hash at the oldest cost the program accepts (0.02 s). Mark a test `real_password_cost` to keep it.
    Subprocesses (the CLI, the bundle's smoke test) always run at the production cost."""
    if "real_password_cost" not in request.keywords:
        monkeypatch.setattr(passwords, "current_cost", passwords.OLDEST)


@pytest.fixture(autouse=True)
def isolated_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("WORKSTATION_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """One throwaway server for the session, with a template database migrated to head."""
    with throwaway_server() as url:
        admin = create_archive_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {TEMPLATE_DATABASE}"))
        template = create_archive_engine(make_url(url).set(database=TEMPLATE_DATABASE))
        migrate.upgrade(template)
        template.dispose()
        admin.dispose()
        yield url


@pytest.fixture
def postgres_database(postgres_server: str) -> Iterator[str]:
    """A fresh database copied from the migrated template; dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_archive_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DATABASE}"))
    url = make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    copy = create_archive_engine(url)
    with copy.begin() as connection:  # each copy is an archive of its own, with keys of its own
        connection.execute(text("UPDATE archive_identity SET archive_id = :id"), {"id": str(uuid.uuid4())})
    copy.dispose()
    yield url
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_kind(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def archive(database_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Archive]:
    """An empty, migrated archive: embedded SQLite, or PostgreSQL with a media root in tmp_path."""
    if database_kind == "sqlite":
        opened = Archive.open_embedded(tmp_path / "archive", create=True)
    else:
        url = request.getfixturevalue("postgres_database")
        (tmp_path / "media").mkdir()
        opened = Archive.open_url(url, tmp_path / "media")
    yield opened
    opened.close()
