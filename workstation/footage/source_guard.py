"""Keep ingest away from the archive's own files: a source inside the archive is refused, a walk never
enters the archive, and no file inside the archive is ever cleared as if it were on a recorder.

Folders are compared by real path (symbolic links resolved, letter case folded where the file system
ignores it) and by identity (device and inode), so another way to the same folder — a link, a bind
mount, a second mount of the media share — is recognised as well.
"""

import os
from collections.abc import Iterable
from pathlib import Path

from workstation.archive import Archive
from workstation.errors import SourceInsideArchive
from workstation.footage.filenames import shown


class ArchiveGuard:
    """The folders ingest must treat as the archive: its media root and, when embedded, its folder (last,
    being the outermost: the refusal names it)."""

    def __init__(self, roots: Iterable[Path]) -> None:
        self._roots = [Path(os.path.realpath(root)) for root in roots]
        self._names = {os.path.normcase(root) for root in self._roots}
        self._identities = {identity for root in self._roots if (identity := _identity(root)) is not None}

    @classmethod
    def of(cls, archive: Archive) -> "ArchiveGuard":
        return cls([archive.media_root, *([archive.folder] if archive.folder is not None else [])])

    def refuse_sources_inside(self, sources: Iterable[Path]) -> None:
        """Raise SourceInsideArchive for the first source that is, or is inside, the archive."""
        for source in sources:
            if self.contains(Path(source)):
                raise SourceInsideArchive(source=shown(str(source)), root=shown(str(self._roots[-1])))

    def contains(self, path: Path) -> bool:
        """Whether path (followed through any links) is one of the archive's folders or lies inside one."""
        real = Path(os.path.realpath(path))
        return any(self.is_archive_folder(folder) for folder in (real, *real.parents))

    def is_archive_folder(self, folder: Path) -> bool:
        """Whether this very folder is the media root or the archive folder (by name or by identity)."""
        if os.path.normcase(folder) in self._names:
            return True
        identity = _identity(folder)
        return identity is not None and identity in self._identities


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of a folder; None if it cannot be read or the file system gives no inode numbers."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_dev, status.st_ino) if status.st_ino else None
