"""The retained copy record (导出登记, R9) as a printable workbook: what went where, under which document,
when, on which medium, received by whom, and the digest of each package's manifest, with the audit chain
head as it was when the rows were read (in the page header and below the table)."""

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from workstation.atomic_file import replacing
from workstation.evidence.sheet_xlsx import split_hash
from workstation.evidence.text import BODY_NAMES, FORMAT_NAMES, NONE_MARK, STATUS_NAMES, size_text
from workstation.evidence.types import ExportRow
from workstation.xlsx_print import Column, PrintedTable

LEDGER_SHEET = "导出登记"
LEDGER_TITLE = "执法记录仪声像资料证据导出登记（复制留存记录）"
MINUTE_FORMAT = "yyyy-mm-dd hh:mm"
LEDGER_COLUMNS = (
    Column("序号", 5),
    Column("导出编号", 15),
    Column("申请人 / 单位", 13, wrap=True),
    Column("接收单位", 12, wrap=True),
    Column("文书编号", 12, wrap=True),
    Column("用途", 14, wrap=True),
    Column("文件数", 6),
    Column("大小", 12, wrap=True),
    Column("格式", 8, wrap=True),
    Column("状态", 7, wrap=True),
    Column("完成时间", 16.5, MINUTE_FORMAT),
    Column("介质", 7, wrap=True),
    Column("接收人", 11, wrap=True),
    Column("移交时间", 16.5, MINUTE_FORMAT),
    Column("清单摘要（SHA-256）", 16.5, identifier=True),
)


def write_export_ledger(rows: Sequence[ExportRow], stamp: str, path: Path) -> int:
    """Write the ledger of `rows` to `path` (whole or not at all); `stamp` is the audit chain head as printed
    (workstation.export_stamp). Returns the number of rows written."""
    workbook = Workbook(write_only=True)
    table = PrintedTable(workbook, LEDGER_SHEET, LEDGER_TITLE, LEDGER_COLUMNS, f"共 {len(rows)} 条", stamp)
    for number, row in enumerate(rows, start=1):
        cells = ledger_cells(number, row)
        table.append(cells)
    table.close((stamp,))
    with replacing(path) as partial:
        workbook.save(partial)
    return len(rows)


def ledger_cells(number: int, row: ExportRow) -> list[object]:
    """One export as the cells of the ledger."""
    handover = row.handover
    return [
        number,
        row.export_no,
        f"{row.requester_name}（{row.requester}）\n{row.requester_unit}",
        BODY_NAMES[row.body],
        row.document_ref,
        row.purpose,
        row.clip_count,
        size_text(row.total_bytes),
        FORMAT_NAMES[row.format] if row.format else NONE_MARK,
        STATUS_NAMES[row.status],
        row.completed_at,
        handover.medium if handover else None,
        handover.received_by if handover else row.receiver or None,
        handover.received_at if handover else None,
        split_hash(row.manifest_sha256) if row.manifest_sha256 else None,
    ]
