"""write_package: the whole package written, checked, and only then given its name.

Order: staging opened (or resumed) → originals (read once, two hashes, fsynced, journaled) → derived files →
manifests → bagit.txt, bag-info.txt, the description sheet, README.txt, verify_package.py → tag manifests →
(zip / disc image built) → every payload file read back and compared → `out` takes its name in one rename →
staging removed. Until the rename nothing exists at `out`; a failure or cancel leaves the staging folder for
the next run of the same export, which keeps what the journal says is whole.
"""

import hashlib
import os
import shutil
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from player.media.byte_source import ByteSource
from workstation.access.types import Viewing
from workstation.evidence import sheet
from workstation.evidence.errors import EvidenceError, ExportCancelled
from workstation.evidence.iso_tree import IsoTree
from workstation.evidence.package import bag, containers, payload, readback
from workstation.evidence.package.failures import target_failure
from workstation.evidence.package.staging import JournalEntry, Staging, fsync_path
from workstation.evidence.sm3 import new_sm3
from workstation.evidence.types import ExportFormat, ExportPlan, PackageOutcome, WrittenFile
from workstation.evidence.verify_package import MANIFESTS, TAG_MANIFESTS, FolderTree, Tree, ZipTree

VERIFIER = "verify_package.py"

Progress = Callable[[int, int], None]


