"""Precision and recall of each detector on the labelled set of generated clips (issue 17: ≥ 0.9 each).

A found span counts as correct when it overlaps a labelled span of the same kind in the same file; a labelled
span counts as found when some found span of its kind overlaps it. The figures are printed (pytest -s) and
recorded as test properties; the README quotes them.
"""

import pytest

from player.media.prescreen.scan import scan_media
from player.media.prescreen.types import MediaFinding, MediaFindingKind, ScanSettings
from tests.helpers.prescreen_clips import LabelledClip

TARGET = 0.9


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@pytest.fixture(scope="module")
def found(labelled_set: list[LabelledClip]) -> dict[str, tuple[MediaFinding, ...]]:
    """The findings of every clip of the set with the default settings, by file name."""
    return {clip.path.name: scan_media(clip.path, ScanSettings()).findings for clip in labelled_set}


def test_precision_and_recall_of_every_detector(labelled_set: list[LabelledClip], found, record_property):
    lines = []
    for kind in MediaFindingKind:
        correct = reported = recalled = labelled = 0
        for clip in labelled_set:
            truth = [(start, end) for truth_kind, start, end in clip.truth if truth_kind is kind]
            spans = [(item.start_ms, item.end_ms) for item in found[clip.path.name] if item.kind is kind]
            reported += len(spans)
            correct += sum(any(_overlaps(span, real) for real in truth) for span in spans)
            labelled += len(truth)
            recalled += sum(any(_overlaps(real, span) for span in spans) for real in truth)
        assert labelled, f"the set has no {kind} clip"
        precision = correct / reported if reported else 0.0
        recall = recalled / labelled
        figures = f"precision {precision:.2f} ({correct}/{reported})  recall {recall:.2f} ({recalled}/{labelled})"
        lines.append(f"{kind.value:12} {figures}")
        record_property(f"{kind.value}_precision", precision)
        record_property(f"{kind.value}_recall", recall)
        assert precision >= TARGET and recall >= TARGET, (kind, found)
    print("\npre-screen on the labelled set:\n" + "\n".join(lines))


def test_findings_lie_on_the_labelled_time_within_a_sample(labelled_set: list[LabelledClip], found):
    """Beyond overlapping: each span found starts and ends within 1.5 s of the labelled one (keyframes 1 s apart)."""
    for clip in labelled_set:
        findings = found[clip.path.name]
        assert len(findings) == len(clip.truth), (clip.path.name, findings)
        for finding, (kind, start, end) in zip(findings, clip.truth, strict=True):
            assert finding.kind is kind
            assert abs(finding.start_ms - start) <= 1500 and abs(finding.end_ms - end) <= 1500, (
                clip.path.name,
                finding,
            )
            assert 0.5 <= finding.confidence <= 1.0
