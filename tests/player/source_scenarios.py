"""What every ByteSource must let the engine do, as scenarios any source's tests run (file and HTTPS alike).

The clip is the frame-indexed 10 s, 25 fps clip (tests/player/conftest.py `indexed_clip`): every check
reads the frame number back from the picture libVLC delivered.
"""

import random
import threading

import pytest

from player.access import MediaProblem
from player.engine import PlaybackEngine, PlaybackState
from player.libvlc import SOURCE_READ_LIMIT
from player.media.byte_source import ByteSource
from tests.player.conftest import INDEXED_FPS, INDEXED_FRAMES, open_paused, shown, wait_for_frame

FRAME_MS = 1000 / INDEXED_FPS


def plays_exactly(qtbot, engine: PlaybackEngine, source: ByteSource) -> None:
    """Open on the first frame, exact paused seeks, frame steps both ways, play to the end; closing reports
    the played spans under the source itself and closes it."""
    open_paused(qtbot, engine, source)
    wait_for_frame(qtbot, engine, 0)
    assert engine.media is source and engine.path is None
    assert engine.duration_ms == pytest.approx(INDEXED_FRAMES * FRAME_MS, abs=50)
    assert (engine.video_size.width(), engine.video_size.height()) == (320, 240)
    rng = random.Random(12)
    for frame in [1, 124, 249, 57, *rng.sample(range(INDEXED_FRAMES), 4)]:
        engine.seek(int(frame * FRAME_MS) + rng.randrange(int(FRAME_MS)))
        wait_for_frame(qtbot, engine, frame)
    engine.seek(4_000)
    wait_for_frame(qtbot, engine, 100)
    for expected in (101, 102, 101, 100, 99):
        engine.step(1 if expected > (shown(engine) or 0) else -1)
        wait_for_frame(qtbot, engine, expected)
    engine.seek(9_400)
    with qtbot.waitSignal(engine.ended, timeout=4000):
        engine.play()
    assert engine.state is PlaybackState.ENDED
    engine.seek(1_000)  # after the end: a fresh libVLC player on the same source
    qtbot.waitUntil(lambda: engine.state is PlaybackState.PAUSED, timeout=3000)
    wait_for_frame(qtbot, engine, 25)
    duration = engine.duration_ms
    with qtbot.waitSignal(engine.closed) as closed:
        engine.close()
    assert closed.args[0] is source
    assert closed.args[1][-1] == (9_400, duration)


class StallingSource:
    """Wraps a ByteSource as a network that stalls after the first libVLC read, then fails or is closed.

    Reads from `SOURCE_READ_LIMIT` on wait until `fail()` (they then raise `error`) or `close()`.
    """

    def __init__(self, inner: ByteSource, error: OSError) -> None:
        self.inner = inner
        self.error = error
        self.stalled = threading.Event()
        self._released = threading.Event()
        self.closed = False

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def size(self) -> int:
        return self.inner.size

    def read_at(self, offset: int, length: int) -> bytes:
        if offset >= SOURCE_READ_LIMIT:
            self.stalled.set()
            self._released.wait(10)
            raise self.error
        return self.inner.read_at(offset, length)

    def fail(self) -> None:
        self._released.set()

    def close(self) -> None:
        self.closed = True
        self._released.set()
        self.inner.close()


def fails_mid_play(qtbot, engine: PlaybackEngine, source: StallingSource) -> None:
    """Playing, the source fails: `failed` with the problem its error means, and the engine stays usable."""
    assert source.size > SOURCE_READ_LIMIT, "the clip must be longer than one libVLC read"
    open_paused(qtbot, engine, source)
    assert source.stalled.wait(5), "libVLC read ahead into the stalled part"
    engine.play()
    qtbot.waitUntil(lambda: (shown(engine) or 0) > 0, timeout=3000)
    with qtbot.waitSignal(engine.failed, timeout=5000) as failure:
        source.fail()
    assert failure.args[0].problem is MediaProblem.UNREACHABLE
    assert failure.args[0].path.name == source.name
    assert str(source.error) in failure.args[0].detail
    assert engine.state is PlaybackState.FAILED
    engine.play()
    engine.seek(1_000)
    engine.step(1)  # all harmless after a failure
    assert engine.state is PlaybackState.FAILED


def closes_while_a_read_waits(qtbot, engine: PlaybackEngine, source: StallingSource) -> None:
    """Closing while libVLC waits on the network neither blocks the GUI thread nor reports a failure."""
    open_paused(qtbot, engine, source)
    assert source.stalled.wait(5)
    failures: list[object] = []
    engine.failed.connect(failures.append)
    engine.close()  # closes the source: the waiting read ends with an error that nobody reports
    assert source.closed
    qtbot.wait(300)
    assert failures == []
    assert engine.state is PlaybackState.IDLE
