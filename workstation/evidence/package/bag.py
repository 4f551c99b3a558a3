"""The BagIt text of a package (RFC 8493): bagit.txt, bag-info.txt, the manifests and tag manifests."""

from collections.abc import Mapping

from workstation.evidence.types import ExportPlan

BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


def _escaped(path: str) -> str:
    """A path as RFC 8493 writes it in a manifest (%, CR and LF percent-encoded)."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def manifest_text(digests: Mapping[str, str]) -> bytes:
    """`<hex>  <path>` lines, sorted by path."""
    return "".join(f"{digests[path]}  {_escaped(path)}\n" for path in sorted(digests)).encode("utf-8")


def _one_line(value: str) -> str:
    return " ".join(value.split())


def bag_info_text(plan: ExportPlan, payload_bytes: int, payload_files: int) -> bytes:
    """bag-info.txt: the RFC 8493 labels the package fills, then the archive's own (UTF-8, Chinese allowed)."""
    cases = sorted({case for original in plan.files for case in original.case_nos})
    labels = [
        ("Source-Organization", plan.sending_unit),
        ("Contact-Name", plan.extractor),
        ("Bagging-Date", f"{plan.extracted_at:%Y-%m-%d}"),
        ("Payload-Oxum", f"{payload_bytes}.{payload_files}"),
        ("External-Identifier", plan.export.export_no),
        ("Case-Number", "、".join(cases)),
        ("Receiving-Organization", plan.receiving),
        ("Document-Number", plan.export.document_ref),
        ("Extraction-Time", f"{plan.extracted_at:%Y-%m-%d %H:%M:%S}"),
        ("Audit-Chain-Head", plan.chain_stamp),
        ("Purpose", plan.export.purpose),
    ]
    return "".join(f"{label}: {_one_line(value)}\n" for label, value in labels if value).encode("utf-8")
