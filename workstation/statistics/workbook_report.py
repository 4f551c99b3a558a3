"""A report as an Excel workbook with the same figures as its HTML file: a 概要 sheet (what was asked, when, the
chain head, the headline figures with the previous period, the definitions) and one printable sheet per table
(workstation.xlsx_print house style), each with its bar chart as a native Excel chart below the table."""

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from workstation.atomic_file import replacing
from workstation.statistics.text_width import columns
from workstation.statistics.types import ReportDocument, Section
from workstation.xlsx_print import Column, PrintedTable

SUMMARY_SHEET = "概要"
_SUMMARY_COLUMNS = (Column("项目", 24, wrap=True), Column("内容", 90, wrap=True))
MAX_CHART_ROWS = 30


def write_workbook(document: ReportDocument, path: Path) -> int:
    """Write the workbook atomically; returns the number of table rows written."""
    workbook = Workbook(write_only=True)
    summary = PrintedTable(
        workbook, SUMMARY_SHEET, document.title, _SUMMARY_COLUMNS, document.title, document.chain_stamp
    )
    lines = (
        ("查询", document.query_words),
        ("制表时间", document.made_at),
        ("审计链头", document.chain_stamp),
        *document.summary,
        *((f"口径：{name}", words) for name, words in document.definitions),
    )
    for name, value in lines:
        summary.append((name, value))
    summary.close()
    rows = 0
    for number, section in enumerate(document.sections, start=1):
        rows += _section_sheet(workbook, document, section, number)
    with replacing(path) as partial:
        workbook.save(partial)
    return rows


def _section_sheet(workbook: Workbook, document: ReportDocument, section: Section, number: int) -> int:
    columns = tuple(
        _column(header, [row[index] for row in section.rows]) for index, header in enumerate(section.headers)
    )
    name = f"{number} {section.title}"[:31]
    table = PrintedTable(
        workbook, name, f"{document.title}：{section.title}", columns, document.title, document.chain_stamp
    )
    for row in section.rows:
        table.append(row)
    table.close((section.note,) if section.note else ())
    if section.chart is not None and section.chart_rows:
        chart = BarChart()
        chart.type, chart.title, chart.legend = "bar", section.chart.title, None
        shown = min(len(section.chart_rows), MAX_CHART_ROWS)
        first, last = 3, 2 + shown
        data = Reference(table.sheet, min_col=section.chart.value_column + 1, min_row=first, max_row=last)
        labels = Reference(table.sheet, min_col=section.chart.label_column + 1, min_row=first, max_row=last)
        chart.add_data(data, titles_from_data=False)
        chart.set_categories(labels)
        chart.height, chart.width = max(6, shown // 2 + 2), 18  # centimetres
        table.sheet.add_chart(chart, f"A{last + 3 + (1 if section.note else 0)}")
    return len(section.rows)


def _column(header: str, values: list[object]) -> Column:
    """A column as wide as its header or its longest value (Chinese counted double), within bounds."""
    texts = [header, *(str(value) for value in values if value is not None)]
    widest = float(max(columns(text) for text in texts))
    numeric = all(isinstance(value, int | float) or value is None for value in values)
    return Column(header, min(max(widest + 2, 8.0), 14.0 if numeric else 36.0), wrap=not numeric)
