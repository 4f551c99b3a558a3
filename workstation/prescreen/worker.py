"""What a worker process runs: scan one file, and turn its failure into an error code instead of a crash.

Kept apart from the archive's modules so that a worker process (spawned: a fresh interpreter) imports the
detectors and nothing of the database.
"""

import os
import sys
from pathlib import Path

from player.media.prescreen.scan import scan_media
from player.media.prescreen.types import ScanResult, ScanSettings

ScanAnswer = tuple[ScanResult | None, str, str]
"""(the result, or None with an error code and its detail)."""

NICE_INCREMENT = 19
"""How much lower a background scan's worker runs on POSIX (0 normal … 19 lowest)."""
_BELOW_NORMAL_PRIORITY_CLASS = 0x4000


def lower_priority() -> None:
    """Run this worker process below normal priority, so a background scan takes only the CPU time that ingest,
    uploads and playback leave over: SCHED_IDLE on Linux (CPU only when nothing else wants it), the lowest nice
    elsewhere on POSIX, BELOW_NORMAL on Windows. Called as the pool's initializer."""
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), _BELOW_NORMAL_PRIORITY_CLASS)
    else:
        os.nice(NICE_INCREMENT)
        if sys.platform == "linux":
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))


def scan_file(path: str, settings: ScanSettings) -> ScanAnswer:
    """Scan the file; a missing or unreadable file, or a detector that fails on it, is an answer (failed with a
    code: media_missing, media_unreadable, scan_failed) so that one bad file never stops a run."""
    try:
        return scan_media(Path(path), settings), "", ""
    except FileNotFoundError as error:
        return None, "media_missing", str(error)[:500]
    except OSError as error:
        return None, "media_unreadable", str(error)[:500]
    except Exception as error:  # a detector's failure on one file is recorded with the clip, not raised
        return None, "scan_failed", f"{type(error).__name__}: {error}"[:500]
