"""Files that appear complete or not at all: written beside the target, flushed to disk, then renamed over it.

Every export (the check ledger, the audit log, the access register) writes through `replacing`, so a
program killed mid-write (power cut, kill -9, a crash) never leaves a half-written workbook under the name
the user chose: at worst a hidden `.NAME.HOST-PID.partial` file beside it, which the next export of that
name removes once its process is gone. Also home of the two small primitives ingest shares with it.
"""

import logging
import os
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_log = logging.getLogger(__name__)

PARTIAL_SUFFIX = ".partial"


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; when the block ends normally it becomes `path`.

    The temporary file is fsynced, renamed over the target with os.replace (atomic on one file system;
    an existing target stays intact until then) and the folder entry fsynced. If the block raises, the
    temporary file is removed and the target is untouched.
    """
    path = Path(path)
    remove_stale_partials(path)
    partial = path.with_name(f".{path.name}.{_host()}-{os.getpid()}{PARTIAL_SUFFIX}")
    try:
        yield partial
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, path)
        fsync_directory(path.parent)
    finally:
        partial.unlink(missing_ok=True)


def remove_stale_partials(path: Path) -> None:
    """Delete the partial files of `path` left by processes of this computer that no longer run."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.{re.escape(_host())}-(\d+){re.escape(PARTIAL_SUFFIX)}")
    for candidate in path.parent.glob(f".*{PARTIAL_SUFFIX}"):
        match = pattern.fullmatch(candidate.name)
        if match is None or process_alive(int(match.group(1))):
            continue
        try:
            candidate.unlink()
        except FileNotFoundError:
            continue
        except PermissionError:  # Windows: still open, so its writer is alive after all
            continue
        _log.info("removed %s left by an interrupted export", candidate.name)


def process_alive(pid: int) -> bool:
    """Whether a process of this computer with this id runs. On Windows there is no safe probe (signal 0
    is CTRL_C_EVENT there), so the answer is False and callers rely on Windows refusing to delete open files."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def fsync_directory(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _host() -> str:
    """This computer's name as it may appear in a file name (a shared folder may hold other computers' files)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", socket.gethostname()) or "host"
