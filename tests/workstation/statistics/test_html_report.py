"""The HTML report's rules that printing relies on, on a document made up here (test_report_print.py prints
real ones): the query in the page header cannot end the style sheet; a chart draws the values above zero, not
the totals, labels a nameless row by its first cell and shortens a long label; a table's totals print bold."""

import re

from workstation.statistics.html_report import LABEL_COLUMNS, MAX_BARS, render_html
from workstation.statistics.text_width import columns
from workstation.statistics.types import Chart, ReportDocument, ReportKind, Section

LONG_NAME = "临江市消防救援支队高新技术产业开发区消防救援大队滨江路特勤站"


def _document(rows, totals=0, query="单位：ZD01；期间：2026-11-01 至 2026-11-30") -> ReportDocument:
    section = Section("按单位", ("单位代码", "单位", "文件数"), tuple(rows), Chart("各单位文件数", 1, 2), totals=totals)
    return ReportDocument(
        ReportKind.WORKLOAD, "工作量统计", query, "2026-12-01 09:00:00", "审计链头 1:ab", (), (section,), ()
    )


def _labels(page: str) -> list[str]:
    return re.findall(r'<text x="\d+" y="[\d.]+" text-anchor="end">([^<]*)</text>', page)


def test_the_query_cannot_end_the_style_sheet():
    page = render_html(_document([], query='单位："</style><script>alert(1)</script>\\'))
    assert page.count("</style>") == 1 and "<script" not in page
    assert r"单位：\22 \3c /style\3e \3c script\3e alert(1)\3c /script\3e \5c " in page


def test_a_chart_draws_the_values_above_zero_and_not_the_totals():
    rows = [("DD01", "城东区消防救援大队", 4), ("DD02", "城西区消防救援大队", 0), ("ZD01", "", 7), ("", "合计", 11)]
    page = render_html(_document(rows, totals=1))
    assert _labels(page) == ["ZD01", "城东区消防救援大队"]  # largest first; the nameless row by its code
    assert "全部 2 项；另有 1 项为 0，未画出" in page
    assert '<tr class="total"><td class="short">' in page and page.count('class="total"') == 1


def test_a_chart_shows_the_largest_values_with_labels_that_fit():
    rows = [(f"DD{number:02d}", f"{LONG_NAME}{number}", number) for number in range(1, 31)]
    page = render_html(_document(rows))
    labels = _labels(page)
    assert len(labels) == MAX_BARS and labels[0].startswith(LONG_NAME[:10]) and labels[0].endswith("…")
    assert all(columns(label) <= LABEL_COLUMNS for label in labels)
    assert f"前 {MAX_BARS} 项（共 30 项）" in page


def test_no_chart_when_every_value_is_zero():
    page = render_html(_document([("DD01", "城东区消防救援大队", 0)]))
    assert "<svg" not in page and "各单位文件数：各项均为 0，未绘图。" in page
