"""The audit chain head as printed on an export (issue 13): 审计链头 SEQ:xxxxxxxx xxxxxxxx ...

Every ledger, audit-log and register export prints the head of the audit chain as it was when its rows were
read, so the paper (or the file handed over) later proves the chain still passes through that row
(`workstation audit verify --head SEQ:HEX`). The head is read in the export's own read transaction, at one
state of the database with its rows (db.session.see_one_state).
"""

from sqlalchemy.orm import Session

from db.session import see_one_state
from workstation import audit
from workstation.types import ChainAnchor

LABEL = "审计链头"


def printed_head(head: ChainAnchor) -> str:
    return f"{LABEL} {head.printed()}"


def snapshot_stamp(session: Session) -> str:
    """Fix the read session to one state of the database and return its chain head as printed. Call first in
    the export's read session, before any query."""
    see_one_state(session)
    return printed_head(audit.chain_head(session))
