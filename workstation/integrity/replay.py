"""The parts every replay module shares: the audit events of one kind of row, streamed a row at a time, and
the comparison of a row's current fields with the values its events explain.

Events are read with Core selects in keyset batches ordered by (target_id, seq), so a row's events arrive
together and in the order they happened, and memory holds one batch whatever the size of the log.
"""

import json
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, String, cast, exists, select, tuple_
from sqlalchemy.orm import Session

from db.models import AuditEvent
from workstation import clock
from workstation.integrity.types import ROW, Discrepancy

EVENT_BATCH = 5000
ROW_BATCH = 500
_T = TypeVar("_T")


@dataclass(frozen=True)
class Event:
    seq: int
    action: str
    details: Mapping[str, Any]


@dataclass(frozen=True)
class History:
    """The events of one target, oldest first."""

    target_id: str
    events: tuple[Event, ...]

    @property
    def row_id(self) -> int:
        return int(self.target_id)


@dataclass(frozen=True)
class Explained:
    """A value the log gives a field, and the seq of the event that set it."""

    value: object
    seq: int


@dataclass
class Tally:
    """How much a reconciliation replayed and compared (for its summary line)."""

    events: int = 0
    rows: int = 0


@dataclass
class Expected:
    """The state a row's events explain, field by field; `exists` False when the last event removed it."""

    fields: dict[str, Explained] = field(default_factory=dict)
    exists: bool = True
    seq: int = 0

    def set(self, name: str, value: object, seq: int) -> None:
        self.fields[name] = Explained(value, seq)
        self.seq = seq


def histories(session: Session, target_type: str, actions: Collection[str], tally: Tally) -> Iterator[History]:
    """Every target of `target_type` named by one of `actions`, with those events in seq order."""
    statement = (
        select(AuditEvent.target_id, AuditEvent.seq, AuditEvent.action, AuditEvent.details)
        .where(AuditEvent.target_type == target_type, AuditEvent.action.in_(sorted(actions)))
        .order_by(AuditEvent.target_id, AuditEvent.seq)
        .limit(EVENT_BATCH)
    )
    after: tuple[str, int] | None = None
    current: str | None = None
    events: list[Event] = []
    while True:
        page = statement if after is None else statement.where(tuple_(AuditEvent.target_id, AuditEvent.seq) > after)
        rows = session.execute(page).all()
        for target_id, seq, action, details in rows:
            if target_id != current and events:
                yield History(str(current), tuple(events))
                events = []
            current = target_id
            events.append(Event(seq, action, json.loads(details)))
        tally.events += len(rows)
        if len(rows) < EVENT_BATCH:
            break
        after = (rows[-1].target_id, rows[-1].seq)
    if events:
        yield History(str(current), tuple(events))


def batches(items: Iterable[_T], size: int = ROW_BATCH) -> Iterator[list[_T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def logged(target_type: str, actions: Collection[str], row_id: Any) -> ColumnElement[bool]:
    """True for a row that some event of `actions` names (to find rows no event explains)."""
    return exists().where(
        AuditEvent.target_type == target_type,
        AuditEvent.target_id == cast(row_id, String),
        AuditEvent.action.in_(sorted(actions)),
    )


def shown(value: object) -> str:
    """A value as the report prints it: times as the program prints them, lists as JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return clock.format_time(value)
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return str(value)


def compare(
    table: str, row_id: object, expected: Expected, current: Mapping[str, object] | None
) -> Iterator[Discrepancy]:
    """The differences between a row as it is (None: absent) and as its events explain it."""
    if current is None:
        if expected.exists:
            yield Discrepancy(table, str(row_id), ROW, "不存在", "存在", expected.seq)
        return
    if not expected.exists:
        yield Discrepancy(table, str(row_id), ROW, "存在", "不存在", expected.seq)
        return
    for name, value in current.items():
        explained = expected.fields.get(name)
        if explained is None:
            yield Discrepancy(table, str(row_id), name, shown(value), None, None)
        elif shown(value) != shown(explained.value):
            yield Discrepancy(table, str(row_id), name, shown(value), shown(explained.value), explained.seq)


def unexplained(table: str, row_id: object, what: str) -> Discrepancy:
    """A row that no event explains at all."""
    return Discrepancy(table, str(row_id), ROW, what, None, None)
