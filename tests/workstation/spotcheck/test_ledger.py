"""The check ledger: filters, statistics, and the exported workbook read back cell by cell."""

import hashlib
import json
from datetime import date, datetime, timedelta

import openpyxl
import pytest
from sqlalchemy import select

from db.models import AuditEvent
from tests.helpers.spotcheck_builders import DAY, build_spotcheck_org
from workstation import audit, cli
from workstation.errors import PermissionDenied, SpotCheckError
from workstation.identity import Identity
from workstation.spotcheck import plans as spotcheck_plans
from workstation.spotcheck import queue, reviews
from workstation.spotcheck.ledger import LedgerFilter, export_ledger, list_ledger
from workstation.spotcheck.ledger_workbook import DETAIL_COLUMNS
from workstation.spotcheck.types import (
    MANUAL_CHECK_ITEMS,
    CheckAnswer,
    CheckItem,
    DrawSpec,
    LedgerExport,
    ReviewInput,
    Verdict,
)

pytestmark = pytest.mark.clock  # run at several clock times and time zones (tools/clock_matrix.sh)

NOW = datetime(2026, 11, 22, 9, 0)
ALL_YES = dict.fromkeys(MANUAL_CHECK_ITEMS, CheckAnswer.YES)
REVIEWS = {
    "checker1": ReviewInput(ALL_YES, Verdict.PASS, played_intervals=((0, 60_000),), top_speed=2.0),
    "checker2": ReviewInput(
        ALL_YES | {CheckItem.ANNOUNCED: CheckAnswer.NO}, Verdict.FAIL, "未告知录音录像", "加强规范用语培训"
    ),
    "checker3": ReviewInput(ALL_YES, Verdict.MOSTLY, "画面偶有抖动", played_intervals=((0, 30_000),)),
}


@pytest.fixture
def ledger(archive):
    """Plans for DD01 and DD02; checker1, checker2 and checker3 each review one item (in that order)."""
    build_spotcheck_org(archive)
    spotcheck_plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY, "ZD01"), Identity.user("admin"), now=NOW)
    for minutes, (login, review) in enumerate(REVIEWS.items(), start=1):
        at = NOW + timedelta(minutes=minutes)
        item = queue.claim(archive.sessions, Identity.user(login), now=at)
        reviews.submit_review(archive.sessions, Identity.user(login), item.id, review, now=at)
    return archive


def _list(archive, login="head", **criteria):
    with archive.sessions.read() as session:
        return list_ledger(session, Identity.user(login), LedgerFilter(**criteria))


def test_the_ledger_filters(ledger):
    assert [row.reviewer for row in _list(ledger)] == ["checker3", "checker2", "checker1"]  # newest first
    assert [row.verdict for row in _list(ledger, verdict=Verdict.FAIL)] == [Verdict.FAIL]
    assert [row.reviewer for row in _list(ledger, reviewer="checker2")] == ["checker2"]
    assert len(_list(ledger, unit_code="DD02")) == 1 and len(_list(ledger, unit_code="DD01")) == 2
    assert _list(ledger, date_from=date(2026, 11, 23)) == []
    badge = _list(ledger)[0].badge_no
    assert {row.badge_no for row in _list(ledger, officer=badge)} == {badge}
    assert [row.reviewer for row in _list(ledger, "checker1")] == ["checker2", "checker1"]  # DD01 only
    with pytest.raises(PermissionDenied):
        _list(ledger, "checker1", unit_code="DD02")
    with pytest.raises(PermissionDenied):
        _list(ledger, "officer")


