"""The QR code printed on the description sheet: the export number and the digests of both manifests
(text.qr_text), so a receiver's phone or scanner reads what the manifests must hash to."""

import io

import segno

ERROR_LEVEL = "m"  # 15 % of the code may be soiled or creased and it still reads


def qr_code(text: str) -> segno.QRCode:
    """The smallest QR code (byte mode) holding `text` at error level M."""
    return segno.make_qr(text, error=ERROR_LEVEL, boost_error=False)


def qr_png(text: str, scale: int = 3) -> bytes:
    """The code as a PNG (black on white, the standard four-module quiet zone), `scale` pixels a module."""
    buffer = io.BytesIO()
    qr_code(text).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def qr_modules(text: str) -> list[list[bool]]:
    """The code's modules, row by row (True = dark), without the quiet zone: what the PDF draws."""
    return [[bool(module) for module in row] for row in qr_code(text).matrix]
