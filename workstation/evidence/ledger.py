"""The retained copy record (导出登记) as a workbook: what went where, when, on which medium, received by whom."""

from pathlib import Path

from db.session import Sessions
from workstation import audit, clock
from workstation.atomic_file import replacing
from workstation.evidence import requests
from workstation.evidence.sheet import write_export_ledger
from workstation.export_stamp import snapshot_stamp
from workstation.identity import Identity

LEDGER_LIMIT = 100_000


def export_ledger(sessions: Sessions, who: Identity, search: str, path: Path) -> int:
    """Write the exports the user may see (matching `search`) with the chain head read with them; audited."""
    with replacing(path) as partial:  # logged before the file takes its name (as the check ledger is)
        with sessions.read() as session:
            stamp = snapshot_stamp(session)
            rows = requests.list_exports(session, who, search, clock.now(), LEDGER_LIMIT)
            count = write_export_ledger(rows, stamp, partial)
        with sessions.write() as session:
            details = {"rows": count, "search": search, "chain_head": stamp}
            audit.record(session, who.audit_name, "evidence.ledger_export", "evidence_export", "-", details)
    return count
