"""The waveform of an audio-only clip: peak levels in equal time slices, for the player to draw.

libVLC decodes the sound to a temporary mono WAV (much faster than real time, any format it plays),
then numpy reduces it. Qt-free and blocking: call it on a worker thread.
"""

import itertools
import tempfile
import wave
from pathlib import Path

import numpy

from player import libvlc
from player.media.byte_source import ByteSource

SAMPLE_RATE = 8000


def peaks(samples: numpy.ndarray, buckets: int) -> tuple[float, ...]:
    """Peak absolute level (0..1 of full scale) of each of `buckets` equal slices of 16-bit samples."""
    if buckets <= 0 or samples.size == 0:
        return ()
    edges = numpy.linspace(0, samples.size, buckets + 1).astype(numpy.int64)
    magnitude = numpy.abs(samples.astype(numpy.int32))
    return tuple(
        float(magnitude[start:end].max()) / 32768.0 if end > start else 0.0 for start, end in itertools.pairwise(edges)
    )


def read_mono16(path: Path) -> numpy.ndarray:
    with wave.open(str(path), "rb") as audio:
        if audio.getsampwidth() != 2:
            raise ValueError(f"{path}: expected 16-bit samples")
        data = numpy.frombuffer(audio.readframes(audio.getnframes()), dtype="<i2")
        channels = audio.getnchannels()
    return data.reshape(-1, channels).mean(axis=1).astype(numpy.int16) if channels > 1 else data


def waveform(source: Path | ByteSource, buckets: int = 1000) -> tuple[float, ...]:
    """Peaks of source's sound over its whole length; empty when it has no decodable sound."""
    with tempfile.TemporaryDirectory(prefix="waveform-") as folder:
        target = Path(folder) / "sound.wav"
        if not libvlc.extract_audio(source, target, SAMPLE_RATE):
            return ()
        return peaks(read_mono16(target), buckets)
