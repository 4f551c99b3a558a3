"""Clear a recorder file (校验清空) once the archive confirmed it holds exactly its bytes.

Shared by local ingest and the upload through the branch server: a source file is deleted only if the
result says the archive holds it (IngestFileResult.archive_confirmed, with the SHA-256 read from this
very file), only if the file is unchanged since it was read, and never a file inside the archive,
whatever the source (a second line of defence: such sources are refused up front, but a path can change
meanwhile). A station without a local archive passes an empty ArchiveGuard.
"""

import logging

from workstation.footage.ingest_scan import Candidate
from workstation.footage.source_guard import ArchiveGuard
from workstation.footage.types import IngestFileResult, IngestOutcome

_log = logging.getLogger(__name__)


def clear_if_confirmed(guard: ArchiveGuard, candidate: Candidate, result: IngestFileResult, sha256: str) -> bool:
    """Delete the source file if `result` confirms the archive holds these bytes; whether it was deleted."""
    confirmed = (
        result.outcome in (IngestOutcome.IMPORTED, IngestOutcome.DUPLICATE)
        and result.archive_confirmed
        and result.sha256 == sha256
    )
    if not confirmed or not unchanged(candidate):
        return False
    if guard.contains(candidate.path):
        _log.error("refused to clear %s: it is inside the archive", candidate.shown)
        return False
    try:
        candidate.path.unlink()
    except OSError as error:
        _log.warning("could not clear %s from the recorder: %s", candidate.shown, error)
        return False
    return True


def unchanged(candidate: Candidate) -> bool:
    """Whether the file still has the size and modification time it had when the scan found it."""
    try:
        stat = candidate.path.lstat()
    except OSError:
        return False
    return stat.st_size == candidate.size and stat.st_mtime_ns == candidate.mtime_ns
