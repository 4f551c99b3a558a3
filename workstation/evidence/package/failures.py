"""What a failed write of the target means to the user: the OSError turned into an EvidenceError with a code."""

import errno
from pathlib import Path

from workstation.evidence.errors import EvidenceError

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def target_failure(error: OSError, where: Path) -> EvidenceError:
    """disk full; a file too big for the medium's file system (FAT32 holds at most 4 GiB per file); else
    unwritable (read-only, no permission, gone). The staging folder is kept for a later run in each case."""
    if error.errno in _DISK_FULL:
        return EvidenceError("export_disk_full", folder=str(where))
    if error.errno == errno.EFBIG:
        return EvidenceError("export_file_too_big", folder=str(where))
    return EvidenceError("export_out_unwritable", folder=str(where), detail=error.strerror or str(error))
