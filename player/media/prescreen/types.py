"""What a media scan finds and how it is tuned: the contract between the detectors and the archive.

Every finding is a hint for a person (需人工复核), never a verdict: a kind, a time span inside the file and a
confidence between 0 and 1. The kind codes are stable (CLI JSON, the archive's tables, the README).
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class MediaFindingKind(StrEnum):
    """What a detector saw in a stretch of one file."""

    COVERED = "covered"  # lens covered: dark and featureless while the scene around would not be
    DARK = "dark"  # too dark to see anything useful (night without light), not covered
    FROZEN = "frozen"  # the picture does not change at all (a hung encoder), unlike a static scene with noise
    SILENT = "silent"  # no sound (microphone covered or failed)
    CLIPPED = "clipped"  # sound overdriven (clipping)
    UNDECODABLE = "undecodable"  # a stretch without a decodable picture or sound


@dataclass(frozen=True)
class MediaFinding:
    kind: MediaFindingKind
    start_ms: int
    end_ms: int
    confidence: float  # 0..1


@dataclass(frozen=True)
class ScanSettings:
    """Detector thresholds; the archive keeps one set per recorder model and for day and night."""

    min_span_ms: int = 3000  # shorter stretches are not reported


@dataclass(frozen=True)
class ScanResult:
    duration_ms: int | None
    findings: tuple[MediaFinding, ...]


ScanProgress = Callable[[float], None]  # fraction 0..1 of the file scanned
