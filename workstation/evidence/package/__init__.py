"""The package writer (issue 15): originals read once and hashed twice (SHA-256, SM3), the BagIt text, the
description sheet, the standalone verifier; staged beside the target with a journal so a killed run resumes;
checked before it takes its name; a folder, a zip or a disc image.

Modules: bag (the BagIt text), staging (the staging folder and its journal), copying (one original: read,
hash, write, fsync), payload (the originals and derived files into the staging folder), readback (the check
before naming), containers (zip and ISO), writer (write_package, the order of it all), failures (OSError
into EvidenceError).
"""

from workstation.evidence.package.writer import write_package

__all__ = ["write_package"]
