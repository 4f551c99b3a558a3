"""The picture detector: covered lens, dark picture, frozen picture, from the sampled pictures of a file.

Per picture (the luma plane at about 320 pixels across):
- brightness: the mean luma;
- structure: the standard deviation after a Gaussian blur (σ = 2 px), which removes sensor noise but keeps
  shapes and lights; edges: the mean absolute difference of neighbouring blurred pixels;
- lit share: the share of pixels brighter than `lit_luma` (lamps, lit windows, headlights).

A covered lens is dark AND featureless: almost no structure and no edges, whatever the noise; covering
usually happens abruptly, so a covered stretch that follows a normal picture gets a higher confidence. A
dark picture shows nothing either, but keeps faint structure (a night without light); a night scene with
lights or visible shapes is neither. A frozen picture repeats itself: two consecutive samples differ by less
than requantisation would explain, while a static scene still changes by its sensor noise (measured on
keyframes, which the encoder codes afresh, noise included).
"""

from dataclasses import dataclass

import cv2
import numpy

from player.media.prescreen.decode import Picture
from player.media.prescreen.spans import Observation, margin
from player.media.prescreen.types import MediaFindingKind, ScanSettings

BLUR_SIGMA = 2.0
ONSET_BONUS = 0.15  # a covered stretch that starts right after a normal picture


@dataclass(frozen=True)
class PictureMeasure:
    time_ms: int
    brightness: float
    structure: float
    edges: float
    lit_share: float
    change: float | None  # mean absolute luma change since the previous sample
    still_share: float | None  # share of pixels changed by at most one level since the previous sample


def measure(picture: Picture, previous: Picture | None, settings: ScanSettings) -> PictureMeasure:
    """What the detector looks at in one sampled picture (and its change since the previous one)."""
    values = picture.luma.astype(numpy.float32)
    blurred = cv2.GaussianBlur(values, (0, 0), BLUR_SIGMA)
    edges = float(numpy.abs(numpy.diff(blurred, axis=1)).mean() + numpy.abs(numpy.diff(blurred, axis=0)).mean())
    change = still = None
    if previous is not None and previous.luma.shape == picture.luma.shape:
        difference = numpy.abs(values - previous.luma.astype(numpy.float32))
        change = float(difference.mean())
        still = float((difference <= 1).mean())
    return PictureMeasure(
        picture.time_ms,
        float(values.mean()),
        float(blurred.std()),
        edges,
        float((picture.luma > settings.lit_luma).mean()),
        change,
        still,
    )


class PictureDetector:
    """Collects the measures of a file's sampled pictures, in time order, and turns them into observations."""

    def __init__(self, settings: ScanSettings) -> None:
        self.settings = settings
        self.measures: list[PictureMeasure] = []
        self._previous: Picture | None = None

    def add(self, picture: Picture) -> None:
        if self._previous is not None and picture.time_ms <= self._previous.time_ms:
            return  # a repeated or out-of-order time stamp adds nothing
        self.measures.append(measure(picture, self._previous, self.settings))
        self._previous = picture

    def observations(self, end_ms: int) -> list[Observation]:
        """Each sample stands for the time halfway to its neighbours (from 0, up to `end_ms`)."""
        states = [self._state(item) for item in self.measures]
        self._reward_abrupt_covering(states)
        result = []
        for index, item in enumerate(self.measures):
            start = 0 if index == 0 else (self.measures[index - 1].time_ms + item.time_ms) // 2
            last = index == len(self.measures) - 1
            end = max(end_ms, item.time_ms) if last else (item.time_ms + self.measures[index + 1].time_ms) // 2
            kind, strength = states[index]
            if kind is not None:
                result.append(Observation(kind, start, end, strength))
            frozen = self._frozen_strength(index, states)
            if frozen is not None:
                result.append(
                    Observation(MediaFindingKind.FROZEN, self.measures[index - 1].time_ms, item.time_ms, frozen)
                )
        return result

    def _state(self, item: PictureMeasure) -> tuple[MediaFindingKind | None, float]:
        s = self.settings
        if item.brightness >= s.dark_luma:
            return None, 0.0
        if item.structure < s.covered_structure and item.edges < s.covered_edges:
            featureless = (margin(item.structure, s.covered_structure) + margin(item.edges, s.covered_edges)) / 2
            return MediaFindingKind.COVERED, 0.55 + 0.3 * featureless
        if item.structure < s.dark_structure and item.lit_share < s.lit_share:
            darkness = (margin(item.brightness, s.dark_luma) + margin(item.structure, s.dark_structure)) / 2
            return MediaFindingKind.DARK, 0.5 + 0.5 * darkness
        return None, 0.0

    def _reward_abrupt_covering(self, states: list[tuple[MediaFindingKind | None, float]]) -> None:
        """Raise the strength of each covered run that begins right after a bright picture."""
        index = 0
        while index < len(states):
            if states[index][0] is not MediaFindingKind.COVERED:
                index += 1
                continue
            end = index
            while end < len(states) and states[end][0] is MediaFindingKind.COVERED:
                end += 1
            if index > 0 and self.measures[index - 1].brightness >= self.settings.dark_luma:
                for run in range(index, end):
                    states[run] = (MediaFindingKind.COVERED, min(1.0, states[run][1] + ONSET_BONUS))
            index = end

    def _frozen_strength(self, index: int, states: list[tuple[MediaFindingKind | None, float]]) -> float | None:
        """The strength of "frozen" between sample index-1 and index, or None; a covered lens explains itself."""
        item = self.measures[index]
        if item.change is None or item.still_share is None:
            return None
        if MediaFindingKind.COVERED in (states[index][0], states[index - 1][0]):
            return None
        if item.change >= self.settings.frozen_diff or item.still_share < self.settings.frozen_still_share:
            return None
        return 0.5 + 0.5 * margin(item.change, self.settings.frozen_diff)
