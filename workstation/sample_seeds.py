"""Committed sampling seeds: a unit's spot-check seeds for a recording day, fixed in the chain before any clip
of that day is archived, so nobody can choose a seed once the candidates are known (issue 13).

For each (unit, day) the archive commits SEEDS_PER_DAY seeds at once, in one `sampling.seed_commit` audit row:
seed i = HMAC-SHA256(audit key, "bodycam-spotcheck-seed/1|unit id|YYYY-MM-DD|i|nonce") as hex, and the row
holds only commitment i = SHA-256(the seed's 32 bytes). The audit key is outside the database (workstation.audit.
keys), so reading the database tells nobody a seed before a draw reveals it; the nonce (random, in the row)
makes a commitment one of a kind. Ingest commits in the transaction that archives the day's first clip, before
that clip's `clip.ingest` row (workstation.footage.filing); a draw commits days that have none yet (an archive
from before commitments, footage that came another way) and `spotcheck verify` reports those as late.

A draw reveals seed i (the next unused number of the day, workstation.spotcheck.plans); anyone can check that
SHA-256 of the revealed seed is commitment i of the audit row. The first `sampling.seed_commit` row of a
(unit, day) is the commitment: a second one (someone deleted the table row to commit again) is not.
"""

import hashlib
import hmac
import json
import secrets
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditChainHead, AuditEvent, SeedCommitment
from workstation import audit
from workstation.audit.chain import archive_keys
from workstation.audit.keys import archive_id
from workstation.errors import AuditKeyUnavailable, SpotCheckError

SEEDS_PER_DAY = 16
COMMIT_ACTION = "sampling.seed_commit"
TARGET_TYPE = "seed_commitment"
NONCE_BYTES = 16
SEED_MESSAGE = "bodycam-spotcheck-seed/1|{unit_id}|{day}|{index}|{nonce}"


def target_id(unit_id: int, day: date) -> str:
    """The audit target of a (unit, day)'s commitment: "unit id:YYYY-MM-DD"."""
    return f"{unit_id}:{day.isoformat()}"


def commitment_of(seed: str) -> str:
    """SHA-256 of a seed's bytes (the seed as 64 hex characters): what the chain holds before the reveal."""
    return hashlib.sha256(bytes.fromhex(seed)).hexdigest()


def ensure_committed(session: Session, actor: str, unit_id: int, day: date, occasion: str) -> SeedCommitment:
    """The (unit, day)'s commitment, made now (audited, in the caller's transaction) if there is none.

    occasion says what made it ("ingest", "draw") and is kept in the audit row. Commitments are serialised
    by the chain head's lock, so two transactions archiving a day's first clips at once make one.
    """
    existing = _find(session, unit_id, day)
    if existing is not None:
        return existing
    session.execute(select(AuditChainHead.id).where(AuditChainHead.id == 1).with_for_update())
    existing = _find(session, unit_id, day)  # committed by another transaction while we waited for the lock
    if existing is not None:
        return existing
    key_id = archive_keys(session).for_writing(session).current
    secret = _secret(session, key_id)
    nonce = secrets.token_hex(NONCE_BYTES)
    details = {
        "unit_id": unit_id,
        "day": day.isoformat(),
        "nonce": nonce,
        "key_id": key_id,
        "occasion": occasion,
        "commitments": [commitment_of(_seed(secret, unit_id, day, index, nonce)) for index in range(SEEDS_PER_DAY)],
    }
    seq = audit.record(session, actor, COMMIT_ACTION, TARGET_TYPE, target_id(unit_id, day), details)
    row = SeedCommitment(unit_id=unit_id, day=day, nonce=nonce, key_id=key_id, commit_seq=seq)
    session.add(row)
    session.flush()
    return row


def reveal(session: Session, commitment: SeedCommitment, index: int) -> str:
    """Seed number `index` of the commitment, checked against the chain's commitment (fail closed)."""
    seed = _seed(_secret(session, commitment.key_id), commitment.unit_id, commitment.day, index, commitment.nonce)
    event = commit_event(session, commitment.unit_id, commitment.day)
    committed = committed_hashes(event) if event is not None and event.seq == commitment.commit_seq else []
    if index >= len(committed) or committed[index] != commitment_of(seed):
        raise SpotCheckError("seed_commitment_broken", day=commitment.day, seq=commitment.commit_seq)
    return seed


def commit_event(session: Session, unit_id: int, day: date) -> AuditEvent | None:
    """The (unit, day)'s commitment as the chain has it: its first `sampling.seed_commit` row."""
    return session.execute(
        select(AuditEvent)
        .where(
            AuditEvent.target_type == TARGET_TYPE,
            AuditEvent.target_id == target_id(unit_id, day),
            AuditEvent.action == COMMIT_ACTION,
        )
        .order_by(AuditEvent.seq)
        .limit(1)
    ).scalar_one_or_none()


def committed_hashes(event: AuditEvent) -> list[str]:
    """The commitments an audit row holds (empty when it holds none)."""
    commitments = json.loads(event.details).get("commitments")
    return [str(value) for value in commitments] if isinstance(commitments, list) else []


def _find(session: Session, unit_id: int, day: date) -> SeedCommitment | None:
    return session.execute(
        select(SeedCommitment).where(SeedCommitment.unit_id == unit_id, SeedCommitment.day == day)
    ).scalar_one_or_none()


def _secret(session: Session, key_id: str) -> bytes:
    keys = archive_keys(session).for_reading(session)
    secret = keys.secret(key_id) if keys is not None else None
    if secret is None:
        raise AuditKeyUnavailable(
            "audit_key_missing", where=archive_keys(session).store().where, archive=archive_id(session)
        )
    return secret


def _seed(secret: bytes, unit_id: int, day: date, index: int, nonce: str) -> str:
    message = SEED_MESSAGE.format(unit_id=unit_id, day=day.isoformat(), index=index, nonce=nonce)
    return hmac.digest(secret, message.encode("ascii"), "sha256").hex()
