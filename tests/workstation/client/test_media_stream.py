"""HttpsRangeSource against a real HTTPS server (uvicorn + FastAPI FileResponse, tests/helpers/media_server.py).

The bytes read are compared with the file's; refusals, a wrong pin and a server that is gone must come
out as typed errors; a dropped connection is retried once; and the player's engine plays the stream
frame-exactly, as it plays the local file.
"""

import random
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from player.access import MediaProblem
from player.media.byte_source import ByteSource
from tests.helpers.media_server import AUTHORISED, MediaConfig, MediaServer
from tests.player.source_scenarios import StallingSource, fails_mid_play, plays_exactly
from workstation.client.media_stream import (
    BLOCK_SIZE,
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
def server(
    site: tls.CertificatePair, blob: Path, indexed_clip: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[MediaServer]:
    config = MediaConfig(
        media={"1": str(blob), "2": str(indexed_clip)},
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
