"""The audit chain against someone who can write the database but not read the key (issue 13, attack 1):
delete two `access.approve` rows, change an actor, renumber and re-hash the rest of the chain with the
project's own digest function, move the chain head, restore the triggers. `audit verify` must exit 1 and
name the first row it can no longer vouch for."""

import secrets
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import Clip, Unit
from tests.attacks.conftest import tamper, workstation
from workstation.access import requests
from workstation.access.types import AccessRequestSpec, RequestKind
from workstation.archive import Archive
from workstation.audit.chain import GENESIS_HASH, row_digest
from workstation.identity import Identity


def _two_approvals(folder: Path) -> None:
    """The demo's pending request approved by the 支队 head, and one more asked for and approved."""
    archive = Archive.open_embedded(folder)
    try:
        with archive.sessions.read() as session:
            pending = requests.inbox(session, Identity.user("approver"))
            third_brigade = select(Clip.id).join(Unit, Unit.id == Clip.unit_id).where(Unit.code == "DD03").limit(1)
            clip_id = session.execute(third_brigade).scalar_one()
        requests.approve(archive.sessions, Identity.user("approver"), pending[0].id, "同意")
        spec = AccessRequestSpec(RequestKind.CLIPS, reason="复核", clip_ids=(clip_id,))
        second = requests.submit(archive.sessions, Identity.user("reviewer"), spec)
        requests.approve(archive.sessions, Identity.user("approver"), second.id, "同意")
    finally:
        archive.close()


def _rechain(connection: sqlite3.Connection, key_id: str | None, secret: bytes | None) -> int:
    """Delete every approval (the two made here and the demo's own), rename an actor, renumber from 1 and
    re-derive every digest; returns the first row that changed."""
    rows = connection.execute(
        "SELECT seq, occurred_at, actor, action, target_type, target_id, details, key_id FROM audit_events ORDER BY seq"
    ).fetchall()
    approvals = [row[0] for row in rows if row[3] == "access.approve"]
    assert len(approvals) >= 2  # the two made here, and the approvals of the demo's evidence export
    kept = [list(row) for row in rows if row[3] != "access.approve"]
    kept[-1][2] = "someone_else"
    connection.execute("DELETE FROM audit_events")
    prev = GENESIS_HASH
    for seq, row in enumerate(kept, start=1):
        _, occurred_at, actor, action, target_type, target_id, details, _ = row
        when = datetime.fromisoformat(occurred_at)
        digest = row_digest(secret, key_id, prev, seq, when, actor, action, target_type, target_id, details)
        connection.execute(
            "INSERT INTO audit_events (seq, occurred_at, actor, action, target_type, target_id, details, prev_hash, "
            "row_hash, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, occurred_at, actor, action, target_type, target_id, details, prev, digest, key_id),
        )
        prev = digest
    connection.execute("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", (len(kept), prev))
    return approvals[0]


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [("plain", "unkeyed"), ("guessed_key", "hash")],
    ids=["re-hashed-without-key", "re-hashed-with-a-guessed-key"],
)
def test_a_rewritten_chain_fails_verify(demo_folder, scheme, expected):
    _two_approvals(demo_folder)
    assert workstation(demo_folder, "audit", "verify").returncode == 0
    key_id, secret = (None, None) if scheme == "plain" else ("k1", secrets.token_bytes(32))
    tamper(demo_folder, lambda connection: _rechain(connection, key_id, secret))

    result = workstation(demo_folder, "audit", "verify")

    assert result.returncode == 1, result.stderr
    first = result.stdout.splitlines()[0].split("\t")
    assert first[0] == expected and first[1] == "1"  # every re-derived row fails, the first one named
    assert "发现篡改" in result.stderr
