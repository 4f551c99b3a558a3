"""The sound detector: silent and clipped stretches, measured in windows of `audio_window_ms`.

Silent: the window's RMS over all channels is below `silent_dbfs` (a dead or covered microphone still has a
noise floor, so this is a level, not digital zero). Clipped: at least `clipped_share` of the window's samples
are at `clip_level` of full scale or beyond (an overdriven microphone flattens the peaks at full scale; after
lossy coding they ring around it, hence a level just under 1.0).
"""

import math
from dataclasses import dataclass

import numpy

from player.media.prescreen.decode import Sound
from player.media.prescreen.spans import Observation, margin
from player.media.prescreen.types import MediaFindingKind, ScanSettings

SILENCE_DEPTH_DB = 20.0  # this far under the threshold a window is silent with full strength
CLIPPING_DEPTH = 4.0  # this many times the threshold share of clipped samples gives full strength


@dataclass
class _Window:
    squares: float = 0.0
    clipped: int = 0
    count: int = 0


class SoundDetector:
    """Collects a file's decoded sound into windows and turns them into observations."""

    def __init__(self, settings: ScanSettings) -> None:
        self.settings = settings
        self.windows: dict[int, _Window] = {}

    def add(self, sound: Sound) -> None:
        """Add one decoded audio frame; it is counted in the window its first sample falls in."""
        samples = sound.samples
        if not samples.size:
            return
        window = self.windows.setdefault(sound.time_ms // self.settings.audio_window_ms, _Window())
        window.squares += float(numpy.square(samples, dtype=numpy.float64).sum())
        window.clipped += int(numpy.count_nonzero(numpy.abs(samples) >= self.settings.clip_level))
        window.count += samples.size

    def observations(self) -> list[Observation]:
        s = self.settings
        result = []
        for number, window in sorted(self.windows.items()):
            start, end = number * s.audio_window_ms, (number + 1) * s.audio_window_ms
            level = _dbfs(window.squares / window.count)
            if level < s.silent_dbfs:
                depth = min(1.0, (s.silent_dbfs - level) / SILENCE_DEPTH_DB)
                result.append(Observation(MediaFindingKind.SILENT, start, end, 0.5 + 0.5 * depth))
            share = window.clipped / window.count
            if share >= s.clipped_share:
                excess = 1.0 - margin(share, CLIPPING_DEPTH * s.clipped_share)
                result.append(Observation(MediaFindingKind.CLIPPED, start, end, 0.5 + 0.5 * excess))
        return result


def _dbfs(mean_square: float) -> float:
    return 10.0 * math.log10(mean_square) if mean_square > 0 else -math.inf
