"""The evidence package's papers (issue 15, R9): the description sheet (提取固定清单.xlsx and .pdf), the
README.txt, and the retained copy record (导出登记) workbook.

The package writer calls `write_description` after the payload is hashed (the sheet prints every hash and
the digests of both manifests) and before the tag manifest; `readme_text` gives README.txt's content; the
ledger service calls `write_export_ledger`. Each file appears whole or not at all (workstation.atomic_file).
"""

from collections.abc import Sequence
from pathlib import Path

from workstation.atomic_file import replacing
from workstation.evidence.export_ledger import write_export_ledger
from workstation.evidence.fonts import cjk_font
from workstation.evidence.readme_text import readme_text
from workstation.evidence.sheet_facts import sheet_facts
from workstation.evidence.sheet_pdf import write_pdf
from workstation.evidence.sheet_xlsx import write_workbook
from workstation.evidence.text import DESCRIPTION_STEM
from workstation.evidence.types import ExportPlan, WrittenFile

__all__ = ["readme_text", "write_description", "write_export_ledger"]

XLSX_NAME, PDF_NAME = f"{DESCRIPTION_STEM}.xlsx", f"{DESCRIPTION_STEM}.pdf"


def write_description(
    plan: ExportPlan, written: Sequence[WrittenFile], manifest_sha256: str, manifest_sm3: str, folder: Path
) -> tuple[str, ...]:
    """Write 提取固定清单.xlsx and 提取固定清单.pdf into `folder` (the package root); return their names.

    `written` holds the hashes read for every original of the plan. Raises EvidenceError("export_no_cjk_font")
    before writing anything when this computer has no Chinese TrueType font to embed in the PDF.
    """
    cjk_font()
    facts = sheet_facts(plan, written, manifest_sha256, manifest_sm3)
    with replacing(folder / XLSX_NAME) as partial:
        write_workbook(facts, plan, partial)
    with replacing(folder / PDF_NAME) as partial:
        write_pdf(facts, plan, partial)
    return XLSX_NAME, PDF_NAME
