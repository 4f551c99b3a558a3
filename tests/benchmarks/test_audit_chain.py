"""Audit chain benchmarks (issue 13): what keying costs an append, and how fast a long chain verifies.

Scale (the normal test run keeps it tiny; tools/bench.sh sets the full scale):

    BENCH_AUDIT_ROWS     chain lengths to verify, comma-separated (default 20000; full 1000000,10000000)
    BENCH_AUDIT_APPENDS  audited actions timed, each its own transaction (default 300; full 3000)

Append: `audit.record` in a write transaction of its own, as every service calls it, on SQLite (embedded
archive, fsync on commit), with the keyed digest (HMAC-SHA256) against the same path computing the plain
SHA-256 of the first wave (the baseline, swapped in for the digest function in the same run); and the
digest functions alone.
Verify: `audit.verify_chain` over the whole chain (rows/s, batches of 20,000 plain tuples: memory does not
grow with the chain), and incrementally from an anchor 1,000 rows before the head (target: well under 1 s).
"""

import os
import statistics
import time
from datetime import datetime, timedelta

import pytest
from sqlalchemy import insert, text

from db.models import AuditEvent
from tests.benchmarks.conftest import BenchReport
from workstation import audit
from workstation.archive import Archive
from workstation.audit import chain
from workstation.types import ChainAnchor

pytestmark = pytest.mark.benchmark

CHAIN_LENGTHS = [int(n) for n in (os.environ.get("BENCH_AUDIT_ROWS") or "20000").split(",")]
APPENDS = int(os.environ.get("BENCH_AUDIT_APPENDS") or 300)
INSERT_BATCH = 50_000
DETAILS = audit.canonical_details({"clip": 123456, "unit": "DD01", "reason": "抽查复核", "verdict": "合格"})


def _append_ms(archive: Archive, count: int) -> float:
    started = time.perf_counter()
    for index in range(count):
        with archive.sessions.write() as session:
            audit.record(session, "reviewer", "spotcheck.review", "spotcheck_item", index, {"verdict": "合格"})
    return (time.perf_counter() - started) * 1000 / count


def _digest_us(secret: bytes | None, key_id: str | None) -> float:
    moment = datetime(2026, 11, 22, 14, 5, 9)
    started = time.perf_counter()
    for seq in range(20_000):
        chain.row_digest(secret, key_id, "0" * 64, seq, moment, "reviewer", "clip.view", "clip", "1", DETAILS)
    return (time.perf_counter() - started) * 1e6 / 20_000


def test_append_cost_keyed_against_plain(tmp_path, monkeypatch, bench_report: BenchReport):
    archive = Archive.open_embedded(tmp_path / "archive", create=True)
    try:
        _append_ms(archive, 20)  # warm: keys created, statements cached
        keyed, plain = [], []
        real_digest = chain.row_digest
        for _ in range(3):  # interleaved, so a noisy neighbour hurts both alike
            keyed.append(_append_ms(archive, APPENDS // 3))
            with monkeypatch.context() as patch:
                patch.setattr(chain, "row_digest", lambda _secret, _key, *fields: real_digest(None, None, *fields))
                plain.append(_append_ms(archive, APPENDS // 3))
        with archive.sessions.read() as session:
            keys = archive.audit_keys.for_reading(session)
        assert keys is not None
        digest_keyed, digest_plain = _digest_us(keys.secret(keys.current), keys.current), _digest_us(None, None)
    finally:
        archive.close()
    keyed_ms, plain_ms = statistics.median(keyed), statistics.median(plain)
    bench_report.table(
        "audit append (SQLite, one transaction per action)",
        ("digest", "append ms/row", "digest µs/row"),
        [
            ("plain SHA-256 (first wave)", f"{plain_ms:.2f}", f"{digest_plain:.1f}"),
            ("HMAC-SHA256 (keyed)", f"{keyed_ms:.2f}", f"{digest_keyed:.1f}"),
            ("keyed / plain", f"{keyed_ms / plain_ms:.2f}×", f"{digest_keyed / digest_plain:.2f}×"),
        ],
    )
    bench_report.write(
        "audit-append",
        {
            "append_ms": {"keyed": keyed_ms, "plain": plain_ms},
            "digest_us": {"keyed": digest_keyed, "plain": digest_plain},
        },
    )


def _fill(archive: Archive, rows: int) -> None:
    """A chain of `rows` keyed rows, written as fast as the database takes them (digests made here)."""
    with archive.sessions.write() as session:
        audit.record(session, "admin", "archive.verify", "archive", "-")  # creates the keys
        keys = archive.audit_keys.for_writing(session)
        head = audit.chain_head(session)
    secret, key_id = keys.secret(keys.current), keys.current
    prev, start = head.digest, datetime(2026, 1, 1)
    with archive.engine.begin() as connection:
        batch = []
        for seq in range(head.seq + 1, rows + 1):
            moment = start + timedelta(seconds=seq)
            fields = (prev, seq, moment, "reviewer", "clip.view", "clip", str(seq % 100_000), DETAILS)
            digest = chain.row_digest(secret, key_id, *fields)
            batch.append(
                {
                    "seq": seq,
                    "occurred_at": moment,
                    "actor": "reviewer",
                    "action": "clip.view",
                    "target_type": "clip",
                    "target_id": fields[6],
                    "details": DETAILS,
                    "prev_hash": prev,
                    "row_hash": digest,
                    "key_id": key_id,
                }
            )
            prev = digest
            if len(batch) == INSERT_BATCH:
                connection.execute(insert(AuditEvent), batch)
                batch = []
        if batch:
            connection.execute(insert(AuditEvent), batch)
        connection.execute(text("UPDATE audit_chain_head SET last_seq = :s, last_hash = :h"), {"s": rows, "h": prev})


@pytest.mark.parametrize("rows", CHAIN_LENGTHS, ids=[f"{n}-rows" for n in CHAIN_LENGTHS])
def test_verify_rate(rows, tmp_path, bench_report: BenchReport):
    archive = Archive.open_embedded(tmp_path / "archive", create=True)
    try:
        started = time.perf_counter()
        _fill(archive, rows)
        fill_s = time.perf_counter() - started
        with archive.sessions.read() as session:
            anchor_row = session.execute(
                text("SELECT seq, row_hash FROM audit_events WHERE seq = :s"), {"s": rows - 1000}
            ).one()
            started = time.perf_counter()
            whole = audit.verify_chain(session)
            whole_s = time.perf_counter() - started
            started = time.perf_counter()
            incremental = audit.verify_chain(session, since=ChainAnchor(anchor_row[0], anchor_row[1]))
            incremental_s = time.perf_counter() - started
    finally:
        archive.close()
    assert whole.ok and whole.events_checked == rows
    assert incremental.ok and incremental.events_checked == 1000
    bench_report.table(
        f"audit verify, {rows:,} rows (SQLite)",
        ("check", "rows", "seconds", "rows/s"),
        [
            ("whole chain", f"{rows:,}", f"{whole_s:.2f}", f"{rows / whole_s:,.0f}"),
            ("from an anchor", "1,000", f"{incremental_s:.3f}", f"{1000 / incremental_s:,.0f}"),
        ],
        [f"(building the chain took {fill_s:.1f} s)"],
    )
    bench_report.write(
        f"audit-verify-{rows}",
        {"rows": rows, "whole_s": whole_s, "incremental_s": incremental_s, "rows_per_s": rows / whole_s},
    )
