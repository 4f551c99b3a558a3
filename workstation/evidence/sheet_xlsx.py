"""The description sheet as an Excel workbook (提取固定清单.xlsx), printable on A4 landscape.

Sheets, each a printed table in the house style (workstation.xlsx_print: A4, fitted to the page width,
title and header rows repeated, page numbers, the audit chain head in the page header): 基本情况 (the
header block, the QR code of the manifests' digests, the notes and the signature lines), 文件清单 (one row
per original with its SHA-256 and SM3, the signature lines again: it is the page that is signed),
派生文件, 标注与说明, 审计记录. Row heights are computed for the wrapped text (the file format does not
recompute them); the hashes print in Courier New, split into lines of 16 characters so that no spreadsheet
program breaks them elsewhere or lets them run into the next cell.
"""

import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment

from workstation import clock
from workstation.evidence.qr import qr_png
from workstation.evidence.sheet_facts import (
    DERIVED_HEADERS,
    FILE_HEADERS,
    HISTORY_HEADERS,
    MARK_HEADERS,
    NOTES,
    SIGNATURES,
    SheetFacts,
)
from workstation.evidence.types import ExportPlan
from workstation.xlsx_print import Column, PrintedTable, wrapped_height

HEADING_SHEET, FILES_SHEET, DERIVED_SHEET, MARKS_SHEET, HISTORY_SHEET = (
    "基本情况",
    "文件清单",
    "派生文件",
    "标注与说明",
    "审计记录",
)
HASH_LINE = 16  # characters of a hash per printed line
QR_PIXELS = 170  # the QR code's printed side: about 4.5 cm

HEADING_COLUMNS = (Column("项目", 22, wrap=True), Column("内容", 66, wrap=True), Column("清单摘要二维码", 26))
FILE_COLUMNS = (
    Column(FILE_HEADERS[0], 5),
    Column(FILE_HEADERS[1], 20, wrap=True),
    Column(FILE_HEADERS[2], 12, wrap=True),
    Column(FILE_HEADERS[3], 18, wrap=True),
    Column(FILE_HEADERS[4], 10, wrap=True),
    Column(FILE_HEADERS[5], 10, wrap=True),
    Column(FILE_HEADERS[6], 11, wrap=True),
    Column(FILE_HEADERS[7], 11, wrap=True),
    Column(FILE_HEADERS[8], 11, wrap=True),
    Column(FILE_HEADERS[9], 18, wrap=True),
    Column("SHA-256", 17, wrap=True, monospace=True, font_size=9),
    Column("SM3", 17, wrap=True, monospace=True, font_size=9),
)
DERIVED_COLUMNS = (
    Column(DERIVED_HEADERS[0], 5),
    Column(DERIVED_HEADERS[1], 30, wrap=True),
    Column(DERIVED_HEADERS[2], 26, wrap=True),
    Column(DERIVED_HEADERS[3], 34, wrap=True),
    Column(DERIVED_HEADERS[4], 16, wrap=True),
    Column(DERIVED_HEADERS[5], 17, wrap=True, monospace=True, font_size=9),
)
MARK_COLUMNS = (
    Column(MARK_HEADERS[0], 6),
    Column(MARK_HEADERS[1], 30, wrap=True),
    Column(MARK_HEADERS[2], 26, wrap=True),
    Column(MARK_HEADERS[3], 14, wrap=True),
    Column(MARK_HEADERS[4], 44, wrap=True),
    Column(MARK_HEADERS[5], 14, wrap=True),
)
HISTORY_COLUMNS = (
    Column(HISTORY_HEADERS[0], 6),
    Column(HISTORY_HEADERS[1], 30, wrap=True),
    Column(HISTORY_HEADERS[2], 19),
    Column(HISTORY_HEADERS[3], 16, wrap=True),
    Column(HISTORY_HEADERS[4], 20, wrap=True),
    Column(HISTORY_HEADERS[5], 46, wrap=True),
)
SIGNATURE_HEIGHT = 40.0  # points: room to sign by hand
SIGNATURE_LINE = "    ".join(f"{label}＿＿＿＿＿＿＿＿" for label in SIGNATURES)


def write_workbook(facts: SheetFacts, plan: ExportPlan, path: Path) -> None:
    """Write the workbook to `path` (the caller makes it appear whole: workstation.atomic_file)."""
    workbook = Workbook(write_only=True)
    footer = f"导出编号 {facts.export_no}  提取人：{plan.extractor}  提取时间：{clock.format_time(plan.extracted_at)}"

    def table(name: str, columns: Sequence[Column]) -> PrintedTable:
        title = f"{facts.title}（{name}）  {facts.export_no}"
        return PrintedTable(workbook, name, title, columns, footer, facts.chain_stamp)

    heading = table(HEADING_SHEET, HEADING_COLUMNS)
    for label, value in facts.heading:
        heading.append([label, value, None], height=_height(HEADING_COLUMNS, (label, value, "")))
    image = Image(io.BytesIO(qr_png(facts.qr)))
    image.width = image.height = QR_PIXELS
    heading.sheet.add_image(image, "C3")
    _close(heading, (*NOTES, f"二维码内容：{facts.qr}", SIGNATURE_LINE))

    files = table(FILES_SHEET, FILE_COLUMNS)
    for line in facts.files:
        cells = (*line.cells, split_hash(line.sha256), split_hash(line.sm3))
        files.append(cells, height=_height(FILE_COLUMNS, cells))
    _close(files, (NOTES[0], f"校验值每行 {HASH_LINE} 位，自上而下连读即为完整值。", SIGNATURE_LINE))

    for name, columns, rows in (
        (DERIVED_SHEET, DERIVED_COLUMNS, facts.derived),
        (MARKS_SHEET, MARK_COLUMNS, facts.marks),
        (HISTORY_SHEET, HISTORY_COLUMNS, facts.history),
    ):
        sheet = table(name, columns)
        for row in rows:
            cells = (*row[:-1], split_hash(row[-1])) if name == DERIVED_SHEET else row
            sheet.append(cells, height=_height(columns, cells))
        _close(sheet, () if rows else ("（无）",))
    workbook.save(path)


def split_hash(digest: str) -> str:
    """A hex digest in lines of HASH_LINE characters."""
    return "\n".join(digest[index : index + HASH_LINE] for index in range(0, len(digest), HASH_LINE))


def _height(columns: Sequence[Column], cells: Iterable[str]) -> float:
    return wrapped_height(
        (text, column.width) for column, text in zip(columns, cells, strict=True) if column.wrap and text
    )


def _close(table: PrintedTable, notes: Sequence[str]) -> None:
    """Close the table, then write each note below it wrapped across the table's width (a note left in one
    cell would run off the printed page)."""
    table.close()
    width = sum(column.width for column in table.columns)
    row = table.rows + 1  # close() leaves one empty row
    for note in notes:
        row += 1
        room = SIGNATURE_HEIGHT if note == SIGNATURE_LINE else wrapped_height([(note, width)]) + 4
        table.sheet.row_dimensions[row].height = room
        cell = WriteOnlyCell(table.sheet, note)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        table.sheet.merged_cells.add(f"A{row}:{table.last_column}{row}")
        table.sheet.append([cell])
