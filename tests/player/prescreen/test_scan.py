"""scan_media's contract beyond the detectors: progress, damaged and unreadable files, photos, settings."""

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest

from player.media.prescreen.scan import scan_media
from player.media.prescreen.types import MediaFinding, MediaFindingKind, ScanResult, ScanSettings
from tests.helpers.prescreen_clips import corrupt_between
from workstation.demo import synth
from workstation.demo.synth import ffmpeg_executable

UNDECODABLE = MediaFindingKind.UNDECODABLE


def test_progress_rises_in_fractions_to_one(labelled: dict[str, Path]):
    fractions: list[float] = []
    scan_media(labelled["covered.mp4"], ScanSettings(), fractions.append)
    assert len(fractions) >= 5
    assert fractions == sorted(fractions)
    assert all(0.0 < value <= 1.0 for value in fractions)
    assert fractions[-1] == 1.0


def test_a_file_that_is_not_media_is_undecodable_over_its_unknown_length(tmp_path):
    garbage = tmp_path / "broken.mp4"
    garbage.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40)
    fractions: list[float] = []
    result = scan_media(garbage, ScanSettings(), fractions.append)
    assert result == ScanResult(None, (MediaFinding(UNDECODABLE, 0, 0, 1.0),))
    assert fractions == [1.0]


def test_a_file_with_every_packet_damaged_is_undecodable_over_its_known_length(labelled, tmp_path):
    damaged = shutil.copyfile(labelled["normal.mp4"], tmp_path / "damaged.mp4")
    corrupt_between(damaged, 0.0, 60.0)
    assert scan_media(damaged, ScanSettings()) == ScanResult(10000, (MediaFinding(UNDECODABLE, 0, 10000, 1.0),))


def test_the_lost_end_of_a_truncated_file_is_undecodable(tmp_path):
    clip = synth.make_video(tmp_path / "whole.mp4", 6, size="320x240")  # moov first (faststart)
    truncated = tmp_path / "truncated.mp4"
    data = clip.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    result = scan_media(truncated, ScanSettings())
    assert result.duration_ms == 6000
    [finding] = result.findings
    assert finding.kind is UNDECODABLE and finding.end_ms == 6000 and 1500 <= finding.start_ms <= 4500


def test_a_missing_path_raises_oserror(tmp_path):
    with pytest.raises(FileNotFoundError):
        scan_media(tmp_path / "gone.mp4", ScanSettings())


def test_photos_are_not_scanned(tmp_path):
    assert scan_media(synth.make_photo(tmp_path / "snapshot.jpg"), ScanSettings()) == ScanResult(None, ())


def test_the_settings_decide(labelled: dict[str, Path]):
    """The thresholds are the settings' (a set per recorder model, day and night), not constants."""
    covered = labelled["covered.mp4"]
    assert [item.kind for item in scan_media(covered, ScanSettings()).findings] == [MediaFindingKind.COVERED]
    assert scan_media(covered, ScanSettings(min_span_ms=5000)).findings == ()
    assert scan_media(labelled["silent.mp4"], ScanSettings(silent_dbfs=-90.0)).findings == ()
    assert scan_media(labelled["frozen.mp4"], ScanSettings(frozen_diff=0.01)).findings == ()
    darker = dataclasses.replace(ScanSettings(), dark_luma=20.0)
    assert scan_media(labelled["dark.mp4"], darker).findings == ()
    # every picture decoded (no keyframe shortcut, a picture each 500 ms) finds the covered 3.5–7.5 s closer
    [finding] = scan_media(covered, ScanSettings(max_keyframe_interval_ms=100)).findings
    assert finding.kind is MediaFindingKind.COVERED
    assert abs(finding.start_ms - 3500) <= 250 and abs(finding.end_ms - 7500) <= 250, finding


@pytest.mark.parametrize(
    ("name", "arguments"),
    [
        ("mjpeg.avi", ["-c:v", "mjpeg", "-q:v", "5", "-c:a", "pcm_s16le"]),  # every frame a keyframe
        ("offset.ts", ["-c", "copy", "-output_ts_offset", "10"]),  # an MPEG-TS whose clock starts at 10 s
    ],
)
def test_other_recorder_formats_give_the_same_span(labelled, tmp_path, name, arguments):
    target = tmp_path / name
    command = [ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-i", str(labelled["covered.mp4"])]
    subprocess.run([*command, *arguments, str(target)], check=True)
    [finding] = scan_media(target, ScanSettings()).findings
    assert finding.kind is MediaFindingKind.COVERED
    assert abs(finding.start_ms - 3500) <= 500 and abs(finding.end_ms - 7500) <= 500, finding
