"""What the archive server does on its own while it runs, every `HOUSEKEEPING_EVERY_S`:
- forgets idempotency keys older than their retention (any instance may do it; it is one DELETE);
- once a day, when `[audit] anchor_file` names an anchor file (on a medium the database administrators
  cannot rewrite), verifies the audit chain from the file's last anchor and appends the head
  (workstation.audit.anchors.extend). A chain that fails is not anchored; the failure goes to the log as an
  error for the monitoring to raise.
"""

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from db.session import Sessions
from workstation import audit, clock, config
from workstation.audit import anchors
from workstation.errors import WorkstationError
from workstation.server import idempotency
from workstation.server.threads import in_thread
from workstation.types import AuditVerification, ChainAnchor

_log = logging.getLogger(__name__)

HOUSEKEEPING_EVERY_S = 3600


def audit_anchor_file() -> Path | None:
    """The daily anchor file of workstation.toml's [audit] section, if one is set."""
    path = config.load_settings().get("audit", {}).get("anchor_file")
    return Path(path) if path else None


def anchor_if_due(sessions: Sessions, path: Path) -> AuditVerification | None:
    """Anchor the chain head unless the file already has today's anchor; returns the verification, if any."""
    now = clock.now()
    if anchors.last_anchored_on(path) == now.date():
        return None

    def verify(known: list[ChainAnchor], since: ChainAnchor | None) -> AuditVerification:
        with sessions.read() as session:
            return audit.verify_chain(session, known, since)

    result = anchors.extend(path, verify, now)
    if result.ok:
        _log.info("audit chain anchored at %s in %s", result.head, path)
    else:
        _log.error("audit chain failed verification, not anchored: %s", result.problems[:10])
    return result


Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]


def housekeeping(sessions: Sessions, anchor_file: Path | None) -> Lifespan:
    """The lifespan of the server's application: the rounds above, from start-up until it stops."""

    def one_round() -> None:
        idempotency.forget_old(sessions)
        if anchor_file is not None:
            anchor_if_due(sessions, anchor_file)

    @asynccontextmanager
    async def running(_app: FastAPI) -> AsyncIterator[None]:
        async def loop() -> None:
            while True:
                try:
                    await in_thread(one_round)
                except WorkstationError as error:  # the database or the anchor medium away for a while
                    _log.warning("housekeeping skipped: %s", error)
                await asyncio.sleep(HOUSEKEEPING_EVERY_S)

        task = asyncio.create_task(loop())
        try:
            yield
        finally:
            task.cancel()

    return running
