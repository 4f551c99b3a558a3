"""Anchors outside the database: the chain must still pass through each one, even for someone who holds the
key and rewrites history consistently; an incremental check starts from the last anchor."""

import pytest
from sqlalchemy import select, text

from db.models import AuditEvent
from tests.helpers.tamper import record_events
from workstation import audit, clock
from workstation.archive import Archive
from workstation.audit import anchors
from workstation.audit.chain import row_digest
from workstation.types import ChainAnchor


def _verify(archive: Archive, **options):
    with archive.sessions.read() as session:
        return audit.verify_chain(session, **options)


def _rewrite_with_the_key(archive: Archive, from_seq: int) -> None:
    """What a key holder could do: change a row and re-derive every digest after it, head included."""
    with archive.sessions.read() as session:
        keys = archive.audit_keys.for_reading(session)
        rows = session.execute(select(AuditEvent).where(AuditEvent.seq >= from_seq).order_by(AuditEvent.seq)).all()
        prev = session.execute(select(AuditEvent.row_hash).where(AuditEvent.seq == from_seq - 1)).scalar_one()
    with archive.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.execute(text("DROP TRIGGER audit_events_no_update"))
        else:
            connection.execute(text("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change"))
        for (row,) in rows:
            actor = "forger" if row.seq == from_seq else row.actor
            fields = (prev, row.seq, row.occurred_at, actor, row.action, row.target_type, row.target_id, row.details)
            digest = row_digest(keys.secret(row.key_id), row.key_id, *fields)
            connection.execute(
                text("UPDATE audit_events SET actor = :a, prev_hash = :p, row_hash = :d WHERE seq = :s"),
                {"a": actor, "p": prev, "d": digest, "s": row.seq},
            )
            prev = digest
        connection.execute(text("UPDATE audit_chain_head SET last_hash = :h"), {"h": prev})


def test_the_chain_passes_through_its_anchors(archive, tmp_path):
    record_events(archive, 5)
    anchor_file = tmp_path / "anchors.txt"
    with archive.sessions.read() as session:
        first = audit.chain_head(session)
    anchors.append_anchor(anchor_file, first, clock.now())
    record_events(archive, 5)
    result = _verify(archive, anchors=anchors.read_anchors(anchor_file))
    assert result.ok and result.anchors_checked == 1 and result.head.seq == 10
    assert anchor_file.read_text(encoding="utf-8").startswith("#")


def test_history_rewritten_with_the_key_is_caught_by_an_anchor(archive):
    record_events(archive, 6)
    with archive.sessions.read() as session:
        anchored = audit.chain_head(session)
    record_events(archive, 2)
    _rewrite_with_the_key(archive, from_seq=3)
    assert _verify(archive).ok  # without an anchor, a key holder's rewrite is consistent
    result = _verify(archive, anchors=[anchored])
    assert [(p.seq, p.problem) for p in result.problems] == [(6, "anchor")]


def test_a_chain_cut_below_an_anchor_is_caught(archive):
    record_events(archive, 4)
    with archive.sessions.read() as session:
        anchored = audit.chain_head(session)
    result = _verify(archive, anchors=[anchored, ChainAnchor(9, anchored.digest)])
    assert [(p.seq, p.problem) for p in result.problems] == [(9, "anchor")]


def test_an_anchor_typed_from_paper(archive):
    record_events(archive, 3)
    with archive.sessions.read() as session:
        head = audit.chain_head(session)
    typed = anchors.parse_anchor(head.printed()[: len(str(head.seq)) + 1 + 17].upper())
    assert typed.seq == head.seq and len(typed.digest) == 16
    assert _verify(archive, anchors=[typed]).ok
    with pytest.raises(anchors.AnchorError):
        anchors.parse_anchor(f"{head.seq}:{head.digest[:15]}")


def test_incremental_verification_reads_only_the_rows_after_the_anchor(archive):
    record_events(archive, 7)
    with archive.sessions.read() as session:
        anchored = audit.chain_head(session)
    record_events(archive, 3)
    result = _verify(archive, since=anchored)
    assert result.ok and result.events_checked == 3 and result.from_seq == 7
    _rewrite_with_the_key(archive, from_seq=2)
    result = _verify(archive, since=anchored)
    assert [(p.seq, p.problem) for p in result.problems] == [(7, "anchor")]


def test_progress_is_reported(archive):
    record_events(archive, 7)
    seen: list[tuple[int, int]] = []
    _verify(archive, progress=lambda done, total: seen.append((done, total)), batch_size=3)
    assert seen[0] == (3, 7) and seen[-1] == (7, 7)
