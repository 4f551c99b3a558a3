"""What a worker process runs: scan one file, and turn its failure into an error code instead of a crash.

Kept apart from the archive's modules so that a worker process (spawned: a fresh interpreter) imports the
detectors and nothing of the database.
"""

import multiprocessing
import os
import sys
import threading
from multiprocessing.connection import wait
from pathlib import Path

from player.media.prescreen.scan import scan_media
from player.media.prescreen.types import ScanResult, ScanSettings

ScanAnswer = tuple[ScanResult | None, str, str]
"""(the result, or None with an error code and its detail)."""

NICE_INCREMENT = 19
"""How much lower a background scan's worker runs on POSIX (0 normal … 19 lowest)."""
_BELOW_NORMAL_PRIORITY_CLASS = 0x4000


def start_worker(low_priority: bool) -> None:
    """The pool's initializer: end this worker with the process that started it, and lower its priority for a
    background scan (`lower_priority`).

    A pool's workers wait on a queue whose pipe they hold both ends of, so a worker whose parent is killed
    (kill -9 of an ingest, a crash) would wait for ever — a stray process holding the parent's output pipes
    and a core's memory. A thread here waits for the parent's end and ends the worker with it."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        sentinel = parent.sentinel
        threading.Thread(target=_end_with_parent, args=(sentinel,), name="end-with-parent", daemon=True).start()
    if low_priority:
        lower_priority()


def _end_with_parent(parent_sentinel: int) -> None:
    wait([parent_sentinel])
    os._exit(1)  # the parent is gone: nobody is left to take this worker's answer


def lower_priority() -> None:
    """Run this worker process below normal priority, so a background scan takes only the CPU time that ingest,
    uploads and playback leave over: SCHED_IDLE on Linux (CPU only when nothing else wants it), the lowest nice
    elsewhere on POSIX, BELOW_NORMAL on Windows."""
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
