"""server.media_range: which ranges the server reads itself, and that it reads them exactly."""

from pathlib import Path

import pytest

from workstation.server.media_range import DIRECT_LIMIT, read_simple_range


@pytest.fixture
def media(tmp_path: Path) -> Path:
    path = tmp_path / "clip.mp4"
    path.write_bytes(bytes(range(256)) * 40)  # 10240 bytes, each offset's value known
    return path


def test_a_closed_range_is_read_exactly(media: Path):
    read = read_simple_range(media, "bytes=100-1099", None)
    assert read is not None and read.data == media.read_bytes()[100:1100]
    assert read.content_range == "bytes 100-1099/10240"


def test_an_open_range_and_one_past_the_end_stop_at_the_end(media: Path):
    for header in ("bytes=10000-", "bytes=10000-99999"):
        read = read_simple_range(media, header, None)
        assert read is not None and read.data == media.read_bytes()[10000:]
        assert read.content_range == "bytes 10000-10239/10240"


@pytest.mark.parametrize(
    ("header", "if_range"),
    [
        (None, None),  # the whole file
        ("bytes=-100", None),  # a suffix
        ("bytes=0-10,20-30", None),  # several
        ("bytes=10240-", None),  # starts at the end: 416 is FileResponse's to say
        ("bytes=500-400", None),  # backwards
        ("items=0-10", None),
        ("bytes=0-100", '"an-etag"'),  # conditional
    ],
)
def test_anything_else_is_left_to_file_response(media: Path, header: str | None, if_range: str | None):
    assert read_simple_range(media, header, if_range) is None


def test_a_range_longer_than_the_limit_is_left_to_file_response(tmp_path: Path):
    path = tmp_path / "long.mp4"
    with path.open("wb") as handle:
        handle.truncate(DIRECT_LIMIT + 1)
    assert read_simple_range(path, f"bytes=0-{DIRECT_LIMIT}", None) is None
    read = read_simple_range(path, f"bytes=1-{DIRECT_LIMIT}", None)
    assert read is not None and len(read.data) == DIRECT_LIMIT


def test_a_missing_file_is_an_os_error(tmp_path: Path):
    with pytest.raises(FileNotFoundError):
        read_simple_range(tmp_path / "gone.mp4", "bytes=0-10", None)
