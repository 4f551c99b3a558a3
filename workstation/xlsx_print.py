"""A printable table on a write-only openpyxl sheet: the house style of the workbooks handed to inspectors.

openpyxl's write-only mode streams rows to the file, so memory stays flat however long the table.
What a write-only sheet allows, and how `PrintedTable` uses it:

- column widths, frozen panes and print titles are written before the first row: set first; a row's height
  is read when the row is written, so it is set just before that row is appended;
- cell styles go through styled cells: one template cell per styled column, given the next row's value
  and appended again (append writes a row out before it returns). A styled cell costs about twice a plain
  one to write, so only cells that need a style get one: dates and times, durations, percentages (number
  formats) and non-empty long texts (wrapped); the rest go out as plain values;
- the table's grid is one conditional format over the data range (always true, thin borders), which
  Excel, WPS and LibreOffice draw and print like cell borders at no cost per cell;
- merged cells, the autofilter, conditional formats, page setup, margins and the footer are written
  after the rows.

Pages: A4, fitted to the page width, title and header rows repeated on every page, page numbers in the
footer, a stamp (the audit chain head, workstation.export_stamp) in the page header.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

if TYPE_CHECKING:
    from openpyxl.cell import _CellSetValue  # the stubs' name for what a cell holds

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
DURATION_FORMAT = "[h]:mm:ss"
PERCENT_FORMAT = "0.0%"
A4 = "9"  # OOXML paper size code


_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_FONT = "宋体"  # the title and header rows; data cells keep the workbook's default font
_MONOSPACE = "Courier New"


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    number_format: str = "General"
    wrap: bool = False
    alert: bool = False  # red and bold: what a reader must not miss
    font_size: float | None = None  # smaller print for long codes (a SHA-256)
    monospace: bool = False  # hex digests: every character as wide as the next, so a split line stays whole

    @property
    def styled(self) -> bool:
        return (
            self.wrap or self.alert or self.monospace or self.font_size is not None or self.number_format != "General"
        )


class PrintedTable:
    """A write-only sheet laid out as a printable table: a merged title row, a header row, data rows.

    Rows go out as they are appended; call `close` after the last one (it sets the grid and the autofilter
    over the rows written).
    """

    def __init__(
        self,
        workbook: Workbook,
        name: str,
        title: str,
        columns: Sequence[Column],
        footer: str,
        header: str,
        orientation: str = "landscape",
    ) -> None:
        self.sheet = sheet = workbook.create_sheet(name)
        self.columns = columns
        self.last_column = get_column_letter(len(columns))
        for number, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = column.width
        sheet.row_dimensions[1].height = 30
        sheet.row_dimensions[2].height = 45  # three lines of a wrapped header in a narrow column
        sheet.freeze_panes = "A3"
        sheet.print_title_rows = "1:2"
        sheet.page_setup.orientation = orientation
        sheet.page_setup.paperSize = A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.print_options.horizontalCentered = True
        sheet.page_margins = PageMargins(left=0.3, right=0.3, top=0.5, bottom=0.5, header=0.2, footer=0.2)
        sheet.oddHeader.right.text = header
        sheet.oddFooter.left.text = footer
        sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
        sheet.merged_cells.add(f"A1:{self.last_column}1")
        title_cell = WriteOnlyCell(sheet, title)
        title_cell.font = Font(name=_FONT, size=14, bold=True)
        title_cell.alignment = Alignment(horizontal="center", vertical="center")
        sheet.append([title_cell])
        sheet.append([self._header_cell(column.header) for column in columns])
        self._cells = [self._styled(column, bold=False) if column.styled else None for column in columns]
        self._bold_cells = [self._styled(column, bold=True) for column in columns]
        self.rows = 2

    def append(self, values: Sequence[object], bold: bool = False, height: float | None = None) -> None:
        """One data row. Cells of styled columns go out styled (empty ones not at all); bold styles every cell.
        `height` (points) makes room for wrapped text (see `wrapped_height`)."""
        cells = self._bold_cells if bold else self._cells
        if height is not None:
            self.sheet.row_dimensions[self.rows + 1].height = height
        row = list(values)
        for index, cell in enumerate(cells):
            if cell is not None and row[index] not in (None, ""):
                cell.value = cast("_CellSetValue", row[index])  # text, numbers and dates: ledger_values
                row[index] = cell
        self.sheet.append(row)
        self.rows += 1

    def close(self, notes: Iterable[str] = ()) -> None:
        """Draw the grid and set the autofilter over the header and data rows, then add notes below."""
        last_row = max(self.rows, 3)
        self.sheet.conditional_formatting.add(
            f"A3:{self.last_column}{last_row}", FormulaRule(formula=["TRUE"], border=_BORDER)
        )
        self.sheet.auto_filter.ref = f"A2:{self.last_column}{last_row}"
        self.sheet.append([])
        for note in notes:
            self.sheet.append([note])

    def _header_cell(self, text: str) -> Cell:
        cell = WriteOnlyCell(self.sheet, text)
        cell.font = Font(name=_FONT, size=10, bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        return cell

    def _styled(self, column: Column, bold: bool) -> Cell:
        cell = WriteOnlyCell(self.sheet)
        if bold or column.alert or column.monospace or column.font_size is not None:
            cell.font = Font(
                name=_MONOSPACE if column.monospace else None,
                bold=bold or column.alert,
                color="C00000" if column.alert else None,
                size=column.font_size,
            )
        cell.number_format = column.number_format
        if column.wrap:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        return cell


LINE_HEIGHT = 13.5
"""Points per line of 10–11 point text, as Excel lays out a row."""


def wrapped_height(texts: Iterable[tuple[str, float]], lines_at_least: int = 1) -> float:
    """The height (points) a row needs so that each (text, column width) shows whole when wrapped: a column
    width holds about that many Latin characters, or half as many Chinese ones."""
    lines = lines_at_least
    for text, width in texts:
        for paragraph in text.split("\n"):
            units = sum(2 if ord(char) > 0x2E7F else 1 for char in paragraph)
            lines_here = max(1, math.ceil(units / max(1.0, width - 1)))
            lines = max(lines, lines_here + text.count("\n"))
    return lines * LINE_HEIGHT
