"""The check ledger on paper: a workbook of 20 checks with long Chinese unit names, file names and texts,
printed by LibreOffice (headless) to PDF as a user prints it, then read back from the PDF's text: A4
landscape pages, body text at 9 pt or more (the seeds and digests in their small monospace print at 6.5 pt
or more), no word printed over another, and every check's file name and unit on the paper, whole."""

import hashlib
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers.printed_pdf import print_problems, print_to_pdf, read_pages, render_page, smallest_sizes
from workstation.spotcheck.ledger_workbook import LedgerHeading, write_ledger
from workstation.spotcheck.types import (
    CheckAnswer,
    CheckItem,
    DaySeed,
    LedgerRow,
    OfficerStatistics,
    PlanRow,
    Selection,
    Verdict,
)
from workstation.types import ChainAnchor

pytestmark = pytest.mark.slow  # LibreOffice's conversion takes several seconds

DAY = date(2026, 11, 21)
UNITS = (
    ("DD01", "临江市消防救援支队城东区消防救援大队滨江路特勤消防救援站"),
    ("DD02", "临江市消防救援支队高新技术产业开发区消防救援大队"),
    ("DD03", "临江市消防救援支队城西区消防救援大队"),
)
PROBLEMS = (
    "",
    "执法人员到场后未按规定告知当事人正在进行录音录像，录像开始时间晚于现场检查开始时间约三分钟",
    "画面偶有抖动，部分时段镜头被遮挡，无法看清检查记录表的填写内容",
    "未出示执法证件；对当事人的询问不够规范，使用了不文明用语",
)
RECTIFICATIONS = (
    "",
    "组织全站执法人员学习《消防救援机构执法记录仪使用管理规定》，并于十五日内提交书面整改报告",
    "检查前检查执法记录仪佩戴位置，确保镜头无遮挡",
    "加强规范用语培训，由大队法制员逐一约谈，整改情况报支队法制科备案",
)
MISMATCH = "结论为 合格，审计日志记录为 不合格"
PNG = os.environ.get("LEDGER_PRINT_PNG")  # set to keep the first page as a picture (README's screenshot)


def _rows() -> list[LedgerRow]:
    rows = []
    for number in range(20):
        unit_code, unit_name = UNITS[number % len(UNITS)]
        reviewed_at = datetime(2026, 11, 22, 9, 0) + timedelta(minutes=37 * number)
        answers = dict.fromkeys(CheckItem, CheckAnswer.YES)
        if number % 4 == 1:
            answers |= {CheckItem.ANNOUNCED: CheckAnswer.NO, CheckItem.ID_SHOWN: CheckAnswer.NO}
        if number % 5 == 2:
            answers |= {CheckItem.LENS_CLEAR: CheckAnswer.NOT_APPLICABLE, CheckItem.CASE_LINKED: CheckAnswer.NO}
        text = number % len(PROBLEMS)
        rows.append(
            LedgerRow(
                review_id=1000 + number,
                item_id=5000 + number,
                plan_id=1 + number % 3,
                drawn_on=DAY,
                unit_code=unit_code,
                unit_name=unit_name,
                officer_name=("欧阳建国", "李明", "司马晓燕")[number % 3],
                badge_no=f"{3201000 + number * 17}",
                device_no=f"DSJ-HK-V8-2026{number:06d}",
                recorded_start=datetime(2026, 11, 21, 8, 15) + timedelta(minutes=53 * number),
                duration_ms=(7 * 60 + number * 41) * 1000,
                original_name=f"{unit_name[-6:]}_DSJ{number:04d}_20261121_{81500 + number * 5300:06d}_{number:02d}.MP4",
                reviewer=f"checker{number % 3 + 1}",
                reviewer_name=("法制科王振华", "督察支队张伟", "陈思远")[number % 3],
                reviewed_at=reviewed_at,
                coverage_bp=10_000 - number * 37,
                top_speed=(1.0, 1.5, 2.0)[number % 3],
                answers=tuple(answers.items()),
                verdict=(Verdict.PASS, Verdict.FAIL, Verdict.MOSTLY, Verdict.FAIL)[text],
                problem=PROBLEMS[text],
                rectification=RECTIFICATIONS[text],
                audit_mismatch=MISMATCH if number == 7 else "",
                selection=Selection.PRESCREEN if number % 6 == 3 else Selection.RANDOM,
                finding_kinds=("covered", "frozen") if number % 6 == 3 else (),
            )
        )
    return rows


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _plans() -> list[PlanRow]:
    return [
        PlanRow(
            id=plan_id,
            unit_code=code,
            unit_name=name,
            day_from=DAY,
            day_to=DAY + timedelta(days=plan_id - 1),
            ratio_bp=1000,
            min_per_officer=1,
            weight_long=plan_id == 2,
            include_first=True,
            exclude_checked=True,
            algorithm="SC1",
            seed=_digest(f"seed {plan_id}"),
            candidates_digest=_digest(f"candidates {plan_id}"),
            sample_digest=_digest(f"sample {plan_id}"),
            candidate_count=412,
            sample_count=43,
            reviewed_count=20,
            drawn_at=datetime(2026, 11, 22, 7, 30),
            drawn_by="支队管理员（admin_zd01）",
            due_on=DAY + timedelta(days=7),
            replaces_id=1 if plan_id == 3 else None,
            redraw_reason="原方案抽中的文件因设备故障未能上传，经支队负责人批准重新抽取" if plan_id == 3 else "",
            superseded_at=None,
            day_seeds=tuple(
                DaySeed(DAY + timedelta(days=day), day, _digest(f"day {plan_id} {day}"), 800 + day)
                for day in range(plan_id)
            ),
            findings_extra=5 if plan_id == 2 else 0,
            findings_count=3 if plan_id == 2 else 0,
        )
        for plan_id, (code, name) in enumerate(UNITS, start=1)
    ]


