"""The pre-screen report (SQLite and PostgreSQL) over findings the pre-screen's services wrote and a reviewer
decided: counts by kind, recorder model and unit (a unit with the units below it), the precision of each
detector, the clips with confirmed findings, the previous period; the user's charge; and the written report."""

from datetime import timedelta

import openpyxl
import pytest

from tests.helpers.builders import add_user
from tests.helpers.prescreen_builders import DAY
from tests.helpers.reviewed_findings import reviewed_findings
from workstation.errors import PermissionDenied
from workstation.identity import Identity
from workstation.prescreen.types import FINDING_KINDS, FindingFigure
from workstation.statistics.findings import prescreen_findings
from workstation.statistics.reports import export_report
from workstation.statistics.types import ReportFormat, ReportKind, StatsQuery
from workstation.types import Role

ADMIN = Identity.user("admin")


@pytest.fixture
def reviewed(archive, tmp_path):
    found = reviewed_findings(archive, tmp_path)
    add_user(archive, "rev_dd02", Role.REVIEWER, "DD02")
    return archive, found


def test_counts_precision_and_confirmed_clips(reviewed):
    archive, found = reviewed
    with archive.sessions.read() as session:
        report = prescreen_findings(session, ADMIN, StatsQuery(DAY, DAY, "ZD01"))

    kinds = {figure.kind: figure for figure in report.kinds}
    assert tuple(kinds) == FINDING_KINDS  # every kind, found or not
    assert kinds["gap"] == FindingFigure("gap", "", 1, 1, 0) and kinds["gap"].precision == 1.0
    assert kinds["overlap"] == FindingFigure("overlap", "", 0, 0, 1) and kinds["overlap"].precision == 0.0
    assert kinds["late_upload"] == FindingFigure("late_upload", "", 1, 1, 0)  # 010204's is pending
    assert kinds["undecodable"] == FindingFigure("undecodable", "", 0, 1, 0)
    assert kinds["covered"] == FindingFigure("covered", "", 0, 0, 0) and kinds["covered"].precision is None
    assert kinds["no_case_link"] == FindingFigure("no_case_link", "", 2, 0, 0)  # both officers' days

    assert FindingFigure("undecodable", "DSJ-V9", 0, 1, 0) in report.models
    assert FindingFigure("late_upload", "DSJ-V9", 1, 1, 0) in report.models
    assert all(figure.model for figure in report.models)  # day findings have no recorder

    units = {row.unit_code: row for row in report.units}
    assert list(units) == ["ZD01", "DD01", "DD02"]
    dd01, dd02, zd01 = units["DD01"], units["DD02"], units["ZD01"]
    assert (dd01.confirmed_clips, dd02.confirmed_clips, zd01.confirmed_clips) == (2, 0, 2)
    assert (dd02.clips, dd02.figures.pending, dd02.figures.confirmed) == (1, 2, 0)  # late_upload, no_case_link
    assert zd01.figures == FindingFigure(
        "",
        "",
        dd01.figures.pending + dd02.figures.pending,
        dd01.figures.confirmed,
        dd01.figures.dismissed,
    )
    assert report.total == zd01.figures and report.total.confirmed == 3 and report.total.dismissed == 1
    assert report.previous_total == FindingFigure("", "", 2, 0, 0)  # 010204's day before: late, no case link

    assert [clip.clip_id for clip in report.confirmed_clips] == [found.late, found.corrupt]  # by time
    late = report.confirmed_clips[0]
    assert (late.unit_code, late.badge_no, late.officer_name, late.kinds, late.decided_by) == (
        "DD01",
        "010203",
        "张伟",
        ("late_upload",),
        ("alice",),
    )
    assert report.more == 0


def test_within_the_charge(reviewed):
    archive, _found = reviewed
    brigade = Identity.user("rev_dd02")
    with archive.sessions.read() as session:
        own = prescreen_findings(session, brigade, StatsQuery(DAY, DAY))
        with pytest.raises(PermissionDenied, match="statistics_unit_denied"):
            prescreen_findings(session, brigade, StatsQuery(DAY, DAY, "DD01"))
    assert [row.unit_code for row in own.units] == ["DD02"]
    assert own.total == FindingFigure("", "", 2, 0, 0) and own.confirmed_clips == ()


def test_the_written_report(reviewed, tmp_path):
    archive, found = reviewed
    query = StatsQuery(DAY - timedelta(days=1), DAY, "ZD01")
    html, xlsx = tmp_path / "prescreen.html", tmp_path / "prescreen.xlsx"
    rows = export_report(archive.sessions, ADMIN, ReportKind.PRESCREEN, query, ReportFormat.HTML, html)
    assert export_report(archive.sessions, ADMIN, ReportKind.PRESCREEN, query, ReportFormat.XLSX, xlsx) == rows

    page = html.read_text(encoding="utf-8")
    assert "视音频资料智能预筛查情况统计" in page and "审计链头" in page and "<svg" in page
    assert "准确率" in page and "已确认 ÷（已确认 + 已排除）" in page  # the definition, in Chinese
    workbook = openpyxl.load_workbook(xlsx)
    sheets = {sheet.title.split(" ", 1)[-1]: sheet for sheet in workbook.worksheets}
    by_kind = {row["类型代码"] or row["发现类型"]: row for row in _rows(sheets["按发现类型"])}
    assert by_kind["gap"]["已确认"] == 1 and by_kind["gap"]["准确率（%）"] == 100.0
    assert by_kind["overlap"]["准确率（%）"] == 0.0 and by_kind["covered"]["准确率（%）"] is None
    assert by_kind["late_upload"]["发现数"] == 3  # the day before's too
    clips = _rows(sheets["有确认发现的文件"])
    assert [row["已确认的发现"] for row in clips] == ["超24小时上传", "无法解码"]
    assert rows == len(FINDING_KINDS) + 1 + 3 + len(_rows(sheets["按执法记录仪型号"])) + 2
    summary = {row[0]: row[1] for row in sheets["概要"].iter_rows(min_row=3, values_only=True) if row[0]}
    assert summary["准确率"].startswith("75.0%")  # 3 of 4 decided were confirmed
    assert found.findings["overlap", None].status == "dismissed"


def _rows(sheet) -> list[dict[str, object]]:
    """A sheet's table rows by header (row 1 is the title, row 2 the header; a note under the table fills only
    its first cell)."""
    header = [cell.value for cell in sheet[2]]
    return [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=3, values_only=True) if row[1]]
