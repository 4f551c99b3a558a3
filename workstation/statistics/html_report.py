"""A report as one self-contained HTML file: no script, no link, no font to fetch — it opens offline on a
police-network PC in any browser and prints on A4 landscape.

Printed (tests/workstation/statistics/test_report_print.py prints each kind with Chromium): body text at 9 pt or
more; each page carries the report's title and query at its top and the time, chain head and 第 N 页 / 共 M 页 at
its bottom (CSS page-margin boxes: Chromium 131+, Edge; older browsers print their own header and footer with
the title and page numbers instead); table headers repeat on each page; a chart is never split across pages.

Charts are inline SVG horizontal bars drawn here (no chart library: nothing to load, and they print sharp),
scaled to the page's width.
"""

from collections.abc import Iterator
from html import escape
from itertools import count

from workstation.statistics.text_width import clipped, columns
from workstation.statistics.types import Chart, ReportDocument, Section

MAX_BARS = 20
"""Bars per chart: the largest values (a chart of 20 bars fits on a page with its heading); the table below the
chart has every row."""
CHART_WIDTH = 1000  # user units of the SVG, scaled to the page's printable width (A4 landscape: 273 mm)
CHART_FONT = 13  # user units: 10 pt on the printed page
BAR_HEIGHT = 18
LABEL_WIDTH = 300
VALUE_ROOM = 90  # right of the longest bar, for its value
PLOT_WIDTH = CHART_WIDTH - LABEL_WIDTH - 10 - VALUE_ROOM
LABEL_COLUMNS = int((LABEL_WIDTH - 8) / (CHART_FONT * 0.6))  # a narrow character prints ≤ 0.6 em wide
SHORT_CELL = 24
"""A text cell up to this many columns (text_width; a Chinese character takes two) is never wrapped: a unit's
name, a person with 警号, a 设备编号 stay on one line; longer texts (problems found) wrap."""
FONTS = '"Microsoft YaHei", "SimSun", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif'
"""Windows' Chinese fonts first (police PCs), then the Linux ones."""

_STYLE = """
@page {
  size: A4 landscape; margin: 15mm 12mm 14mm;
  @top-left { content: %(top)s; font: 8pt %(fonts)s; color: #333; }
  @bottom-left { content: %(bottom)s; font: 8pt %(fonts)s; color: #333; }
  @bottom-right { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font: 8pt %(fonts)s; color: #333; }
}
@media screen { body { max-width: 273mm; margin: 16px auto; padding: 0 12px; } }
body { font-family: %(fonts)s; font-size: 10.5pt; color: #000; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
h2 { font-size: 12.5pt; margin: 14pt 0 4pt; break-after: avoid; }
.meta { font-size: 9.5pt; color: #333; margin: 2pt 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%%; margin: 4pt 0; }
table.narrow { width: auto; min-width: 40%%; }
th, td { border: 0.5pt solid #666; padding: 2pt 4pt; font-size: 9.5pt; vertical-align: top; overflow-wrap: anywhere; }
th { background: #e4e4e4; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
td.number { text-align: right; white-space: nowrap; }
td.short { white-space: nowrap; }
tr.total td { font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
table.summary { width: auto; }
.summary th, .summary td { font-size: 10.5pt; min-width: 7em; }
.note { font-size: 9pt; color: #333; }
figure.chart { margin: 4pt 0 8pt; break-inside: avoid; }
figure.chart figcaption { font-size: 10.5pt; font-weight: bold; margin-bottom: 2pt; }
figure.chart svg { display: block; width: 100%%; height: auto; }
figure.chart p { font-size: 9pt; color: #333; margin: 2pt 0 0; }
"""


def render_html(document: ReportDocument) -> str:
    """The whole HTML file."""
    style = _STYLE % {
        "fonts": FONTS,
        "top": _css_string(f"{document.title}　{document.query_words}"),
        "bottom": _css_string(f"制表时间：{document.made_at}　{document.chain_stamp}"),
    }
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(document.title)}</title><style>{style}</style></head><body>",
        f"<h1>{escape(document.title)}</h1>",
        f'<p class="meta">{escape(document.query_words)}</p>',
        f'<p class="meta">制表时间：{escape(document.made_at)}　{escape(document.chain_stamp)}</p>',
        _summary(document.summary),
    ]
    figures = count(1)
    for section in document.sections:
        parts.append(_section(section, figures))
    parts.append("<h2>指标说明</h2>")
    parts.append(_table(("指标", "口径"), document.definitions))
    parts.append("</body></html>")
    return "\n".join(parts)


