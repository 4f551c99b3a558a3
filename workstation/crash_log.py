"""Unexpected errors (bugs) are written to a log file for support, instead of a traceback on the screen."""

import traceback
from pathlib import Path

from workstation import clock, config

LOG_FILE = "errors.log"
MAX_BYTES = 1_000_000
"""The log is started afresh (the old one kept as errors.log.1) when it grows past this."""


def write(error: BaseException, context: str) -> Path:
    """Append the error with its traceback and `context` (e.g. the command line); returns the log file."""
    folder = config.config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    if path.exists() and path.stat().st_size > MAX_BYTES:
        path.replace(path.with_name(LOG_FILE + ".1"))
    details = "".join(traceback.format_exception(error))
    with path.open("a", encoding="utf-8", errors="backslashreplace") as handle:
        handle.write(f"=== {clock.format_time(clock.now())}  {context}\n{details}\n")
    return path
