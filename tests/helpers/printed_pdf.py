"""Print a workbook (LibreOffice, headless) or an HTML report (Chromium, headless) to PDF as a user does, and
read back what is on the paper: each page's size and the words on it, with their boxes, font sizes and fonts
(pdfminer).

The checks a printed form must pass (`print_problems`): A4 pages, text no smaller than intended, no word
printed over another, none beyond the page's side margins (cut off). A word here is a run of characters on
one printed line without a space or a gap between them (a wrapped cell's line of Chinese is one word; the cells
of a table row are words of their own).
"""

import itertools
import logging
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTAnno, LTChar, LTPage, LTTextBox, LTTextLine

SOFFICE_TIMEOUT = 180  # seconds: LibreOffice's first start in a fresh profile takes a few
CHROMIUM_TIMEOUT = 60  # seconds: a report prints in about 2
A4_POINTS = (841.89, 595.28)  # long and short side
OVERLAP_TOLERANCE = 0.5  # points: neighbouring glyph boxes may touch
RADICALS = str.maketrans(
    "⺠⺟⺰⻄⻅⻆⻈⻉⻋⻐⻑⻓⻔⻘⻙⻚⻛⻜⻝⻠⻢⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
    "民母纟西见角讠贝车钅長长门青韦页风飞食饣马鱼鸟卤麦黄黾齐齿龙龟",
)
"""The CJK Radicals Supplement's forms that are also whole characters, as those characters."""


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float  # the smallest font size of its characters, in points as printed
    font: str

    def overlaps(self, other: "Word") -> bool:
        wide = min(self.x1, other.x1) - max(self.x0, other.x0)
        high = min(self.y1, other.y1) - max(self.y0, other.y0)
        return wide > OVERLAP_TOLERANCE and high > OVERLAP_TOLERANCE


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    boxes: tuple[str, ...]  # the text of each text box, its lines joined without separators

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    def text_in(self, low: float, high: float) -> str:
        """The words lying between heights `low` and `high` (points from the page's bottom edge), top to bottom
        and left to right, joined without separators: e.g. a running header or footer."""
        inside = [word for word in self.words if word.y0 >= low and word.y1 <= high]
        return "".join(word.text for word in sorted(inside, key=lambda word: (-round(word.y1), word.x0)))


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice is missing: run tools/setup.sh"
    return found


def print_to_pdf(workbook: Path, folder: Path) -> Path:
    """Convert `workbook` to `folder`/NAME.pdf with LibreOffice, in a profile of its own (parallel runs and a
    user's open LibreOffice do not collide)."""
    profile = folder / "libreoffice-profile"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=SOFFICE_TIMEOUT,
    )
    pdf = folder / f"{workbook.stem}.pdf"
    assert pdf.exists(), f"LibreOffice wrote no {pdf.name}"
    return pdf


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    assert found, "Chromium is missing: run tools/setup.sh"
    return found


def print_html_to_pdf(page: Path, folder: Path) -> Path:
    """Print the HTML file `page` to `folder`/NAME.pdf as a user prints it from Chromium (its own print
    settings: the page's @page size and margins, no browser header or footer), in a fresh profile, offline."""
    pdf = folder / f"{page.stem}.pdf"
    subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",  # tests run as root in CI containers
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={folder / 'chromium-profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.resolve().as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=CHROMIUM_TIMEOUT,
    )
    assert pdf.exists(), f"Chromium wrote no {pdf.name}"
    return pdf


def read_pages(pdf: Path) -> list[Page]:
    # Chromium embeds CFF fonts (Noto Sans CJK) as Type 3 fonts without a FontBBox; pdfminer warns about each
    # one, harmlessly (a glyph's size comes from the font matrix, its height from the font's ascent and descent)
    logging.getLogger("pdfminer.pdffont").setLevel(logging.ERROR)
    return [_page(layout) for layout in extract_pages(pdf, laparams=LAParams())]


