"""HttpsRangeSource against a real HTTPS server (uvicorn + FastAPI FileResponse, tests/helpers/media_server.py).

The bytes read are compared with the file's; refusals, a wrong pin and a server that is gone must come
out as typed errors; a dropped connection is retried once; the prefetch fetches what the player reads
first (the head, and the end of an MP4 whose index a recorder wrote last) before it asks; and the player's
engine plays the stream frame-exactly, as it plays the local file.
"""

import random
import ssl
import struct
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from player.access import MediaProblem
from player.media.byte_source import ByteSource
from tests.helpers.media_server import AUTHORISED, MediaConfig, MediaServer
from tests.player.conftest import open_paused, wait_for_frame
from tests.player.framecode import write_indexed_clip
from tests.player.source_scenarios import StallingSource, fails_mid_play, plays_exactly
from workstation.client.media_stream import (
    BLOCK_SIZE,
    HEAD_BLOCKS,
    HttpsRangeSource,
    MediaStreamError,
    MediaStreamNotFound,
    MediaStreamRefused,
    MediaStreamUntrusted,
)
from workstation.server import tls

TOKEN, LIMITED = "reviewer-token", "limited-token"
BLOB_SIZE = 3 * BLOCK_SIZE + 12_345  # not a whole number of blocks


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tls.CertificatePair:
    return tls.self_signed(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def blob(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("blob") / "blob.bin"
    path.write_bytes(random.Random(5).randbytes(BLOB_SIZE))
    return path


@pytest.fixture(scope="module")
def late_index_blob(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An MP4's top-level boxes as a recorder writes them: ftyp, 3 MiB of media data, then the index (moov)."""
    rng = random.Random(7)
    media = rng.randbytes(3 * 1024 * 1024)
    index = rng.randbytes(40_000)
    path = tmp_path_factory.mktemp("late") / "late.mp4"
    path.write_bytes(
        struct.pack(">I4s", 24, b"ftyp")
        + b"isom\0\0\2\0isomiso2"
        + struct.pack(">I4s", 8 + len(media), b"mdat")
        + media
        + struct.pack(">I4s", 8 + len(index), b"moov")
        + index
    )
    return path


@pytest.fixture(scope="module")
def late_index_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10 s of frame-indexed 640x360 footage (0.7 MB) with its index at the end, past the prefetched head."""
    folder = tmp_path_factory.mktemp("late-clip")
    return write_indexed_clip(folder / "late.mp4", 250, fps=25, size=(640, 360), detail=True, faststart=False)


@pytest.fixture(scope="module")
def server(
    site: tls.CertificatePair,
    blob: Path,
    indexed_clip: Path,
    late_index_blob: Path,
    late_index_clip: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[MediaServer]:
    config = MediaConfig(
        media={"1": str(blob), "2": str(indexed_clip), "3": str(late_index_blob), "4": str(late_index_clip)},
        tokens={TOKEN: [AUTHORISED], LIMITED: ["2"]},
        certificate=str(site.certificate),
        key=str(site.key),
    )
    running = MediaServer(config, tmp_path_factory.mktemp("server"))
    yield running
    running.stop()


@pytest.fixture
def stream(server: MediaServer, site: tls.CertificatePair) -> Iterator[Callable[..., HttpsRangeSource]]:
    """Makes sources on the test server (entry "1" with the reviewer's token by default); all closed after."""
    made: list[HttpsRangeSource] = []

    def make(entry: str = "1", token: str = TOKEN, *, on: MediaServer = server, **options) -> HttpsRangeSource:
        made.append(HttpsRangeSource(on.base_url, entry, token, site.certificate, **options))
        return made[-1]

    yield make
    for source in made:
        source.close()


def drop_next(server: MediaServer, site: tls.CertificatePair, count: int) -> None:
    """Make the server break off its next `count` media answers mid-body."""
    with httpx.Client(verify=ssl.create_default_context(cafile=str(site.certificate))) as control:
        control.post(f"{server.base_url}/test/drop/{count}").raise_for_status()


@given(ranges=st.lists(st.tuples(st.integers(0, BLOB_SIZE + 100), st.integers(0, 3 * BLOCK_SIZE)), max_size=30))
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)  # sources pile up, closed after
def test_reads_return_exactly_the_files_bytes(stream, blob, ranges):
    data = blob.read_bytes()
    source = stream(block_size=64 * 1024, cache_blocks=8)
    assert isinstance(source, ByteSource)
    assert source.size == BLOB_SIZE
    for offset, length in ranges:
        assert source.read_at(offset, length) == data[offset : offset + length]


def test_in_order_reads_take_few_requests(stream, blob):
    """libVLC reads in small pieces: read-ahead fetches growing runs of blocks, the cache serves re-reads."""
    data = blob.read_bytes()
    source = stream()
    position = 0
    while position < BLOB_SIZE:
        assert source.read_at(position, 32 * 1024) == data[position : position + 32 * 1024]
        position += 32 * 1024
    assert source.requests <= 3  # 1 block, then 2, then the rest: not one per 32 KiB read (13)
    before = source.requests
    assert source.read_at(1000, 5000) == data[1000:6000]
    assert source.requests == before
    source.close()
    with pytest.raises(MediaStreamError):
        source.read_at(BLOB_SIZE - 10, 10)


@pytest.mark.parametrize(
    ("entry", "token", "error", "status", "code"),
    [
        ("1", "expired", MediaStreamRefused, 401, "token_invalid"),
        ("1", LIMITED, MediaStreamRefused, 403, "no_right"),
        ("9", TOKEN, MediaStreamNotFound, 404, "media_not_found"),
    ],
)
def test_refusals_are_typed_with_the_servers_reason(stream, entry, token, error, status, code):
    source = stream(entry, token)
    with pytest.raises(error) as refused:
        source.read_at(0, 10)
    assert (refused.value.status, refused.value.code) == (status, code)
    assert refused.value.message  # the server's words, for the window to show
    assert isinstance(refused.value, OSError)
    assert token not in str(refused.value) and token not in repr(source)


def test_a_server_with_another_certificate_is_refused(server, tmp_path):
    stranger = tls.self_signed(tmp_path / "other")
    source = HttpsRangeSource(server.base_url, "1", TOKEN, stranger.certificate)
    with pytest.raises(MediaStreamUntrusted) as untrusted:
        _ = source.size
    source.close()
    assert "certificate" in str(untrusted.value)
    assert source.requests == 1  # not retried


def test_a_dropped_connection_is_retried_once(stream, server, site, blob):
    data = blob.read_bytes()
    source = stream()
    assert source.read_at(0, 100) == data[:100]
    drop_next(server, site, 1)
    assert source.read_at(2 * BLOCK_SIZE, 100) == data[2 * BLOCK_SIZE : 2 * BLOCK_SIZE + 100]
    assert source.requests == 3  # the first, the dropped one, its retry
    drop_next(server, site, 2)
    with pytest.raises(MediaStreamError) as failed:
        source.read_at(3 * BLOCK_SIZE, 100)
    assert failed.value.code == "unreachable"
    drop_next(server, site, 0)


def test_a_server_that_is_gone_is_unreachable(stream, site, blob, tmp_path):
    config = MediaConfig({"1": str(blob)}, {TOKEN: [AUTHORISED]}, str(site.certificate), str(site.key))
    doomed = MediaServer(config, tmp_path)
    source = stream(on=doomed)
    assert source.read_at(0, 10) == blob.read_bytes()[:10]
    doomed.stop()
    with pytest.raises(MediaStreamError) as failed:
        source.read_at(BLOCK_SIZE * 3, 10)
    assert failed.value.code == "unreachable" and failed.value.status == 0


# --- prefetch and a shared client ------------------------------------------------------------------


def test_the_prefetch_fetches_the_head_in_one_request(stream, blob):
    data = blob.read_bytes()
    source = stream()
    source.prefetch().join()
    assert source.requests == 1
    assert source.size == BLOB_SIZE
    for offset, length in [(0, 1), (0, 8192), (1000, 70_000), (HEAD_BLOCKS * BLOCK_SIZE - 10, 10)]:
        assert source.read_at(offset, length) == data[offset : offset + length]
    assert source.requests == 1  # all from the head; blob.bin is no MP4, so nothing else was fetched


def test_the_prefetch_fetches_an_mp4s_index_at_the_end(stream, late_index_blob):
    data = late_index_blob.read_bytes()
    index_at = len(data) - 40_008
    source = stream("3")
    source.prefetch().join()
    assert source.requests == 2  # the head, then the end where the index lies
    assert source.read_at(index_at, 40_008) == data[index_at:]
    assert source.read_at(0, 300_000) == data[:300_000]
    assert source.requests == 2
    head = HEAD_BLOCKS * BLOCK_SIZE
    assert source.read_at(head, 100) == data[head : head + 100]  # libVLC reads on after the head:
    assert source.read_at(head + BLOCK_SIZE, 100) == data[head + BLOCK_SIZE : head + BLOCK_SIZE + 100]
    assert source.requests == 3  # the run of in-order reads goes on (two blocks at once), as if unbroken


def test_a_prefetch_that_is_refused_leaves_the_error_to_the_reads(stream):
    source = stream("1", "expired")
    source.prefetch().join()
    with pytest.raises(MediaStreamRefused):
        source.read_at(0, 10)


def test_a_source_on_a_shared_client_leaves_it_open(stream, site, blob):
    data = blob.read_bytes()
    with httpx.Client(verify=ssl.create_default_context(cafile=str(site.certificate))) as shared:
        first = stream(client=shared)
        assert first.read_at(5, 10) == data[5:15]
        first.close()
        assert not shared.is_closed
        second = stream(client=shared)
        second.prefetch().join()
        assert second.read_at(BLOCK_SIZE, 10) == data[BLOCK_SIZE : BLOCK_SIZE + 10]
    with pytest.raises(MediaStreamError) as closed:  # the connection was closed (signed out): a typed error
        second.read_at(3 * BLOCK_SIZE, 10)
    assert closed.value.code == "closed"


# --- the player's engine plays the stream ----------------------------------------------------------


def test_the_engine_plays_the_stream_exactly(qtbot, engine, stream):
    plays_exactly(qtbot, engine, stream("2", name="DD01_clip.mp4"))


def test_the_engine_fails_a_stream_that_fails_while_playing(qtbot, engine, stream):
    fails_mid_play(qtbot, engine, StallingSource(stream("2"), MediaStreamError(0, "x", "link down")))


@pytest.mark.parametrize(
    ("entry", "token", "problem"),
    [
        ("2", "revoked", MediaProblem.UNREADABLE),
        ("1", LIMITED, MediaProblem.UNREADABLE),
        ("9", TOKEN, MediaProblem.MISSING),
    ],
)
def test_the_engine_says_why_the_server_refused(qtbot, engine, stream, entry, token, problem):
    with qtbot.waitSignal(engine.failed, timeout=5000) as failure:
        engine.open(stream(entry, token, name="DD01_clip.mp4"))
    assert failure.args[0].problem is problem
    assert failure.args[0].path == Path("DD01_clip.mp4")
    assert "(40" in failure.args[0].detail  # the server's status and reason, for the window


def test_the_engine_finds_a_late_index_in_the_prefetched_bytes(qtbot, engine, stream, late_index_clip):
    """A recorder's file (index at the end): the first picture costs no request but the prefetch's two."""
    source = stream("4", name="DD01_late.mp4")
    source.prefetch().join()
    assert source.requests == 2
    open_paused(qtbot, engine, source)
    wait_for_frame(qtbot, engine, 0)
    assert source.requests == 2
    engine.seek(7_000)
    wait_for_frame(qtbot, engine, 175)
