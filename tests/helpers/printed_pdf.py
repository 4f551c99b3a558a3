"""Print a workbook as a user does (LibreOffice, headless, to PDF) and read back what is on the paper:
each page's size and the words on it, with their boxes, font sizes and fonts (pdfminer).

The checks a printed form must pass (`print_problems`): A4 pages, text no smaller than intended, no word
printed over another. A word here is a run of characters without a space on one printed line (a wrapped
cell's line of Chinese is one word).
"""

import itertools
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTPage, LTTextBox, LTTextLine

SOFFICE_TIMEOUT = 180  # seconds: LibreOffice's first start in a fresh profile takes a few
A4_POINTS = (841.89, 595.28)  # long and short side
OVERLAP_TOLERANCE = 0.5  # points: neighbouring glyph boxes may touch


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


def read_pages(pdf: Path) -> list[Page]:
    return [_page(layout) for layout in extract_pages(pdf, laparams=LAParams())]


def _page(layout: LTPage) -> Page:
    words: list[Word] = []
    boxes: list[str] = []
    for box in layout:
        if not isinstance(box, LTTextBox):
            continue
        lines = [line for line in box if isinstance(line, LTTextLine)]
        boxes.append("".join(line.get_text().strip() for line in lines))
        for line in lines:
            chars = [char for char in line if isinstance(char, LTChar)]
            for blank, run in itertools.groupby(chars, key=lambda char: not char.get_text().strip()):
                if not blank:
                    words.append(_word(list(run)))
    return Page(int(layout.pageid), layout.width, layout.height, tuple(words), tuple(boxes))


def _word(chars: list[LTChar]) -> Word:
    return Word(
        "".join(char.get_text() for char in chars),
        min(char.x0 for char in chars),
        min(char.y0 for char in chars),
        max(char.x1 for char in chars),
        max(char.y1 for char in chars),
        min(char.size for char in chars),
        chars[0].fontname,
    )


def print_problems(pages: list[Page], body_size: float, small_size: float, small_font: str) -> list[str]:
    """What is wrong with the printed pages: a page not A4, a word under `body_size` points (words in a font
    whose name contains `small_font` may go down to `small_size`), two words over each other."""
    problems = []
    for page in pages:
        size = (max(page.width, page.height), min(page.width, page.height))
        if abs(size[0] - A4_POINTS[0]) > 2 or abs(size[1] - A4_POINTS[1]) > 2:
            problems.append(f"page {page.number}: {page.width:.0f} × {page.height:.0f} pt is not A4")
        for word in page.words:
            least = small_size if small_font in word.font else body_size
            if word.size < least - 0.05:
                problems.append(f"page {page.number}: {word.text!r} printed at {word.size:.1f} pt ({word.font})")
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
