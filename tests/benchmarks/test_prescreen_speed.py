"""Pre-screen speed on 1080p30 H.264 on ONE core (issue 17: ≥ 20× real time), against a plain decode of the file.

The clip is 1920x1080 at 30 fps, 8 Mbit/s, a keyframe every second (as body-worn recorders write), a moving
scene with sensor noise, and AAC sound. The process is pinned to one core (subprocesses inherit it) and every
decoder runs one thread. Measured in the same run, each the median of BENCH_REPEATS:

- plain decode (the baseline): PyAV decoding every video frame and all the sound, nothing else;
- OpenCV `read()` of every frame (decode + BGR conversion), and OpenCV `grab()` of every frame with
  `retrieve()` of every 15th (grab still decodes each frame: OpenCV cannot skip decoding);
- PyAV keyframes only (skip_frame=NONKEY) plus the sound, decoding alone;
- FFmpeg's blackdetect + freezedetect + silencedetect through imageio-ffmpeg's ffmpeg, on keyframes only
  (`-skip_frame nokey`) and on every frame thinned to 2 fps;
- `scan_media` itself (PyAV keyframes, the luma plane in place, all detectors).

Scale: BENCH_PRESCREEN_SECONDS (default 6; tools/bench.sh 60). Figures: seconds (wall and CPU), × real time
(on the clock and per CPU second: on a shared machine the clock also counts others' use of the core), × the
plain decode. Like every benchmark here it asserts correctness (the normal clip has no findings; the decoders
saw every frame they should), not timing.
"""

import os
import resource
import statistics
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import av
import cv2
import pytest

from player.media.prescreen.scan import scan_media
from player.media.prescreen.types import ScanSettings
from tests.benchmarks.conftest import BenchReport, BenchScale
from workstation.demo.synth import ffmpeg_executable

pytestmark = pytest.mark.benchmark

FPS = 30
TARGET = 20.0  # × real time on one core


@pytest.fixture(scope="module")
def seconds() -> int:
    return int(os.environ.get("BENCH_PRESCREEN_SECONDS") or 6)