def test_the_exported_workbook(ledger, tmp_path):
    path = tmp_path / "台帐.xlsx"
    criteria = LedgerFilter(date(2026, 11, 1), date(2026, 11, 30))
    with ledger.sessions.read() as session:
        head = audit.chain_head(session).printed()
    assert export_ledger(ledger.sessions, Identity.user("head"), criteria, path, now=NOW) == LedgerExport(3, 0)
    assert not list(tmp_path.glob("*.part"))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["检查台帐", "检查明细", "统计", "抽样记录"]

    ledger_sheet = book["检查台帐"]  # the paper ledger: the columns a reader needs, one page wide
    assert (
        ledger_sheet["A1"].value == "临江市消防救援支队  执法记录仪声像资料回放抽查检查台帐（2026-11-01 至 2026-11-30）"
    )
    assert sorted(str(cells) for cells in ledger_sheet.merged_cells.ranges) == ["A1:K1", "A7:K7"]
    assert [cell.value for cell in ledger_sheet[2]] == [
        "序号",
        "检查日期",
        "单位",
        "执法人员/警号",
        "文件名",
        "检查人",
        "检查项",
        "结论",
        "存在问题",
        "整改要求",
        "备注/签字",
    ]
    lines = [[cell.value for cell in row] for row in ledger_sheet.iter_rows(min_row=3, max_row=5)]
    assert lines[0][:3] == [1, datetime(2026, 11, 22), "城东区消防救援大队"]
    assert lines[0][5:] == ["用户checker1", "否：已关联警情/案件", "合格", None, None, None]  # the checklist condensed
    assert lines[1][6].startswith("否：规范告知、") and lines[2][6] == lines[0][6]
    assert lines[1][7:10] == ["不合格", "未告知录音录像", "加强规范用语培训"]
    assert lines[0][4] == lines[0][4].strip() and lines[0][3].endswith("/" + lines[0][3].split("/")[1])
    assert ledger_sheet["C3"].alignment.wrap_text and ledger_sheet["A3"].alignment.vertical == "top"
    assert ledger_sheet.row_dimensions[3].height >= 2 * 11  # the unit's name wraps: the row is raised for it
    assert ledger_sheet.page_setup.fitToWidth == 1 and ledger_sheet.sheet_properties.pageSetUpPr.fitToPage
    assert ledger_sheet.print_title_rows == "$1:$2" and ledger_sheet.oddHeader.right.text == f"审计链头 {head}"

    sheet = book["检查明细"]  # every fact of every line, in the columns of the former 检查台帐
    assert sheet["A1"].value == "临江市消防救援支队  回放抽查检查明细（2026-11-01 至 2026-11-30）"
    assert sorted(str(cells) for cells in sheet.merged_cells.ranges) == ["A1:M1", "B7:M7"]
    headers = [cell.value for cell in sheet[2]]
    assert headers[:13] == [
        "序号",
        "抽查日期",
        "单位",
        "执法人员",
        "警号",
        "设备编号",
        "录制时间",
        "时长",
        "文件名",
        "检查人",
        "检查时间",
        "回放覆盖率",
        "最高倍速",
    ]
    assert headers[13:] == [
        "规范告知",
        "出示证件",
        "全程连续无中断",
        "画面声音清晰",
        "镜头无遮挡",
        "执法行为规范",
        "24小时内上传",
        "已关联警情/案件",
        "文件完整",
        "结论",
        "存在问题",
        "整改要求",
        "备注",
    ]
    first = [cell.value for cell in sheet[3]]
    assert first[0] == 1 and first[1] == datetime(2026, 11, 22) and first[2] == "城东区消防救援大队"
    assert first[6].date() == DAY and first[7] == timedelta(minutes=1)
    assert first[9] == "用户checker1" and first[10] == NOW + timedelta(minutes=1)
    assert first[11] == 1 and first[12] == 2
    assert first[13:] == ["是"] * 6 + ["是", "否", "是", "合格", None, None, None]
    assert [cell.value for cell in sheet[4]][13] == "否" and sheet["W4"].value == "不合格"
    assert sheet["X4"].value == "未告知录音录像" and sheet["Y4"].value == "加强规范用语培训"
    assert sheet["L5"].value == 0.5 and sheet["W5"].value == "基本合格"
    formats = {cell.column_letter: cell.number_format for cell in sheet[3]}
    assert formats["B"] == "yyyy-mm-dd" and formats["G"] == "yyyy-mm-dd hh:mm:ss" and formats["K"] == formats["G"]
    assert formats["H"] == "[h]:mm:ss" and formats["L"] == "0.0%"
    assert sheet["X4"].alignment.wrap_text and sheet["I3"].alignment.wrap_text
    [grid] = sheet.conditional_formatting  # the table's borders: one always-true rule over the data rows
    assert str(grid.sqref) == "A3:Z5" and grid.rules[0].formula == ["TRUE"]
    assert grid.rules[0].dxf.border.left.style == "thin" and grid.rules[0].dxf.border.bottom.style == "thin"
    assert sheet["A2"].border.left.style == "thin"
    assert sheet["A2"].font.b and sheet["A2"].fill.fgColor.rgb.endswith("D9D9D9")
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref == "A2:Z5"
    assert sheet.print_title_rows == "$1:$2"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert [column_break.id for column_break in sheet.col_breaks.brk] == [13]  # printed two pages wide
    assert sheet.print_title_cols == "$A:$A"  # 序号 on both
    assert sheet.oddFooter.right.text == "第 &P 页，共 &N 页"
    assert sheet.column_dimensions["I"].width == DETAIL_COLUMNS[8].width
    assert sheet.oddHeader.right.text == f"审计链头 {head}" and sheet.oddHeader.left.text is None
    assert sheet["B7"].value == ledger_sheet["A7"].value == f"审计链头 {head}"  # below the table, after a blank row

    stats = book["统计"]
    rows = [[cell.value for cell in row] for row in stats.iter_rows(min_row=3, max_row=9)]
    officers = {row[2]: (row[3], row[4]) for row in rows if row[2]}
    assert {badge: recorded for badge, (recorded, _) in officers.items()} == {"100001": 10, "100002": 3, "200001": 1}
    assert officers["200001"][1] == 1  # DD02's only officer was checked once
    subtotal = next(row for row in rows if row[1] == "小计")
    assert subtotal[:5] == ["城东区消防救援大队", "小计", None, 13, 2]
    total = next(row for row in rows if row[0] == "合计")
    assert total[3:9] == [14, 3, 1, 1, 1, pytest.approx(1 / 3)]
    assert stats["I3"].number_format == "0.0%" and stats.freeze_panes == "A3"

    plans = book["抽样记录"]
    header = [cell.value for cell in plans[2]]
    assert header[12].startswith("日种子") and header[13] == "种子承诺（审计序号）"
    assert header[14] == "随机种子" and header[16] == "候选清单摘要（SHA-256）"
    with ledger.sessions.read() as session:
        drawn = spotcheck_plans.list_plans(session, Identity.user("admin"), DAY, DAY)
        for row, plan in zip((3, 4), drawn, strict=True):  # re-derived by hand, as the README tells an inspector
            day_lines, commit_seq = plans.cell(row, 13).value, int(plans.cell(row, 14).value)
            assert hashlib.sha256(f"{day_lines}\n".encode()).hexdigest() == plans.cell(row, 15).value == plan.seed
            day, index, day_seed = day_lines.split(" ")
            commitment = session.execute(select(AuditEvent).where(AuditEvent.seq == commit_seq)).scalar_one()
            assert day == DAY.isoformat() and commitment.action == "sampling.seed_commit"
            committed = json.loads(commitment.details)["commitments"][int(index)]
            assert hashlib.sha256(bytes.fromhex(day_seed)).hexdigest() == committed
    assert [plans.cell(row, 17).value for row in (3, 4)] == [plan.candidates_digest for plan in drawn]
    assert plans["G3"].value == 0.1 and plans["V3"].value == "有效"
    assert header[17] == "随机抽中数" and header[19] == "预筛查加抽数" and plans["T3"].value == "未选用"
    notes = [str(row[1].value) for row in plans.iter_rows(min_row=5) if row[1].value]  # from B: A repeats per page
    assert [column_break.id for column_break in plans.col_breaks.brk] == [12, 19]
    assert plans["O3"].font.name == "Courier New" and plans["O3"].font.size == 7  # the seed in small monospace
    assert any("SHA-256(随机种子" in note for note in notes)
    assert f"审计链头 {head}（制表时）" in notes[-1] and plans.oddHeader.right.text == f"审计链头 {head}"
    assert stats.oddHeader.right.text == f"审计链头 {head}"

    with ledger.sessions.read() as session:
        event = session.execute(select(AuditEvent).where(AuditEvent.action == "ledger.export")).scalar_one()
    assert event.actor == "head" and '"rows":3' in event.details  # the one who exported
    assert json.loads(event.details)["chain_head"].startswith(f"{event.seq - 1}:")  # the head printed on it


@pytest.mark.parametrize("database_kind", ["sqlite"])  # the command line opens the embedded archive by folder
def test_the_command_line_export(ledger, tmp_path, capsys):
    out = tmp_path / "dd02.xlsx"
    folder = str(ledger.media_root.parent)
    export = ["--archive", folder, "ledger", "export", "--from", "2026-11-22"]
    assert cli.main([*export, "--to", "2026-11-22", "--unit", "DD02", "--out", str(out)]) == 0
    assert "1 条检查记录" in capsys.readouterr().err
    book = openpyxl.load_workbook(out, read_only=True)
    assert book["检查台帐"]["A1"].value.startswith("城西区消防救援大队")
    book.close()  # a read-only workbook keeps its file open until closed
    assert cli.main([*export, "--to", "2026-11-01", "--out", str(out)]) == 2


def test_an_export_needs_a_period(ledger, tmp_path):
    with pytest.raises(SpotCheckError, match="ledger_period_invalid"):
        export_ledger(ledger.sessions, Identity.user("admin"), LedgerFilter(), tmp_path / "x.xlsx")