def _css_string(text: str) -> str:
    """`text` as a quoted CSS string, safe inside <style> (a unit code is the user's input)."""
    escaped = "".join(
        f"\\{ord(char):x} " if char in '\\"<>' or ord(char) < 0x20 or ord(char) == 0x7F else char for char in text
    )
    return f'"{escaped}"'


def _summary(summary: tuple[tuple[str, str], ...]) -> str:
    if not summary:
        return ""
    names = "".join(f"<th>{escape(name)}</th>" for name, _value in summary)
    values = "".join(f"<td>{escape(value)}</td>" for _name, value in summary)
    return f'<table class="summary"><thead><tr>{names}</tr></thead><tbody><tr>{values}</tr></tbody></table>'


def _section(section: Section, figures: Iterator[int]) -> str:
    parts = [f"<h2>{escape(section.title)}</h2>"]
    if section.chart is not None and section.chart_rows:
        parts.append(bar_chart(section.chart, section.chart_rows, figures))
    if section.rows:
        parts.append(_table(section.headers, section.rows, section.totals))
    else:
        parts.append('<p class="note">统计期内没有数据。</p>')
    if section.note:
        parts.append(f'<p class="note">{escape(section.note)}</p>')
    return "\n".join(parts)


def _table(headers: tuple[str, ...], rows: tuple[tuple[object, ...], ...], totals: int = 0) -> str:
    head = "".join(f"<th>{escape(header)}</th>" for header in headers)
    body = []
    for number, row in enumerate(rows, start=1):
        cells = "".join(_cell(value) for value in row)
        body.append(f'<tr class="total">{cells}</tr>' if number > len(rows) - totals else f"<tr>{cells}</tr>")
    kind = ' class="narrow"' if len(headers) <= 2 else ""
    return f"<table{kind}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _cell(value: object) -> str:
    if value is None:
        return '<td class="number">—</td>'
    if isinstance(value, int | float):
        return f'<td class="number">{value:,}</td>'
    text = str(value)
    if columns(text) <= SHORT_CELL:
        return f'<td class="short">{escape(text)}</td>'
    return f"<td>{escape(text)}</td>"


def bar_chart(chart: Chart, rows: tuple[tuple[object, ...], ...], figures: Iterator[int]) -> str:
    """Horizontal bars of the chart's column, the largest values above zero first (MAX_BARS of them), as a
    figure: its caption (图N and the title, N the next of `figures`), the inline SVG (as wide as the page) and a
    line saying what it shows. A row without a label is labelled by its first cell (an officer without a name:
    the 警号). No value above zero: a line saying so instead."""
    values = [
        (str(row[chart.label_column] or row[0]), value)
        for row in rows
        if isinstance(value := row[chart.value_column], int | float)
    ]
    shown = sorted((item for item in values if item[1] > 0), key=lambda item: -item[1])[:MAX_BARS]
    title = escape(chart.title)
    if not shown:
        return f'<p class="note">{title}：各项均为 0，未绘图。</p>'
    top = shown[0][1]
    height = BAR_HEIGHT * len(shown) + 6
    parts = [
        f'<figure class="chart"><figcaption>图{next(figures)}　{title}</figcaption>',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_WIDTH} {height}" width="100%"'
        f' font-size="{CHART_FONT}" role="img" aria-label="{title}">',
    ]
    for index, (label, value) in enumerate(shown):
        y = 3 + index * BAR_HEIGHT
        width = max(value / top * PLOT_WIDTH, 0.5)
        text_y, bar_height = y + BAR_HEIGHT / 2 + CHART_FONT * 0.35, BAR_HEIGHT - 6
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{text_y:.1f}" text-anchor="end">'
            f"{escape(clipped(label, LABEL_COLUMNS))}</text>"
        )
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{width:.1f}" height="{bar_height}" fill="#2f5d9b"/>')
        parts.append(f'<text x="{LABEL_WIDTH + width + 5:.1f}" y="{text_y:.1f}">{value:,}</text>')
    parts.append("</svg>")
    above = sum(1 for _label, value in values if value > 0)
    words = [f"前 {len(shown)} 项（共 {above} 项）" if len(shown) < above else f"全部 {above} 项"]
    if above < len(values):
        words.append(f"另有 {len(values) - above} 项为 0，未画出")
    parts.append(f"<p>按数值从大到小排列，{'；'.join(words)}；数据见下表。</p></figure>")
    return "".join(parts)
