"""A printable table on a write-only openpyxl sheet: the house style of the workbooks handed to inspectors.

openpyxl's write-only mode streams rows to the file, so memory stays flat however long the table.
What a write-only sheet allows, and how `PrintedTable` uses it:

- column widths, frozen panes and print titles are written before the first row: set first; a row's height
  is read when the row is written, so it is set just before that row is appended;
- cell styles go through styled cells: one template cell per column, given the next row's value and
  appended again (append writes a row out before it returns). Every non-empty cell is styled (at least
  aligned to the top, so a row's short cells line up with the first line of its wrapped ones); a styled
  cell costs about twice a plain one to write;
- the table's grid is one conditional format over the data range (always true, thin borders), which
  Excel, WPS and LibreOffice draw and print like cell borders at no cost per cell;
- merged cells, the autofilter, conditional formats, page setup, margins and the footer are written
  after the rows.

Pages: A4, fitted to the page width (or, for a table wider than a page, split into pages at given columns
with the first column repeated on each), title and header rows repeated on every page, page numbers in the
footer, a stamp (the audit chain head, workstation.export_stamp) in the page header.

Row heights: a spreadsheet file stores them and neither Excel nor LibreOffice raises a stored row for wrapped
text, so every row's height is estimated here from its wrapped cells (`text_lines`): the text's printed width
(CJK characters full-width, Latin ones about half, monospace 0.6 of the font size) against the column's.
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
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties

if TYPE_CHECKING:
    from openpyxl.cell import _CellSetValue  # the stubs' name for what a cell holds

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
DURATION_FORMAT = "[h]:mm:ss"
PERCENT_FORMAT = "0.0%"
A4 = "9"  # OOXML paper size code

BODY_SIZE = 11.0
"""Points: the workbook's default font (Calibri 11), which data cells without a font of their own print in."""
HEADER_SIZE = 10.0
TITLE_SIZE = 14.0
IDENTIFIER_SIZE = 7.0
"""Points: long identifiers (SHA-256 digests, seeds) in monospace, so they wrap at a known count per line."""
MONOSPACE = "Courier New"  # on Windows; LibreOffice on Linux prints its metric twin, Liberation Mono

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_FONT = "宋体"  # the title and header rows; data cells keep the workbook's default font


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    number_format: str = "General"
    wrap: bool = False
    alert: bool = False  # red and bold: what a reader must not miss
    identifier: bool = False  # a long code (SHA-256, seed): small monospace print, wrapped

    @property
    def wraps(self) -> bool:
        return self.wrap or self.identifier


