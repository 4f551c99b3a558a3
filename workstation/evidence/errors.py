"""Typed errors of evidence export (the words are the CLI's and the UI's)."""

from workstation.errors import WorkstationError


class EvidenceError(WorkstationError):
    """An export that cannot be requested, started, written or recorded as asked."""


class ExportCancelled(EvidenceError):
    """The user cancelled the writing of a package; what was written stays staged for a later run."""
