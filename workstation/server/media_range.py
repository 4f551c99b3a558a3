"""The range a review PC's player asks for, read in one go: the server's fast path for media requests.

A review PC reads footage in ranges of 256 KiB to a few MiB (workstation.client.media_stream), dozens of
them as a clip opens and at every seek. Starlette's FileResponse answers each with a stat, an open and
reads on the thread pool — a trip to a thread for each — after the trip that resolved the register
entry; that cost 2.7 ms of server CPU per 256 KiB range (measured). Read here on the thread that resolved
the entry, a range is one trip: 1.8 ms. Only the plain form this program sends is taken
(`bytes=FIRST-LAST` or `bytes=FIRST-`, at most DIRECT_LIMIT bytes); anything else (no range, several,
a suffix, If-Range, one past the end) goes to FileResponse, which knows all of HTTP's range rules.
"""

import re
from dataclasses import dataclass
from pathlib import Path

DIRECT_LIMIT = 8 * 1024 * 1024
_SIMPLE_RANGE = re.compile(r"bytes=(\d+)-(\d*)")


@dataclass(frozen=True)
class RangeRead:
    """Bytes first..last (inclusive) of a file of `size` bytes."""

    data: bytes
    first: int
    last: int
    size: int

    @property
    def content_range(self) -> str:
        return f"bytes {self.first}-{self.last}/{self.size}"


def read_simple_range(path: Path, range_header: str | None, if_range: str | None) -> RangeRead | None:
    """The bytes a simple, satisfiable range asks of `path`; None to leave the request to FileResponse.

    OSError when the file cannot be read (as FileResponse would fail on it).
    """
    found = _SIMPLE_RANGE.fullmatch(range_header.strip()) if range_header and if_range is None else None
    if found is None:
        return None
    first = int(found[1])
    with path.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        last = min(int(found[2]) if found[2] else size - 1, size - 1)
        if first > last or last - first + 1 > DIRECT_LIMIT:
            return None
        handle.seek(first)
        data = handle.read(last - first + 1)
    if len(data) != last - first + 1:  # the file shrank meanwhile: let FileResponse answer what it finds
        return None
    return RangeRead(data, first, last, size)