def _page(layout: LTPage) -> Page:
    words: list[Word] = []
    boxes: list[str] = []
    for box in layout:
        if not isinstance(box, LTTextBox):
            continue
        lines = [line for line in box if isinstance(line, LTTextLine)]
        boxes.append(_ideographs("".join(line.get_text().strip() for line in lines)))
        for line in lines:
            # LTAnno: the space pdfminer puts where characters are further apart than its word margin (table cells)
            items = [item for item in line if isinstance(item, LTChar | LTAnno)]
            for blank, run in itertools.groupby(items, key=lambda item: not item.get_text().strip()):
                if not blank:
                    words.append(_word([char for char in run if isinstance(char, LTChar)]))
    return Page(int(layout.pageid), layout.width, layout.height, tuple(words), tuple(boxes))


def _ideographs(text: str) -> str:
    """`text` with radicals read as the ideographs they print as: Chromium's PDFs name a glyph that a CJK font
    shares between a radical and an ideograph by the radical (人 as ⼈ U+2F08, 页 as ⻚ U+2EDA)."""
    kangxi = "".join(unicodedata.normalize("NFKC", char) if "\u2f00" <= char <= "\u2fdf" else char for char in text)
    return kangxi.translate(RADICALS)


def _word(chars: list[LTChar]) -> Word:
    return Word(
        _ideographs("".join(char.get_text() for char in chars)),
        min(char.x0 for char in chars),
        min(char.y0 for char in chars),
        max(char.x1 for char in chars),
        max(char.y1 for char in chars),
        min(char.size for char in chars),
        chars[0].fontname,
    )


def print_problems(
    pages: list[Page],
    body_size: float,
    small_size: float,
    small_font: str | None,
    small_band: float = 0.0,
    side_margin: float = 0.0,
) -> list[str]:
    """What is wrong with the printed pages: a page not A4, a word under `body_size` points (words in a font
    whose name contains `small_font`, if given, or within `small_band` points of the page's top or bottom edge —
    a running header or footer — may go down to `small_size`), two words over each other, a word reaching into
    the `side_margin` points at the left or right edge (cut off, or about to be)."""
    problems = []
    for page in pages:
        size = (max(page.width, page.height), min(page.width, page.height))
        if abs(size[0] - A4_POINTS[0]) > 2 or abs(size[1] - A4_POINTS[1]) > 2:
            problems.append(f"page {page.number}: {page.width:.0f} × {page.height:.0f} pt is not A4")
        for word in page.words:
            banded = word.y0 >= page.height - small_band or word.y1 <= small_band
            small = banded or (small_font is not None and small_font in word.font)
            least = small_size if small else body_size
            if word.size < least - 0.05:
                problems.append(f"page {page.number}: {word.text!r} printed at {word.size:.1f} pt ({word.font})")
            if word.x0 < side_margin - OVERLAP_TOLERANCE or word.x1 > page.width - side_margin + OVERLAP_TOLERANCE:
                problems.append(
                    f"page {page.number}: {word.text!r} at x {word.x0:.0f}–{word.x1:.0f} pt is in the margin"
                )
        ordered = sorted(page.words, key=lambda word: word.x0)
        for index, word in enumerate(ordered):
            for other in ordered[index + 1 :]:
                if other.x0 >= word.x1:
                    break
                if word.overlaps(other):
                    problems.append(f"page {page.number}: {word.text!r} overlaps {other.text!r}")
    return problems


def smallest_sizes(pages: list[Page], small_font: str) -> tuple[float, float]:
    """The smallest font size printed in the body fonts and in the small identifier font (0 if none)."""
    body = [word.size for page in pages for word in page.words if small_font not in word.font]
    small = [word.size for page in pages for word in page.words if small_font in word.font]
    return min(body, default=0.0), min(small, default=0.0)


def render_page(pdf: Path, page: int, png: Path, dpi: int = 110) -> Path:
    """Page `page` of `pdf` as a PNG (pdftoppm), to look at."""
    stem = png.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return png
