"""Thumbnails of archived files, made with OpenCV and cached on disk by the file's SHA-256.

Qt-free and thread-safe: the browser asks for them on a worker thread. An original is only ever read.
The cache is keyed by content hash, so it never goes stale and may be deleted at any time.
"""

import os
import tempfile
from pathlib import Path

import cv2
import numpy

THUMBNAIL_WIDTH = 160
SEEK_FRACTION = 0.1  # a frame a little way in: the first frames are often dark while the sensor adjusts


def cache_path(cache_dir: Path, sha256: str) -> Path:
    return cache_dir / sha256[:2] / f"{sha256}.jpg"


def thumbnail(source: Path, kind: str, sha256: str, cache_dir: Path, width: int = THUMBNAIL_WIDTH) -> Path | None:
    """The cached thumbnail of a video or photo, making it on first use; None when there is no picture."""
    target = cache_path(cache_dir, sha256)
    if target.exists():
        return target
    image = _video_frame(source) if kind == "video" else _photo(source) if kind == "photo" else None
    if image is None:
        return None
    height = max(1, round(image.shape[0] * width / image.shape[1]))
    small = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)
    ok, encoded = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, 80])
    if not ok:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(encoded.tobytes())
    os.replace(temporary, target)  # atomic: two workers making the same thumbnail never see half a file
    return target


def _video_frame(source: Path) -> numpy.ndarray | None:
    capture = cv2.VideoCapture(str(source), cv2.CAP_FFMPEG)
    try:
        if not capture.isOpened():
            return None
        frames = capture.get(cv2.CAP_PROP_FRAME_COUNT)
        if frames > 1:
            capture.set(cv2.CAP_PROP_POS_FRAMES, int(frames * SEEK_FRACTION))
        ok, frame = capture.read()
        return frame if ok else None
    finally:
        capture.release()


def _photo(source: Path) -> numpy.ndarray | None:
    data = numpy.fromfile(str(source), dtype=numpy.uint8)
    return cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
