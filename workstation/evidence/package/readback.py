"""The check before a package takes its name: every payload file read back and its SHA-256 compared.

A folder is read back from the medium: each staged file was fsynced, so its pages are clean, and
posix_fadvise(DONTNEED) drops them from the page cache before the read (Linux; elsewhere the read may be
served from the cache, and still proves the file system returns what was hashed). A zip or disc image is
read back through zipfile / pycdlib — the container's own view of its files, which is what a receiver gets.
"""

import contextlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from workstation.evidence.verify_package import Tree, hash_stream

DROP_CACHE = True
"""Read back from the medium rather than the page cache where the OS allows (measured in
tests/benchmarks/test_evidence_export.py)."""


def drop_cached(descriptor: int) -> None:
    """Ask the OS to forget the file's cached pages, so the next read comes from the medium."""
    if DROP_CACHE and hasattr(os, "posix_fadvise"):
        os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)


def drop_cached_file(path: Path) -> None:
    """drop_cached for a file by name (the zip or disc image just fsynced)."""
    with path.open("rb") as handle:
        drop_cached(handle.fileno())


def mismatches(tree: Tree, sha256: Mapping[str, str], on_bytes: Callable[[int], None]) -> list[str]:
    """The payload paths whose bytes in `tree` do not have the SHA-256 given (or are missing)."""
    present = tree.files()
    wrong = []
    for path, wanted in sorted(sha256.items()):
        if path not in present:
            wrong.append(path)
            continue
        with tree.open(path) as stream:
            with contextlib.suppress(OSError):  # not a plain file (a zip member): the container's was dropped
                drop_cached(stream.fileno())
            if hash_stream(stream, ["sha256"], on_bytes)["sha256"] != wanted:
                wrong.append(path)
    return wrong
