"""The tamper-evident audit log (R7): append-only rows, each chained to the one before by a keyed digest.

A row's digest is HMAC-SHA256, under the archive's current audit key (workstation.audit.keys, held outside
the database), over the previous row's digest and every field of the row, its key id included. Someone who
can write the database but not read the key can neither edit, insert, delete nor re-chain a row without
`verify_chain` noticing; anchors kept outside the database (workstation.audit.anchors) catch even a key
holder who rewrites or cuts off history.

`record` writes in the caller's session, so the audit row commits or rolls back together with the change it
describes. Appends are serialised by locking the chain head row (SELECT ... FOR UPDATE on PostgreSQL; on
SQLite the write session already holds the database write lock). The session must come from an open
archive: its `info` carries the archive's keys (ArchiveSessions), and without keys nothing is written.
"""

import hashlib
import hmac
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditChainHead, AuditEvent
from workstation import clock
from workstation.audit.keys import ArchiveKeys, AuditKeys
from workstation.errors import AuditKeyUnavailable
from workstation.types import AuditProblem, AuditVerification, ChainAnchor

GENESIS_HASH = "0" * 64
SESSION_KEYS = "audit_keys"
"""The key of Session.info under which an archive's sessions carry its ArchiveKeys."""
VERIFY_BATCH = 20_000
MIN_ANCHOR_DIGITS = 16

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
"""The digest payload's JSON form (one encoder, reused: verification encodes every row)."""

Progress = Callable[[int, int], None]
"""Told (rows checked, rows to check) as verification goes on."""

_ROW_COLUMNS = (
    AuditEvent.seq,
    AuditEvent.occurred_at,
    AuditEvent.actor,
    AuditEvent.action,
    AuditEvent.target_type,
    AuditEvent.target_id,
    AuditEvent.details,
    AuditEvent.prev_hash,
    AuditEvent.row_hash,
    AuditEvent.key_id,
)