class _Meter:
    """The work of the run's passes (copy, container, read-back), reported to `progress` in bytes of the
    originals — a 3 GB export shows 3 GB, whatever number of passes its format takes — so that the speed and
    time left a window computes from it are the export's."""

    def __init__(self, progress: Progress | None, originals: int, passes: int, cancelled: Callable[[], bool]) -> None:
        self._progress = progress
        self.total = originals
        self._passes = passes
        self._cancelled = cancelled
        self.done = 0
        self._lock = threading.Lock()

    def add_or_stop(self, count: int) -> None:
        """`add`, for the passes after the copy (container, read-back: on the calling thread), which stop at
        the next chunk once cancelled; the staging stays and the next run builds them anew."""
        if self._cancelled():
            raise ExportCancelled("export_cancelled")
        self.add(count)

    def add(self, count: int) -> None:
        if self._progress is None:
            return
        with self._lock:
            self.done += count
            done = self.done
        self._progress(min(done // self._passes, self.total), self.total)


def write_package(
    plan: ExportPlan,
    open_source: Callable[[Viewing], ByteSource],
    out: Path,
    fmt: ExportFormat,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PackageOutcome:
    """Write the package of `plan` at `out` (a folder, a .zip or a disc image, per `fmt`).

    progress(done_bytes, total_bytes) is called at least every few MiB (from the copying threads). Raises
    EvidenceError "export_out_exists" if out exists, "export_source_changed" if an original's bytes are not
    the archive's, "export_disk_full" / "export_file_too_big" / "export_out_unwritable" for the target, and
    ExportCancelled when `cancelled()` turns true; in each case nothing is at `out` and the staging is kept.
    """
    out = Path(out)
    if out.exists():
        raise EvidenceError("export_out_exists", path=str(out))
    staging = Staging(out)
    try:
        return _write(plan, open_source, out, fmt, staging, progress, cancelled or (lambda: False))
    except OSError as error:
        raise target_failure(error, out.parent) from error


def _write(
    plan: ExportPlan,
    open_source: Callable[[Viewing], ByteSource],
    out: Path,
    fmt: ExportFormat,
    staging: Staging,
    progress: Progress | None,
    cancelled: Callable[[], bool],
) -> PackageOutcome:
    journal = staging.open(plan, fmt)
    originals = sum(original.size_bytes for original in plan.files)
    passes = 2 if fmt is ExportFormat.FOLDER else 3  # copy, (container,) read-back
    meter = _Meter(progress, originals, passes, cancelled)
    meter.add(sum(journal[original.package_path].size for original in plan.files if original.package_path in journal))
    payload.copy_originals(plan, staging, journal, open_source, meter.add, cancelled)
    derived = payload.write_derived(plan, staging)

    sha256 = {path: entry.sha256 for path, entry in journal.items()}
    sm3 = {path: entry.sm3 for path, entry in journal.items()}
    for path, (_size, sha, sm) in derived.items():
        sha256[path], sm3[path] = sha, sm
    payload_bytes = originals + sum(size for size, _sha, _sm in derived.values())
    manifest_sha256 = bag.manifest_text(sha256)
    manifest_sm3 = bag.manifest_text(sm3)
    digest_sha256 = hashlib.sha256(manifest_sha256).hexdigest()
    sm3_of_manifest = new_sm3()
    sm3_of_manifest.update(manifest_sm3)
    digest_sm3 = sm3_of_manifest.hexdigest()
    written = tuple(
        WrittenFile(original.clip_id, journal[original.package_path].sha256, journal[original.package_path].sm3)
        for original in plan.files
    )

    root_files = {
        "bagit.txt": bag.BAGIT_TXT,
        "bag-info.txt": bag.bag_info_text(plan, payload_bytes, len(sha256)),
        MANIFESTS["sha256"]: manifest_sha256,
        MANIFESTS["sm3"]: manifest_sm3,
        "README.txt": sheet.readme_text(plan, digest_sha256, digest_sm3).encode("utf-8"),
        VERIFIER: resources.files("workstation.evidence").joinpath(VERIFIER).read_bytes(),
    }
    for name, content in root_files.items():
        payload.write_durably(staging.package / name, content)
    sheet_names = sheet.write_description(plan, written, digest_sha256, digest_sm3, staging.package)
    tagged = {name: (staging.package / name).read_bytes() for name in (*root_files, *sheet_names)}
    for algorithm, name in TAG_MANIFESTS.items():
        digests = {}
        for path, content in tagged.items():
            digest = new_sm3() if algorithm == "sm3" else hashlib.sha256()
            digest.update(content)
            digests[path] = digest.hexdigest()
        payload.write_durably(staging.package / name, bag.manifest_text(digests))
    for folder, _folders, _names in os.walk(staging.package):
        fsync_path(Path(folder))

    if cancelled():
        raise ExportCancelled("export_cancelled")
    _build_and_check(staging, fmt, plan, sha256, journal, meter)
    _name(staging, out, fmt)
    return PackageOutcome(fmt, out.name, written, digest_sha256, digest_sm3, payload_bytes)


def _build_and_check(
    staging: Staging,
    fmt: ExportFormat,
    plan: ExportPlan,
    sha256: dict[str, str],
    journal: dict[str, JournalEntry],
    meter: _Meter,
) -> None:
    """Build the container (zip / image) and read every payload file back from what will take the name."""
    tree: Tree
    if fmt is ExportFormat.FOLDER:
        tree = FolderTree(str(staging.package))
    else:
        staging.container.unlink(missing_ok=True)
        paths = sorted(
            str(path.relative_to(staging.package).as_posix()) for path in staging.package.rglob("*") if path.is_file()
        )
        if fmt is ExportFormat.ZIP:
            containers.write_zip(staging.package, paths, staging.container, meter.add_or_stop)
        else:
            containers.write_iso(staging.package, paths, staging.container, plan.export.export_no, meter.add_or_stop)
        fsync_path(staging.container)
        readback.drop_cached_file(staging.container)
        tree = ZipTree(str(staging.container)) if fmt is ExportFormat.ZIP else IsoTree(staging.container)
    try:
        wrong = readback.mismatches(tree, sha256, meter.add_or_stop)
    finally:
        tree.close()
    if wrong:
        for path in wrong:
            staging.forget(journal, path)
        raise EvidenceError("export_check_failed", path=wrong[0])


def _name(staging: Staging, out: Path, fmt: ExportFormat) -> None:
    """`out` takes its name in one rename; then the staging folder goes."""
    if out.exists():
        raise EvidenceError("export_out_exists", path=str(out))
    os.rename(staging.package if fmt is ExportFormat.FOLDER else staging.container, out)
    fsync_path(out.parent)
    shutil.rmtree(staging.root)
    fsync_path(out.parent)
