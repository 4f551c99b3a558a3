"""What `workstation audit reconcile` answers: plain values, so the report travels over the archive server."""

from dataclasses import dataclass

ROW = "(记录)"
"""The field of a discrepancy about a whole row: one the log does not explain, or one it explains but is gone."""


@dataclass(frozen=True)
class Discrepancy:
    """One field of one row whose current value the audit log does not explain.

    `explained` is the value the replayed events give, None when no event set it ("no event"); `seq` is the
    sequence number of the last event that set it (None with no event).
    """

    table: str
    row_id: str
    field: str
    current: str
    explained: str | None
    seq: int | None


@dataclass(frozen=True)
class ReconcileReport:
    """The outcome of a replay: how much was replayed and checked, and the first `MAX_LISTED` differences."""

    events_replayed: int
    rows_checked: int
    discrepancy_count: int
    discrepancies: tuple[Discrepancy, ...]

    @property
    def ok(self) -> bool:
        return self.discrepancy_count == 0