def canonical_details(details: Mapping[str, Any]) -> str:
    return json.dumps(details, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def row_digest(
    secret: bytes | None,
    key_id: str | None,
    prev_hash: str,
    seq: int,
    occurred_at: datetime,
    actor: str,
    action: str,
    target_type: str,
    target_id: str,
    details: str,
) -> str:
    """The digest of one row: HMAC-SHA256 under `secret` over every field, the previous digest and the key id;
    a plain SHA-256 (no key id) for a row from before the chain was keyed."""
    fields: list[object] = [prev_hash, seq, occurred_at.isoformat(), actor, action, target_type, target_id, details]
    if key_id is None:
        return hashlib.sha256(_ENCODER.encode(fields).encode("utf-8")).hexdigest()
    if secret is None:
        raise ValueError("a keyed row needs its key")
    fields.append(key_id)
    return hmac.digest(secret, _ENCODER.encode(fields).encode("utf-8"), "sha256").hex()


def archive_keys(session: Session) -> ArchiveKeys:
    """The keys the session's archive carries; a session from anywhere else writes and verifies nothing."""
    keys = session.info.get(SESSION_KEYS)
    if not isinstance(keys, ArchiveKeys):
        raise AuditKeyUnavailable("audit_key_missing", where="session", archive="")
    return keys


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
    keys = archive_keys(session).for_writing(session)
    seq = head.last_seq + 1
    occurred_at = clock.now()
    details_json = canonical_details(details or {})
    key_id = keys.current
    fields = (head.last_hash, seq, occurred_at, actor, action, target_type, target_id, details_json)
    digest = row_digest(keys.secret(key_id), key_id, *fields)
    session.add(
        AuditEvent(
            seq=seq,
            occurred_at=occurred_at,
            actor=actor,
            action=action,
            target_type=target_type,
            target_id=target_id,
            details=details_json,
            prev_hash=head.last_hash,
            row_hash=digest,
            key_id=key_id,
        )
    )
    head.last_seq = seq
    head.last_hash = digest
    session.flush()
    return seq


def chain_head(session: Session) -> ChainAnchor:
    """The last row's seq and digest: what ledgers and exports print, and what an anchor file keeps."""
    head = session.execute(select(AuditChainHead).where(AuditChainHead.id == 1)).scalar_one()
    return ChainAnchor(head.last_seq, head.last_hash)


def row_is_authentic(session: Session, row: AuditEvent) -> bool:
    """Whether this one row's digest is the one its key gives its fields (a forged or edited row is not)."""
    return authentic_under(archive_keys(session).for_reading(session), row)


def authentic_under(keys: AuditKeys | None, row: AuditEvent) -> bool:
    """Whether `keys` give this row's digest (key_admin checks a key file offered for restoring this way)."""
    return _problem_of(keys, tuple(getattr(row, column.key) for column in _ROW_COLUMNS)) is None


def verify_chain(
    session: Session,
    anchors: Sequence[ChainAnchor] = (),
    since: ChainAnchor | None = None,
    progress: Progress | None = None,
    batch_size: int = VERIFY_BATCH,
) -> AuditVerification:
    """Re-derive every row's digest, check the sequence has no gaps, passes through every anchor and ends
    at the chain head.

    Catches an edited or forged row ("hash"), a deleted or reordered row ("gap"), a cut-off tail ("head"),
    rows under an unknown key ("key") or unkeyed where keys were in use ("unkeyed"), and history rewritten
    before an anchor ("anchor"). With `since` (an anchor verified before), only the rows after it are
    checked: incremental verification. Reads in batches of plain tuples, so memory stays bounded at any
    length of log.
    """
    keys = archive_keys(session).for_reading(session)
    head = chain_head(session)
    problems: list[AuditProblem] = []
    wanted = {anchor.seq: anchor.digest.lower() for anchor in anchors}
    compared = 0
    expected_seq, expected_prev = 1, GENESIS_HASH
    if since is not None:
        start = _start_row(session, keys, since)
        if start is None:
            return AuditVerification(0, (AuditProblem(since.seq, "anchor"),), head, since.seq, 1)
        expected_seq, expected_prev = since.seq + 1, start
        wanted = {seq: digest for seq, digest in wanted.items() if seq > since.seq}
        compared = 1
    first_seq = expected_seq
    checked = 0
    for row in _rows_from(session, expected_seq, batch_size):
        seq, prev_hash, digest = row[0], row[7], row[8]
        checked += 1
        if seq != expected_seq or prev_hash != expected_prev:
            problems.append(AuditProblem(seq, "gap"))
        problem = _problem_of(keys, row)
        if problem is not None:
            problems.append(AuditProblem(seq, problem))
        anchored = wanted.pop(seq, None)
        if anchored is not None:
            compared += 1
            if not digest.startswith(anchored):
                problems.append(AuditProblem(seq, "anchor"))
        expected_seq, expected_prev = seq + 1, digest
        if progress is not None and checked % batch_size == 0:
            progress(checked, max(head.seq - first_seq + 1, checked))
    for seq in sorted(wanted):  # anchors past the last row: the chain was cut off below them
        compared += 1
        problems.append(AuditProblem(seq, "anchor"))
    if head.seq != expected_seq - 1 or head.digest != expected_prev:
        problems.append(AuditProblem(head.seq, "head"))
    if progress is not None:
        progress(checked, checked)
    return AuditVerification(checked, tuple(problems), head, since.seq if since else 0, compared)


def _start_row(session: Session, keys: AuditKeys | None, since: ChainAnchor) -> str | None:
    """The digest of the anchor row an incremental check starts from, if the row is there, authentic and
    still the anchored one."""
    row = session.execute(select(*_ROW_COLUMNS).where(AuditEvent.seq == since.seq)).one_or_none()
    if row is None or _problem_of(keys, row) is not None or not row.row_hash.startswith(since.digest.lower()):
        return None
    return str(row.row_hash)


def _rows_from(session: Session, first_seq: int, batch_size: int) -> Iterator[Any]:
    after = first_seq - 1
    connection = session.connection()  # plain rows: no ORM loading for millions of them
    while True:
        batch = connection.execute(
            select(*_ROW_COLUMNS).where(AuditEvent.seq > after).order_by(AuditEvent.seq).limit(batch_size)
        ).all()
        if not batch:
            return
        yield from batch
        after = batch[-1][0]


def _problem_of(keys: AuditKeys | None, row: Iterable[Any]) -> str | None:
    """None if the row's digest is right; else what is wrong with it."""
    seq, occurred_at, actor, action, target_type, target_id, details, prev_hash, digest, key_id = row
    if key_id is None:
        if keys is not None and seq >= keys.keyed_from:
            return "unkeyed"
        secret = None
    else:
        secret = keys.secret(key_id) if keys is not None else None
        if secret is None:
            return "key"
    recomputed = row_digest(secret, key_id, prev_hash, seq, occurred_at, actor, action, target_type, target_id, details)
    return None if hmac.compare_digest(recomputed, digest) else "hash"
