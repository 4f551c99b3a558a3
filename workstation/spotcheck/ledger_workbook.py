"""The check ledger as an Excel workbook to print and hand to inspectors: 检查台帐, 检查明细, 统计, 抽样记录.

The sheets are printable tables (workstation.xlsx_print.PrintedTable: write-only, so memory stays flat
however long the ledger; rows as high as their wrapped text).

检查台帐 is the paper ledger that is signed and filed: the columns a reader needs, one A4 landscape page
wide at full size, the checklist condensed to 全部符合 or the items answered 否 / 不适用, a 备注/签字 column.
检查明细 keeps every fact of every line (times, coverage, top speed, each checklist answer) as columns to
sort and filter, printed two pages wide with 序号 repeated. 抽样记录 prints its seeds and digests in small
monospace, 32 characters a line, over three pages wide.

Every sheet prints the audit chain head (审计链头, issue 13) in its page header, and below the 抽样记录
table; a ledger line that differs from its audit row is marked in its 备注 (both ledger sheets) and counted
in their page headers and notes; a clip a draw added for its pre-screen findings is marked 预筛查加抽 there,
and 抽样记录 gives the random and the added counts in columns of their own.
Dates and times are real Excel dates (so they sort and filter) shown as
2026-11-22 14:05:09.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

from workstation import clock
from workstation.export_stamp import printed_head
from workstation.spotcheck.text import ANSWER_NAMES, CHECK_ITEM_NAMES, VERDICT_NAMES, prescreen_mark
from workstation.spotcheck.types import (
    NAMED_DISPUTES,
    CheckAnswer,
    CheckItem,
    LedgerExport,
    LedgerRow,
    OfficerStatistics,
    PlanRow,
    Selection,
)
from workstation.types import ChainAnchor
from workstation.xlsx_print import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    DURATION_FORMAT,
    PERCENT_FORMAT,
    Column,
    PrintedTable,
)

SPEED_FORMAT = '0.0"×"'
LEDGER_SHEET, DETAILS_SHEET, STATISTICS_SHEET, PLANS_SHEET = "检查台帐", "检查明细", "统计", "抽样记录"


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


LEDGER_COLUMNS = (
    Column("序号", 5),
    Column("检查日期", 11, DATE_FORMAT),
    Column("单位", 16, wrap=True),
    Column("执法人员/警号", 12, wrap=True),
    Column("文件名", 22, wrap=True),
    Column("检查人", 9, wrap=True),
    Column("检查项", 14, wrap=True),
    Column("结论", 9, wrap=True),
    Column("存在问题", 20, wrap=True),
    Column("整改要求", 20, wrap=True),
    Column("备注/签字", 12, wrap=True, alert=True),
)
DETAIL_COLUMNS = (
    Column("序号", 5),
    Column("抽查日期", 10.5, DATE_FORMAT),
    Column("单位", 13, wrap=True),
    Column("执法人员", 8, wrap=True),
    Column("警号", 8, wrap=True),
    Column("设备编号", 9, wrap=True),
    Column("录制时间", 18.5, DATETIME_FORMAT),
    Column("时长", 7, DURATION_FORMAT),
    Column("文件名", 20, wrap=True),
    Column("检查人", 8, wrap=True),
    Column("检查时间", 18.5, DATETIME_FORMAT),
    Column("回放覆盖率", 6.5, PERCENT_FORMAT),
    Column("最高倍速", 5.5, SPEED_FORMAT),
    *(Column(CHECK_ITEM_NAMES[item], 7) for item in CheckItem),
    Column("结论", 8, wrap=True),
    Column("存在问题", 20, wrap=True),
    Column("整改要求", 20, wrap=True),
    Column("备注", 20, wrap=True, alert=True),
)
DETAIL_PAGE_BREAKS = (13,)  # who, what and how it was played | the checklist answers, verdict and texts
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
IDENTIFIER_WIDTH = 26.5  # 32 characters of the small monospace print: a SHA-256 or a seed on two lines
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
    Column("日种子（日期 序号 种子，每日一行）", IDENTIFIER_WIDTH, identifier=True),
    Column("种子承诺（审计序号）", 10, wrap=True),
    Column("随机种子", IDENTIFIER_WIDTH, identifier=True),
    Column("候选文件数", 7),
    Column("候选清单摘要（SHA-256）", IDENTIFIER_WIDTH, identifier=True),
    Column("随机抽中数", 7),
    Column("抽中清单摘要（SHA-256）", IDENTIFIER_WIDTH, identifier=True),
    Column("预筛查加抽数", 9, wrap=True),
    Column("已检查数", 7),
    Column("状态", 14, wrap=True),
    Column("重新抽取说明", 22, wrap=True),
)
PLANS_PAGE_BREAKS = (12, 19)  # the drawing's parameters | its seeds, counts and digests | added part, status

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
    "预筛查加抽：选用时，在随机抽中的文件之外，另从候选文件中加抽至多规定数量的有预筛查提示的文件"
    "（提示未被排除，且同类提示曾被人工确认；每人先抽一个，按已确认、置信度排序）。加抽文件不是随机抽取，"
    "不计入随机抽中数和抽中清单摘要，在台帐备注中标明“预筛查加抽”；加抽清单记于审计日志的抽取记录，复核时逐一核对。",
)


MISMATCH_MARK = "与审计日志不符"


def write_ledger(
    path: Path,
    heading: LedgerHeading,
    rows: Iterable[LedgerRow],
    statistics: Sequence[OfficerStatistics],
    plans: Sequence[PlanRow],
) -> LedgerExport:
    """Write the workbook; returns the number of ledger lines and of those marked 与审计日志不符. `rows` may be
    a stream (it is read once: each line goes to 检查台帐 and 检查明细 as it comes)."""
    workbook = Workbook(write_only=True)
    footer = f"制表：{heading.generated_by}  制表时间：{clock.format_time(heading.generated_at)}"
    ledger = PrintedTable(
        workbook,
        LEDGER_SHEET,
        f"{heading.unit_name}  执法记录仪声像资料回放抽查检查台帐（{heading.period}）",
        LEDGER_COLUMNS,
        footer,
        heading.printed_head,
    )
    details = PrintedTable(
        workbook,
        DETAILS_SHEET,
        f"{heading.unit_name}  回放抽查检查明细（{heading.period}）",
        DETAIL_COLUMNS,
        footer,
        heading.printed_head,
        page_breaks=DETAIL_PAGE_BREAKS,
    )
    count = disputed = 0
    named: list[int] = []
    for row in rows:
        count += 1
        if row.audit_mismatch:
            disputed += 1
            named += [row.review_id][: NAMED_DISPUTES - len(named)]
        ledger.append(ledger_values(count, row))
        details.append(detail_values(count, row))
    for table in (ledger, details):
        if disputed:
            warning = f"其中 {disputed} 条检查记录{MISMATCH_MARK}（见备注），不能作为有效检查记录"
            table.sheet.oddHeader.left.text = warning
            table.close((f"注意：{warning}；请核查后再使用本台帐。", heading.printed_head))
        else:
            table.close((heading.printed_head,))
    _write_statistics(workbook, heading, statistics, footer)
    _write_plans(workbook, heading, plans, footer)
    workbook.save(path)
    return LedgerExport(count, disputed, tuple(named))


def ledger_values(number: int, row: LedgerRow) -> list[object]:
    """One ledger line as the cells of the 检查台帐 sheet (the paper ledger)."""
    return [
        number,
        row.reviewed_at.date(),
        row.unit_name,
        f"{row.officer_name}/{row.badge_no}",
        row.original_name,
        row.reviewer_name,
        condensed_answers(row),
        VERDICT_NAMES[row.verdict],
        row.problem,
        row.rectification,
        _remark(row),
    ]


def detail_values(number: int, row: LedgerRow) -> list[object]:
    """One ledger line as the cells of the 检查明细 sheet: every fact, each checklist answer in its column."""
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
        _remark(row),
    ]


ALL_MET = "全部符合"
UNANSWERED = "未填"


def condensed_answers(row: LedgerRow) -> str:
    """The checklist in a few words: 全部符合, or the items answered 否, 不适用 (or left unanswered) named,
    e.g. "否：规范告知、出示证件；不适用：镜头无遮挡"."""
    groups: dict[str, list[str]] = {}
    for item in CheckItem:
        answer = row.answer(item)
        if answer is not CheckAnswer.YES:
            name = UNANSWERED if answer is None else ANSWER_NAMES[answer]
            groups.setdefault(name, []).append(CHECK_ITEM_NAMES[item])
    order = (ANSWER_NAMES[CheckAnswer.NO], ANSWER_NAMES[CheckAnswer.NOT_APPLICABLE], UNANSWERED)
    return "；".join(f"{name}：{'、'.join(groups[name])}" for name in order if name in groups) or ALL_MET


def _remark(row: LedgerRow) -> str | None:
    """备注: a line that differs from its audit row, and a clip added for its pre-screen findings (not random)."""
    marks = [prescreen_mark(row.finding_kinds)] if row.selection is Selection.PRESCREEN else []
    if row.audit_mismatch:
        marks.append(f"{MISMATCH_MARK}（检查记录 {row.review_id}）：{row.audit_mismatch}")
    return "；".join(marks) or None


def _write_statistics(
    workbook: Workbook, heading: LedgerHeading, statistics: Sequence[OfficerStatistics], footer: str
) -> None:
    table = PrintedTable(
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
    table = PrintedTable(
        workbook, PLANS_SHEET, title, PLANS_COLUMNS, footer, heading.printed_head, page_breaks=PLANS_PAGE_BREAKS
    )
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
                f"{plan.findings_count}（至多 {plan.findings_extra}）" if plan.findings_extra else "未选用",
                plan.reviewed_count,
                status,
                redraw,
            ]
        )
    table.close((*ALGORITHM_NOTES, f"{heading.printed_head}（制表时）：复核 workstation audit verify --head 序号:摘要"))


def _yes_no(value: bool) -> str:
    return "是" if value else "否"
