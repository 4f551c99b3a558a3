"""Frame-indexed test clips: every picture carries its own frame number as a 16-bit block code.

OpenCV draws the frames, imageio-ffmpeg's ffmpeg encodes them (H.264 + AAC, as recorders write). The
code is a row of 16 black/white squares in the top-right corner, bit 0 rightmost; it survives H.264
compression and libVLC's scaling, so the number read back from a displayed picture is the exact frame.
"""

import subprocess
from pathlib import Path

import cv2
import numpy

from workstation.demo import synth

BITS = 16
BLOCK = 16


def write_indexed_clip(
    path: Path,
    frames: int,
    *,
    fps: int = 25,
    size: tuple[int, int] = (320, 240),
    gop: int | None = None,
    detail: bool = False,
    faststart: bool = True,
) -> Path:
    """frames pictures at fps with a tone; detail=True adds a moving texture (realistic decode cost);
    faststart=False leaves the index (moov) at the end, as recorders write it."""
    width, height = size
    command = [synth.ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y"]
    command += ["-f", "rawvideo", "-pix_fmt", "bgr24", "-s", f"{width}x{height}", "-r", str(fps), "-i", "-"]
    command += ["-f", "lavfi", "-i", "sine=frequency=700:sample_rate=48000", "-t", f"{frames / fps:.3f}"]
    command += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", str(gop or fps)]
    command += ["-c:a", "aac", "-b:a", "64k", *(["-movflags", "+faststart"] if faststart else [])]
    command += ["-shortest", str(path)]
    encoder = subprocess.Popen(command, stdin=subprocess.PIPE)
    assert encoder.stdin is not None
    texture = _texture(width, height) if detail else None
    for index in range(frames):
        encoder.stdin.write(_picture(index, width, height, texture).tobytes())
    encoder.stdin.close()
    assert encoder.wait() == 0, "ffmpeg failed"
    return path


def _texture(width: int, height: int) -> numpy.ndarray:
    rows = numpy.linspace(0, 255, height, dtype=numpy.float32)[:, None]
    columns = numpy.linspace(0, 255, width, dtype=numpy.float32)[None, :]
    base = numpy.stack([rows + 0 * columns, columns + 0 * rows, (rows + columns) / 2], axis=2)
    return base.astype(numpy.uint8)


def _picture(index: int, width: int, height: int, texture: numpy.ndarray | None) -> numpy.ndarray:
    if texture is not None:
        picture = numpy.roll(texture, index * 8, axis=1)
        cv2.circle(picture, ((index * 13) % width, height // 2), height // 6, (40, 200, 240), -1)
    else:
        picture = numpy.empty((height, width, 3), numpy.uint8)
        picture[:] = (60, 90 + index % 100, 140)
    scale = height / 240
    cv2.putText(picture, str(index), (10, height - 20), cv2.FONT_HERSHEY_SIMPLEX, 1.2 * scale, (255, 255, 255), 2)
    for bit in range(BITS):
        left = width - (bit + 1) * BLOCK
        picture[0:BLOCK, left : left + BLOCK] = 255 if (index >> bit) & 1 else 0
    return picture


def read_index(picture: numpy.ndarray) -> int:
    """The frame number in a decoded picture (BGR or BGRX, any height: libVLC may pad a few lines)."""
    width = picture.shape[1]
    value = 0
    for bit in range(BITS):
        centre = width - (bit + 1) * BLOCK + BLOCK // 2
        if picture[BLOCK // 2, centre, :3].mean() > 128:
            value |= 1 << bit
    return value
