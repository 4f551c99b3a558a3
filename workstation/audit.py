"""The tamper-evident audit log (R7): append-only rows, each hash-chained to the one before.

`record` writes in the caller's session, so the audit row commits or rolls back together with the
change it describes. Appends are serialised by locking the chain head row (SELECT ... FOR UPDATE on
PostgreSQL; on SQLite the write session already holds the database write lock).
"""

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditChainHead, AuditEvent
from workstation import clock
from workstation.types import AuditProblem, AuditVerification

GENESIS_HASH = "0" * 64


def canonical_details(details: Mapping[str, Any]) -> str:
    return json.dumps(details, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def event_hash(
    prev_hash: str,
    seq: int,
    occurred_at: datetime,
    actor: str,
    action: str,
    target_type: str,
    target_id: str,
    details: str,
) -> str:
    """The chain hash of one row: every field, and the previous row's hash."""
    payload = json.dumps(
        [prev_hash, seq, occurred_at.isoformat(), actor, action, target_type, target_id, details],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    session: Session,
    actor: str,
    action: str,
    target_type: str,
    target_id: object,
    details: Mapping[str, Any] | None = None,
) -> int:
    """Append one event in the caller's transaction; returns its seq.

    actor and target_id are cut to the column width (64): a sign-in attempt with an absurdly long
    login name must still be recorded, not fail.
    """
    actor, target_id = actor[:64], str(target_id)[:64]
    head = session.execute(select(AuditChainHead).where(AuditChainHead.id == 1).with_for_update()).scalar_one()
    seq = head.last_seq + 1
    occurred_at = clock.now()
    details_json = canonical_details(details or {})
    row_hash = event_hash(head.last_hash, seq, occurred_at, actor, action, target_type, str(target_id), details_json)
    session.add(
        AuditEvent(
            seq=seq,
            occurred_at=occurred_at,
            actor=actor,
            action=action,
            target_type=target_type,
            target_id=str(target_id),
            details=details_json,
            prev_hash=head.last_hash,
            row_hash=row_hash,
        )
    )
    head.last_seq = seq
    head.last_hash = row_hash
    session.flush()
    return seq


def verify_chain(session: Session, batch_size: int = 10_000) -> AuditVerification:
    """Re-derive every row's hash and check the sequence has no gaps and ends at the chain head.

    Catches an edited row (hash), a deleted or reordered row (gap / prev_hash), and a cut-off tail (head).
    Reads in batches so a long log does not load into memory at once.
    """
    problems: list[AuditProblem] = []
    expected_seq, expected_prev = 1, GENESIS_HASH
    checked = 0
    last_seen = 0
    while True:
        rows = (
            session.execute(
                select(AuditEvent).where(AuditEvent.seq > last_seen).order_by(AuditEvent.seq).limit(batch_size)
            )
            .scalars()
            .all()
        )
        if not rows:
            break
        for row in rows:
            checked += 1
            if row.seq != expected_seq or row.prev_hash != expected_prev:
                problems.append(AuditProblem(row.seq, "gap"))
            recomputed = event_hash(
                row.prev_hash,
                row.seq,
                row.occurred_at,
                row.actor,
                row.action,
                row.target_type,
                row.target_id,
                row.details,
            )
            if recomputed != row.row_hash:
                problems.append(AuditProblem(row.seq, "hash"))
            expected_seq, expected_prev = row.seq + 1, row.row_hash
        last_seen = rows[-1].seq
        session.expunge_all()
    head = session.execute(select(AuditChainHead).where(AuditChainHead.id == 1)).scalar_one()
    if head.last_seq != expected_seq - 1 or head.last_hash != expected_prev:
        problems.append(AuditProblem(head.last_seq, "head"))
    return AuditVerification(events_checked=checked, problems=tuple(problems))
