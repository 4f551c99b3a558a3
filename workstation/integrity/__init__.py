"""State reconciliation (`workstation audit reconcile`, issue 13): replay the audit events of the
security-relevant state and report every row whose current state the log does not explain.

Someone who can write the database but not the audit chain (keyed, anchored) can change a row behind the
services' back — a user's role, a grant's end, a review's verdict — but not the events that explain it.
Each module here replays one kind of state: it folds that state's events in seq order into the state they
explain, reads the current rows those events name and the rows in a non-default state that no event names,
and yields a `Discrepancy` per field that differs. A new kind of state (e.g. retention decisions) is one
more module with a `discrepancies(session, tally)` function, listed in REPLAYS.

This package reads the tables of every area but imports none of them (import contract in pyproject.toml).
"""

from collections.abc import Callable, Iterator
from itertools import islice

from sqlalchemy.orm import Session

from workstation.identity import Identity
from workstation.integrity import access_requests, case_links, grants, important, reviews, users
from workstation.integrity.replay import Tally
from workstation.integrity.types import Discrepancy, ReconcileReport
from workstation.permissions import principal_of, require_duty
from workstation.types import Duty

Replay = Callable[[Session, Tally], Iterator[Discrepancy]]
REPLAYS: tuple[Replay, ...] = (
    users.discrepancies,
    grants.discrepancies,
    access_requests.discrepancies,
    reviews.discrepancies,
    important.discrepancies,
    case_links.discrepancies,
)
MAX_LISTED = 1000
"""How many differences a report lists (all are counted): a mass edit must not make the report unbounded."""


def reconcile(session: Session, who: Identity) -> ReconcileReport:
    """For inspection staff and administrators (Duty.AUDIT), and for a system actor (a scheduled check)."""
    if who.is_user:
        require_duty(principal_of(session, who), Duty.AUDIT)
    tally = Tally()
    found = (discrepancy for replay in REPLAYS for discrepancy in replay(session, tally))
    listed = tuple(islice(found, MAX_LISTED))
    count = len(listed) + sum(1 for _ in found)
    return ReconcileReport(tally.events, tally.rows, count, listed)
