"""Who acts: the one identity every service is given, explicitly (a check never guesses or skips).

A *user* is a signed-in workstation account: the policy (workstation.permissions) decides what they may
do, freshly from the database at each call. A *system* actor is a named program acting without a person
at the keyboard — an ingest station, a scheduled job, the command line acting for the operating-system
account that runs it (until the branch server takes over, issue 12). A system actor may do only what a
service explicitly allows system actors to do; everywhere else it is refused like an unknown user.
"""

from dataclasses import dataclass
from enum import StrEnum


class ActorKind(StrEnum):
    USER = "user"
    SYSTEM = "system"


@dataclass(frozen=True)
class Identity:
    """A user (by login) or a named system actor."""

    name: str
    kind: ActorKind = ActorKind.USER

    @classmethod
    def user(cls, login: str) -> "Identity":
        return cls(login, ActorKind.USER)

    @classmethod
    def system(cls, name: str) -> "Identity":
        return cls(name, ActorKind.SYSTEM)

    @property
    def is_user(self) -> bool:
        return self.kind is ActorKind.USER

    @property
    def audit_name(self) -> str:
        """How the audit log names the actor: a user by login, a system actor marked as such, so that a
        station named like a user can never pass for that user."""
        return self.name if self.is_user else f"system:{self.name}"
