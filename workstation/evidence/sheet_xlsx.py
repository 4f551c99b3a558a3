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
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment

from workstation import clock
from workstation.evidence import sheet_facts as facts
from workstation.evidence.qr import qr_png
from workstation.evidence.sheet_facts import SheetFacts
from workstation.evidence.types import ExportPlan
from workstation.xlsx_print import Column, PrintedTable, row_height, text_height

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


def _columns(headers: Sequence[str], widths: Sequence[float], digests: int = 0) -> tuple[Column, ...]:
    """A table's columns: the first (a number) plain, the others wrapped, the last `digests` as identifiers
    (small monospace print)."""
    first = len(headers) - digests
    return tuple(
        Column(header, width, wrap=index > 0, identifier=index >= first)
        for index, (header, width) in enumerate(zip(headers, widths, strict=True))
    )


FILE_COLUMNS = _columns((*facts.FILE_HEADERS, *facts.HASH_HEADERS), (5, 20, 12, 18, 10, 10, 11, 11, 11, 18, 17, 17), 2)
DERIVED_COLUMNS = _columns(facts.DERIVED_HEADERS, (5, 30, 26, 34, 16, 17), 1)
MARK_COLUMNS = _columns(facts.MARK_HEADERS, (6, 30, 26, 14, 44, 14))
HISTORY_COLUMNS = _columns(facts.HISTORY_HEADERS, (6, 30, 19, 16, 20, 46))
SIGNATURE_HEIGHT = 40.0  # points: room to sign by hand
SIGNATURE_LINE = "    ".join(f"{label}＿＿＿＿＿＿＿＿" for label in facts.SIGNATURES)


def write_workbook(printed: SheetFacts, plan: ExportPlan, path: Path) -> None:
    """Write the workbook to `path` (the caller makes it appear whole: workstation.atomic_file)."""
    workbook = Workbook(write_only=True)
    footer = f"导出编号 {printed.export_no}  提取人：{plan.extractor}  提取时间：{clock.format_time(plan.extracted_at)}"

    def table(name: str, columns: Sequence[Column]) -> PrintedTable:
        title = f"{printed.title}（{name}）  {printed.export_no}"
        return PrintedTable(workbook, name, title, columns, footer, printed.chain_stamp)

    heading = table(HEADING_SHEET, HEADING_COLUMNS)
    for label, value in printed.heading:
        heading.append([label, value, None])
    image = Image(io.BytesIO(qr_png(printed.qr)))
    image.width = image.height = QR_PIXELS
    heading.sheet.add_image(image, "C3")
    _close(heading, (*facts.NOTES, f"二维码内容：{printed.qr}", SIGNATURE_LINE))

    files = table(FILES_SHEET, FILE_COLUMNS)
    for line in printed.files:
        cells = (*line.cells, split_hash(line.sha256), split_hash(line.sm3))
        files.append(cells)
    _close(files, (facts.NOTES[0], f"校验值每行 {HASH_LINE} 位，自上而下连读即为完整值。", SIGNATURE_LINE))

    for name, columns, rows in (
        (DERIVED_SHEET, DERIVED_COLUMNS, printed.derived),
        (MARKS_SHEET, MARK_COLUMNS, printed.marks),
        (HISTORY_SHEET, HISTORY_COLUMNS, printed.history),
    ):
        listing = table(name, columns)
        for row in rows:
            cells = (*row[:-1], split_hash(row[-1])) if name == DERIVED_SHEET else row
            listing.append(cells)
        _close(listing, () if rows else ("（无）",))
    workbook.save(path)


def split_hash(digest: str) -> str:
    """A hex digest in lines of HASH_LINE characters."""
    return "\n".join(digest[index : index + HASH_LINE] for index in range(0, len(digest), HASH_LINE))


def _close(table: PrintedTable, notes: Sequence[str]) -> None:
    """Close the table, then write each note below it wrapped across the table's width (a note left in one
    cell would run off the printed page)."""
    table.close()
    width = sum(column.width for column in table.columns)
    row = table.rows + 1  # close() leaves one empty row
    for note in notes:
        row += 1
        room = SIGNATURE_HEIGHT if note == SIGNATURE_LINE else row_height([text_height(note, width)])
        table.sheet.row_dimensions[row].height = room
        cell = WriteOnlyCell(table.sheet, note)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        table.sheet.merged_cells.add(f"A{row}:{table.last_column}{row}")
        table.sheet.append([cell])
