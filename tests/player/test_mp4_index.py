"""mp4.index_after: where an MP4's index lies when a recorder wrote it after the media data."""

import struct

from player.media.mp4 import index_after
from tests.player.framecode import write_indexed_clip

FTYP = struct.pack(">I4s", 16, b"ftyp") + b"isom\0\0\2\0"
HEAD = 64 * 1024


def box(kind: bytes, payload_size: int) -> bytes:
    return struct.pack(">I4s", 8 + payload_size, kind) + bytes(payload_size)


def test_a_recorders_file_has_its_index_after_the_media_data(tmp_path, indexed_clip):
    late = write_indexed_clip(tmp_path / "late.mp4", 50, fps=25, size=(640, 360), detail=True, faststart=False)
    data = late.read_bytes()
    assert len(data) > HEAD
    assert index_after(data[:HEAD], len(data)) == data.rindex(b"moov") - 4
    early = indexed_clip.read_bytes()  # written "faststart": the index comes first
    assert index_after(early[:HEAD], len(early)) is None


def test_boxes_are_walked_by_their_sizes_large_ones_included():
    media = struct.pack(">I4sQ", 1, b"mdat", 16 + 200_000)  # a 64-bit size
    data = FTYP + box(b"free", 100) + media + bytes(200_000) + box(b"moov", 5_000)
    assert index_after(data[:HEAD], len(data)) == len(data) - 5_008


def test_no_index_beyond_the_head_is_no_answer():
    ends_with_media = FTYP + box(b"mdat", 200_000)
    assert index_after(ends_with_media[:HEAD], len(ends_with_media)) is None  # nothing follows the media
    to_the_end = FTYP + struct.pack(">I4s", 0, b"mdat") + bytes(200_000)  # size 0: up to the end of the file
    assert index_after(to_the_end[:HEAD], len(to_the_end)) is None
    whole = FTYP + box(b"mdat", 1_000) + box(b"moov", 500)
    assert index_after(whole, len(whole)) is None  # the head holds the index


def test_other_data_is_no_mp4():
    assert index_after(box(b"mdat", 200_000)[:HEAD], 300_000) is None  # an MP4 begins with ftyp
    assert index_after(b"RIFF\x00\x10\x00\x00WAVEfmt " + bytes(HEAD), 300_000) is None
    assert index_after(FTYP + struct.pack(">I4s", 4, b"mdat") + bytes(HEAD), 300_000) is None  # a broken size
    assert index_after(FTYP + struct.pack(">I4s", 100_000, b"\x00\xff\x01\x02") + bytes(HEAD), 300_000) is None
