"""The engine plays a ByteSource (here the reference FileByteSource) exactly as it plays a file."""

import random

import pytest

from player.access import MediaProblem, picture_size
from player.engine import PlaybackState
from player.media.byte_source import ByteSource, FileByteSource, SourceClosed, SourceReader
from tests.player.source_scenarios import StallingSource, closes_while_a_read_waits, fails_mid_play, plays_exactly


def test_a_file_source_reads_any_range_and_nothing_after_closing(indexed_clip):
    data = indexed_clip.read_bytes()
    source = FileByteSource(indexed_clip)
    assert isinstance(source, ByteSource)
    assert (source.name, source.size) == ("indexed.mp4", len(data))
    rng = random.Random(3)
    for _ in range(50):
        offset = rng.randrange(len(data) + 10)
        length = rng.randrange(70_000)
        assert source.read_at(offset, length) == data[offset : offset + length]
    reader = SourceReader(source)
    reader.seek(-100, 2)
    assert reader.read() == data[-100:]
    assert picture_size(source) == (320, 240) == picture_size(indexed_clip)
    source.close()
    with pytest.raises(SourceClosed):
        source.read_at(0, 1)


def test_the_engine_plays_a_file_source_exactly(qtbot, engine, indexed_clip):
    source = FileByteSource(indexed_clip)
    plays_exactly(qtbot, engine, source)
    with pytest.raises(OSError):
        source.read_at(0, 1)  # the engine closed what it opened


def test_a_source_failing_while_playing_fails_the_media(qtbot, engine, indexed_clip):
    fails_mid_play(qtbot, engine, StallingSource(FileByteSource(indexed_clip), ConnectionResetError("link down")))


def test_closing_while_a_read_waits_on_the_source(qtbot, engine, indexed_clip):
    closes_while_a_read_waits(qtbot, engine, StallingSource(FileByteSource(indexed_clip), TimeoutError("slow")))


class RefusingSource:
    """A source whose every read is refused with `error`, as a server refuses a revoked token."""

    def __init__(self, error: OSError) -> None:
        self.error = error
        self.name, self.size = "DD01_20261121.mp4", 1000

    def read_at(self, offset: int, length: int) -> bytes:  # noqa: ARG002 - ByteSource's signature
        raise self.error

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    ("error", "problem"),
    [
        (PermissionError("token expired"), MediaProblem.UNREADABLE),
        (FileNotFoundError("no such entry"), MediaProblem.MISSING),
        (ConnectionRefusedError("server down"), MediaProblem.UNREACHABLE),
    ],
)
def test_a_refused_source_fails_with_the_problem_its_error_means(qtbot, engine, error, problem):
    with qtbot.waitSignal(engine.failed, timeout=5000) as failure:
        engine.open(RefusingSource(error))
    assert failure.args[0].problem is problem
    assert failure.args[0].detail == str(error)
    assert failure.args[0].path.name == "DD01_20261121.mp4"
    assert engine.state is PlaybackState.FAILED
