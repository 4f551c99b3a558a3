"""The description sheet as a PDF (提取固定清单.pdf): A4 landscape, the Chinese text in an embedded TrueType
font (fonts.cjk_font), the hashes in Courier, nothing under 9 pt.

Layout: the header block with the QR code of the manifests' digests; the file list, two table rows per
original (its facts, then its SHA-256 and SM3 each whole on one line, so they can be compared character by
character and never run into a neighbour), kept together on one page, the header rows repeated on every
page; the derived files; the marks and notes; the audit history; the notes and the signature lines. Every
page carries the export number and the audit chain head at the top, and at the bottom its number out of
the total and lines for the extractor's and the receiver's initials (each page of a 清单 is signed).
"""

from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from workstation.evidence.fonts import MONOSPACE, cjk_font
from workstation.evidence.qr import qr_modules
from workstation.evidence.sheet_facts import (
    DERIVED_HEADERS,
    FILE_HEADERS,
    HISTORY_HEADERS,
    MARK_HEADERS,
    NOTES,
    SIGNATURES,
    SheetFacts,
)
from workstation.evidence.types import ExportPlan

PAGE = landscape(A4)
MARGIN = 12 * mm
WIDTH = PAGE[0] - 2 * MARGIN
TEXT_SIZE = 9  # points: the smallest print on the sheet
LEADING = 11.5
QR_SIDE = 52 * mm
QUIET_ZONE = 4  # modules of white around the code, as the standard asks

FILE_WIDTHS = (9, 52, 26, 36, 22, 23, 23, 23, 24, 34)  # mm, FILE_HEADERS
DERIVED_WIDTHS = (9, 55, 46, 64, 32, 67)
MARK_WIDTHS = (15, 60, 52, 30, 86, 30)
HISTORY_WIDTHS = (15, 60, 36, 30, 40, 92)
_GRID = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
]
_HEAD = colors.Color(0.85, 0.85, 0.85)


def write_pdf(facts: SheetFacts, plan: ExportPlan, path: Path) -> None:
    """Write the PDF to `path` (the caller makes it appear whole: workstation.atomic_file)."""
    font = cjk_font()
    styles = _Styles(font)
    document = SimpleDocTemplate(
        str(path),
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 6 * mm,
        bottomMargin=MARGIN + 8 * mm,
        title=f"{facts.title} {facts.export_no}",
        author=plan.extractor,
        subject=plan.receiving,
        creator="执法记录仪视音频回放审查工作站",
        invariant=True,  # the same plan gives the same bytes: a resumed export rewrites it identically
    )
    story: list[Flowable] = [
        Paragraph(escape(facts.title), styles.title),
        _heading_table(facts, styles),
        Paragraph("一、原始文件清单", styles.section),
        _file_table(facts, styles),
        Paragraph("二、派生文件（由原始文件制作，不是原始证据）", styles.section),
        _table(DERIVED_HEADERS, DERIVED_WIDTHS, [(*row[:-1], _halves(row[-1])) for row in facts.derived], styles, 5),
        Paragraph("三、标注与说明", styles.section),
        _table(MARK_HEADERS, MARK_WIDTHS, facts.marks, styles),
        Paragraph("四、审计记录（各文件在档案中的操作历史）", styles.section),
        _table(HISTORY_HEADERS, HISTORY_WIDTHS, facts.history, styles),
        Spacer(1, 4 * mm),
        *(Paragraph(escape(note), styles.note) for note in NOTES),
        Spacer(1, 4 * mm),
        KeepTogether(_signatures(styles)),
    ]
    document.build(story, canvasmaker=_page_canvas(font, facts))


class _Styles:
    def __init__(self, font: str) -> None:
        self.font = font
        self.title = ParagraphStyle("title", fontName=font, fontSize=16, leading=22, alignment=1, spaceAfter=4 * mm)
        self.section = ParagraphStyle(
            "section", fontName=font, fontSize=11, leading=15, spaceBefore=5 * mm, spaceAfter=2 * mm, keepWithNext=1
        )
        self.cell = ParagraphStyle("cell", fontName=font, fontSize=TEXT_SIZE, leading=LEADING, wordWrap="CJK")
        self.head = ParagraphStyle("head", parent=self.cell, alignment=1)
        self.mono = ParagraphStyle("mono", fontName=MONOSPACE, fontSize=TEXT_SIZE, leading=LEADING)
        self.note = ParagraphStyle("note", parent=self.cell, fontSize=10, leading=14, spaceAfter=1.5 * mm)

    def text(self, value: str, mono: bool = False) -> Paragraph:
        return Paragraph(escape(value).replace("\n", "<br/>"), self.mono if mono else self.cell)


def _heading_table(facts: SheetFacts, styles: _Styles) -> Table:
    """Label / value rows; the QR code beside the first rows, the digests (the last rows) across both columns."""
    digests = {label for label, _ in facts.heading[-3:]}
    rows: list[list[Any]] = []
    for label, value in facts.heading:
        mono = label in digests and value.isalnum()
        rows.append([styles.text(label), styles.text(value, mono=mono), ""])
    caption = Paragraph("扫描可读出导出编号及两份清单文件的摘要", styles.head)
    rows[0][2] = [QrCode(qr_modules(facts.qr), QR_SIDE), caption]
    qr_rows = len(rows) - len(digests)
    commands: list[Any] = [
        *_GRID,
        ("BACKGROUND", (0, 0), (0, -1), _HEAD),
        ("SPAN", (2, 0), (2, qr_rows - 1)),
        ("VALIGN", (2, 0), (2, 0), "MIDDLE"),
        ("ALIGN", (2, 0), (2, 0), "CENTER"),
        *(("SPAN", (1, row), (2, row)) for row in range(qr_rows, len(rows))),
    ]
    return Table(rows, colWidths=(58 * mm, WIDTH - 58 * mm - 62 * mm, 62 * mm), style=TableStyle(commands))


