"""Console output for the CLI: a progress bar for ingest, tables, JSON for other systems."""

import sys
import threading
import time
from dataclasses import asdict
from datetime import datetime
from enum import Enum
from typing import Any, TextIO

from workstation.clock import ARCHIVE_ZONE
from workstation.footage.types import ClipRow, IngestProgress

_BAR_WIDTH = 30


class IngestProgressBar:
    """Overall progress over all recorders on one line (a TTY), or a line per 10 % (a log file).

    Called from ingest worker threads; serialised by a lock and throttled to 10 updates a second.
    """

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self._stream = stream
        self._lock = threading.Lock()
        self._sources: dict[str, IngestProgress] = {}
        self._last_draw = 0.0
        self._last_decile = -1
        self._interactive = stream.isatty()

    def __call__(self, progress: IngestProgress) -> None:
        with self._lock:
            self._sources[progress.source] = progress
            done = sum(p.bytes_done for p in self._sources.values())
            total = sum(p.bytes_total for p in self._sources.values()) or 1
            files_done = sum(p.files_done for p in self._sources.values())
            files_total = sum(p.files_total for p in self._sources.values())
            fraction = min(done / total, 1.0)
            if self._interactive:
                now = time.monotonic()
                if now - self._last_draw < 0.1 and fraction < 1.0:
                    return
                self._last_draw = now
                filled = int(fraction * _BAR_WIDTH)
                self._stream.write(
                    f"\r[{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] {fraction:4.0%} "
                    f"{files_done}/{files_total} 个文件 {done / 1e6:,.0f}/{total / 1e6:,.0f} MB  "
                    f"{progress.current_file[:40]:<40}"
                )
            else:
                decile = int(fraction * 10)
                if decile == self._last_decile:
                    return
                self._last_decile = decile
                self._stream.write(f"导入进度 {fraction:4.0%}  {files_done}/{files_total} 个文件\n")
            self._stream.flush()

    def finish(self) -> None:
        if self._interactive and self._sources:
            self._stream.write("\n")
            self._stream.flush()


def json_value(value: Any) -> Any:
    """Stable JSON forms: enums as their code, times as ISO 8601 with the +08:00 offset."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.replace(tzinfo=ARCHIVE_ZONE).isoformat()
    if isinstance(value, tuple | list):
        return [json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: json_value(item) for key, item in value.items()}
    return value


def clip_json(row: ClipRow) -> dict[str, Any]:
    """A clip's fields, and corrected_start: its recorder time (recorded_start) with its clock offset applied."""
    fields = {name: json_value(value) for name, value in asdict(row).items()}
    return {**fields, "corrected_start": json_value(row.corrected_start)}


def request_json(row: Any) -> dict[str, Any]:
    """A request row (a dataclass with approval `steps`) as JSON: its fields, and each step's."""
    data = {name: json_value(value) for name, value in asdict(row).items() if name != "steps"}
    data["steps"] = [{name: json_value(value) for name, value in asdict(step).items()} for step in row.steps]
    return data
