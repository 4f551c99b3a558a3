"""The CJK TrueType font the PDF description sheet embeds, found on this computer.

reportlab embeds TrueType outlines only (a subset of the glyphs used), not the PostScript (CFF) outlines of
OpenType fonts such as Noto Sans CJK, so the search takes the first Chinese font that reportlab loads:
Windows' own 宋体 / 黑体 / 微软雅黑, else what fontconfig lists as a TrueType font with Chinese glyphs
(Debian: fonts-wqy-microhei), else a few known paths. A font collection (.ttc) is read at its first face.
"""

import functools
import os
import shutil
import subprocess
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from workstation.evidence.errors import EvidenceError

FONT_NAME = "EvidenceCJK"
MONOSPACE = "Courier"  # a PDF standard font: hashes in it read the same in every viewer, nothing to embed

_WINDOWS_FONTS = ("simsun.ttc", "simhei.ttf", "msyh.ttc", "simkai.ttf")
_KNOWN_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
)


def cjk_font() -> str:
    """Register the first usable Chinese TrueType font with reportlab (once) and return its name. Raises
    EvidenceError("export_no_cjk_font") naming the places searched when there is none."""
    return _registered()


@functools.cache
def _registered() -> str:
    searched = candidate_paths()
    for path in searched:
        try:
            font = TTFont(FONT_NAME, str(path), subfontIndex=0)
        except (TTFError, OSError):
            continue  # a PostScript-outline or damaged font: try the next
        pdfmetrics.registerFont(font)
        return FONT_NAME
    raise EvidenceError("export_no_cjk_font", searched="；".join(str(path) for path in searched) or "（无）")


def candidate_paths() -> list[Path]:
    """The font files to try, best first, that exist here."""
    candidates: list[Path] = []
    if os.name == "nt":
        folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        candidates += [folder / name for name in _WINDOWS_FONTS]
    candidates += _fontconfig_fonts()
    candidates += [Path(path) for path in _KNOWN_PATHS]
    unique = dict.fromkeys(path for path in candidates if path.is_file())
    return list(unique)


def _fontconfig_fonts() -> list[Path]:
    """TrueType fonts with Chinese glyphs as fontconfig lists them (none where fc-list is missing)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        listed = subprocess.run(
            [fc_list, ":lang=zh:fontformat=TrueType", "file"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    return sorted(Path(line.strip().rstrip(":")) for line in listed.splitlines() if line.strip())
