"""Player fixtures: real clips made once per session, and an engine on real libVLC with memory output."""

from collections.abc import Iterator
from pathlib import Path

import numpy
import pytest
from PySide6.QtGui import QImage

from player.engine import PlaybackEngine, PlaybackState
from tests.player.framecode import read_index, write_indexed_clip
from workstation.demo import synth

TEST_VLC_OPTIONS = ("--quiet", "--no-xlib", "--aout=dummy", "--file-caching=50", "--no-video-title-show")
INDEXED_FRAMES = 250  # 10 s at 25 fps
INDEXED_FPS = 25


@pytest.fixture(scope="session")
def media_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("player-media")


@pytest.fixture(scope="session")
def indexed_clip(media_folder: Path) -> Path:
    """10 s, 25 fps, 320x240 H.264/AAC; every picture shows its frame number as a block code."""
    return write_indexed_clip(media_folder / "indexed.mp4", INDEXED_FRAMES, fps=INDEXED_FPS)


@pytest.fixture(scope="session")
def indexed_clip_30(media_folder: Path) -> Path:
    """4 s at 30 fps: frame starts are not whole milliseconds (frame 90 starts at 3000 ms exactly)."""
    return write_indexed_clip(media_folder / "indexed30.mp4", 120, fps=30)


@pytest.fixture(scope="session")
def audio_clip(media_folder: Path) -> Path:
    return synth.make_audio(media_folder / "voice.m4a", 4.0, tone_hz=500)


@pytest.fixture(scope="session")
def photo(media_folder: Path) -> Path:
    return synth.make_photo(media_folder / "photo.jpg", "320x240")


@pytest.fixture(scope="session")
def damaged_clip(media_folder: Path) -> Path:
    """Random bytes under a .mp4 name: what a corrupted card gives."""
    path = media_folder / "damaged.mp4"
    path.write_bytes(numpy.random.default_rng(7).bytes(200_000))
    return path


@pytest.fixture
def engine(qtbot) -> Iterator[PlaybackEngine]:
    created = PlaybackEngine(vlc_options=TEST_VLC_OPTIONS, open_timeout_ms=5000)
    yield created
    created.close()


def image_index(image: QImage) -> int:
    """The frame number in a picture from the engine's memory output."""
    width, height = image.width(), image.height()
    rows = numpy.frombuffer(image.constBits(), numpy.uint8).reshape(height, image.bytesPerLine())
    return read_index(rows[:, : width * 4].reshape(height, width, 4))


def shown(engine: PlaybackEngine) -> int | None:
    """The frame number of the picture on screen (None before the first)."""
    image = engine.current_image()
    return None if image is None else image_index(image)


def wait_for_frame(qtbot, engine: PlaybackEngine, frame: int) -> None:
    """The picture on screen becomes `frame` and stays (libVLC repaints a paused picture every ~60 ms)."""
    qtbot.waitUntil(lambda: shown(engine) == frame, timeout=3000)
    qtbot.wait(120)
    assert shown(engine) == frame


def open_paused(qtbot, engine: PlaybackEngine, media, **options) -> None:
    """Open a file or a ByteSource and wait until it is paused on its first picture."""
    with qtbot.waitSignal(engine.state_changed, check_params_cb=lambda s: s is PlaybackState.PAUSED, timeout=5000):
        engine.open(media, **options)
