"""The scan entry point: one media file in, its findings out (stand-in until the detectors merge).

This stand-in only tells whether the file can be decoded at all: a video OpenCV cannot open or read a frame
of, or a WAV file whose header is broken, gives one UNDECODABLE finding over the whole file; anything else
gives no findings. The real detectors (covered, dark, frozen, silent, clipped) replace this module.
"""

import wave
from pathlib import Path

import cv2

from player.media.prescreen.types import MediaFinding, MediaFindingKind, ScanProgress, ScanResult, ScanSettings

DETECTOR_VERSION = "stand-in-1"
"""Names the detectors and their defaults: the archive scans a clip again when it changes (kept with each scan)."""
_AUDIO_EXTENSIONS = frozenset({".wav", ".mp3", ".aac", ".m4a", ".amr"})


def scan_media(
    path: Path,
    settings: ScanSettings,  # noqa: ARG001 - the stand-in has no thresholds to apply
    progress: ScanProgress | None = None,
) -> ScanResult:
    """Scan the file at `path`; OSError when it cannot be read at all (missing, no permission)."""
    with path.open("rb"):  # a missing or unreadable file is the caller's to record, not a finding
        pass
    result = _scan_audio(path) if path.suffix.lower() in _AUDIO_EXTENSIONS else _scan_video(path)
    if progress is not None:
        progress(1.0)
    return result


def _undecodable(duration_ms: int | None) -> ScanResult:
    return ScanResult(duration_ms, (MediaFinding(MediaFindingKind.UNDECODABLE, 0, duration_ms or 0, 1.0),))


def _scan_video(path: Path) -> ScanResult:
    capture = cv2.VideoCapture(str(path))
    try:
        if not capture.isOpened():
            return _undecodable(None)
        fps = capture.get(cv2.CAP_PROP_FPS) or 0.0
        frames = capture.get(cv2.CAP_PROP_FRAME_COUNT) or 0.0
        duration_ms = int(frames / fps * 1000) if fps > 0 and frames > 0 else None
        readable, _frame = capture.read()
        return ScanResult(duration_ms, ()) if readable else _undecodable(duration_ms)
    finally:
        capture.release()


def _scan_audio(path: Path) -> ScanResult:
    if path.suffix.lower() != ".wav":
        return ScanResult(None, ())  # the stand-in cannot decode compressed audio: no findings
    try:
        with wave.open(str(path), "rb") as audio:
            return ScanResult(int(audio.getnframes() / audio.getframerate() * 1000), ())
    except (wave.Error, EOFError, ZeroDivisionError):
        return _undecodable(None)
