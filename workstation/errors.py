"""Typed errors. Services raise these with data, never with words; the UI and the CLI word them.

An error is its class (what callers catch) plus a `code` naming the one situation, and the data needed to
word it: `PlanNotFound` is `SpotCheckError("plan_not_found", plan_id=7)`. A class with one situation
leaves the code out (it is then the class name). The words live in two catalogues keyed by the code:
`workstation.cli.messages` (the command line's Chinese) and `ui.common.error_text` (Qt-translated);
`tests/test_error_catalogues.py` fails when a code raised anywhere in workstation/ lacks words in either.
`str(error)` is a neutral debug form (`plan_not_found(plan_id=7)`) for logs, never shown to a user.

`EnvironmentProblem`s are conditions a user can act on (share offline, disk full, database locked);
anything else escaping a service is a bug.
"""

from collections.abc import Mapping


class WorkstationError(Exception):
    """Base of every error a service raises on purpose: `code` names the situation, `data` its particulars."""

    def __init__(self, code: str = "", /, **data: object) -> None:
        self.code = code or type(self).__name__
        self.data: Mapping[str, object] = data
        super().__init__(self.code, data)

    def __str__(self) -> str:
        details = ", ".join(f"{name}={value!r}" for name, value in self.data.items())
        return f"{self.code}({details})"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.code, dict(self.data)))


def _rebuild(kind: type[WorkstationError], code: str, data: dict[str, object]) -> WorkstationError:
    """Unpickles an error (its data are keyword arguments, which Exception's own pickling loses)."""
    return kind(code, **data)


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


class SourceInsideArchive(WorkstationError):
    """An ingest source is, or is inside, the archive's own media root or folder: importing from there would
    treat archived originals as recorder files (and 校验清空 would delete them)."""


class AuthenticationFailed(WorkstationError):
    """Wrong login name or password, or the account is locked."""


class PermissionDenied(WorkstationError):
    """The user may not do this with this footage or function (附件3 二(六)); hiding a button is not enough."""


class SelfApprovalRefused(PermissionDenied):
    """No one approves, reviews or revokes their own viewing request."""


class ClipDestroyed(WorkstationError):
    """The clip's original was destroyed after an approved destruction request (R8): its row and tombstone
    remain, its file does not, so it cannot be played, thumbnailed or exported."""


class AccessError(WorkstationError):
    """A viewing request, approval or register entry that cannot be carried out as asked."""


class ApprovalConflict(AccessError):
    """The request or grant is no longer in the state the action needs (decided, revoked or expired meanwhile)."""


class PasswordRejected(WorkstationError):
    """The new password does not meet the password rules."""


class SpotCheckError(WorkstationError):
    """A spot-check action that cannot be carried out as asked (R5)."""


class PlanExists(SpotCheckError):
    """The unit already has an active plan for the period; a new draw must be a redraw with a reason."""


class ItemTaken(SpotCheckError):
    """Another reviewer holds the item, or it was reviewed or withdrawn meanwhile."""


class ReviewIncomplete(SpotCheckError):
    """The checklist is not filled in as the verdict needs (answers, problem, rectification)."""


class CoverageTooLow(ReviewIncomplete):
    """合格 needs proof that (nearly) the whole clip was played back."""


class ArchiveDamaged(EnvironmentProblem):
    """The archive database file is damaged (truncated, overwritten, not a database)."""


class ArchiveTooNew(EnvironmentProblem):
    """The archive was created or upgraded by a newer version of the program."""


class ArchiveBusy(EnvironmentProblem):
    """Another program held the archive database's write lock for longer than the wait allows."""


class MigrationFailed(WorkstationError):
    """A schema migration failed for a reason other than the connection; nothing of it was kept."""


class SettingsError(WorkstationError):
    """workstation.toml cannot be read, or a setting has the wrong type or value."""


class CredentialStoreUnavailable(EnvironmentProblem):
    """The operating system's credential store cannot be used (none installed, locked, or refused)."""


class BadOutputPath(WorkstationError):
    """An output file cannot be written where it was asked for (a folder, or in a folder that does not exist)."""


class SessionInvalid(AuthenticationFailed):
    """A server request whose session token is missing, unknown, expired or ended (codes: session_missing,
    session_unknown, session_expired, session_ended): the user signs in again."""


class RequestReplayed(WorkstationError):
    """A retried write whose first attempt was carried out but whose answer was not kept (code
    request_done_answer_lost), or that is still being carried out (request_in_progress)."""


class UploadError(WorkstationError):
    """An upload to the branch server that cannot go on as asked (unknown, incomplete, not where it stands)."""


class UploadOffsetMismatch(UploadError):
    """A chunk does not start where the received bytes end; `expected` says where to continue."""


class UploadRefused(UploadError):
    """The received file does not have the SHA-256 the station claimed: nothing was archived, the bytes are
    discarded, and the station must send the file again."""


class UploadInterrupted(EnvironmentProblem):
    """The connection to the archive server broke during an upload (raised by the transport); the station
    resumes the upload where the server's received bytes end."""


class AuditKeyUnavailable(EnvironmentProblem):
    """The audit key of this archive cannot be read, or a key offered for it does not belong to it."""


class ReportTaskError(WorkstationError):
    """A report task that cannot be set up or found as asked (scheduled reports, R10)."""


class DeliveryFailed(EnvironmentProblem):
    """A scheduled report could not be delivered (mail server unreachable, refusing, TLS or sign-in failed, drop
    folder unwritable); the delivery is tried again at the next run, up to its last attempt."""


class ClockError(WorkstationError):
    """A recorder-clock measurement, correction or revert that cannot be made as asked (R3); nothing changed."""


class PrescreenError(WorkstationError):
    """A pre-screen action that cannot be carried out as asked (a finding that does not exist, a period that
    ends before it begins)."""
