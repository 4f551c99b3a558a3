"""Write a plain table to an Excel workbook (openpyxl): bold header row, frozen, real date-time cells, and a
stamp (the audit chain head, workstation.export_stamp) in the printed page header and below the table."""

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import cast

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.worksheet import Worksheet

DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"  # as workstation.clock.format_time shows times
_MAX_WIDTH = 60


def write_table(
    path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[object]], stamp: str = ""
) -> int:
    """Write one sheet; returns the number of data rows. Dates stay dates, so Excel sorts and filters them.
    A `stamp` goes in the page header and, after a blank row, below the last data row."""
    workbook = Workbook()
    sheet = cast(Worksheet, workbook.active)  # a new workbook's one sheet
    sheet.title = title
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    widths = [len(header) * 2 + 2 for header in headers]
    count = 0
    for row in rows:
        sheet.append(list(row))
        count += 1
        for column, value in enumerate(row):
            widths[column] = min(_MAX_WIDTH, max(widths[column], len(str(value)) + 2))
    for column, width in enumerate(widths, start=1):
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = width
        for cell in sheet[letter][1:]:
            if isinstance(cell.value, datetime):
                cell.number_format = DATETIME_FORMAT
    if stamp:
        cast(HeaderFooterItem, sheet.oddHeader).right.text = stamp  # a worksheet always has its page header
        sheet.append([])
        sheet.append([stamp])
    workbook.save(path)
    return count
