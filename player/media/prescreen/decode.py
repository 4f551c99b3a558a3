"""Decoding for the pre-screen with PyAV, at reduced frame rate and resolution, on one core.

Pictures: when the recorder writes keyframes often (every `max_keyframe_interval_ms` or sooner: body-worn
recorders use a GOP of 1–2 s), only the keyframes are decoded (FFmpeg's skip_frame=NONKEY), which is ~8×
cheaper than decoding every frame of 1080p H.264 and gives one picture a GOP. A file with rarer keyframes
has every reference frame decoded and one picture kept every `sample_interval_ms`. Of each kept picture
only the luma plane is read, every n-th pixel, about `analysis_width` across: no colour conversion, no
scaling. Sound: every audio frame, as float samples (1.0 = full scale).

Damage: a packet the decoder rejects becomes a `Failure` over that packet's time, as does everything after a
point where the container cannot be read any further, and the end of a truncated file (packets stop well
before the length its header states). Decoding uses one thread: a station scans several files side by side,
one per core. See tests/benchmarks/test_prescreen_speed.py for the measured choice.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import av
import av.container
import numpy

from player.media.prescreen.types import ScanProgress, ScanSettings

LUMA_FIRST_FORMATS = frozenset(
    {"yuv420p", "yuvj420p", "yuv422p", "yuvj422p", "yuv444p", "yuvj444p", "nv12", "nv21", "gray"}
)
DEFAULT_PACKET_MS = 40  # a damaged packet that does not say how long it is
MISSING_END_MS = 1000  # packets ending this long before the length the header states: the rest is lost


@dataclass(frozen=True)
class Picture:
    time_ms: int
    luma: numpy.ndarray  # uint8, rows x columns, about analysis_width columns


@dataclass(frozen=True)
class Sound:
    time_ms: int
    samples: numpy.ndarray  # float32, channels x samples, full scale 1.0
    sample_rate: int


@dataclass(frozen=True)
class Failure:
    start_ms: int
    end_ms: int


Event = Picture | Sound | Failure


def duration_ms(container: av.container.InputContainer) -> int | None:
    """The file's length as its header says, or None."""
    if container.duration is not None and container.duration > 0:
        return round(container.duration / 1000)  # AV_TIME_BASE: microseconds
    for stream in container.streams:
        if stream.duration and stream.time_base:
            return round(float(stream.duration * stream.time_base) * 1000)
    return None


def keyframes_are_frequent(container: av.container.InputContainer, stream: av.VideoStream, limit_ms: int) -> bool:
    """Whether the second keyframe comes within `limit_ms` of the first (reads only the file's first GOP)."""
    first = None
    for packet in container.demux(stream):
        time = _packet_ms(packet, 0)
        if time is None:
            continue
        if first is not None and time - first > limit_ms:
            return False
        if packet.is_keyframe:
            if first is not None:
                return True
            first = time
    return False


def events(
    container: av.container.InputContainer,
    video: av.VideoStream | None,
    audio: av.AudioStream | None,
    settings: ScanSettings,
    keyframes_only: bool,
    progress: ScanProgress | None = None,
) -> Iterator[Event]:
    """Pictures, sound and failures of the given streams in file order; progress as a fraction of the length."""
    return _Decoding(container, video, audio, settings, keyframes_only, progress).events()


