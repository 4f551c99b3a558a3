"""Keeping findings: a recompute replaces what the machine found, never what a person decided.

Each finding has a key naming what it is about (its kind, its clip or officer-day, where it starts). Syncing
the findings of a subject (a clip's media findings, an officer-day's record findings) with a fresh computation
inserts the new keys, updates the span and confidence of pending ones, and removes the pending ones no longer
found; a confirmed or dismissed finding stays exactly as the person left it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from db.models import PrescreenFinding
from workstation.prescreen.types import Finding, FindingStatus


@dataclass(frozen=True)
class Found:
    """A finding as a computation produced it (not yet kept)."""

    key: str
    kind: str
    clip_id: int | None
    officer_id: int | None
    unit_id: int | None
    day: date
    start_ms: int
    end_ms: int
    confidence: float


def clip_key(kind: str, clip_id: int, start_ms: int) -> str:
    return f"{kind}:c{clip_id}:{start_ms}"


def day_key(kind: str, officer_id: int, day: date, start_ms: int) -> str:
    return f"{kind}:o{officer_id}:{day.isoformat()}:{start_ms}"


def sync(session: Session, subject: ColumnElement[bool], found: Iterable[Found], now: datetime) -> int:
    """Make the pending findings matching `subject` what `found` says; returns how many findings are new."""
    fresh = {item.key: item for item in found}
    kept = {row.key: row for row in session.execute(select(PrescreenFinding).where(subject)).scalars()}
    for key, row in kept.items():
        if row.status != FindingStatus.PENDING:
            continue
        if key not in fresh:
            session.delete(row)
            continue
        item = fresh[key]
        row.end_ms, row.confidence, row.unit_id = item.end_ms, item.confidence, item.unit_id
    new = [item for key, item in fresh.items() if key not in kept]
    session.add_all(
        PrescreenFinding(
            key=item.key,
            kind=item.kind,
            clip_id=item.clip_id,
            officer_id=item.officer_id,
            unit_id=item.unit_id,
            day=item.day,
            start_ms=item.start_ms,
            end_ms=item.end_ms,
            confidence=item.confidence,
            found_at=now,
            status=FindingStatus.PENDING,
            note="",
        )
        for item in new
    )
    session.flush()
    return len(new)


def finding_of(row: PrescreenFinding) -> Finding:
    return Finding(
        id=row.id,
        kind=row.kind,
        clip_id=row.clip_id,
        officer_id=row.officer_id,
        day=row.day,
        start_ms=row.start_ms,
        end_ms=row.end_ms,
        confidence=row.confidence,
        status=FindingStatus(row.status),
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        note=row.note,
    )
