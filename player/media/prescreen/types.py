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
    """Detector thresholds; the archive keeps one set per recorder model and for day and night.

    Plain numbers only, so that a set can be stored as a row and compared. Luma is the picture's Y plane in
    8-bit code values as the recorder coded it (video range: black is 16, white 235), measured on a copy
    brought down to about `analysis_width` pixels across by taking every n-th pixel; "structure" is the
    standard deviation of that picture after a Gaussian blur (sensor noise gone, shapes and lights kept),
    "edges" the mean absolute difference of neighbouring blurred pixels. Sound levels are in dBFS (0 = full
    scale). The defaults were tuned on the labelled set in tests/helpers/prescreen_clips.py (see the README).
    """

    # --- spans ---
    min_span_ms: int = 3000  # shorter stretches are not reported
    undecodable_min_span_ms: int = 500  # lost footage matters even when short
    merge_gap_ms: int = 1000  # stretches of one kind closer than this are one finding

    # --- decoding ---
    # keyframes only (fast: one decoded picture per GOP) when the file's keyframes come at least this often;
    # otherwise every reference frame is decoded and one picture kept every sample_interval_ms
    max_keyframe_interval_ms: int = 2000
    sample_interval_ms: int = 500
    analysis_width: int = 320  # pixels across the measured copy of each picture

    # --- covered and dark lens ---
    dark_luma: float = 45.0  # mean luma below this is a dark picture (covered, dark or a night scene)
    covered_structure: float = 1.5  # a dark picture with less structure than this ...
    covered_edges: float = 0.4  # ... and fewer edges than this is a covered lens (featureless)
    dark_structure: float = 6.0  # a dark, not covered picture with less structure than this shows nothing ...
    lit_luma: float = 100.0  # ... unless at least lit_share of its pixels are brighter than lit_luma
    lit_share: float = 0.002  # (lights: a night scene with street lights is dark but not "dark")

    # --- frozen picture ---
    frozen_diff: float = 1.5  # mean absolute luma change between two sampled pictures below this ...
    frozen_still_share: float = 0.5  # ... with at least this share of pixels changed by at most one level

    # --- sound ---
    audio_window_ms: int = 500  # sound is measured in windows this long
    silent_dbfs: float = -55.0  # a window quieter than this (RMS) is silent
    clip_level: float = 0.95  # a sample at or beyond this fraction of full scale is clipped (AAC pulls
    # flattened peaks down to ~0.97) ...
    clipped_share: float = 0.01  # ... and a window with at least this share of clipped samples is clipped


@dataclass(frozen=True)
class ScanResult:
    """A file's findings; duration_ms is None when the file's length could not be read."""

    duration_ms: int | None
    findings: tuple[MediaFinding, ...]


ScanProgress = Callable[[float], None]  # fraction 0..1 of the file scanned