def _statistics() -> list[OfficerStatistics]:
    return [
        OfficerStatistics(code, name, f"32010{index}", "欧阳建国", 40 + index, 7, 4, 2, 1)
        for index, (code, name) in enumerate(UNITS)
    ]


def write_sample_ledger(path: Path) -> list[LedgerRow]:
    """The workbook of 20 checks this test prints; returns its rows."""
    rows = _rows()
    heading = LedgerHeading(
        unit_name="临江市消防救援支队",
        date_from=date(2026, 11, 1),
        date_to=date(2026, 11, 30),
        generated_at=datetime(2026, 11, 30, 17, 5),
        generated_by="支队管理员（admin_zd01）",
        chain_head=ChainAnchor(48213, _digest("head")),
    )
    write_ledger(path, heading, rows, _statistics(), _plans())
    return rows


def test_the_ledger_prints_readably_on_a4(tmp_path):
    workbook = tmp_path / "检查台帐.xlsx"
    rows = write_sample_ledger(workbook)

    pdf = print_to_pdf(workbook, tmp_path)
    pages = read_pages(pdf)

    assert len(pages) >= 4  # 检查台帐, 检查明细 (two pages wide), 统计, 抽样记录 (three pages wide)
    assert all(page.landscape for page in pages)
    assert print_problems(pages, body_size=9, small_size=6.5, small_font="Mono") == []
    body, small = smallest_sizes(pages, "Mono")
    print(f"\nledger print: {len(pages)} pages, smallest body text {body:.1f} pt, identifiers {small:.1f} pt")
    assert small >= 6.5  # the seeds and digests did print in the small monospace
    printed = "".join(box for page in pages for box in page.boxes)
    for row in rows:
        assert printed.count(row.original_name) >= 2, row.original_name  # 检查台帐 and 检查明细
        assert row.unit_name in printed, row.unit_name
    assert "否：规范告知、出示证件" in printed and "全部符合" in printed
    assert printed.count("预筛查加抽（镜头遮挡、画面冻结）") == 2 * 3  # rows 3, 9 and 15, on both ledger sheets
    assert "3（至多5）" in printed.replace(" ", "") and "未选用" in printed  # 抽样记录: the added part
    if PNG:
        render_page(pdf, 1, Path(PNG))
