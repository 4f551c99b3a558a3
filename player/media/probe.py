"""Read a media file's technical metadata (duration, resolution, fps, codec) and spot damaged files.

Qt-free and thread-safe; used by ingest on worker threads. Damage is reported, never raised: evidence
that a recorder wrote badly is still evidence, so ingest archives it and flags it.
"""

import wave
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy

from player.media import mp4

OK, CORRUPT, TRUNCATED = "ok", "corrupt", "truncated"


@dataclass(frozen=True)
class MediaInfo:
    status: str  # OK, CORRUPT or TRUNCATED
    problem: str = ""
    container: str | None = None
    duration_ms: int | None = None
    video_codec: str | None = None
    width: int | None = None
    height: int | None = None
    fps: float | None = None


def _fourcc_text(value: float) -> str | None:
    code = int(value) & 0xFFFFFFFF
    if not code:
        return None
    text = code.to_bytes(4, "little").decode("latin-1").strip("\x00 ").lower()
    return text or None


def _container_layout(path: Path, extension: str) -> mp4.Mp4Layout | None:
    if extension not in mp4.MP4_EXTENSIONS:
        return None
    with path.open("rb") as handle:
        return mp4.read_layout(handle, path.stat().st_size)


def probe(path: Path, extension: str, kind: str) -> MediaInfo:
    """Probe a file of `kind` ("video", "audio", "photo"; anything else is not media and is OK as is).

    `extension` is passed separately because ingest probes its temporary copy, whose name ends in .part.
    """
    extension = extension.lower().lstrip(".")
    if kind == "video":
        return probe_video(path, extension)
    if kind == "audio":
        return probe_audio(path, extension)
    if kind == "photo":
        return probe_photo(path, extension)
    return MediaInfo(OK, "", extension)


def probe_video(path: Path, extension: str) -> MediaInfo:
    layout = _container_layout(path, extension)
    capture = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    try:
        if not capture.isOpened():
            problem = layout.problem if layout and layout.problem else "无法解码该视频文件"
            return MediaInfo(TRUNCATED if layout and layout.truncated else CORRUPT, problem, container=extension)
        frames = capture.get(cv2.CAP_PROP_FRAME_COUNT)
        fps = capture.get(cv2.CAP_PROP_FPS) or None
        width = int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)) or None
        height = int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)) or None
        codec = _fourcc_text(capture.get(cv2.CAP_PROP_FOURCC))
        first_frame_ok = capture.grab()
    finally:
        capture.release()
    duration_ms = layout.duration_ms if layout and layout.duration_ms else None
    if duration_ms is None and fps and frames > 0:
        duration_ms = round(frames * 1000 / fps)
    info = MediaInfo(OK, "", extension, duration_ms, codec, width, height, round(fps, 3) if fps else None)
    if layout and layout.problem:
        return _with_problem(info, TRUNCATED if layout.truncated else CORRUPT, layout.problem)
    if not first_frame_ok:
        return _with_problem(info, CORRUPT, "无法解码第一帧画面")
    return info


def probe_audio(path: Path, extension: str) -> MediaInfo:
    if extension == "wav":
        try:
            with wave.open(str(path), "rb") as audio:
                frames, rate = audio.getnframes(), audio.getframerate()
        except (wave.Error, EOFError) as error:
            return MediaInfo(CORRUPT, f"无法读取 WAV 音频：{error}", container=extension)
        return MediaInfo(OK, "", extension, round(frames * 1000 / rate) if rate else None)
    layout = _container_layout(path, extension)
    if layout is None:
        return MediaInfo(OK, "", extension)  # MP3/AMR: kept as is, duration not read
    if layout.problem:
        return MediaInfo(TRUNCATED if layout.truncated else CORRUPT, layout.problem, extension, layout.duration_ms)
    return MediaInfo(OK, "", extension, layout.duration_ms)


def probe_photo(path: Path, extension: str) -> MediaInfo:
    # imdecode of the bytes, not imread: imread cannot open non-ASCII paths on Windows
    data = numpy.fromfile(str(path), dtype=numpy.uint8)
    image = cv2.imdecode(data, cv2.IMREAD_UNCHANGED) if data.size else None
    if image is None:
        return MediaInfo(CORRUPT, "无法解码该图片", container=extension)
    return MediaInfo(OK, "", extension, width=image.shape[1], height=image.shape[0])


def _with_problem(info: MediaInfo, status: str, problem: str) -> MediaInfo:
    return MediaInfo(
        status, problem, info.container, info.duration_ms, info.video_codec, info.width, info.height, info.fps
    )