class _Decoding:
    """One pass over a file's packets. Times are from the file's start (an MPEG-TS starts at its first PTS)."""

    def __init__(
        self,
        container: av.container.InputContainer,
        video: av.VideoStream | None,
        audio: av.AudioStream | None,
        settings: ScanSettings,
        keyframes_only: bool,
        progress: ScanProgress | None,
    ) -> None:
        self.container, self.settings, self.progress = container, settings, progress
        self.keyframes_only = keyframes_only
        self.streams: list[av.VideoStream | av.AudioStream] = [s for s in (video, audio) if s is not None]
        if video is not None:
            video.codec_context.thread_count = 1
            video.codec_context.skip_frame = "NONKEY" if keyframes_only else "NONREF"
        self.resampler = av.AudioResampler(format="fltp") if audio is not None else None
        self.length = duration_ms(container)
        self.origin_ms = round(container.start_time / 1000) if container.start_time else 0
        self.next_picture_ms = 0
        self.reached_ms = self.ended_ms = 0  # the latest packet's start and end
        self.reported = 0.0

    def events(self) -> Iterator[Event]:
        packets = self.container.demux(*self.streams)
        while True:
            try:
                packet = next(packets)
            except StopIteration:
                break
            except av.error.FFmpegError:  # the container cannot be read past here: the rest is lost
                yield Failure(self.reached_ms, max(self.length or 0, self.reached_ms + DEFAULT_PACKET_MS))
                return
            start = _packet_ms(packet, self.origin_ms)
            if self._skipped(packet, start):
                continue
            try:
                frames = packet.decode()
            except av.error.FFmpegError:
                if start is not None:
                    yield Failure(start, start + _packet_length_ms(packet))
                continue
            for frame in frames:
                yield from self._samples(frame)
            if start is not None:
                self._advance(start, start + _packet_length_ms(packet))
        if self.length is not None and self.length - self.ended_ms > MISSING_END_MS:  # truncated: its end is lost
            yield Failure(self.ended_ms, self.length)

    def _skipped(self, packet: "av.Packet[Any]", start: int | None) -> bool:
        """A keyframe before the next picture is due is not decoded (intra-only video: every frame is a key)."""
        return (
            self.keyframes_only
            and packet.is_keyframe
            and isinstance(packet.stream, av.VideoStream)
            and start is not None
            and start < self.next_picture_ms
        )

    def _samples(self, frame: av.VideoFrame | av.AudioFrame | object) -> Iterator[Event]:
        if isinstance(frame, av.VideoFrame) and frame.time is not None:
            time_ms = round(frame.time * 1000) - self.origin_ms
            if self.keyframes_only or time_ms >= self.next_picture_ms:
                self.next_picture_ms = time_ms + self.settings.sample_interval_ms
                yield Picture(time_ms, luma(frame, self.settings.analysis_width))
        elif isinstance(frame, av.AudioFrame) and self.resampler is not None:
            time_ms = round(frame.time * 1000) - self.origin_ms if frame.time is not None else self.reached_ms
            for converted in self.resampler.resample(frame):
                yield Sound(time_ms, converted.to_ndarray(), converted.sample_rate)

    def _advance(self, start_ms: int, end_ms: int) -> None:
        self.reached_ms = max(self.reached_ms, start_ms)
        self.ended_ms = max(self.ended_ms, end_ms)
        if self.progress is not None and self.length:
            fraction = min(1.0, self.reached_ms / self.length)
            if fraction - self.reported >= 0.01:
                self.reported = fraction
                self.progress(fraction)


def luma(frame: av.VideoFrame, width: int) -> numpy.ndarray:
    """The picture's Y plane, every n-th pixel in both directions so that about `width` columns remain."""
    step = max(1, round(frame.width / max(1, width)))
    if frame.format.name in LUMA_FIRST_FORMATS:
        plane = frame.planes[0]
        rows = numpy.frombuffer(memoryview(plane), numpy.uint8, count=plane.line_size * plane.height)
        full = rows.reshape(plane.height, plane.line_size)[:, : frame.width]
    else:  # 10-bit, RGB, …: let swscale make 8-bit grey
        full = numpy.asarray(frame.to_ndarray(format="gray"), dtype=numpy.uint8)
    return numpy.ascontiguousarray(full[::step, ::step])


def _packet_ms(packet: "av.Packet[Any]", origin_ms: int) -> int | None:
    stamp = packet.pts if packet.pts is not None else packet.dts
    if stamp is None or packet.time_base is None:
        return None
    return round(float(stamp * Fraction(packet.time_base)) * 1000) - origin_ms


def _packet_length_ms(packet: "av.Packet[Any]") -> int:
    if packet.duration and packet.time_base is not None:
        return max(1, round(float(packet.duration * Fraction(packet.time_base)) * 1000))
    return DEFAULT_PACKET_MS
