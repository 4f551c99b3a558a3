"""A report as one self-contained HTML file: no script, no link, no font to fetch — it opens offline on a
police-network PC in any browser and prints on A4 (landscape) with the table headers repeated on each page.

Charts are inline SVG horizontal bars drawn here (no chart library: nothing to load, and they print sharp).
"""

from html import escape

from workstation.statistics.types import Chart, ReportDocument, Section

BAR_HEIGHT = 18
LABEL_WIDTH = 220
PLOT_WIDTH = 460
MAX_BARS = 30
"""Bars per chart: the largest values; the table below the chart has every row."""

_STYLE = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Microsoft YaHei", "SimSun", "Noto Sans CJK SC", sans-serif; font-size: 10.5pt; color: #000; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
h2 { font-size: 12.5pt; margin: 14pt 0 4pt; }
.meta { font-size: 9.5pt; color: #333; margin: 2pt 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
th, td { border: 0.5pt solid #666; padding: 2pt 4pt; font-size: 9.5pt; vertical-align: top; }
th { background: #e4e4e4; }
td.number { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
.summary td { font-size: 10.5pt; }
.note { font-size: 9pt; color: #333; }
svg { display: block; margin: 4pt 0; }
"""


def render_html(document: ReportDocument) -> str:
    """The whole HTML file."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(document.title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(document.title)}</h1>",
        f'<p class="meta">{escape(document.query_words)}</p>',
        f'<p class="meta">制表时间：{escape(document.made_at)}　{escape(document.chain_stamp)}</p>',
        _summary(document.summary),
    ]
    for section in document.sections:
        parts.append(_section(section))
    parts.append("<h2>指标说明</h2>")
    parts.append(_table(("指标", "口径"), document.definitions))
    parts.append("</body></html>")
    return "\n".join(parts)


def _summary(summary: tuple[tuple[str, str], ...]) -> str:
    if not summary:
        return ""
    cells = "".join(f"<th>{escape(name)}</th><td>{escape(value)}</td>" for name, value in summary)
    return f'<table class="summary"><tr>{cells}</tr></table>'


def _section(section: Section) -> str:
    parts = [f"<h2>{escape(section.title)}</h2>"]
    if section.chart is not None and section.rows:
        parts.append(bar_chart(section.chart, section.rows))
    if section.rows:
        parts.append(_table(section.headers, section.rows))
    else:
        parts.append('<p class="note">统计期内没有数据。</p>')
    if section.note:
        parts.append(f'<p class="note">{escape(section.note)}</p>')
    return "\n".join(parts)


def _table(headers: tuple[str, ...], rows: tuple[tuple[object, ...], ...]) -> str:
    head = "".join(f"<th>{escape(header)}</th>" for header in headers)
    body = []
    for row in rows:
        cells = "".join(_cell(value) for value in row)
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _cell(value: object) -> str:
    if value is None:
        return '<td class="number">—</td>'
    if isinstance(value, int | float):
        return f'<td class="number">{value:,}</td>'
    return f"<td>{escape(str(value))}</td>"


def bar_chart(chart: Chart, rows: tuple[tuple[object, ...], ...]) -> str:
    """Horizontal bars of the chart's column, largest first (MAX_BARS of them), as inline SVG."""
    values = [
        (str(row[chart.label_column]), float(value))
        for row in rows
        if isinstance(value := row[chart.value_column], int | float)
    ]
    values = sorted(values, key=lambda item: -item[1])[:MAX_BARS]
    top = max((value for _label, value in values), default=0.0) or 1.0
    height = BAR_HEIGHT * len(values) + 28
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{LABEL_WIDTH + PLOT_WIDTH + 80}" height="{height}"'
        f' role="img" aria-label="{escape(chart.title)}">',
        f'<text x="0" y="14" font-size="12" font-weight="bold">{escape(chart.title)}</text>',
    ]
    for index, (label, value) in enumerate(values):
        y = 24 + index * BAR_HEIGHT
        width = max(value / top * PLOT_WIDTH, 0.5)
        text_y, bar_height = y + 12, BAR_HEIGHT - 5
        label_x, shown = LABEL_WIDTH - 6, escape(label[:20])
        parts.append(f'<text x="{label_x}" y="{text_y}" font-size="11" text-anchor="end">{shown}</text>')
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y + 2}" width="{width:.1f}" height="{bar_height}" fill="#2f5d9b"/>')
        parts.append(f'<text x="{LABEL_WIDTH + width + 4:.1f}" y="{text_y}" font-size="11">{value:,.4g}</text>')
    parts.append("</svg>")
    return "".join(parts)
