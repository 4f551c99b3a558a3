"""Anchors: the chain head written down outside the database, so that history cannot be rewritten unseen.

A key holder could rewrite the whole chain consistently; an anchor kept elsewhere — a line in an anchor
file on another medium, the head printed on a signed ledger — still names the digest row N had then, and
`audit verify --anchor FILE` / `--head SEQ:HEX` proves the chain passes through it.

Anchor file: UTF-8 text, one anchor per line, `SEQ:HEX` (64 hex digits) then, after a tab, when it was
taken; blank lines and lines starting with # are ignored. Lines are only ever appended (and flushed to
disk), so the file can live on write-once media or a share the archive's administrators cannot rewrite.
Typed from paper, HEX may be shortened to its first 16 digits and grouped with spaces or dashes.
"""

import os
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from workstation.audit.chain import MIN_ANCHOR_DIGITS
from workstation.errors import WorkstationError
from workstation.types import AuditVerification, ChainAnchor

Verifier = Callable[[list[ChainAnchor], ChainAnchor | None], AuditVerification]
"""Verifies the chain against anchors, from an anchor on (an archive client's verify_audit, or the service)."""

FILE_HEADER = "# 审计链锚点 (workstation audit anchor)：序号:摘要\t记录时间\n"
_ANCHOR = re.compile(r"(\d+)\s*:\s*([0-9a-fA-F][0-9a-fA-F \-]*)")


class AnchorError(WorkstationError):
    """An anchor as given cannot be read: code anchor_malformed (text) or anchor_file_unreadable (where)."""


def parse_anchor(text: str) -> ChainAnchor:
    """`SEQ:HEX` as printed on a ledger; HEX of at least 16 digits, spaces and dashes allowed between them."""
    match = _ANCHOR.fullmatch(text.strip())
    digest = re.sub(r"[ \-]", "", match.group(2)).lower() if match else ""
    if match is None or not MIN_ANCHOR_DIGITS <= len(digest) <= 64:
        raise AnchorError("anchor_malformed", text=text.strip()[:80])
    return ChainAnchor(int(match.group(1)), digest)


def read_anchors(path: Path) -> list[ChainAnchor]:
    """Every anchor of an anchor file, in file order; a missing file has none."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        raise AnchorError("anchor_file_unreadable", where=str(path), detail=str(error)) from error
    anchors = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            anchors.append(parse_anchor(line.split("\t")[0]))
        except AnchorError as error:
            raise AnchorError("anchor_file_malformed", where=str(path), line=number) from error
    return anchors


def append_anchor(path: Path, head: ChainAnchor, taken_at: datetime) -> None:
    """Append one anchor line and flush it to disk (a new file starts with a header line)."""
    path = Path(path)
    line = f"{head.seq}:{head.digest}\t{taken_at:%Y-%m-%d %H:%M:%S}\n"
    try:
        with path.open("a", encoding="utf-8") as handle:
            if handle.tell() == 0:
                handle.write(FILE_HEADER)
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        raise AnchorError("anchor_file_unwritable", where=str(path), detail=str(error)) from error


def extend(path: Path, verify: Verifier, taken_at: datetime) -> AuditVerification:
    """`audit anchor`: verify the rows after the file's last anchor (the whole chain for a new file) and, only
    if they are intact, append the current head. A tampered chain is never anchored."""
    known = read_anchors(path)
    result = verify(known, known[-1] if known else None)
    if result.ok:
        append_anchor(path, result.head, taken_at)
    return result


def last_anchored_on(path: Path) -> date | None:
    """The day the file's last anchor was taken (None: no anchor yet, or a line without its time)."""
    try:
        lines = [line for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise AnchorError("anchor_file_unreadable", where=str(path), detail=str(error)) from error
    fields = lines[-1].split("\t") if lines and not lines[-1].startswith("#") else []
    try:
        return datetime.strptime(fields[1], "%Y-%m-%d %H:%M:%S").date() if len(fields) > 1 else None
    except ValueError:
        return None
