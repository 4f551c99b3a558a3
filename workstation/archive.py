"""The branch archive: a database (metadata) plus a media root (the folder tree of original files).

Embedded archive: one folder holding `archive.sqlite` and `media/`, so the program runs with no server; the
folder is for the account that runs the program only (workstation.private_folder).
Shared archive: a PostgreSQL database and a media root on a network share, used by several
workstations at once. The same code and migrations serve both.
"""

import logging
from pathlib import Path, PurePosixPath

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

from db import migrate
from db.engine import create_archive_engine, sqlite_url
from db.session import Sessions
from workstation.errors import ArchiveNeedsUpgrade, ArchiveUnavailable
from workstation.private_folder import make_private_folder

_log = logging.getLogger(__name__)

EMBEDDED_DATABASE = "archive.sqlite"
EMBEDDED_MEDIA = "media"


class Archive:
    """An open archive. Thread-safe: each task opens its own session through `sessions`."""

    def __init__(self, engine: Engine, media_root: Path) -> None:
        self.engine = engine
        self.media_root = media_root
        self.sessions = Sessions(engine)

    @classmethod
    def open_embedded(cls, folder: Path, create: bool = False) -> "Archive":
        """Open (or with create=True, create) the embedded archive in `folder`; upgrades its schema."""
        folder = Path(folder)
        database = folder / EMBEDDED_DATABASE
        if not database.exists() and not create:
            raise ArchiveUnavailable(f"在 {folder} 找不到档案库（{EMBEDDED_DATABASE}）。请检查路径，或先创建档案库。")
        make_private_folder(folder)
        (folder / EMBEDDED_MEDIA).mkdir(mode=0o700, exist_ok=True)
        archive = cls(create_archive_engine(sqlite_url(str(database))), folder / EMBEDDED_MEDIA)
        archive.upgrade_schema()
        return archive

    @classmethod
    def open_url(cls, database_url: str | URL, media_root: Path, upgrade: bool = False) -> "Archive":
        """Open a shared archive. Its schema must be current, unless `upgrade` (`workstation db upgrade`)."""
        archive = cls(create_archive_engine(database_url), Path(media_root))
        if upgrade:
            archive.upgrade_schema()
        else:
            archive.check_schema()
        return archive

    def check_schema(self) -> None:
        """Raise unless the database is reachable and at the newest migration."""
        current, wanted = self._current_revisions(), migrate.head_revisions()
        if current != wanted:
            raise ArchiveNeedsUpgrade(
                f"档案库数据库版本为 {', '.join(sorted(current)) or '空'}，本程序需要 {', '.join(sorted(wanted))}。"
                "请由管理员运行“workstation db upgrade”升级数据库。"
            )

    def upgrade_schema(self) -> None:
        try:
            migrate.upgrade(self.engine)
        except OperationalError as error:
            raise ArchiveUnavailable(_unreachable_message(self.engine.url)) from error

    def _current_revisions(self) -> frozenset[str]:
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return migrate.current_revisions(self.engine)
        except OperationalError as error:
            raise ArchiveUnavailable(_unreachable_message(self.engine.url)) from error

    def absolute_path(self, media_path: str) -> Path:
        """Where an archived file lives on this workstation (media_path is stored with / separators)."""
        return self.media_root.joinpath(*PurePosixPath(media_path).parts)

    def close(self) -> None:
        self.engine.dispose()


def _unreachable_message(url: URL) -> str:
    safe = make_url(url).render_as_string(hide_password=True)
    return f"无法连接档案库数据库（{safe}）。请检查网络、服务器是否正常以及用户名和密码是否正确，然后重试。"
