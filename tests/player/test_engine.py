"""PlaybackEngine on real libVLC with real H.264/AAC clips: exact seeks and steps, rates, errors.

The clip's pictures carry their own frame numbers (tests/player/framecode.py), so every check of
"which frame is on screen" reads the number back from the picture libVLC delivered.
"""

import random
import time

import cv2
import pytest

from player.access import MediaProblem
from player.engine import PlaybackState
from tests.player.conftest import INDEXED_FPS, open_paused, shown, wait_for_frame
from tests.player.framecode import read_index

FRAME_MS = 1000 / INDEXED_FPS


def test_opens_paused_on_the_first_frame(qtbot, engine, indexed_clip):
    open_paused(qtbot, engine, indexed_clip)
    wait_for_frame(qtbot, engine, 0)
    assert engine.duration_ms == pytest.approx(10_000, abs=50)
    assert engine.frame_ms == pytest.approx(FRAME_MS)
    assert engine.position_ms == 0
    assert (engine.video_size.width(), engine.video_size.height()) == (320, 240)


def test_opens_at_a_start_position(qtbot, engine, indexed_clip):
    open_paused(qtbot, engine, indexed_clip, start_ms=6_010)
    wait_for_frame(qtbot, engine, 150)
    assert engine.position_ms == 6_010


def test_paused_seeks_land_on_the_exact_frame(qtbot, engine, indexed_clip):
    open_paused(qtbot, engine, indexed_clip)
    rng = random.Random(4)
    frames = [0, 1, 57, 124, 125, 249, *rng.sample(range(250), 6)]
    for frame in frames:
        offset = rng.randrange(int(FRAME_MS))  # anywhere inside the frame's 40 ms
        engine.seek(int(frame * FRAME_MS) + offset)
        wait_for_frame(qtbot, engine, frame)
        assert engine.frame_index() == frame


def test_frame_arithmetic_holds_at_30_fps(qtbot, engine, indexed_clip_30):
    open_paused(qtbot, engine, indexed_clip_30, start_ms=3_000)
    wait_for_frame(qtbot, engine, 90)
    for position, frame in ((2_999, 89), (1_000, 30), (1_033, 30), (1_034, 31), (100, 3)):
        engine.seek(position)
        wait_for_frame(qtbot, engine, frame)
    engine.step(1)
    wait_for_frame(qtbot, engine, 4)
    assert engine.position_ms == 134  # frame 4 starts at 133.33 ms: the first whole ms inside it


def test_frame_steps_forward_and_back(qtbot, engine, indexed_clip):
    open_paused(qtbot, engine, indexed_clip, start_ms=4_000)
    wait_for_frame(qtbot, engine, 100)
    for expected in (101, 102, 103):
        engine.step(1)
        wait_for_frame(qtbot, engine, expected)
    for expected in (102, 101, 100, 99, 98):
        engine.step(-1)
        wait_for_frame(qtbot, engine, expected)
    assert engine.position_ms == round(98 * FRAME_MS)
    engine.step(10)
    wait_for_frame(qtbot, engine, 108)


def test_steps_stop_at_both_ends(qtbot, engine, indexed_clip):
    open_paused(qtbot, engine, indexed_clip)
    engine.step(-1)
    wait_for_frame(qtbot, engine, 0)
    engine.seek(engine.duration_ms)
    wait_for_frame(qtbot, engine, 249)
    engine.step(1)
    wait_for_frame(qtbot, engine, 249)


def test_pausing_playback_settles_on_the_frame_at_the_playhead(qtbot, engine, indexed_clip):
    open_paused(qtbot, engine, indexed_clip)
    engine.play()
    assert engine.state is PlaybackState.PLAYING
    qtbot.wait(600)
    engine.pause()
    assert engine.state is PlaybackState.PAUSED
    wait_for_frame(qtbot, engine, engine.frame_index())
    assert 5 <= engine.frame_index() <= 40


def test_jumps_and_playing_seeks(qtbot, engine, indexed_clip):
    open_paused(qtbot, engine, indexed_clip, start_ms=2_000)
    engine.jump(5_000)
    wait_for_frame(qtbot, engine, 175)
    engine.jump(-30_000)
    wait_for_frame(qtbot, engine, 0)
    engine.play()
    engine.seek(8_000)
    qtbot.waitUntil(lambda: (shown(engine) or 0) >= 200, timeout=3000)
    assert engine.position_ms >= 8_000


@pytest.mark.parametrize(("rate", "low", "high"), [(0.25, 2, 10), (4.0, 60, 130), (16.0, 150, 249)])
def test_rates_change_the_speed(qtbot, engine, indexed_clip, rate, low, high):
    """One second of wall time covers about rate x 25 frames (16x is capped by the clip's end)."""
    open_paused(qtbot, engine, indexed_clip)
    engine.set_rate(rate)
    assert engine.rate == rate
    engine.play()
    qtbot.wait(300)
    first, started = shown(engine), time.monotonic()
    qtbot.wait(1000)
    advanced = (shown(engine) or 0) - (first or 0)
    elapsed = time.monotonic() - started
    assert low * elapsed <= advanced <= high * elapsed or engine.state is PlaybackState.ENDED


