"""Typed errors. Services raise these; the UI and the CLI turn them into plain Chinese messages.

`EnvironmentProblem`s are conditions a user can act on (share offline, disk full, database locked);
anything else escaping a service is a bug.
"""


class WorkstationError(Exception):
    """Base of every error a service raises on purpose."""


class EnvironmentProblem(WorkstationError):
    """Something outside the program is wrong; the message says what to do."""


class ArchiveUnavailable(EnvironmentProblem):
    """The archive database or media root cannot be reached."""


class ArchiveNeedsUpgrade(EnvironmentProblem):
    """The archive database schema is older than this program; run `workstation db upgrade`."""


class DiskFull(EnvironmentProblem):
    """No space left on the archive's media store."""


class ProfileError(WorkstationError):
    """A connection profile is missing or incomplete."""


class IngestConfigError(WorkstationError):
    """The ingest configuration (name patterns) is invalid."""


class AuthenticationFailed(WorkstationError):
    """Wrong login name or password, or the account is locked."""
