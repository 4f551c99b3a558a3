"""What the audit row of a decision on an approval step holds: enough to replay it (audit reconcile).

Viewing requests (access.requests) and destruction requests (retention.destruction) are decided step by step
in the same way, and their audit rows describe a decided step in the same words.
"""

from datetime import datetime
from typing import Protocol

from workstation.clock import format_time


class DecidedStep(Protocol):
    """A step of an approval route once decided (db.models ApprovalStep, DestructionStep)."""

    @property
    def step_no(self) -> int: ...
    @property
    def role(self) -> str: ...
    @property
    def comment(self) -> str: ...
    @property
    def decided_by(self) -> int | None: ...
    @property
    def decided_at(self) -> datetime | None: ...


def step_decision(step: DecidedStep) -> dict[str, object]:
    """The audit details of a decided step: its number, role, comment, who decided it and when."""
    return {
        "step": step.step_no,
        "role": step.role,
        "comment": step.comment,
        "decided_by": step.decided_by,
        "decided_at": format_time(step.decided_at),
    }
