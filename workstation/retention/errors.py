"""Typed errors of retention and destruction (the words are the CLI's and the UI's)."""

from workstation.errors import WorkstationError


class RetentionError(WorkstationError):
    """A retention change, hold or destruction that cannot be carried out as asked."""
