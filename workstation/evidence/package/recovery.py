"""The outcome of a package that took its name but was never recorded: a run killed between the rename and
the archive's record of it (or a network that went away then). The next run re-checks the package at `out`
in full and, if it is intact and holds exactly the plan's originals with the archive's hashes, records it as
the outcome of this export; anything else is refused and `out` left as it is for a person to look at.
"""

import hashlib
from pathlib import Path

from workstation.evidence.errors import EvidenceError
from workstation.evidence.package.staging import Staging
from workstation.evidence.sm3 import new_sm3
from workstation.evidence.types import ExportFormat, ExportPlan, PackageOutcome, WrittenFile
from workstation.evidence.verify import open_package, verify_package
from workstation.evidence.verify_package import MANIFESTS, parse_manifest


def recovered_outcome(plan: ExportPlan, out: Path, fmt: ExportFormat) -> PackageOutcome:
    """The outcome of the intact package of `plan` at `out`; EvidenceError "export_out_exists" otherwise."""
    if not verify_package(out).ok:
        raise EvidenceError("export_out_exists", path=str(out))
    tree = open_package(out)
    try:
        texts = {}
        for algorithm, name in MANIFESTS.items():
            with tree.open(name) as manifest:
                texts[algorithm] = manifest.read()
        sizes = tree.files()
    finally:
        tree.close()
    sha256, sm3 = (parse_manifest(texts[algorithm], algorithm) or {} for algorithm in ("sha256", "sm3"))
    originals = {original.package_path: original for original in plan.files}
    if any(sha256.get(path) != original.sha256 for path, original in originals.items()):
        raise EvidenceError("export_out_exists", path=str(out))  # another export's package, or other bytes
    written = tuple(WrittenFile(original.clip_id, original.sha256, sm3[path]) for path, original in originals.items())
    Staging(out).discard_if_of(plan)
    digest_sm3 = new_sm3()
    digest_sm3.update(texts["sm3"])
    return PackageOutcome(
        format=fmt,
        package_name=out.name,
        files=written,
        manifest_sha256=hashlib.sha256(texts["sha256"]).hexdigest(),
        manifest_sm3=digest_sm3.hexdigest(),
        payload_bytes=sum(sizes.get(path, 0) for path in sha256),
    )
