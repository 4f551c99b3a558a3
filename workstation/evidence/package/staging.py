"""The staging folder `<out>.partial` and its journal: what a killed run keeps and the next run goes on from.

    <out>.partial/package/        the package as it is being written (becomes `out` for a folder)
    <out>.partial/journal.jsonl   the export, then one line per original written and fsynced
    <out>.partial/container.tmp   the zip or disc image being built (rebuilt whole by every run)

The journal is not part of the package. A line is appended (and fsynced) only after the original's bytes
were fsynced, so a journaled file is whole; any other file in the folder is rewritten.
"""

import json
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

from workstation.evidence.errors import EvidenceError
from workstation.evidence.types import ExportFormat, ExportPlan


@dataclass(frozen=True)
class JournalEntry:
    path: str  # the package path
    size: int
    sha256: str
    sm3: str


def fsync_path(path: Path) -> None:
    """fsync a file or a folder by name (a folder: its entries are durable; not on Windows)."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except IsADirectoryError:  # Windows cannot open a folder
        return
    try:
        os.fsync(descriptor)
    except OSError:
        if path.is_file():
            raise  # a folder that cannot be fsynced (some file systems) is no error; a file is
    finally:
        os.close(descriptor)


class Staging:
    """The staging folder of one export at one target."""

    def __init__(self, out: Path) -> None:
        self.root = out.with_name(out.name + ".partial")
        self.package = self.root / "package"
        self.container = self.root / "container.tmp"
        self._journal = self.root / "journal.jsonl"

    def target(self, package_path: str) -> Path:
        """Where a package path is staged; a path that would leave the package is a bug of the plan."""
        parts = PurePosixPath(package_path).parts
        if not parts or package_path.startswith("/") or any(part in ("", ".", "..") for part in parts):
            raise ValueError(f"not a relative package path: {package_path!r}")
        return self.package.joinpath(*parts)

    def open(self, plan: ExportPlan, fmt: ExportFormat) -> dict[str, JournalEntry]:
        """Create the staging folder, or resume the one a killed run of the same export left: the originals
        journaled whose staged size is right. A staging folder of another export is refused (never reused)."""
        header = {"export_id": plan.export.id, "export_no": plan.export.export_no, "format": str(fmt)}
        if not self._journal.exists():
            self.package.mkdir(parents=True, exist_ok=True)
            self._append(header)
            fsync_path(self.root)
            return {}
        lines = _parsed(self._journal.read_text(encoding="utf-8"))
        if not lines or {key: lines[0].get(key) for key in ("export_id", "export_no")} != {
            key: header[key] for key in ("export_id", "export_no")
        }:
            raise EvidenceError("export_staging_other", folder=str(self.root))
        if lines[0].get("format") != header["format"]:
            self.container.unlink(missing_ok=True)
        self.package.mkdir(parents=True, exist_ok=True)
        kept = {}
        for line in lines[1:]:
            entry = JournalEntry(**line)  # type: ignore[arg-type]
            staged = self.target(entry.path)
            if staged.is_file() and staged.stat().st_size == entry.size:
                kept[entry.path] = entry
        return kept

    def discard_if_of(self, plan: ExportPlan) -> None:
        """Remove the staging folder if it is this export's (left by a run killed just after the rename)."""
        if not self._journal.exists():
            return
        lines = _parsed(self._journal.read_text(encoding="utf-8"))
        if lines and lines[0].get("export_id") == plan.export.id:
            shutil.rmtree(self.root)

    def record(self, entry: JournalEntry) -> None:
        """Journal one original whose staged bytes are fsynced."""
        self._append(asdict(entry))

    def forget(self, entries: dict[str, JournalEntry], path: str) -> None:
        """Drop one original from the journal (its staged copy failed the check): the next run rewrites it."""
        entries.pop(path, None)
        header = self._journal.read_text(encoding="utf-8").splitlines()[0]
        text = (
            header + "\n" + "".join(json.dumps(asdict(entry), ensure_ascii=False) + "\n" for entry in entries.values())
        )
        temporary = self._journal.with_suffix(".tmp")
        temporary.write_text(text, encoding="utf-8")
        fsync_path(temporary)
        os.replace(temporary, self._journal)

    def _append(self, line: dict[str, object]) -> None:
        with self._journal.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())


def _parsed(text: str) -> list[dict[str, object]]:
    """The journal's lines; a line a kill cut short (only ever the last) is left out."""
    lines = []
    for line in text.splitlines():
        try:
            lines.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return lines
