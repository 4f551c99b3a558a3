"""The payload into the staging folder: each original copied once (unless a killed run journaled it), checked
against the archive's SHA-256, journaled; then the derived files and their label, data/derived/说明.txt."""

import hashlib
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath

from player.media.byte_source import ByteSource
from workstation.access.types import Viewing
from workstation.evidence.errors import EvidenceError
from workstation.evidence.package.copying import SourceUnreadable, copy_original
from workstation.evidence.package.staging import JournalEntry, Staging
from workstation.evidence.sm3 import new_sm3
from workstation.evidence.types import DerivedFile, ExportPlan, PackageFile

PARALLEL_FILES = 2
"""Originals copied at once. One file's SM3 runs on one core at ~490 MB/s; two files keep both cores of a
2-core PC hashing (measured in tests/benchmarks/test_evidence_export.py)."""

DERIVED_NOTE = "data/derived/说明.txt"


def copy_originals(
    plan: ExportPlan,
    staging: Staging,
    journal: dict[str, JournalEntry],
    open_source: Callable[[Viewing], ByteSource],
    on_bytes: Callable[[int], None],
    cancelled: Callable[[], bool],
) -> None:
    """Every original not journaled yet copied into staging and journaled (journal updated in place).

    EvidenceError "export_source_changed" when the bytes read do not have the archive's SHA-256 (the copy is
    removed, never journaled); "export_source_unreadable" when the source fails. The first failure stops the
    rest (files in progress finish or fail) and is raised.
    """
    lock = threading.Lock()
    stop = threading.Event()

    def stopped() -> bool:
        return stop.is_set() or cancelled()

    def one(original: PackageFile) -> None:
        if stop.is_set():
            return
        target = staging.target(original.package_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            source = open_source(original.viewing)
            size = source.size
        except OSError as error:
            raise _unreadable(original, error) from error
        try:
            if size != original.size_bytes:
                raise EvidenceError("export_source_changed", clip_id=original.clip_id, name=original.original_name)
            copied = copy_original(source, target, on_bytes, stopped)
        except SourceUnreadable as failure:
            raise _unreadable(original, failure.error) from failure.error
        finally:
            source.close()
        if copied.sha256 != original.sha256 or copied.size != original.size_bytes:
            target.unlink()
            raise EvidenceError("export_source_changed", clip_id=original.clip_id, name=original.original_name)
        entry = JournalEntry(original.package_path, copied.size, copied.sha256, copied.sm3)
        with lock:
            staging.record(entry)
            journal[entry.path] = entry

    todo = [original for original in plan.files if original.package_path not in journal]
    with ThreadPoolExecutor(max_workers=max(1, PARALLEL_FILES), thread_name_prefix="evidence-copy") as pool:
        futures = [pool.submit(one, original) for original in todo]
        try:
            for future in futures:
                future.result()
        except BaseException:
            stop.set()
            raise


def _unreadable(original: PackageFile, error: OSError) -> EvidenceError:
    return EvidenceError(
        "export_source_unreadable",
        clip_id=original.clip_id,
        name=original.original_name,
        detail=error.strerror or str(error),
    )


def write_derived(plan: ExportPlan, staging: Staging) -> dict[str, tuple[int, str, str]]:
    """The derived files and their label written (fsynced); {package path: (size, sha256, sm3)}."""
    contents = {derived.package_path: derived.content for derived in plan.derived}
    if plan.derived:
        contents[DERIVED_NOTE] = derived_note(plan.derived)
    written = {}
    for path, content in contents.items():
        target = staging.target(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_durably(target, content)
        sm3 = new_sm3()
        sm3.update(content)
        written[path] = (len(content), hashlib.sha256(content).hexdigest(), sm3.hexdigest())
    return written


def derived_note(derived: tuple[DerivedFile, ...]) -> bytes:
    """data/derived/说明.txt: these are copies made from the originals, not originals, and what each is."""
    lines = [
        "本文件夹中的文件是由原始视音频文件派生的副本（如截图），供查看参考，不是原始证据。",
        "原始文件位于 data/ 文件夹，与提取时逐字节一致，其完整性校验值见 manifest-sha256.txt 与 manifest-sm3.txt。",
        "",
    ]
    lines += [f"{PurePosixPath(item.package_path).name}：{item.description}" for item in derived]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def write_durably(target: Path, content: bytes) -> None:
    """Write a small file whole and fsync it."""
    with target.open("wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
