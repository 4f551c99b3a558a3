"""What the archive server does on its own while it runs, every `HOUSEKEEPING_EVERY_S` (in one thread of the
`workstation serve` process itself, never in each of its workers: workstation.server.serve):
- forgets idempotency keys older than their retention (any instance may do it; it is one DELETE);
- once a day, when `[audit] anchor_file` names an anchor file (on a medium the database administrators
  cannot rewrite), verifies the audit chain from the file's last anchor and appends the head
  (workstation.audit.anchors.extend). A chain that fails is not anchored; the failure goes to the log as an
  error for the monitoring to raise.
"""

import logging
import threading
from pathlib import Path

from db.session import Sessions
from workstation import audit, clock, config
from workstation.audit import anchors
from workstation.errors import WorkstationError
from workstation.server import idempotency
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


class Housekeeping:
    """The rounds above in a thread, from `start` (the first round at once) until `stop`."""

    def __init__(self, sessions: Sessions, anchor_file: Path | None) -> None:
        self.sessions, self.anchor_file = sessions, anchor_file
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="housekeeping", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float) -> None:
        """Stop after the round running now (if any); waits up to `timeout` s."""
        self._stopping.set()
        self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                idempotency.forget_old(self.sessions)
                if self.anchor_file is not None:
                    anchor_if_due(self.sessions, self.anchor_file)
            except WorkstationError as error:  # the database or the anchor medium away for a while
                _log.warning("housekeeping skipped: %s", error)
            except Exception:  # a bug: logged, and the next round tries again
                _log.exception("housekeeping failed")
            self._stopping.wait(HOUSEKEEPING_EVERY_S)
