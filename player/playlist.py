"""What the player plays: one file, or several laid out on one timeline with gaps (an officer's day).

Pure values and arithmetic between timeline milliseconds and (item, milliseconds into the item).
"""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from player.media.byte_source import ByteSourceFactory


class MediaKind(StrEnum):
    VIDEO = "video"
    AUDIO = "audio"
    PHOTO = "photo"


@dataclass(frozen=True)
class PlaylistItem:
    """One file on the timeline, with what the player shows about it.

    origin is the true time of the item's first picture (the recorder's clock corrected by its
    offset); the absolute time at the playhead is origin + the position in the item.

    source, when set, makes the ByteSource the item is played (or shown) from, a fresh one for each
    opening (a stream from the archive server); path and root are then not read (path may be just the
    file's name).
    """

    path: Path
    kind: MediaKind
    start_ms: int = 0  # where the item begins on the timeline
    duration_ms: int = 0  # as known beforehand; 0 when unknown (a single file: the player finds out)
    origin: datetime | None = None
    file_name: str = ""
    officer: str = ""
    device: str = ""
    root: Path | None = None  # the folder the file must be under (the archive's media root)
    key: object = None  # the caller's id for the item (a clip id)
    source: ByteSourceFactory | None = None

    @property
    def end_ms(self) -> int:
        return self.start_ms + self.duration_ms

    def wall_clock(self, local_ms: int) -> datetime | None:
        return None if self.origin is None else self.origin + timedelta(milliseconds=int(local_ms))


@dataclass(frozen=True)
class Location:
    index: int
    local_ms: int


class Playlist:
    """Items in timeline order, not overlapping. Gaps between them are time with no recording."""

    def __init__(self, items: tuple[PlaylistItem, ...] | list[PlaylistItem]) -> None:
        self.items = tuple(sorted(items, key=lambda item: item.start_ms))

    def __len__(self) -> int:
        return len(self.items)

    @property
    def duration_ms(self) -> int:
        return max((item.end_ms for item in self.items), default=0)

    @property
    def has_gaps(self) -> bool:
        return len(self.items) > 1

    def locate(self, ms: int) -> Location:
        """The item at timeline ms; inside a gap, the start of the next item; past the end, the last item's end."""
        for index, item in enumerate(self.items):
            if ms < item.start_ms:
                return Location(index, 0)
            if ms < item.end_ms or (ms == item.end_ms and index == len(self.items) - 1):
                return Location(index, ms - item.start_ms)
        last = len(self.items) - 1
        return Location(last, self.items[last].duration_ms) if self.items else Location(0, 0)

    def timeline_ms(self, index: int, local_ms: int) -> int:
        return self.items[index].start_ms + int(local_ms)

    def with_duration(self, index: int, duration_ms: int) -> "Playlist":
        """The same playlist with one item's duration corrected (a single file, once it is open)."""
        items = list(self.items)
        items[index] = replace(items[index], duration_ms=duration_ms)
        return Playlist(items)