class PrintedTable:
    """A write-only sheet laid out as a printable table: a merged title row, a header row, data rows.

    Rows go out as they are appended, each as high as its wrapped text; call `close` after the last one (it
    sets the grid and the autofilter over the rows written). `page_breaks` (column counts) splits a table
    too wide for one page into pages at those columns, printed at full size with the first column repeated;
    without it the table is fitted to the page width.
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
        page_breaks: Sequence[int] = (),
    ) -> None:
        self.sheet = sheet = workbook.create_sheet(name)
        self.columns = columns
        self.last_column = get_column_letter(len(columns))
        self.page_width = sum(column.width for column in columns[: page_breaks[0] if page_breaks else None])
        self._page_end = get_column_letter(page_breaks[0] if page_breaks else len(columns))
        self._notes_from = "B" if page_breaks else "A"  # the repeated first column would print a note's start
        for number, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = column.width
        sheet.row_dimensions[1].height = row_height([text_height(title, self.page_width, TITLE_SIZE)])
        sheet.row_dimensions[2].height = row_height(
            text_height(column.header, column.width, HEADER_SIZE) for column in columns
        )
        sheet.freeze_panes = "A3"
        sheet.print_title_rows = "1:2"
        sheet.page_setup.orientation = orientation
        sheet.page_setup.paperSize = A4
        if page_breaks:
            sheet.print_title_cols = "A:A"
            sheet.page_setup.pageOrder = "overThenDown"
            for after in page_breaks:
                sheet.col_breaks.append(Break(id=after))
        else:
            sheet.page_setup.fitToWidth = 1
            sheet.page_setup.fitToHeight = 0
            sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.print_options.horizontalCentered = True
        sheet.page_margins = PageMargins(left=0.3, right=0.3, top=0.5, bottom=0.5, header=0.2, footer=0.2)
        sheet.oddHeader.right.text = header
        sheet.oddFooter.left.text = footer
        sheet.oddFooter.right.text = "第 &P 页，共 &N 页"  # not centred: on a portrait page the left text reaches it
        sheet.merged_cells.add(f"A1:{self._page_end}1")
        title_cell = WriteOnlyCell(sheet, title)
        title_cell.font = Font(name=_FONT, size=TITLE_SIZE, bold=True)
        title_cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.append([title_cell])
        sheet.append([self._header_cell(column.header) for column in columns])
        self._cells = [self._styled(column, bold=False) for column in columns]
        self._bold_cells = [self._styled(column, bold=True) for column in columns]
        self._wrapped = [
            (index, column.width, IDENTIFIER_SIZE if column.identifier else BODY_SIZE, column.identifier)
            for index, column in enumerate(columns)
            if column.wraps
        ]
        self.rows = 2

    def append(self, values: Sequence[object], bold: bool = False) -> None:
        """One data row, as high as its wrapped text; bold prints it in bold. Empty cells are not written."""
        cells = self._bold_cells if bold else self._cells
        row = list(values)
        self.sheet.row_dimensions[self.rows + 1].height = row_height(
            text_height(text, width, size, monospace)
            for index, width, size, monospace in self._wrapped
            if isinstance(text := row[index], str)
        )
        for index, cell in enumerate(cells):
            if row[index] not in (None, ""):
                cell.value = cast("_CellSetValue", row[index])  # text, numbers and dates: ledger_values
                row[index] = cell
        self.sheet.append(row)
        self.rows += 1

    def close(self, notes: Iterable[str] = ()) -> None:
        """Draw the grid and set the autofilter over the header and data rows, then add notes below, each
        merged across the (first) page's width and wrapped (from column B when column A is repeated on every
        page: it would print the note's first characters on the other pages)."""
        last_row = max(self.rows, 3)
        self.sheet.conditional_formatting.add(
            f"A3:{self.last_column}{last_row}", FormulaRule(formula=["TRUE"], border=_BORDER)
        )
        self.sheet.auto_filter.ref = f"A2:{self.last_column}{last_row}"
        self.sheet.append([])
        row = self.rows + 1
        for note in notes:
            row += 1
            self.sheet.merged_cells.add(f"{self._notes_from}{row}:{self._page_end}{row}")
            width = self.page_width - (self.columns[0].width if self._notes_from == "B" else 0)
            self.sheet.row_dimensions[row].height = row_height([text_height(note, width)])
            cell = WriteOnlyCell(self.sheet, note)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            self.sheet.append([None, cell] if self._notes_from == "B" else [cell])

    def _header_cell(self, text: str) -> Cell:
        cell = WriteOnlyCell(self.sheet, text)
        cell.font = Font(name=_FONT, size=HEADER_SIZE, bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        return cell

    def _styled(self, column: Column, bold: bool) -> Cell:
        cell = WriteOnlyCell(self.sheet)
        if column.identifier:
            cell.font = Font(name=MONOSPACE, size=IDENTIFIER_SIZE, bold=bold)
        elif bold or column.alert:
            cell.font = Font(bold=True, color="C00000" if column.alert else None)
        cell.number_format = column.number_format
        cell.alignment = Alignment(vertical="top", wrap_text=column.wraps)
        return cell


POINTS_PER_WIDTH = 5.25
"""Points per unit of column width: a unit is the width of a digit of the default font, 7 pixels at 96 dpi."""
CELL_MARGIN = 4.0  # points of a column's width that its cell margins and grid line take
LATIN_EM = 0.58  # a Latin letter or digit of a proportional font, as a share of the font size (a little over)
MONOSPACE_EM = 0.6
LINE_FILL = 0.95
"""Wrapped lines break at word and punctuation boundaries, so a line holds about this share of its width."""
LINE_SPACING = 1.4
"""A line of text is this many times the font size high (CJK fonts set lines wider apart than Latin ones)."""
ROW_PADDING = 3.0


def text_lines(text: str, width: float, size: float = BODY_SIZE, monospace: bool = False) -> int:
    """How many lines `text` takes when wrapped in a column `width` units wide, printed at `size` points.

    A CJK (full-width) character is as wide as the font size, any other about LATIN_EM of it. The count of
    wide characters comes from the UTF-8 length (three bytes for a CJK character, one for ASCII), which
    costs one C call per cell instead of a Python loop over its characters: exports write 100,000s of rows.
    """
    room = max(1.0, width * POINTS_PER_WIDTH - CELL_MARGIN)
    narrow_em = MONOSPACE_EM if monospace else LATIN_EM
    if monospace:
        room = math.floor(room / (narrow_em * size)) * narrow_em * size  # whole characters per line, no gaps
    else:
        room *= LINE_FILL
    lines = 0
    for paragraph in text.split("\n"):
        wide = (len(paragraph.encode()) - len(paragraph)) / 2
        printed = (wide + (len(paragraph) - wide) * narrow_em) * size
        lines += max(1, math.ceil(printed / room))
    return lines


def text_height(text: str, width: float, size: float = BODY_SIZE, monospace: bool = False) -> float:
    """Points that `text` wrapped in a column `width` units wide takes (see `text_lines`)."""
    return text_lines(text, width, size, monospace) * size * LINE_SPACING


def row_height(heights: Iterable[float]) -> float:
    """Points for a row whose cells' texts take `heights`: the tallest, at least one line of body text."""
    return max((BODY_SIZE * LINE_SPACING, *heights)) + ROW_PADDING