@pytest.fixture(scope="module")
def clip(seconds: int, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("prescreen-speed") / "1080p30.mp4"
    scene = f"testsrc2=size=1920x1080:rate={FPS},noise=alls=4:allf=t"
    sound = "sine=frequency=440:sample_rate=48000"
    encode = ["-c:v", "libx264", "-preset", "superfast", "-b:v", "8M", "-maxrate", "10M", "-bufsize", "16M"]
    command = [ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", scene]
    command += ["-f", "lavfi", "-i", sound, "-t", str(seconds), *encode, "-g", str(FPS), "-pix_fmt", "yuv420p"]
    subprocess.run([*command, "-c:a", "aac", "-b:a", "96k", str(target)], check=True)
    return target


@pytest.fixture(scope="module")
def one_core() -> Iterator[int]:
    """Pin this process (and the ffmpeg it starts) to one core; OpenCV's own thread pool to one thread."""
    previous_affinity = os.sched_getaffinity(0)
    previous_threads = cv2.getNumThreads()
    core = min(previous_affinity)
    os.sched_setaffinity(0, {core})
    cv2.setNumThreads(1)
    try:
        yield core
    finally:
        os.sched_setaffinity(0, previous_affinity)
        cv2.setNumThreads(previous_threads)


def _plain_decode(path: Path) -> int:
    with av.open(str(path)) as container:
        container.streams.video[0].codec_context.thread_count = 1
        return sum(1 for frame in container.decode(video=0, audio=0) if isinstance(frame, av.VideoFrame))


def _keyframes_decode(path: Path) -> int:
    with av.open(str(path)) as container:
        video = container.streams.video[0]
        video.codec_context.thread_count = 1
        video.codec_context.skip_frame = "NONKEY"
        decoded = container.decode(video, container.streams.audio[0])
        return sum(1 for frame in decoded if isinstance(frame, av.VideoFrame))


def _opencv(path: Path, keep_every: int) -> int:
    capture = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG, [cv2.CAP_PROP_N_THREADS, 1])
    frames = 0
    try:
        while capture.grab():
            if frames % keep_every == 0:
                capture.retrieve()
            frames += 1
    finally:
        capture.release()
    return frames


def _ffmpeg_filters(path: Path, keyframes_only: bool) -> int:
    thinning = "" if keyframes_only else "fps=2,"
    command = [ffmpeg_executable(), "-hide_banner", "-nostats", "-threads", "1"]
    command += ["-skip_frame", "nokey"] if keyframes_only else []
    command += ["-i", str(path), "-filter_threads", "1"]
    command += ["-vf", f"{thinning}scale=320:-2,blackdetect=d=1,freezedetect=d=2"]
    command += ["-af", "silencedetect=d=2", "-f", "null", "-"]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return result.stderr.count("\n")


def _median_run(work: Callable[[], object], repeats: int) -> tuple[float, float, object]:
    """Median wall seconds and median CPU seconds (this process and its children) of `repeats` runs."""
    walls, cpus, outcome = [], [], None
    for _ in range(repeats):
        cpu_before = time.process_time() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        started = time.perf_counter()
        outcome = work()
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(time.process_time() + after.ru_utime - cpu_before)
    return statistics.median(walls), statistics.median(cpus), outcome


def test_prescreen_speed_against_a_plain_decode(
    clip: Path, seconds: int, one_core: int, bench_scale: BenchScale, bench_report: BenchReport
):
    repeats = bench_scale.repeats
    frames = seconds * FPS
    candidates: list[tuple[str, Callable[[], object]]] = [
        ("plain decode, PyAV (baseline)", lambda: _plain_decode(clip)),
        ("OpenCV read() every frame", lambda: _opencv(clip, 1)),
        ("OpenCV grab(), retrieve() every 15th", lambda: _opencv(clip, 15)),
        ("PyAV keyframes only + sound", lambda: _keyframes_decode(clip)),
        ("ffmpeg black/freeze/silencedetect, keyframes", lambda: _ffmpeg_filters(clip, True)),
        ("ffmpeg black/freeze/silencedetect, 2 fps", lambda: _ffmpeg_filters(clip, False)),
        ("scan_media (PyAV keyframes + detectors)", lambda: scan_media(clip, ScanSettings())),
    ]
    measured = {name: _median_run(work, repeats) for name, work in candidates}

    assert measured["plain decode, PyAV (baseline)"][2] == frames
    assert measured["OpenCV read() every frame"][2] == frames
    assert measured["PyAV keyframes only + sound"][2] == seconds  # one keyframe a second
    scan = measured["scan_media (PyAV keyframes + detectors)"][2]
    assert scan == scan_media(clip, ScanSettings()) and not scan.findings, scan  # type: ignore[union-attr]

    baseline = measured["plain decode, PyAV (baseline)"][0]
    rows = [
        (name, f"{wall:.2f}", f"{cpu:.2f}", f"{seconds / wall:.1f}", f"{seconds / cpu:.1f}", f"{baseline / wall:.2f}")
        for name, (wall, cpu, _) in measured.items()
    ]
    wall, cpu, _ = measured["scan_media (PyAV keyframes + detectors)"]
    speed, cpu_speed = seconds / wall, seconds / cpu
    bench_report.table(
        f"Pre-screen, {seconds} s of 1080p30 H.264 8 Mbit/s + AAC, one core (core {one_core}), median of {repeats}",
        ["", "wall s", "CPU s", "× real time", "× real time per CPU s", "× plain decode (wall)"],
        rows,
        [
            f"scan_media: {speed:.1f}× real time on the clock, {cpu_speed:.1f}× per CPU second "
            f"(target ≥ {TARGET:.0f}× on one core; the clock counts other processes' share of the core too)"
        ],
    )
    bench_report.write(
        "prescreen_speed",
        {
            "clip_seconds": seconds,
            "target_x_real_time": TARGET,
            "scan_x_real_time": speed,
            "scan_x_real_time_per_cpu_second": cpu_speed,
            "measured": {name: {"wall_s": wall, "cpu_s": cpu} for name, (wall, cpu, _) in measured.items()},
        },
    )