def test_faster_and_slower_walk_the_speed_list(engine):
    engine.faster()
    assert engine.rate == 2.0
    for _ in range(10):
        engine.faster()
    assert engine.rate == 16.0
    for _ in range(10):
        engine.slower()
    assert engine.rate == 0.25


def test_playing_to_the_end_then_seeking_back(qtbot, engine, indexed_clip):
    open_paused(qtbot, engine, indexed_clip, start_ms=9_400)
    with qtbot.waitSignal(engine.ended, timeout=4000):
        engine.play()
    assert engine.state is PlaybackState.ENDED
    assert engine.position_ms == engine.duration_ms
    engine.seek(1_000)
    qtbot.waitUntil(lambda: engine.state is PlaybackState.PAUSED, timeout=3000)
    wait_for_frame(qtbot, engine, 25)


def test_the_stretches_played_are_reported_when_the_file_closes(qtbot, engine, indexed_clip, audio_clip):
    open_paused(qtbot, engine, indexed_clip)
    engine.play()
    qtbot.wait(500)
    engine.seek(5_000)  # skipping ahead while playing ends one stretch and starts another
    qtbot.wait(300)
    engine.pause()
    engine.seek(9_000)
    with qtbot.waitSignal(engine.ended, timeout=4000):
        engine.play()
    first, second, last = engine.played_spans
    assert first[0] == 0 and 300 <= first[1] <= 900
    assert second[0] == 5_000 and 5_150 <= second[1] <= 5_800
    assert last == (9_000, engine.duration_ms)
    with qtbot.waitSignal(engine.closed) as closed:
        engine.open(audio_clip, audio_only=True)
    assert closed.args == [indexed_clip, (first, second, last)]
    assert engine.played_spans == ()


def test_volume_and_mute(qtbot, engine, indexed_clip):
    open_paused(qtbot, engine, indexed_clip)
    with qtbot.waitSignal(engine.volume_changed) as signal:
        engine.set_volume(150)
    assert signal.args == [100, False]
    engine.set_volume(35)
    engine.set_muted(True)
    assert (engine.volume, engine.muted) == (35, True)


def test_snapshot_is_the_frame_on_screen_at_full_size(qtbot, engine, indexed_clip, tmp_path):
    open_paused(qtbot, engine, indexed_clip, start_ms=3_080)
    wait_for_frame(qtbot, engine, 77)
    target = tmp_path / "still.png"
    assert engine.snapshot(target)
    picture = cv2.imread(str(target))
    assert picture.shape[:2] == (240, 320)
    assert read_index(picture) == 77


def test_audio_only_clip_plays_and_gives_a_waveform(qtbot, engine, audio_clip):
    with qtbot.waitSignal(engine.waveform_ready, timeout=5000) as waveform:
        engine.open(audio_clip, audio_only=True, play=True)
    qtbot.waitUntil(lambda: engine.state is PlaybackState.PLAYING, timeout=3000)
    assert engine.duration_ms == pytest.approx(4_000, abs=100)
    peaks = waveform.args[0]
    assert len(peaks) > 100
    assert max(peaks) > 0.1  # ffmpeg's sine source is at 1/8 of full scale
    assert engine.snapshot(audio_clip.with_suffix(".png")) is False


def test_a_damaged_file_fails_with_a_reason(qtbot, engine, damaged_clip):
    with qtbot.waitSignal(engine.failed, timeout=5000) as failure:
        engine.open(damaged_clip)
    assert failure.args[0].problem is MediaProblem.DAMAGED
    assert engine.state is PlaybackState.FAILED
    engine.play()
    engine.seek(1000)
    engine.step(1)  # all harmless after a failure
    assert engine.state is PlaybackState.FAILED


def test_a_missing_file_and_an_offline_share_are_told_apart(qtbot, engine, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    with qtbot.waitSignal(engine.failed, timeout=3000) as failure:
        engine.open(share / "DD01" / "gone.mp4", root=share)
    assert failure.args[0].problem is MediaProblem.MISSING
    with qtbot.waitSignal(engine.failed, timeout=3000) as failure:
        engine.open(tmp_path / "offline" / "DD01" / "clip.mp4", root=tmp_path / "offline")
    assert failure.args[0].problem is MediaProblem.UNREACHABLE


def test_opening_another_file_replaces_the_first_without_waiting(qtbot, engine, indexed_clip, audio_clip):
    open_paused(qtbot, engine, indexed_clip)
    engine.play()
    started = time.monotonic()
    engine.open(audio_clip, audio_only=True)
    assert time.monotonic() - started < 0.1
    qtbot.waitUntil(lambda: engine.state is PlaybackState.PAUSED, timeout=3000)
    assert engine.path == audio_clip
