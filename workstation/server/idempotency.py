"""Idempotent writes: a retried request never does its write twice (issue 12).

The client sends each call with a fresh key (`Idempotency-Key`) and sends the same key again when it
retries after a dropped connection. The key is recorded inside the call's first write transaction, so it
is committed exactly when the write is: a retry finds it and gets the first answer back (kept right
after the call), and a call that failed left no key and runs again. Between the commit and keeping the
answer, a server that dies leaves a key without an answer: the retry is then refused as done
(`request_done_answer_lost`) rather than run twice. Keys are the user's own; old ones are forgotten.
"""

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import ApiRequest
from db.session import Sessions
from workstation import clock
from workstation.archive import Archive, ArchiveSessions
from workstation.errors import RequestReplayed

KEPT_FOR = timedelta(days=2)


def earlier_answer(sessions: Sessions, user_id: int, key: str) -> bytes | None:
    """The answer of an earlier request with this key, or None if there was none."""
    with sessions.read() as session:
        row = session.get(ApiRequest, (user_id, key))
    if row is None:
        return None
    if row.response is None:
        raise RequestReplayed("request_done_answer_lost")
    return row.response.encode()


def keep_answer(sessions: Sessions, user_id: int, key: str, answer: bytes) -> None:
    """Keep the answer of a call whose write recorded the key (nothing to do if it wrote nothing)."""
    with sessions.write() as session:
        session.execute(
            update(ApiRequest)
            .where(ApiRequest.user_id == user_id, ApiRequest.request_key == key)
            .values(response=answer.decode())
        )


def forget_old(sessions: Sessions) -> None:
    with sessions.write() as session:
        session.execute(delete(ApiRequest).where(ApiRequest.created_at < clock.now() - KEPT_FOR))


class _RecordingSessions(ArchiveSessions):
    """The archive's sessions, whose first committed write transaction also records the request's key."""

    def __init__(self, base: ArchiveSessions, user_id: int, key: str, operation: str) -> None:
        self.__dict__.update(base.__dict__)  # the same engine and session factories
        self._key = ApiRequest(user_id=user_id, request_key=key, operation=operation)
        self._recorded = False

    @property
    def recorded(self) -> bool:
        return self._recorded

    @contextmanager
    def write(self) -> Iterator[Session]:
        with super().write() as session:
            first = not self._recorded
            if first:
                self._record(session)
            yield session
        self._recorded = self._recorded or first

    def _record(self, session: Session) -> None:
        existing = session.execute(
            select(ApiRequest.response).where(
                ApiRequest.user_id == self._key.user_id, ApiRequest.request_key == self._key.request_key
            )
        ).first()
        if existing is not None:  # the same request, sent again while the first is still running
            raise RequestReplayed("request_in_progress")
        session.add(
            ApiRequest(
                user_id=self._key.user_id,
                request_key=self._key.request_key,
                operation=self._key.operation,
                created_at=clock.now(),
            )
        )
        try:
            session.flush()
        except IntegrityError as error:
            raise RequestReplayed("request_in_progress") from error


def recording_archive(archive: Archive, user_id: int, key: str, operation: str) -> Archive:
    """A view of `archive` for one request: the same database and media, writes recording `key`."""
    view = copy.copy(archive)
    view.sessions = _RecordingSessions(archive.sessions, user_id, key, operation)
    return view


def recorded(view: Archive) -> bool:
    """Whether a request's view committed a write (and so its key): only then is there an answer to keep."""
    return isinstance(view.sessions, _RecordingSessions) and view.sessions.recorded
