"""STAND-IN for helper B's description sheet module (issue 15): placeholder files with the real names, so the
package writer can be built and tested before B's module is merged. B's sheet.py replaces this file whole."""

from collections.abc import Sequence
from pathlib import Path

from workstation.evidence.types import ExportPlan, WrittenFile

SHEET_NAMES = ("提取固定清单.xlsx", "提取固定清单.pdf")


def write_description(
    plan: ExportPlan, written: Sequence[WrittenFile], manifest_sha256: str, manifest_sm3: str, folder: Path
) -> tuple[str, ...]:
    """Placeholder sheet files (not a real workbook or PDF) naming the export and the manifest digests."""
    text = f"STAND-IN {plan.export.export_no} {len(written)} SHA256={manifest_sha256} SM3={manifest_sm3}\n"
    for name in SHEET_NAMES:
        (folder / name).write_text(text, encoding="utf-8")
    return SHEET_NAMES


def readme_text(plan: ExportPlan, manifest_sha256: str, manifest_sm3: str) -> str:
    """Placeholder README.txt content."""
    return f"STAND-IN README {plan.export.export_no}\nSHA256={manifest_sha256}\nSM3={manifest_sm3}\n"
