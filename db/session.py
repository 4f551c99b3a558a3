"""Sessions: one short transaction per unit of work, committed or rolled back as a whole."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.engine import begin_immediate


class Sessions:
    """Makes read and write sessions for one archive database.

    Thread rule: a Session belongs to the thread that opened it; open one per task, never share it.
    """

    def __init__(self, engine: Engine, info: dict[str, object] | None = None) -> None:
        self.engine = engine
        self.info = info or {}
        """Given to every session as Session.info (an archive's audit keys travel this way)."""
        self._read = sessionmaker(engine, expire_on_commit=False, info=self.info)
        self._write = sessionmaker(begin_immediate(engine), expire_on_commit=False, info=self.info)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries. Closing it ends the transaction; loaded objects keep their values."""
        with self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose changes commit together at the end of the block, or not at all on error."""
        with self._write() as session, session.begin():
            yield session


def see_one_state(session: Session) -> None:
    """Make a fresh read session see one state of the database to its end, so that an export and the audit chain
    head printed on it agree. Call before its first query. PostgreSQL reads at REPEATABLE READ then; an SQLite
    read transaction (BEGIN DEFERRED, WAL) already keeps the snapshot of its first read."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
