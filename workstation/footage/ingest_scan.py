"""Find what a source folder offers for ingest: recognised files, and every other file with its reason.

A recorder volume can hold anything, so the walk trusts nothing it finds:
- Symbolic links (to files or folders) and Windows junctions are never followed: a link pointing elsewhere
  (a system file, another recorder, the archive) must not pull that into the archive. Each is reported
  (`link`). The source folder itself may be a link or a mount point: it is resolved once, as the user named it.
  Junctions are detected with `os.DirEntry.is_junction()` (Python 3.12+) or, before that, by the reparse
  tag `IO_REPARSE_TAG_MOUNT_POINT`.
- Devices, pipes and sockets are not files: reported, never opened (reading a pipe would hang the run).
- A name that is not valid text, or holds control characters, is reported (`bad_name`) with escapes
  instead of crashing the database, the console or the next run (see workstation.filenames).
- The archive's own folders are never entered, should a source contain them.
- A folder that cannot be read is reported instead of silently missing from the summary.
Reported paths are under the source as given, made printable; files are read under its resolved path.
"""

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workstation.footage.filenames import name_problem, shown
from workstation.footage.naming import NamePattern, ParsedName, Unrecognised, parse_name
from workstation.footage.source_guard import ArchiveGuard
from workstation.footage.types import IngestFileResult, IngestOutcome, RejectReason

SKIPPED_NAMES = frozenset({"System Volume Information", "$RECYCLE.BIN", "Thumbs.db", "desktop.ini"})


@dataclass(frozen=True)
class Candidate:
    path: Path
    """Where the file is read (under the source's resolved path)."""
    shown: str
    """How it is reported and audited: under the source as given, printable."""
    parsed: ParsedName
    size: int
    mtime_ns: int


def scan(
    source: Path, patterns: Sequence[NamePattern], guard: ArchiveGuard
) -> tuple[list[Candidate], list[IngestFileResult]]:
    """All files under a source, recognised or rejected with the reason; hidden and system files skipped.

    Order: each folder's files by name, then its subfolders by name, depth first (as a recorder lists them).
    """
    root = Path(os.path.realpath(source))
    if not root.is_dir():
        return [], [
            IngestFileResult(
                shown(str(source)),
                IngestOutcome.FAILED,
                reason=RejectReason.IMPORT_FAILED,
                detail="找不到源文件夹或无法访问",
            )
        ]
    candidates: list[Candidate] = []
    rejected: list[IngestFileResult] = []
    pending = [Path()]
    while pending:
        relative = pending.pop()
        try:
            with os.scandir(root / relative) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            rejected.append(_rejected(source / relative, RejectReason.UNREADABLE_SOURCE, _unreadable(error, "文件夹")))
            continue
        folders = []
        for entry in entries:
            if _skipped(entry.name):
                continue
            if _is_link(entry):
                rejected.append(_rejected(source / relative / entry.name, RejectReason.LINK, _link_detail(entry)))
            elif entry.is_dir(follow_symlinks=False):
                if not guard.is_archive_folder(Path(entry.path)):
                    folders.append(relative / entry.name)
            else:
                found = _examine(entry, source / relative / entry.name, patterns)
                if isinstance(found, Candidate):
                    candidates.append(found)
                else:
                    rejected.append(found)
        pending.extend(reversed(folders))
    return candidates, rejected


def _examine(entry: os.DirEntry[str], reported: Path, patterns: Sequence[NamePattern]) -> Candidate | IngestFileResult:
    """One directory entry that is not a folder or a link: a candidate, or why not."""
    problem = name_problem(entry.name)
    if problem:
        return _rejected(reported, RejectReason.BAD_NAME, problem)
    try:
        status = entry.stat(follow_symlinks=False)
    except OSError as error:
        return _rejected(reported, RejectReason.UNREADABLE_SOURCE, _unreadable(error, "源文件"))
    if not stat.S_ISREG(status.st_mode):
        return _rejected(reported, RejectReason.UNREADABLE_SOURCE, "不是普通文件（设备、管道或套接字），未读取")
    parsed = parse_name(entry.name, patterns)
    if isinstance(parsed, Unrecognised):
        return _rejected(reported, parsed.reason, parsed.detail)
    return Candidate(Path(entry.path), shown(str(reported)), parsed, status.st_size, status.st_mtime_ns)


def _is_link(entry: os.DirEntry[str]) -> bool:
    if entry.is_symlink():
        return True
    is_junction = getattr(entry, "is_junction", None)  # Python 3.12+
    if is_junction is not None:
        return bool(is_junction())
    if os.name != "nt":
        return False
    try:
        tag = getattr(entry.stat(follow_symlinks=False), "st_reparse_tag", 0)
    except OSError:
        return False
    return tag == getattr(stat, "IO_REPARSE_TAG_MOUNT_POINT", 0xA0000003)


def _link_detail(entry: os.DirEntry[str]) -> str:
    try:
        target = f"（指向 {shown(os.readlink(entry.path))}）"
    except OSError:
        target = ""
    return f"符号链接或目录联接{target}：不跟随，未导入"


def _rejected(reported: Path, reason: RejectReason, detail: str) -> IngestFileResult:
    return IngestFileResult(shown(str(reported)), IngestOutcome.REJECTED, reason=reason, detail=detail)


def _unreadable(error: OSError, what: str) -> str:
    return f"无法读取{what}：{shown(error.strerror or str(error))}"


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_NAMES
