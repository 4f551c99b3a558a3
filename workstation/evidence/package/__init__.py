"""STAND-IN (replaced by helper A's package writer at merge)."""

from collections.abc import Callable
from pathlib import Path

from player.media.byte_source import ByteSource
from workstation.access.types import Viewing
from workstation.evidence.types import ExportFormat, ExportPlan, PackageOutcome


def write_package(
    plan: ExportPlan,
    open_source: Callable[[Viewing], ByteSource],
    out: Path,
    fmt: ExportFormat,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PackageOutcome:
    raise NotImplementedError
