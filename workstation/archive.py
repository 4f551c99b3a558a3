"""The branch archive: a database (metadata) plus a media root (the folder tree of original files).

Embedded archive: one folder holding `archive.sqlite` and `media/`, so the program runs with no server; the
folder is for the account that runs the program only (workstation.private_folder).
Shared archive: a PostgreSQL database and a media root on a network share, used by several
workstations at once. The same code and migrations serve both.

Opening checks what can be checked cheaply: an embedded database file must be a whole SQLite file, and
the schema must be one this program knows — older ones are upgraded (embedded) or refused until
`workstation db upgrade` (shared), newer ones are refused with "upgrade the program". Database errors
during work reach the caller as typed errors (workstation.database_errors).
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from alembic.util import CommandError
from sqlalchemy import Engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from db import migrate
from db.engine import SQLITE_BUSY_TIMEOUT_MS, create_archive_engine, sqlite_url
from db.session import Sessions
from workstation import config, database_errors
from workstation.audit.chain import SESSION_KEYS
from workstation.audit.keys import ArchiveKeys
from workstation.errors import ArchiveDamaged, ArchiveNeedsUpgrade, ArchiveTooNew, ArchiveUnavailable, MigrationFailed
from workstation.private_folder import make_private_folder

_log = logging.getLogger(__name__)

EMBEDDED_DATABASE = "archive.sqlite"
EMBEDDED_MEDIA = "media"
SQLITE_HEADER = b"SQLite format 3\x00"


class ArchiveSessions(Sessions):
    """Sessions whose database errors arrive as the typed errors a user can act on."""

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._translated(), super().read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._translated(), super().write() as session:
            yield session

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as error:
            typed = database_errors.translate(error, self.engine.url)
            if typed is None:
                raise
            raise typed from error


class Archive:
    """An open archive. Thread-safe: each task opens its own session through `sessions`."""

    def __init__(self, engine: Engine, media_root: Path) -> None:
        self.engine = engine
        self.media_root = media_root
        self.folder: Path | None = None
        """The embedded archive's folder (database and media root); None for a shared archive."""
        self.audit_keys = ArchiveKeys()
        """The keys of the audit chain, from the key store outside the database (workstation.audit.keys)."""
        self.sessions = ArchiveSessions(engine, {SESSION_KEYS: self.audit_keys})

    @classmethod
    def open_embedded(cls, folder: Path, create: bool = False, upgrade: bool = True) -> "Archive":
        """Open (or with create=True, create) the embedded archive in `folder`; upgrades its schema, or with
        upgrade=False only checks that it is current (a server's worker process, once the server upgraded it:
        an upgrade rebuilds the statistics triggers, which two processes opening at once must not both do)."""
        folder = Path(folder)
        database = folder / EMBEDDED_DATABASE
        if not database.exists() and not create:
            raise ArchiveUnavailable("archive_not_found", folder=str(folder), database=EMBEDDED_DATABASE)
        check_sqlite_file(database)
        make_private_folder(folder)
        (folder / EMBEDDED_MEDIA).mkdir(mode=0o700, exist_ok=True)
        engine = create_archive_engine(sqlite_url(str(database)), busy_timeout_ms=_busy_timeout_ms())
        archive = cls(engine, folder / EMBEDDED_MEDIA)
        archive.folder = folder
        with archive._closed_on_error():
            if upgrade:
                archive.upgrade_schema()
            else:
                archive.check_schema()
        return archive

    @classmethod
    def open_url(cls, database_url: str | URL, media_root: Path, upgrade: bool = False) -> "Archive":
        """Open a shared archive. Its schema must be current, unless `upgrade` (`workstation db upgrade`)."""
        archive = cls(create_archive_engine(database_url), Path(media_root))
        with archive._closed_on_error():
            if upgrade:
                archive.upgrade_schema()
            else:
                archive.check_schema()
        return archive

    @contextmanager
    def _closed_on_error(self) -> Iterator[None]:
        """An archive that fails to open releases its connections at once."""
        try:
            yield
        except BaseException:
            self.close()
            raise

    def check_schema(self) -> None:
        """Raise unless the database is reachable and at the newest migration."""
        current, wanted = self._current_revisions(), migrate.head_revisions()
        if current != wanted:
            raise ArchiveNeedsUpgrade(current=sorted(current), wanted=sorted(wanted))

    def upgrade_schema(self) -> None:
        """Migrate to this program's schema. Unreachable, newer than this program, or a failed migration
        are told apart: only the first is a connection problem."""
        self._current_revisions()
        try:
            migrate.upgrade(self.engine)
        except DBAPIError as error:
            typed = database_errors.translate(error, self.engine.url)
            raise typed or MigrationFailed(detail=_migration_detail(error)) from error
        except (SQLAlchemyError, CommandError) as error:
            raise MigrationFailed(detail=_migration_detail(error)) from error

    def _current_revisions(self) -> frozenset[str]:
        """The schema revisions of the database; ArchiveTooNew when one is unknown to this program."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            current = migrate.current_revisions(self.engine)
        except DBAPIError as error:
            raise database_errors.translate(error, self.engine.url) or database_errors.unreachable(
                self.engine.url
            ) from error
        unknown = current - migrate.known_revisions()
        if unknown:
            raise ArchiveTooNew(where=database_errors.safe_location(self.engine.url), revisions=sorted(unknown))
        return current

    def absolute_path(self, media_path: str) -> Path:
        """Where an archived file lives on this workstation (media_path is stored with / separators)."""
        return self.media_root.joinpath(*PurePosixPath(media_path).parts)

    def close(self) -> None:
        self.engine.dispose()


def check_sqlite_file(database: Path) -> None:
    """ArchiveDamaged unless `database` is absent or a whole SQLite file: the header, a page size that
    divides the file, and no fewer bytes than the pages the header counts (a cut-off copy fails here)."""
    try:
        size = database.stat().st_size
        with database.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return
    except OSError as error:
        raise ArchiveUnavailable("database_unreadable", database=str(database), detail=str(error)) from error
    if size == 0:
        return  # SQLite's own empty database: nothing was ever written
    location = str(database)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise ArchiveDamaged("damaged_header", where=location)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_counts_pages = header[24:28] == header[92:96]  # "in-header database size" is valid
    if page_size < 512 or size % page_size:
        raise ArchiveDamaged("damaged_partial_page", where=location, size=size)
    if header_counts_pages and size < pages * page_size:
        raise ArchiveDamaged("damaged_truncated", where=location, size=size, expected=pages * page_size)


def _busy_timeout_ms() -> int:
    """How long a writer waits for another's lock: [archive] busy_timeout_s in workstation.toml."""
    seconds = config.load_settings().get("archive", {}).get("busy_timeout_s")
    return SQLITE_BUSY_TIMEOUT_MS if seconds is None else max(0, int(seconds * 1000))


def _migration_detail(error: Exception) -> str:
    """The first line of what the database said, for the support engineer."""
    return str(getattr(error, "orig", None) or error).splitlines()[0]