def _file_table(facts: SheetFacts, styles: _Styles) -> Table:
    """Two rows per original: its facts, then its hashes across the columns after 序号."""
    last = len(FILE_HEADERS) - 1
    rows: list[list[Any]] = [
        [Paragraph(escape(header), styles.head) for header in FILE_HEADERS],
        ["", Paragraph("完整性校验值（SHA-256 / SM3）", styles.head), *[""] * (last - 1)],
    ]
    commands: list[Any] = [
        *_GRID,
        ("BACKGROUND", (0, 0), (-1, 1), _HEAD),
        ("SPAN", (1, 1), (last, 1)),
        ("SPAN", (0, 0), (0, 1)),
    ]
    for line in facts.files:
        top = len(rows)
        rows.append([styles.text(cell) for cell in line.cells])
        hashes = f"SHA-256 {line.sha256}\nSM3     {line.sm3}".replace(" ", "\u00a0")
        rows.append(["", styles.text(hashes, mono=True), *[""] * (last - 1)])
        commands += [
            ("SPAN", (0, top), (0, top + 1)),
            ("SPAN", (1, top + 1), (last, top + 1)),
            ("NOSPLIT", (0, top), (last, top + 1)),
        ]
    return Table(rows, colWidths=[width * mm for width in FILE_WIDTHS], repeatRows=2, style=TableStyle(commands))


def _table(
    headers: Sequence[str], widths: Sequence[float], rows: Sequence[Sequence[str]], styles: _Styles, mono: int = -1
) -> Table:
    """A plain table with its header row repeated; column `mono` in Courier; "（无）" when there are no rows."""
    body = [[styles.text(cell, mono=index == mono) for index, cell in enumerate(row)] for row in rows]
    if not body:
        body = [[styles.text("（无）"), *[styles.text("")] * (len(headers) - 1)]]
    data = [[Paragraph(escape(header), styles.head) for header in headers], *body]
    commands: list[Any] = [*_GRID, ("BACKGROUND", (0, 0), (-1, 0), _HEAD)]
    if not rows:
        commands.append(("SPAN", (0, 1), (-1, 1)))
    return Table(data, colWidths=[width * mm for width in widths], repeatRows=1, style=TableStyle(commands))


def _halves(digest: str) -> str:
    middle = len(digest) // 2
    return f"{digest[:middle]}\n{digest[middle:]}"


def _signatures(styles: _Styles) -> list[Flowable]:
    cells = [[styles.text(label + "＿" * 8) for label in SIGNATURES]]
    table = Table(cells, colWidths=[WIDTH / len(SIGNATURES)] * len(SIGNATURES), rowHeights=[18 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return [table]


class QrCode(Flowable):
    """A QR code drawn as vector squares (sharp at any print resolution), `side` points wide with its quiet zone."""

    def __init__(self, modules: list[list[bool]], side: float) -> None:
        super().__init__()
        self.modules = modules
        self.side = side

    def wrap(self, *_available: float) -> tuple[float, float]:
        """The code's size, whatever room there is (it is placed in a cell made for it)."""
        return self.side, self.side

    def draw(self) -> None:
        count = len(self.modules) + 2 * QUIET_ZONE
        module = self.side / count
        canvas = self.canv
        canvas.setFillColor(colors.black)
        for y, row in enumerate(self.modules):
            top = self.side - (QUIET_ZONE + y + 1) * module
            x = 0
            while x < len(row):
                if not row[x]:
                    x += 1
                    continue
                start = x
                while x < len(row) and row[x]:
                    x += 1
                canvas.rect((QUIET_ZONE + start) * module, top, (x - start) * module, module, stroke=0, fill=1)


def _page_canvas(font: str, facts: SheetFacts) -> type[Canvas]:
    """A canvas that holds the pages back until the end, to print "第 n 页，共 N 页" and the running header."""

    class PageCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own fresh-page step

        def save(self) -> None:
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._frame(number, len(self._pages))
                super().showPage()
            super().save()

        def _frame(self, number: int, total: int) -> None:
            width, height = PAGE
            self.setFont(font, TEXT_SIZE)
            self.drawString(MARGIN, height - MARGIN, f"{facts.title}  导出编号 {facts.export_no}")
            self.drawRightString(width - MARGIN, height - MARGIN, facts.chain_stamp)
            self.drawString(MARGIN, MARGIN, f"导出编号 {facts.export_no}")
            self.drawCentredString(width / 2, MARGIN, f"第 {number} 页，共 {total} 页")
            self.drawRightString(width - MARGIN, MARGIN, "提取人（签名）：＿＿＿＿＿＿   接收人（签名）：＿＿＿＿＿＿")

    return PageCanvas
