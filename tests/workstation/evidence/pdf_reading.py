"""Reading the printed papers back the way a reader meets them: a PDF with poppler's tools (its text, its word
boxes, its font sizes, its pages as images), a workbook's print size from its column widths."""

import base64
import re
import shutil
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

from workstation.xlsx_print import Column

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def tool(name: str) -> str:
    """The path of a system tool the tests need (tools/setup.sh installs it): a missing one fails the test."""
    path = shutil.which(name)
    assert path, f"{name} is missing: run tools/setup.sh"
    return path


def pdf_text(pdf: Path) -> str:
    """The text in drawing order (each table cell's lines together)."""
    return subprocess.run([tool("pdftotext"), "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def squeezed(text: str) -> str:
    """Text without any white space: a fact wrapped over lines in a cell still reads as one."""
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    def overlaps(self, other: "Word", tolerance: float = 0.5) -> bool:
        width = min(self.x1, other.x1) - max(self.x0, other.x0)
        height = min(self.y1, other.y1) - max(self.y0, other.y0)
        return width > tolerance and height > tolerance


def words(pdf: Path, folder: Path) -> list[Word]:
    out = folder / "bbox.html"
    subprocess.run([tool("pdftotext"), "-bbox", str(pdf), str(out)], capture_output=True, check=True)
    found: list[Word] = []
    for page, html in enumerate(out.read_text(encoding="utf-8").split("<page ")[1:], start=1):
        found += [Word(page, *map(float, match.groups()[:4]), match[5]) for match in _WORD.finditer(html)]
    return found


def font_sizes(pdf: Path) -> set[float]:
    """Every font size a text operator (Tf) sets in the PDF's content streams."""
    sizes: set[float] = set()
    for stream in re.findall(rb"\bstream\r?\n(.*?)endstream", pdf.read_bytes(), re.DOTALL):
        content = _decoded(stream)
        sizes |= {float(size) for size in re.findall(rb"/F\d+ ([\d.]+) Tf", content)}
    return sizes


def _decoded(stream: bytes) -> bytes:
    """A content stream as reportlab writes it (Flate, often inside ASCII85), or the bytes as they are."""
    if stream.rstrip().endswith(b"~>"):
        stream = base64.a85decode(stream.strip(), adobe=True)
    try:
        return zlib.decompressobj().decompress(stream)
    except zlib.error:
        return stream


def render(pdf: Path, folder: Path, dpi: int = 100) -> list[Path]:
    """Each page as a PNG (to look at, and to read its QR code)."""
    subprocess.run([tool("pdftoppm"), "-r", str(dpi), "-png", str(pdf), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))


def read_qr(image: Path) -> list[str]:
    """The text of every QR code zbarimg finds in the image."""
    result = subprocess.run([tool("zbarimg"), "-q", "--raw", str(image)], capture_output=True, text=True, check=False)
    return result.stdout.splitlines()


def printed_points(columns: tuple[Column, ...], font_points: float = 11) -> float:
    """The size a workbook's 11-point text prints at when its columns are fitted to an A4 landscape width
    (Excel: a column w characters wide is 7w + 5 pixels of Calibri 11 at 96 dpi; margins 0.3 in)."""
    width_mm = sum(7 * column.width + 5 for column in columns) * 25.4 / 96
    return font_points * min(1.0, (297 - 2 * 0.3 * 25.4) / width_mm)
