"""How wide a text prints, in the units both report formats size things by: a Chinese (or other wide) character
takes two columns, a Latin letter or digit one. Sizes a workbook's columns and fits a chart's labels."""

WIDE_FROM = 0x2E80
"""The first code point of the CJK blocks (radicals, punctuation, kana, ideographs, full-width forms follow)."""


def columns(text: str) -> int:
    """The columns `text` takes: two per wide character, one per other character."""
    return sum(2 if ord(char) >= WIDE_FROM else 1 for char in text)


def clipped(text: str, most: int) -> str:
    """`text` cut to at most `most` columns, ending in "…" when it was cut."""
    if columns(text) <= most:
        return text
    kept, width = [], 1  # the ellipsis takes a column
    for char in text:
        width += columns(char)
        if width > most:
            break
        kept.append(char)
    return "".join(kept) + "…"
