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
    return ArchiveUnavailable(
        f"无法连接档案库数据库（{safe_location(url)}）。请检查网络、服务器是否正常以及用户名和密码是否正确，然后重试。"
    )


def translate(error: DBAPIError, url: URL | str) -> WorkstationError | None:
    """The typed error for a database error a user can act on, or None when it is not one of those."""
    text = str(error.orig).lower()
    code = getattr(error.orig, "sqlstate", None) or ""
    if any(marker in text for marker in _DISK_FULL) or code == _POSTGRES_DISK_FULL:
        return DiskFull("档案库数据库所在磁盘已满。请清理磁盘空间或联系管理员扩容，然后重试；未完成的操作没有保存。")
    if any(marker in text for marker in _SQLITE_BUSY):
        return ArchiveBusy(
            f"档案库数据库（{safe_location(url)}）正被另一个程序写入，等待超时。请稍后重试；"
            "若一直如此，请检查是否有其他程序（如另一台采集站）长时间占用该档案库。"
        )
    if any(marker in text for marker in _SQLITE_DAMAGED):
        return ArchiveDamaged(damaged_message(safe_location(url), str(error.orig)))
    if "unable to open database file" in text:
        return unreachable(url)
    if error.connection_invalidated or code.startswith(_POSTGRES_CONNECTION_CLASS) or code in _POSTGRES_SHUTDOWN:
        return unreachable(url)
    if isinstance(error, OperationalError) and not code and make_url(url).get_backend_name() != "sqlite":
        return unreachable(url)  # psycopg raises connection failures without a SQLSTATE
    return None


def damaged_message(where: str, detail: str) -> str:
    """What to do about a damaged database file: `where` names the file, `detail` what is wrong."""
    return (
        f"档案库数据库文件已损坏（{where}：{detail}）。没有做任何修改。"
        "请停止使用该档案库，由管理员从备份恢复数据库文件后运行“workstation verify”和“workstation audit verify”。"
    )
