"""Synthetic recorder footage for the demo archive and the tests: real H.264/AAC MP4, audio, photos, logs.

Uses the ffmpeg that the imageio-ffmpeg package bundles (it has libx264, aac and drawtext), so nothing
outside PyPI is needed. Only the demo and the tests use this module.
"""

import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from workstation.footage.devicelog import LogEvent
from workstation.footage.types import EVENT_WORDS, DeviceEventType

FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # Debian fonts-noto-cjk: renders 警号
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
)


def _overlay_font() -> str:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return f"fontfile={candidate}:"
    return ""


SENSOR_NOISE = "noise=alls=6:allf=t"
"""A fresh draw of noise every frame, as a real sensor's: what keeps a still scene from looking frozen."""
NOISE_FLOOR = "0.002*(random(0)-0.5)"
"""A dead microphone's hiss, about −65 dBFS (aevalsrc)."""
LENS_COVER = "0x101010"
"""The picture of a covered lens: almost black, featureless."""


def between(start_s: float, end_s: float) -> str:
    """An ffmpeg expression true from `start_s` to `end_s` (escaped for a filter graph)."""
    return f"between(t\\,{start_s}\\,{end_s})"


class Problem(StrEnum):
    """What a demo clip shows the pre-screen (player.media.prescreen): a stretch a reviewer should look at."""

    COVERED = "covered"  # a hand over the lens
    SILENT = "silent"  # the microphone dead
    FROZEN = "frozen"  # the encoder hung on one picture


@dataclass(frozen=True)
class ProblemSpan:
    problem: Problem
    start_s: float
    end_s: float


def ffmpeg_executable() -> str:
    try:
        import imageio_ffmpeg  # optional dependency: the demo and the tests only
    except ImportError as error:
        raise RuntimeError("生成演示视频需要 imageio-ffmpeg：pip install 'bodycam-workstation[demo]'") from error
    return str(imageio_ffmpeg.get_ffmpeg_exe())


def _run(arguments: list[str]) -> None:
    subprocess.run([ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y", *arguments], check=True)


def _drawtext_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(":", "\\:").replace("'", "\\'")


def _overlay_filter(overlay: str, start: datetime | None) -> str:
    """A drawtext filter burning in `overlay`, after a clock running from `start` as recorders show it."""
    clock_text = ""
    if start:
        epoch = int(start.timestamp())
        clock_text = f"%{{pts\\:localtime\\:{epoch}\\:%Y-%m-%d %H\\\\\\:%M\\\\\\:%S}} "
    return (
        f"drawtext={_overlay_font()}text='{clock_text}{_drawtext_escape(overlay)}':x=8:y=8:fontsize=14:"
        "fontcolor=white:box=1:boxcolor=black@0.6"
    )


def make_video(
    path: Path,
    seconds: float,
    *,
    size: str = "320x240",
    fps: int = 25,
    overlay: str = "",
    start: datetime | None = None,
    dark: bool = False,
    tone_hz: int = 440,
    problem: ProblemSpan | None = None,
) -> Path:
    """An H.264/AAC MP4 like a recorder's, with the device/警号 text and a running clock burned in; with a
    `problem`, that stretch of it is covered, silent or frozen (and the picture has sensor noise, so that the
    rest of it is not frozen)."""
    video = f"testsrc2=size={size}:rate={fps}" if not dark else f"color=c=black:size={size}:rate={fps}"
    sound = f"sine=frequency={tone_hz}:sample_rate=16000"
    filters: list[str] = []
    after: list[str] = []
    if dark:
        filters.append("noise=alls=8:allf=t")
    if problem is not None:
        before, after = _problem_filters(problem, fps)
        filters += before
        if problem.problem is Problem.SILENT:
            tone = f"0.25*sin(2*PI*{tone_hz}*t)"
            sound = f"aevalsrc='if({between(problem.start_s, problem.end_s)}\\,{NOISE_FLOOR}\\,{tone})':s=16000"
    if overlay or start:
        filters.append(_overlay_filter(overlay, start))
    filters += after
    arguments = ["-f", "lavfi", "-i", video, "-f", "lavfi", "-i", sound]
    arguments += ["-t", str(seconds)]
    if filters:
        arguments += ["-vf", ",".join(filters)]
    arguments += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", str(fps)]
    arguments += ["-c:a", "aac", "-b:a", "32k", "-movflags", "+faststart", "-shortest", "-f", "mp4", str(path)]
    _run(arguments)
    return path


def _problem_filters(problem: ProblemSpan, fps: int) -> tuple[list[str], list[str]]:
    """The picture filters before and after the burned-in overlay: a covered lens hides the text too (the
    recorders this stands for burn it into the sensor picture; an OSD box on black would read as a scene)."""
    if problem.problem is Problem.COVERED:
        window = between(problem.start_s, problem.end_s)
        return [], [f"drawbox=x=0:y=0:w=iw:h=ih:color={LENS_COVER}:t=fill:enable='{window}'", SENSOR_NOISE]
    if problem.problem is Problem.FROZEN:
        first, last = round(problem.start_s * fps), round(problem.end_s * fps)
        return [SENSOR_NOISE, f"split[a][b];[a][b]freezeframes=first={first}:last={last}:replace={first}"], []
    return [SENSOR_NOISE], []


def make_audio(path: Path, seconds: float, tone_hz: int = 600, *, title: str = "") -> Path:
    """A WAV (or, by extension, another format ffmpeg knows) voice-recorder file.

    `title` is written as the file's title tag; distinct titles give files of equal sound distinct
    content (the archive keeps one copy per SHA-256).
    """
    arguments = ["-f", "lavfi", "-i", f"sine=frequency={tone_hz}:sample_rate=16000", "-t", str(seconds)]
    if title:
        arguments += ["-metadata", f"title={title}"]
    _run([*arguments, str(path)])
    return path


def make_photo(path: Path, size: str = "640x480", *, overlay: str = "", taken: datetime | None = None) -> Path:
    """A JPEG still; like a recorder's snapshot it can carry the device/警号 text and the time it was taken."""
    arguments = ["-f", "lavfi", "-i", f"testsrc2=size={size}:rate=1", "-frames:v", "1"]
    if overlay or taken:
        arguments += ["-vf", _overlay_filter(overlay, taken)]
    _run([*arguments, "-f", "image2", str(path)])
    return path


def make_log(path: Path, events: Iterable[LogEvent], encoding: str = "utf-8") -> Path:
    """A recorder log file in the format workstation.devicelog reads (Chinese event words)."""
    words: dict[DeviceEventType, str] = {
        kind: word for kind, word in EVENT_WORDS.items() if kind is not DeviceEventType.OTHER
    }
    lines = [
        f"{event.occurred_at:%Y-%m-%d %H:%M:%S} {words.get(event.event_type, event.detail or 'OTHER')}"
        + (f" {event.detail}" if event.detail and event.event_type in words else "")
        for event in events
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\r\n".join(lines) + "\r\n", encoding=encoding)
    return path
