"""STAND-IN (replaced by helper B's module at merge): the retained copy record workbook."""

from collections.abc import Sequence
from pathlib import Path

from workstation.evidence.types import ExportRow
from workstation.xlsx_export import write_table


def write_export_ledger(rows: Sequence[ExportRow], stamp: str, path: Path) -> int:
    return write_table(path, "导出登记", ("导出编号",), [(row.export_no,) for row in rows], stamp)
