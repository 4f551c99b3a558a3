"""`verify_package`: re-hash a package — a folder, a .zip or a disc image — against both manifests and the tag
manifests, without extracting anything. The checking itself is the standalone verifier's (the same code the
receiving body runs, workstation/evidence/verify_package.py); this adds the disc image and the typed result.
"""

import zipfile
from collections.abc import Callable
from pathlib import Path

from pycdlib.pycdlibexception import PyCdlibException

from workstation.evidence import verify_package as standalone
from workstation.evidence.errors import EvidenceError
from workstation.evidence.iso_tree import IsoTree, is_iso
from workstation.evidence.types import Finding, PackageVerification, VerificationProblem


def open_package(path: Path) -> standalone.Tree:
    """The package's files at path; EvidenceError "export_not_a_package" if it is no folder, zip or image."""
    try:
        if is_iso(path):
            return IsoTree(path)
        return standalone.open_tree(str(path))
    except (standalone.NotAPackage, OSError, zipfile.BadZipFile, PyCdlibException) as error:
        raise EvidenceError("export_not_a_package", path=str(path)) from error


def verify_package(path: Path, progress: Callable[[int, int], None] | None = None) -> PackageVerification:
    """Every payload file re-hashed (SHA-256 and SM3, one read) and compared with both manifests; the root
    tag files with the tag manifests. Raises EvidenceError "export_not_a_package" if path holds no bag."""
    tree = open_package(path)
    try:
        report = standalone.check(tree, progress)
    except standalone.NotAPackage as error:
        raise EvidenceError("export_not_a_package", path=str(path)) from error
    finally:
        tree.close()
    return PackageVerification(
        files_checked=report.files_checked,
        bytes_checked=report.bytes_checked,
        problems=tuple(
            VerificationProblem(where, Finding(finding), detail) for where, finding, detail in report.problems
        ),
    )
