"""Can this media file be read right now? Missing, offline share and no permission, told apart.

Runs before libVLC sees the file, on a worker thread: on Windows a path on a share that went offline
can take many seconds to answer, and the GUI must not wait for it. A ByteSource (a stream from the
archive server) is checked by reading its first byte; its errors say what is wrong by their type.
"""

import io
from enum import StrEnum
from pathlib import Path

from player.media import mp4
from player.media.byte_source import ByteSource, SourceReader


class MediaProblem(StrEnum):
    """Why a file cannot be played. The player shows a message for each; codes are stable."""

    MISSING = "missing"  # the folder is there, the file is not
    UNREACHABLE = "unreachable"  # the archive share (or the file's folder) cannot be reached
    UNREADABLE = "unreadable"  # no permission, or not a file
    DAMAGED = "damaged"  # libVLC cannot decode it (corrupt, truncated before any picture)
    NO_RESPONSE = "no_response"  # nothing played within the time limit
    NO_PLAYER = "no_player"  # libVLC is not installed


def check_access(path: Path, root: Path | None = None) -> MediaProblem | None:
    """None when the first byte of path can be read; otherwise what is wrong.

    root is the folder the file should be under (the archive's media root): when it is gone the share
    is offline, not the file missing.
    """
    try:
        if root is not None and not root.is_dir():
            return MediaProblem.UNREACHABLE
        with path.open("rb") as handle:
            handle.read(1)
    except FileNotFoundError:
        return MediaProblem.MISSING if root is not None or path.parent.is_dir() else MediaProblem.UNREACHABLE
    except (PermissionError, IsADirectoryError):
        return MediaProblem.UNREADABLE
    except OSError:  # EIO, ESTALE, a dropped SMB session ...
        return MediaProblem.UNREACHABLE
    return None


def source_problem(error: OSError) -> MediaProblem:
    """What a ByteSource's error means: refused (PermissionError), gone (FileNotFoundError), or unreachable."""
    if isinstance(error, PermissionError):
        return MediaProblem.UNREADABLE
    if isinstance(error, FileNotFoundError):
        return MediaProblem.MISSING
    return MediaProblem.UNREACHABLE


def check_source(source: ByteSource) -> tuple[MediaProblem, str] | None:
    """None when the source's size and first byte can be had; otherwise what is wrong, and the error's text."""
    try:
        if source.size:
            source.read_at(0, 1)
    except OSError as error:
        return source_problem(error), str(error)
    return None


def picture_size(media: Path | ByteSource) -> tuple[int, int] | None:
    """The video's picture size from an MP4/MOV header; None for other containers or on any error."""
    if Path(media.name).suffix.lower().lstrip(".") not in mp4.MP4_EXTENSIONS:
        return None
    try:
        if isinstance(media, Path):
            with media.open("rb") as handle:
                return mp4.read_picture_size(handle, media.stat().st_size)
        return mp4.read_picture_size(io.BufferedReader(SourceReader(media)), media.size)
    except OSError:
        return None
