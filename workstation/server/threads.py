"""The services are synchronous (SQLAlchemy sessions, file I/O): the server runs them on its thread pool."""

from collections.abc import Callable
from typing import TypeVar

from fastapi.concurrency import run_in_threadpool

_T = TypeVar("_T")


async def in_thread(work: Callable[[], _T]) -> _T:
    """Run `work` on the server's thread pool, leaving the event loop free for other requests."""
    return await run_in_threadpool(work)
