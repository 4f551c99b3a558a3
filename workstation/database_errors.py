"""What a database error means for the user: one place turns driver errors into typed errors.

SQLAlchemy wraps every driver error; the message and the SQLSTATE tell a lost or refused connection from
a locked SQLite file, a damaged one or a full disk. Everything else (constraint violations, programming
errors) is not ours to reinterpret and passes through unchanged.
"""

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from workstation.errors import ArchiveBusy, ArchiveDamaged, ArchiveUnavailable, DiskFull, WorkstationError

_SQLITE_DAMAGED = ("database disk image is malformed", "file is not a database", "malformed database schema")
_SQLITE_BUSY = ("database is locked", "database table is locked")
_DISK_FULL = ("database or disk is full", "no space left on device")
_POSTGRES_DISK_FULL = "53100"  # SQLSTATE disk_full
_POSTGRES_CONNECTION_CLASS = "08"  # SQLSTATE class: connection exception
_POSTGRES_SHUTDOWN = ("57P01", "57P02", "57P03")  # admin/crash shutdown, cannot connect now


def safe_location(url: URL | str) -> str:
    """The database's address without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def unreachable(url: URL | str) -> ArchiveUnavailable:
    return ArchiveUnavailable("database_unreachable", where=safe_location(url))


def translate(error: DBAPIError, url: URL | str) -> WorkstationError | None:
    """The typed error for a database error a user can act on, or None when it is not one of those."""
    text = str(error.orig).lower()
    code = getattr(error.orig, "sqlstate", None) or ""
    if any(marker in text for marker in _DISK_FULL) or code == _POSTGRES_DISK_FULL:
        return DiskFull("database_disk_full")
    if any(marker in text for marker in _SQLITE_BUSY):
        return ArchiveBusy(where=safe_location(url))
    if any(marker in text for marker in _SQLITE_DAMAGED):
        return ArchiveDamaged("damaged_per_driver", where=safe_location(url), detail=str(error.orig))
    if "unable to open database file" in text:
        return unreachable(url)
    if error.connection_invalidated or code.startswith(_POSTGRES_CONNECTION_CLASS) or code in _POSTGRES_SHUTDOWN:
        return unreachable(url)
    if isinstance(error, OperationalError) and not code and make_url(url).get_backend_name() != "sqlite":
        return unreachable(url)  # psycopg raises connection failures without a SQLSTATE
    return None
