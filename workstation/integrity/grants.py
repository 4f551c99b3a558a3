"""Grants and their periods: each grant's holder, download right, start, end and revocation, as the approval
of a request's last step (`access.approve` naming the grant) and `access.revoke` set them.

A grant is found by its request (one grant per request). Times are compared as the audit row writes them
(to the second). A grant whose request has no approval naming a grant is one the log does not explain.
"""

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AccessGrant
from workstation.integrity.replay import Expected, History, Tally, batches, compare, histories, logged, unexplained
from workstation.integrity.types import Discrepancy

TABLE = "access_grants"
ACTIONS = ("access.approve", "access.revoke")
FIELDS = ("id", "grantee_id", "with_download", "granted_at", "expires_at", "revoked_at", "revoked_by")


def discrepancies(session: Session, tally: Tally) -> Iterator[Discrepancy]:
    for batch in batches(histories(session, "access_request", ACTIONS, tally)):
        expected = {history.row_id: state for history in batch if (state := _fold(history)) is not None}
        current = {
            row.request_id: {name: getattr(row, name) for name in FIELDS}
            for row in session.execute(
                select(AccessGrant.request_id, *(getattr(AccessGrant, name) for name in FIELDS)).where(
                    AccessGrant.request_id.in_([history.row_id for history in batch])
                )
            )
        }
        tally.rows += len(current)
        for request_id, state in expected.items():
            row = current.pop(request_id, None)
            yield from compare(TABLE, row["id"] if row else f"申请{request_id}", state, row)
        for row in current.values():  # a grant on a request whose approvals granted nothing
            yield unexplained(TABLE, row["id"], "审批未授予")
    orphans = select(AccessGrant.id).where(~logged("access_request", ("access.approve",), AccessGrant.request_id))
    for (grant_id,) in session.execute(orphans):
        tally.rows += 1
        yield unexplained(TABLE, grant_id, "无授权记录")


def _fold(history: History) -> Expected | None:
    """The grant a request's approvals and revocations explain, None when they granted nothing."""
    state: Expected | None = None
    for event in history.events:
        details = event.details
        if event.action == "access.approve" and "grant" in details:
            state = Expected()
            state.set("id", details["grant"], event.seq)
            for name in ("grantee_id", "with_download", "granted_at", "expires_at"):
                if name in details:
                    state.set(name, details[name], event.seq)
            state.set("revoked_at", None, event.seq)
            state.set("revoked_by", None, event.seq)
        elif event.action == "access.revoke" and state is not None:
            for name in ("revoked_at", "revoked_by"):
                if name in details:
                    state.set(name, details[name], event.seq)
    return state
