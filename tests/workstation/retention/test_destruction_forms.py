"""The 销毁审批表 and 销毁清单 workbook, read back: the request, its decisions, the report, every clip with its
outcome, the audit chain head as printed; printable (A4, fitted to the width, header rows repeated)."""

import openpyxl
import pytest
from sqlalchemy import select

from db.models import AuditEvent
from tests.helpers.destruction_builders import add_clip, build_destruction_org
from workstation import audit
from workstation.client.local import LocalClient
from workstation.identity import Identity
from workstation.retention import destruction
from workstation.retention.errors import RetentionError
from workstation.retention.forms import FORM_SHEET, LIST_SHEET
from workstation.retention.types import DestructionSpec


def test_the_forms_of_an_executed_request(archive, tmp_path):
    build_destruction_org(archive)
    clips = [add_clip(archive, "DD01"), add_clip(archive, "DD02", content=b"x" * 5000)]
    clerk = LocalClient(archive, Identity.user("clerk"))
    row = clerk.request_destruction(DestructionSpec("2024 年 1 月录像已满两年，经筛查无案件关联", tuple(clips)))
    with archive.sessions.write() as session:
        destruction.approve_destruction(session, Identity.user("head"), row.id, "同意销毁", now=None)
    LocalClient(archive, Identity.user("corps_admin")).execute_destruction(row.id, 100)
    target = tmp_path / "销毁审批表.xlsx"

    assert LocalClient(archive, Identity.user("corps_head")).export_destruction_forms(row.id, target) == 2
    with archive.sessions.read() as session:
        head = audit.chain_head(session)
        logged = session.execute(
            select(AuditEvent.details).where(AuditEvent.action == "destruction.forms")
        ).scalar_one()
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == [FORM_SHEET, LIST_SHEET]
    form = {row[0]: row[1] for row in workbook[FORM_SHEET].iter_rows(min_row=3, values_only=True) if row[0]}
    assert form["申请编号"] == str(row.id) and form["申请人"] == "clerk"
    assert form["筛查情况（销毁事由）"] == "2024 年 1 月录像已满两年，经筛查无案件关联"
    assert form["文件数量"] == "2 个" and "审批（单位负责人）" in form
    assert "同意" in form["审批（单位负责人）"] and "意见：同意销毁" in form["审批（单位负责人）"]
    assert form["报上一级备案"].startswith("某省消防总队（ZD）")
    assert form["执行情况"].startswith("已销毁 2 个")
    stamp = form["审计链头"]
    assert stamp.startswith("审计链头 ") and stamp in logged  # the head the rows were read at, as audited
    assert head.seq >= int(stamp.split()[1].split(":")[0])
    listing = workbook[LIST_SHEET]
    header = [cell.value for cell in listing[2]]
    assert header[:3] == ["序号", "文件名", "单位"] and header[-2:] == ["SHA-256", "结果"]
    lines = list(listing.iter_rows(min_row=3, max_row=4, values_only=True))
    assert [line[0] for line in lines] == [1, 2] and [line[-1] for line in lines] == ["已销毁", "已销毁"]
    assert lines[1][2] == "城西大队" and lines[1][3] == "民警DD02/9DD02" and lines[1][6] == 5000
    assert len(lines[0][9]) == 64 and listing.cell(3, 10).font.size == 7
    assert listing.row_dimensions[3].height and listing.row_dimensions[3].height >= 27  # the SHA-256 wraps
    for sheet in workbook.worksheets:
        assert sheet.page_setup.paperSize == 9 and sheet.page_setup.fitToWidth == 1
        assert sheet.print_title_rows == "$1:$2"
        assert stamp in sheet.oddHeader.right.text


def test_only_who_may_see_the_request_prints_it(archive, tmp_path):
    build_destruction_org(archive)
    row = LocalClient(archive, Identity.user("clerk")).request_destruction(
        DestructionSpec("到期", (add_clip(archive, "DD01"),))
    )
    target = tmp_path / "forms.xlsx"
    with pytest.raises(RetentionError, match="destruction_not_found"):
        LocalClient(archive, Identity.user("head2")).export_destruction_forms(row.id, target)
    assert not target.exists()
    assert LocalClient(archive, Identity.user("head")).export_destruction_forms(row.id, target) == 1
    form = openpyxl.load_workbook(target)[FORM_SHEET]
    assert any(cells[1] == "待审批" for cells in form.iter_rows(min_row=3, values_only=True))
