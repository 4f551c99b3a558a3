"""Access request decisions: each request's status, requester, download right and days, its clips, and each
approval step's status and decider, as `access.request`, `access.approve` and `access.reject` set them.

The request's audit row names its route (role and unit per step) and its clips; a decision names its step.
An approval of the last step makes the request approved (its row names the grant); a rejection cancels the
steps still waiting. A request without an `access.request` row is one the log does not explain.
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AccessRequest, AccessRequestItem, ApprovalStep, Unit
from workstation.integrity.replay import (
    Event,
    Expected,
    History,
    Tally,
    batches,
    compare,
    histories,
    logged,
    unexplained,
)
from workstation.integrity.types import Discrepancy

ACTIONS = ("access.request", "access.approve", "access.reject")
REQUEST_FIELDS = ("status", "requester_id", "with_download", "days")
STEP_FIELDS = ("role", "unit_id", "status", "decided_by")


@dataclass
class _Request:
    request: Expected = field(default_factory=Expected)
    clips: Expected = field(default_factory=Expected)
    steps: dict[int, Expected] = field(default_factory=dict)


def discrepancies(session: Session, tally: Tally) -> Iterator[Discrepancy]:
    units = dict(session.execute(select(Unit.code, Unit.id)).all())
    for batch in batches(histories(session, "access_request", ACTIONS, tally)):
        expected = {history.row_id: _fold(history, units) for history in batch}
        yield from _requests(session, expected, tally)
        yield from _clips(session, expected)
        yield from _steps(session, expected, tally)
    orphans = select(AccessRequest.id).where(~logged("access_request", ("access.request",), AccessRequest.id))
    for (request_id,) in session.execute(orphans):
        tally.rows += 1
        yield unexplained("access_requests", request_id, "无申请记录")


def _requests(session: Session, expected: dict[int, _Request], tally: Tally) -> Iterator[Discrepancy]:
    columns = [getattr(AccessRequest, name) for name in REQUEST_FIELDS]
    current = {
        row.id: {name: getattr(row, name) for name in REQUEST_FIELDS}
        for row in session.execute(select(AccessRequest.id, *columns).where(AccessRequest.id.in_(expected)))
    }
    tally.rows += len(current)
    for request_id, state in expected.items():
        yield from compare("access_requests", request_id, state.request, current.get(request_id))


def _clips(session: Session, expected: dict[int, _Request]) -> Iterator[Discrepancy]:
    """The clips each request covers: their ids (or, for rows that named only how many, their count)."""
    clips: dict[int, list[int]] = defaultdict(list)
    for request_id, clip_id in session.execute(
        select(AccessRequestItem.request_id, AccessRequestItem.clip_id)
        .where(AccessRequestItem.request_id.in_(expected))
        .order_by(AccessRequestItem.request_id, AccessRequestItem.clip_id)
    ):
        clips[request_id].append(clip_id)
    for request_id, state in expected.items():
        if not state.request.fields:
            continue  # decisions without the request: reported with the request row
        listed = clips.get(request_id, [])
        current = {"clip_ids": listed} if "clip_ids" in state.clips.fields else {"clips": len(listed)}
        yield from compare("access_request_items", request_id, state.clips, current)


def _steps(session: Session, expected: dict[int, _Request], tally: Tally) -> Iterator[Discrepancy]:
    current: dict[tuple[int, int], tuple[int, dict[str, object]]] = {}
    columns = [getattr(ApprovalStep, name) for name in STEP_FIELDS]
    for row in session.execute(
        select(ApprovalStep.id, ApprovalStep.request_id, ApprovalStep.step_no, *columns).where(
            ApprovalStep.request_id.in_(expected)
        )
    ):
        current[(row.request_id, row.step_no)] = (row.id, {name: getattr(row, name) for name in STEP_FIELDS})
    tally.rows += len(current)
    for request_id, state in expected.items():
        for step_no, step in state.steps.items():
            step_id, fields = current.pop((request_id, step_no), (None, None))
            yield from compare("approval_steps", step_id or f"{request_id}#{step_no}", step, fields)
    for step_id, _ in current.values():  # steps the request's route never had
        yield unexplained("approval_steps", step_id, "路由中无此步骤")


def _fold(history: History, units: dict[str, int]) -> _Request:
    state = _Request()
    for event in history.events:
        if event.action == "access.request":
            _requested(state, event, units)
        else:
            _decided(state, event)
    return state


def _requested(state: _Request, event: Event, units: dict[str, int]) -> None:
    details = event.details
    state.request.set("status", "pending", event.seq)
    for name in ("requester_id", "with_download", "days"):
        if name in details:
            state.request.set(name, details[name], event.seq)
    if "clip_ids" in details:
        state.clips.set("clip_ids", sorted(details["clip_ids"]), event.seq)
    else:
        state.clips.set("clips", details.get("clips"), event.seq)
    for number, (role, unit_code) in enumerate(details.get("route", []), start=1):
        step = state.steps[number] = Expected()
        step.set("role", role, event.seq)
        step.set("unit_id", units.get(unit_code), event.seq)
        step.set("status", "pending" if number == 1 else "waiting", event.seq)
        step.set("decided_by", None, event.seq)


def _decided(state: _Request, event: Event) -> None:
    number = int(event.details.get("step", 0))
    step = state.steps.setdefault(number, Expected())
    step.set("status", "approved" if event.action == "access.approve" else "rejected", event.seq)
    if "decided_by" in event.details:
        step.set("decided_by", event.details["decided_by"], event.seq)
    if event.action == "access.reject":
        state.request.set("status", "rejected", event.seq)
        for later in state.steps.values():
            if later.fields.get("status") and later.fields["status"].value == "waiting":
                later.set("status", "cancelled", event.seq)
    elif "grant" in event.details:
        state.request.set("status", "approved", event.seq)
    elif number + 1 in state.steps:
        state.steps[number + 1].set("status", "pending", event.seq)
