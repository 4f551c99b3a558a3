"""Draw the program icon and write resources/icons/workstation.ico (and a 256 px PNG next to it).

Run once after changing the design; both files are committed:

    .venv/bin/python tools/make_icon.py

Drawn with Qt (no Pillow needed): a police-blue tile with a white body-worn camera and a red recording
light. The .ico holds 16-256 px images, uncompressed 32-bit DIBs up to 64 px (what every Windows
version, PyInstaller and NSIS read) and PNG for 128 and 256 px (Vista and later), each drawn at its own
size so the small ones stay crisp.
"""

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_FROM = 128  # larger images are stored as PNG inside the .ico


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16.0
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#123c7a"))  # tile
    painter.drawRoundedRect(QRectF(0.5 * unit, 0.5 * unit, 15 * unit, 15 * unit), 3 * unit, 3 * unit)
    painter.setBrush(QColor("#ffffff"))  # camera body, upright as worn on the chest
    painter.drawRoundedRect(QRectF(4 * unit, 2.5 * unit, 8 * unit, 11 * unit), 1.5 * unit, 1.5 * unit)
    painter.setBrush(QColor("#123c7a"))  # lens
    painter.drawEllipse(QRectF(5.25 * unit, 4.25 * unit, 5.5 * unit, 5.5 * unit))
    painter.setBrush(QColor("#9fc2ff"))
    painter.drawEllipse(QRectF(6.75 * unit, 5.75 * unit, 2.5 * unit, 2.5 * unit))
    painter.setBrush(QColor("#e0202a"))  # recording light
    painter.setPen(QPen(QColor("#ffffff"), max(0.6, 0.4 * unit)))
    painter.drawEllipse(QRectF(6.9 * unit, 10.6 * unit, 2.2 * unit, 2.2 * unit))
    painter.end()
    return image


def dib(image: QImage) -> bytes:
    """An ICO entry as a bottom-up 32-bit BGRA bitmap plus its 1-bit AND mask (all opaque: alpha rules)."""
    size = image.width()
    rows = []
    for y in reversed(range(size)):
        line = image.constScanLine(y)
        rows.append(bytes(line)[: size * 4])  # ARGB32 in memory is B, G, R, A on little-endian machines
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, size * size * 4, 0, 0, 0, 0)
    mask_row = ((size + 31) // 32) * 4
    return header + b"".join(rows) + bytes(mask_row * size)


def png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: list[QImage]) -> bytes:
    payloads = [png(image) if image.width() >= PNG_FROM else dib(image) for image in images]
    offset = 6 + 16 * len(images)
    directory = struct.pack("<HHH", 0, 1, len(images))
    for image, payload in zip(images, payloads, strict=True):
        side = image.width() % 256  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(payload), offset)
        offset += len(payload)
    return directory + b"".join(payloads)


def main() -> int:
    if sys.byteorder != "little":
        raise SystemExit("make_icon.py writes BGRA bitmaps from ARGB32 memory: run it on a little-endian machine")
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QPainter needs the application
    images = [draw(size) for size in SIZES]
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "workstation.ico").write_bytes(ico(images))
    images[-1].save(str(ICONS / "workstation.png"))
    print(ICONS / "workstation.ico", (ICONS / "workstation.ico").stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
