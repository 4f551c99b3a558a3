"""Users and roles: each account's role, unit, activation and officer record as its audit events set them.

`user.create` sets them all; a later event of ACTIONS that names a field (`role`, `unit_id`, `active`,
`officer_id` in its details) sets that field. An account without a `user.create` is one the log does not
explain. Audit rows written before the details held unit_id, active and officer_id are read with the unit
looked up by code and the defaults the account was created with.
"""

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Unit, User
from workstation.integrity.replay import Expected, History, Tally, batches, compare, histories, logged, unexplained
from workstation.integrity.types import Discrepancy

TABLE = "users"
ACTIONS = ("user.create",)
FIELDS = ("role", "unit_id", "active", "officer_id")
_DEFAULTS = {"active": True, "officer_id": None}


def discrepancies(session: Session, tally: Tally) -> Iterator[Discrepancy]:
    units = dict(session.execute(select(Unit.code, Unit.id)).all())
    for batch in batches(histories(session, "user", ACTIONS, tally)):
        expected = {history.row_id: _fold(history, units) for history in batch}
        current = {
            row.id: {name: getattr(row, name) for name in FIELDS}
            for row in session.execute(
                select(User.id, *(getattr(User, name) for name in FIELDS)).where(User.id.in_(expected))
            )
        }
        tally.rows += len(current)
        for user_id, state in expected.items():
            yield from compare(TABLE, user_id, state, current.get(user_id))
    for user_id, login in session.execute(select(User.id, User.login).where(~logged("user", ACTIONS, User.id))):
        tally.rows += 1
        yield unexplained(TABLE, user_id, login)


def _fold(history: History, units: dict[str, int]) -> Expected:
    state = Expected()
    for event in history.events:
        details = dict(event.details)
        if event.action == "user.create":
            details = _DEFAULTS | {"unit_id": units.get(str(details.get("unit")))} | details
        for name in FIELDS:
            if name in details:
                state.set(name, details[name], event.seq)
    return state
