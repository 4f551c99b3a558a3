"""File names as text: which names may enter the archive, and how to show any name safely.

A recorder's FAT volume can hold names that are not text in the file-system encoding: a name written in
GBK by the recorder, stray bytes, control characters, a trailing newline. Python hands such names over as
`str` holding surrogate escapes (POSIX: one U+DC80–U+DCFF per undecodable byte; Windows: unpaired UTF-16
surrogates). Those cannot be encoded as UTF-8, so they would crash the database (SQLite and PostgreSQL
store UTF-8), JSON output and the console. `shown` turns any name into printable text with escapes, for
reports and the audit log; `name_problem` says why a name must not become an archived file's name.
"""

import os
import unicodedata

_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
"""Control, format (bidi overrides, zero-width), surrogate, line and paragraph separator characters."""
_WINDOWS_FORBIDDEN = frozenset('\\/:*?"<>|')
"""Characters Windows refuses in a file name: the media root is shared with Windows workstations."""
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(text: str) -> str:
    """Printable, UTF-8-safe text for any name or path: undecodable bytes as `\\xNN`, other invisible
    characters as `\\n`, `\\uNNNN` and the like; ordinary text (Chinese included) unchanged."""
    if not any(_invisible(character) for character in text):
        return text
    return "".join(_escaped(character) for character in text)


def name_problem(name: str) -> str | None:
    """Why this file name cannot be archived as it is (plain Chinese), or None if it can."""
    if _has_undecodable(name):
        return _undecodable_problem(name)
    invisible = sorted({_escaped(character) for character in name if _invisible(character)})
    if invisible:
        return f"文件名含控制字符或不可见字符（{'、'.join(invisible)}）：{shown(name)}"
    forbidden = sorted({character for character in name if character in _WINDOWS_FORBIDDEN})
    if forbidden:
        return f"文件名含 Windows 不允许的字符（{' '.join(forbidden)}）：{name}"
    if name != name.strip(" .") or name.strip(" .") == "":
        return f"文件名以空格或句点开头或结尾：“{name}”"
    return None


def _invisible(character: str) -> bool:
    return unicodedata.category(character) in _INVISIBLE_CATEGORIES


def _escaped(character: str) -> str:
    if not _invisible(character):
        return character
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF and os.name == "posix":  # a byte the file-system encoding could not decode
        return f"\\x{code - 0xDC00:02x}"
    if character in _ESCAPES:
        return _ESCAPES[character]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _has_undecodable(name: str) -> bool:
    return any(0xD800 <= ord(character) <= 0xDFFF for character in name)


def _undecodable_problem(name: str) -> str:
    """The name's bytes, and what they read as in GBK when that is what a Chinese recorder wrote."""
    problem = f"文件名不是有效的文字（编码错误）：{shown(name)}"
    if os.name != "posix":
        return problem
    try:
        as_gbk = os.fsencode(name).decode("gb18030")
    except UnicodeError:
        return problem
    if any(_invisible(character) for character in as_gbk):
        return problem
    return f"{problem}；按 GBK 编码读作“{as_gbk}”。请将文件改名，或按 GBK 编码挂载该卷后重新导入"
