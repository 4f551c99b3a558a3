"""Just enough of the ISO base media format (MP4/MOV/M4A) to find the duration and spot truncation.

A recorder that loses power mid-write, or a copy cut short, leaves a file whose last box claims more
bytes than the file holds; reading the top-level box headers finds that in microseconds, where decoding
the whole file would take seconds.
"""

import io
import struct
from dataclasses import dataclass
from typing import BinaryIO

MP4_EXTENSIONS = frozenset({"mp4", "mov", "m4a", "m4v", "3gp"})


@dataclass(frozen=True)
class Mp4Layout:
    duration_ms: int | None
    problem: str | None  # None when the layout is complete
    truncated: bool


def _read_box_header(handle: BinaryIO, offset: int, end: int) -> tuple[int, bytes, int] | None:
    """(box size, box type, header size) at offset, or None past the end."""
    handle.seek(offset)
    header = handle.read(8)
    if len(header) < 8:
        return None
    size, box_type = struct.unpack(">I4s", header)
    header_size = 8
    if size == 1:
        large = handle.read(8)
        if len(large) < 8:
            return None
        size = struct.unpack(">Q", large)[0]
        header_size = 16
    elif size == 0:
        size = end - offset
    return size, box_type, header_size


def _mvhd_duration_ms(handle: BinaryIO, start: int, end: int) -> int | None:
    offset = start
    while offset + 8 <= end:
        box = _read_box_header(handle, offset, end)
        if box is None or box[0] < 8:
            return None
        size, box_type, header_size = box
        if box_type == b"mvhd":
            handle.seek(offset + header_size)
            version = handle.read(1)
            if not version:
                return None
            if version[0] == 1:
                handle.seek(offset + header_size + 4 + 16)
                timescale, duration = struct.unpack(">IQ", handle.read(12))
            else:
                handle.seek(offset + header_size + 4 + 8)
                timescale, duration = struct.unpack(">II", handle.read(8))
            return round(duration * 1000 / timescale) if timescale else None
        offset += size
    return None


def _is_box_type(box_type: bytes) -> bool:
    """Top-level box types are four ASCII letters or digits (ftyp, moov, mdat, free, ...)."""
    return box_type.isalnum()


def read_layout(handle: BinaryIO, file_size: int) -> Mp4Layout:
    """Walk the top-level boxes: duration from moov/mvhd, and whether the file is cut short."""
    offset, duration_ms, saw_moov = 0, None, False
    while offset < file_size:
        box = _read_box_header(handle, offset, file_size)
        if box is None or box[0] < box[2]:
            return Mp4Layout(duration_ms, f"文件结构在第 {offset} 字节处损坏", truncated=box is None)
        size, box_type, header_size = box
        if not _is_box_type(box_type):
            return Mp4Layout(duration_ms, "文件结构损坏，不是有效的 MP4/MOV 文件", truncated=False)
        if offset + size > file_size:
            return Mp4Layout(
                duration_ms,
                f"文件不完整：{box_type.decode('latin-1')} 段应有 {size} 字节，实际只剩 {file_size - offset} 字节",
                truncated=True,
            )
        if box_type == b"moov":
            saw_moov = True
            duration_ms = _mvhd_duration_ms(handle, offset + header_size, offset + size)
        offset += size
    if not saw_moov:
        return Mp4Layout(None, "文件缺少索引（moov），录制可能被中断", truncated=True)
    return Mp4Layout(duration_ms, None, truncated=False)


def index_after(head: bytes, file_size: int) -> int | None:
    """Where an MP4's top-level boxes go on past its first bytes `head`, when the index is not among them.

    A recorder writes its file's index (the moov box) last, after the media data; a player opening the file
    reads the head, then jumps there. Walking the box headers in the head finds where the boxes after the
    media data begin (usually the moov itself). None when the head holds the moov, when nothing follows,
    or when the head is not the start of an MP4 (its first box must be ftyp).
    """
    handle, offset = io.BytesIO(head), 0
    while offset + 8 <= len(head):
        box = _read_box_header(handle, offset, file_size)
        if box is None or box[0] < box[2] or not _is_box_type(box[1]) or (offset == 0 and box[1] != b"ftyp"):
            return None
        if box[1] == b"moov":
            return None
        offset += box[0]
    return offset if len(head) <= offset < file_size else None


def _children(handle: BinaryIO, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """(type, payload start, box end) of the boxes between start and end."""
    found, offset = [], start
    while offset + 8 <= end:
        box = _read_box_header(handle, offset, end)
        if box is None or box[0] < box[2] or offset + box[0] > end:
            break
        size, box_type, header_size = box
        found.append((box_type, offset + header_size, offset + size))
        offset += size
    return found


def read_picture_size(handle: BinaryIO, file_size: int) -> tuple[int, int] | None:
    """(width, height) of the first video track, from its track header (moov/trak/tkhd); None if none.

    The player asks libVLC for pictures of exactly this size: libVLC offers its decoder's padded
    buffer size instead (1920x1090 for 1080p), which would be a needless rescale of every frame.
    """
    for box_type, start, end in _children(handle, 0, file_size):
        if box_type != b"moov":
            continue
        for track_type, track_start, track_end in _children(handle, start, end):
            if track_type != b"trak":
                continue
            for header_type, header_start, _ in _children(handle, track_start, track_end):
                if header_type != b"tkhd":
                    continue
                handle.seek(header_start)
                version = handle.read(1)
                handle.seek(header_start + (88 if version == b"\x01" else 76))
                raw = handle.read(8)
                if len(raw) == 8:
                    width, height = struct.unpack(">II", raw)
                    if width >> 16 and height >> 16:  # 16.16 fixed point; sound tracks have 0 x 0
                        return width >> 16, height >> 16
    return None
