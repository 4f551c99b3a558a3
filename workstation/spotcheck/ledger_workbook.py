"""The check ledger as an Excel workbook to print and hand to inspectors: 检查台帐, 统计, 抽样记录.

openpyxl's write-only mode streams rows to the file, so memory stays flat however long the ledger.
What a write-only sheet allows, and how this module uses it:

- column widths, frozen panes, print titles and row heights are written before the first row: set first;
- cell styles go through styled cells: one template cell per styled column, given the next row's value
  and appended again (append writes a row out before it returns). A styled cell costs about twice a plain
  one to write, so only cells that need a style get one: dates and times, durations, percentages (number
  formats) and non-empty long texts (wrapped); the rest go out as plain values;
- the table's grid is one conditional format over the data range (always true, thin borders), which
  Excel, WPS and LibreOffice draw and print like cell borders at no cost per cell;
- merged cells, the autofilter, conditional formats, page setup, margins and the footer are written
  after the rows.

Pages: A4 landscape, fitted to the page width, title and header rows repeated on every page, page numbers
in the footer, the audit chain head (审计链头, issue 13) in the page header of every sheet and below the
抽样记录 table; a ledger line that differs from its audit row is marked in its 备注 column and counted in
the 检查台帐 sheet's page header and notes. Dates and times are real Excel dates (so they sort and filter)
shown as 2026-11-22 14:05:09.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from workstation import clock
from workstation.export_stamp import printed_head
from workstation.spotcheck.text import ANSWER_NAMES, CHECK_ITEM_NAMES, VERDICT_NAMES
from workstation.spotcheck.types import NAMED_DISPUTES, CheckItem, LedgerExport, LedgerRow, OfficerStatistics, PlanRow
from workstation.types import ChainAnchor

if TYPE_CHECKING:
    from openpyxl.cell import _CellSetValue  # the stubs' name for what a cell holds

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
DURATION_FORMAT = "[h]:mm:ss"
PERCENT_FORMAT = "0.0%"
SPEED_FORMAT = '0.0"×"'
A4 = "9"  # OOXML paper size code

LEDGER_SHEET, STATISTICS_SHEET, PLANS_SHEET = "检查台帐", "统计", "抽样记录"

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_FONT = "宋体"  # the title and header rows; data cells keep the workbook's default font


@dataclass(frozen=True)
class LedgerHeading:
    unit_name: str
    date_from: date
    date_to: date
    generated_at: datetime
    generated_by: str
    chain_head: ChainAnchor  # read in the same snapshot as the rows

    @property
    def period(self) -> str:
        return f"{self.date_from:%Y-%m-%d} 至 {self.date_to:%Y-%m-%d}"

    @property
    def printed_head(self) -> str:
        return printed_head(self.chain_head)


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    number_format: str = "General"
    wrap: bool = False
    alert: bool = False  # red and bold: what a reader must not miss

    @property
    def styled(self) -> bool:
        return self.wrap or self.alert or self.number_format != "General"


LEDGER_COLUMNS = (
    Column("序号", 5),
    Column("抽查日期", 10.5, DATE_FORMAT),
    Column("单位", 14, wrap=True),
    Column("执法人员", 8),
    Column("警号", 8),
    Column("设备编号", 9),
    Column("录制时间", 18.5, DATETIME_FORMAT),
    Column("时长", 8, DURATION_FORMAT),
    Column("文件名", 22, wrap=True),
    Column("检查人", 8),
    Column("检查时间", 18.5, DATETIME_FORMAT),
    Column("回放覆盖率", 7, PERCENT_FORMAT),
    Column("最高倍速", 6, SPEED_FORMAT),
    *(Column(CHECK_ITEM_NAMES[item], 5.5) for item in CheckItem),
    Column("结论", 8),
    Column("存在问题", 20, wrap=True),
    Column("整改要求", 20, wrap=True),
    Column("备注", 20, wrap=True, alert=True),
)
STATISTICS_COLUMNS = (
    Column("单位", 22, wrap=True),
    Column("执法人员", 10),
    Column("警号", 10),
    Column("录制文件数", 11),
    Column("已检查数", 10),
    Column("合格", 8),
    Column("基本合格", 9),
    Column("不合格", 8),
    Column("合格率", 9, PERCENT_FORMAT),
)
PLANS_COLUMNS = (
    Column("方案编号", 7),
    Column("单位", 16, wrap=True),
    Column("录制日期起", 10.5, DATE_FORMAT),
    Column("录制日期止", 10.5, DATE_FORMAT),
    Column("抽取时间", 18.5, DATETIME_FORMAT),
    Column("抽取人", 14, wrap=True),
    Column("抽取比例", 8, PERCENT_FORMAT),
    Column("每人最少", 7),
    Column("偏重长录像", 7),
    Column("含每人首段", 7),
    Column("排除已检查", 7),
    Column("算法", 6),
    Column("日种子（日期 序号 种子，每日一行）", 48, wrap=True),
    Column("种子承诺（审计序号）", 10, wrap=True),
    Column("随机种子", 34, wrap=True),
    Column("候选文件数", 7),
    Column("候选清单摘要（SHA-256）", 34, wrap=True),
    Column("抽中文件数", 7),
    Column("抽中清单摘要（SHA-256）", 34, wrap=True),
    Column("已检查数", 7),
    Column("状态", 14, wrap=True),
    Column("重新抽取说明", 22, wrap=True),
)

ALGORITHM_NOTES = (
    "随机种子（SC1 第 0 步）：各录制日的日种子在该日第一个文件入库前即已承诺于审计日志（种子承诺列的审计序号，"
    "其中记有每个日种子的 SHA-256）；抽取时揭示。随机种子 = SHA-256(日种子列的文本，每行末尾加换行)。"
    "复核：每个日种子的 SHA-256 应等于审计日志该序号记录中第“序号”个承诺值；重新抽取使用下一序号的日种子。",
    "抽样方法（SC1）：每个候选文件的抽签号为 SHA-256(随机种子 ‖ 文件SHA-256 ‖ “:” ‖ 签序号) "
    "的前 8 字节（无符号大端整数）；一般每个文件一签，选“偏重长录像”时每满或不足一分钟一签、最多 30 签，取其中最大者。",
    "每名执法人员按抽签号从大到小抽取 ⌈文件数 × 抽取比例⌉ 个文件（不少于每人最少数，不超过其文件数）；"
    "选“含每人首段”时另加其录制时间最早的文件。候选文件为该单位该期间的视频和音频（不含照片和日志）。",
    "复核方法：运行 workstation spotcheck verify 方案编号，"
    "按档案库保存的候选清单、随机种子和参数重新计算，并与审计日志核对。",
)


MISMATCH_MARK = "与审计日志不符"


class _Table:
    """A write-only sheet laid out as a printable table: a merged title row, a header row, data rows.

    Rows go out as they are appended; call `close` after the last one (it sets the grid and the autofilter
    over the rows written).
    """

    def __init__(
        self, workbook: Workbook, name: str, title: str, columns: Sequence[Column], footer: str, header: str
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
        sheet.page_setup.orientation = "landscape"
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

    def append(self, values: Sequence[object], bold: bool = False) -> None:
        """One data row. Cells of styled columns go out styled (empty ones not at all); bold styles every cell."""
        cells = self._bold_cells if bold else self._cells
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
        if bold or column.alert:
            cell.font = Font(bold=True, color="C00000" if column.alert else None)
        cell.number_format = column.number_format
        if column.wrap:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        return cell


def write_ledger(
    path: Path,
    heading: LedgerHeading,
    rows: Iterable[LedgerRow],
    statistics: Sequence[OfficerStatistics],
    plans: Sequence[PlanRow],
) -> LedgerExport:
    """Write the workbook; returns the number of ledger lines and of those marked 与审计日志不符. `rows` may be
    a stream (it is read once)."""
    workbook = Workbook(write_only=True)
    footer = f"制表：{heading.generated_by}  制表时间：{clock.format_time(heading.generated_at)}"
    ledger = _Table(
        workbook,
        LEDGER_SHEET,
        f"{heading.unit_name}  执法记录仪声像资料回放抽查检查台帐（{heading.period}）",
        LEDGER_COLUMNS,
        footer,
        heading.printed_head,
    )
    count = disputed = 0
    named: list[int] = []
    for row in rows:
        count += 1
        if row.audit_mismatch:
            disputed += 1
            named += [row.review_id][: NAMED_DISPUTES - len(named)]
        ledger.append(ledger_values(count, row))
    if disputed:
        warning = f"其中 {disputed} 条检查记录{MISMATCH_MARK}（见备注），不能作为有效检查记录"
        ledger.sheet.oddHeader.left.text = warning
        ledger.close((f"注意：{warning}；请核查后再使用本台帐。", heading.printed_head))
    else:
        ledger.close((heading.printed_head,))
    _write_statistics(workbook, heading, statistics, footer)
    _write_plans(workbook, heading, plans, footer)
    workbook.save(path)
    return LedgerExport(count, disputed, tuple(named))


def ledger_values(number: int, row: LedgerRow) -> list[object]:
    """One ledger line as the cells of the 检查台帐 sheet."""
    answers = [row.answer(item) for item in CheckItem]
    return [
        number,
        row.drawn_on,
        row.unit_name,
        row.officer_name,
        row.badge_no,
        row.device_no,
        row.recorded_start,
        None if row.duration_ms is None else timedelta(milliseconds=row.duration_ms),
        row.original_name,
        row.reviewer_name,
        row.reviewed_at,
        row.coverage_bp / 10_000,
        row.top_speed,
        *(ANSWER_NAMES[answer] if answer is not None else None for answer in answers),
        VERDICT_NAMES[row.verdict],
        row.problem,
        row.rectification,
        f"{MISMATCH_MARK}（检查记录 {row.review_id}）：{row.audit_mismatch}" if row.audit_mismatch else None,
    ]


def _write_statistics(
    workbook: Workbook, heading: LedgerHeading, statistics: Sequence[OfficerStatistics], footer: str
) -> None:
    table = _Table(
        workbook,
        STATISTICS_SHEET,
        f"{heading.unit_name}  回放抽查统计（{heading.period}）",
        STATISTICS_COLUMNS,
        footer,
        heading.printed_head,
    )
    totals = [0, 0, 0, 0, 0]
    unit_totals: list[int] = []
    for index, row in enumerate(statistics):
        if index == 0 or row.unit_code != statistics[index - 1].unit_code:
            unit_totals = [0, 0, 0, 0, 0]
        counts = [row.clips_recorded, row.checked, row.passed, row.mostly, row.failed]
        table.append([row.unit_name, row.officer_name, row.badge_no, *counts, _rate(row.passed, row.checked)])
        unit_totals = [a + b for a, b in zip(unit_totals, counts, strict=True)]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        if index == len(statistics) - 1 or statistics[index + 1].unit_code != row.unit_code:
            table.append([row.unit_name, "小计", None, *unit_totals, _rate(unit_totals[2], unit_totals[1])], bold=True)
    table.append(["合计", None, None, *totals, _rate(totals[2], totals[1])], bold=True)
    table.close(
        (
            "说明：录制文件数为期间内录制的视频、音频文件数（按录制时间）；已检查数为期间内完成的回放检查数（按检查时间）；"
            "合格率 = 合格数 ÷ 已检查数。",
        )
    )


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _write_plans(workbook: Workbook, heading: LedgerHeading, plans: Sequence[PlanRow], footer: str) -> None:
    title = f"{heading.unit_name}  抽样记录（{heading.period}）"
    table = _Table(workbook, PLANS_SHEET, title, PLANS_COLUMNS, footer, heading.printed_head)
    for plan in plans:
        status = "有效" if plan.active else f"已于 {clock.format_time(plan.superseded_at)} 被重新抽取"
        redraw = f"替代方案 {plan.replaces_id}：{plan.redraw_reason}" if plan.replaces_id else None
        table.append(
            [
                plan.id,
                plan.unit_name,
                plan.day_from,
                plan.day_to,
                plan.drawn_at,
                plan.drawn_by,
                plan.ratio_bp / 10_000,
                plan.min_per_officer,
                _yes_no(plan.weight_long),
                _yes_no(plan.include_first),
                _yes_no(plan.exclude_checked),
                plan.algorithm,
                "\n".join(f"{s.day.isoformat()} {s.index} {s.seed}" for s in plan.day_seeds) or "（未承诺）",
                "\n".join(str(s.commit_seq) for s in plan.day_seeds) or None,
                plan.seed,
                plan.candidate_count,
                plan.candidates_digest,
                plan.sample_count,
                plan.sample_digest,
                plan.reviewed_count,
                status,
                redraw,
            ]
        )
    table.close((*ALGORITHM_NOTES, f"{heading.printed_head}（制表时）：复核 workstation audit verify --head 序号:摘要"))


def _yes_no(value: bool) -> str:
    return "是" if value else "否"
