"""`workstation report` as a user types it: each kind to HTML and Excel, with the query, the time and the chain
head, the same figures in both; a unit outside the user's charge refused (exit 2)."""

import re
from datetime import datetime

import openpyxl
import pytest

from tests.helpers.access_builders import add_users, build_access_org
from workstation import cli, clock
from workstation.archive import Archive
from workstation.statistics.types import ReportKind
from workstation.types import Role


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "archive"
    archive = Archive.open_embedded(folder, create=True)
    build_access_org(archive)
    add_users(archive, [("admin_zd01", Role.ADMIN, "ZD01"), ("admin_dd01", Role.ADMIN, "DD01")])
    archive.close()
    return folder


def _report(folder, *arguments: str) -> int:
    previous = clock.use(lambda: datetime(2026, 11, 25, 10, 0))  # stopped: the page shows the time to the second
    try:
        return cli.main(["--archive", str(folder), "report", *arguments])
    finally:
        clock.use(previous)


@pytest.mark.parametrize("kind", list(ReportKind))
def test_each_kind_to_html_and_excel(folder, tmp_path, capsys, kind):
    period = ("--from", "2026-11-21", "--to", "2026-11-21", "--unit", "ZD01", "--user", "admin_zd01")
    html, xlsx = tmp_path / f"{kind}.html", tmp_path / f"{kind}.xlsx"
    assert _report(folder, "--kind", kind, *period, "--out", str(html)) == 0
    assert _report(folder, "--kind", kind, *period, "--out", str(xlsx)) == 0
    assert "已写入" in capsys.readouterr().out
    page = html.read_text(encoding="utf-8")
    assert "<script" not in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "期间：2026-11-21 至 2026-11-21" in page and "制表时间：2026-11-25 10:00:00" in page
    assert re.search(r"审计链头 \d+:[0-9a-f]{8}", page)
    workbook = openpyxl.load_workbook(xlsx)
    assert workbook.sheetnames[0] == "概要" and len(workbook.sheetnames) >= 2
    summary = {row[0]: row[1] for row in workbook["概要"].iter_rows(min_row=3, values_only=True) if row[0]}
    assert summary["制表时间"] == "2026-11-25 10:00:00" and summary["审计链头"].startswith("审计链头 ")
    if kind is ReportKind.WORKLOAD:
        assert "<svg" in page
        units = workbook.worksheets[1]
        header = [cell.value for cell in units[2]]
        rows = {
            row[0]: dict(zip(header, row, strict=True))
            for row in units.iter_rows(min_row=3, values_only=True)
            if row[0]
        }
        assert rows["ZD01"]["文件数"] == 4 and rows["DD01"]["文件数"] == 1  # ZD01, DD01, DD02, DJ01: one clip each
        assert f">{rows['ZD01']['文件数']:,}<" in page


def test_refusals(folder, tmp_path, capsys):
    args = ("--kind", "workload", "--from", "2026-11-21", "--to", "2026-11-21")
    assert _report(folder, *args, "--unit", "ZD01", "--user", "admin_dd01", "--out", str(tmp_path / "r.html")) == 2
    assert "不在您的管辖范围内" in capsys.readouterr().err
    assert _report(folder, *args, "--out", str(tmp_path / "r.pdf")) == 2
    assert ".html 或 .xlsx" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()
