"""Writing an evidence export through any archive client: start it, write the package from the bytes the
client streams (the embedded archive's files, or the archive server's media route), record it.

The window runs this on a file thread with progress and cancel; the command line runs it directly. A run
that was killed or cancelled is taken up again by calling it again with the same export and `out`: the
register entries it started under are reused and the package writer keeps what it had verified; a package
that took its name before the archive recorded it is checked again and recorded.
"""

from collections.abc import Callable
from pathlib import Path

from workstation.client import ArchiveClient
from workstation.evidence.package import write_package
from workstation.evidence.package.recovery import recovered_outcome
from workstation.evidence.types import ExportFormat, ExportRow


def run_export(
    client: ArchiveClient,
    export_id: int,
    out: Path,
    fmt: ExportFormat,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportRow:
    """Write export `export_id` to `out` (a folder, or a .zip / .iso file) and record it; returns its row.
    Raises EvidenceError (ExportCancelled when cancelled) or the client's errors; nothing is recorded then."""
    plan = client.start_evidence_export(export_id)
    if out.exists():  # written by a run that stopped before the archive recorded it: checked again in full
        outcome = recovered_outcome(plan, out, fmt)
    else:
        outcome = write_package(plan, client.media_source, out, fmt, progress, cancelled)
    return client.finish_evidence_export(export_id, outcome)
