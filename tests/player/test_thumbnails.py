"""Thumbnails: made once from a real clip or photo, cached by hash, none for audio or damaged files."""

import cv2

from player.media.thumbnails import cache_path, thumbnail
from workstation.demo import synth


def test_video_and_photo_thumbnails_are_cached(tmp_path):
    clip = synth.make_video(tmp_path / "a.mp4", 2, size="640x360")
    photo = synth.make_photo(tmp_path / "p.jpg")
    cache = tmp_path / "cache"

    made = thumbnail(clip, "video", "ab" * 32, cache)
    assert made == cache_path(cache, "ab" * 32)
    assert cv2.imread(str(made)).shape == (90, 160, 3)
    stamp = made.stat().st_mtime_ns
    assert thumbnail(clip, "video", "ab" * 32, cache).stat().st_mtime_ns == stamp
    assert cv2.imread(str(thumbnail(photo, "photo", "cd" * 32, cache))).shape[1] == 160


def test_no_thumbnail_for_audio_or_a_damaged_file(tmp_path):
    broken = tmp_path / "x.mp4"
    broken.write_bytes(b"not a video")
    assert thumbnail(broken, "video", "ef" * 32, tmp_path / "c") is None
    assert thumbnail(synth.make_audio(tmp_path / "a.wav", 1), "audio", "01" * 32, tmp_path / "c") is None
    assert list((tmp_path / "c").rglob("*")) == []
