"""The window's words for every typed error: `describe(error)` gives the message in the user's language.

Services raise errors carrying a code and data (`workstation.errors`); this is the one place the window
turns them into sentences, through Qt's translation (English source text, context "errors"; the Chinese
is in `resources/translations/glossary/errors.tsv`). The command line has its own catalogue
(`workstation.cli.messages`); a test keeps both complete. A code without an entry (which that test
prevents) falls back to the error's neutral form rather than failing while reporting a failure.
"""

from collections.abc import Callable, Mapping
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from ui.common.labels import check_item_name, verdict_name
from workstation import clock
from workstation.config import SettingsProblem
from workstation.errors import WorkstationError
from workstation.spotcheck.types import CheckItem, Verdict

Wording = str | Callable[[Mapping[str, object]], str]


def describe(error: BaseException) -> str:
    """The message for `error`: a typed error in words; anything else (a bug) as Python words it."""
    if not isinstance(error, WorkstationError):
        return str(error)
    wording = messages().get(error.code)
    if wording is None:
        return str(error)
    if callable(wording):
        return wording(error.data)
    fields = {name: _text(value) for name, value in error.data.items()}
    if "badge_no" in error.data and "name" in error.data:  # an officer: by name and badge, or by badge alone
        fields["person"] = (
            QCoreApplication.translate("errors", "{name} (badge {badge_no})").format(**fields)
            if fields["name"]
            else QCoreApplication.translate("errors", "badge {badge_no}").format(**fields)
        )
    return wording.format(**fields)


def _text(value: object) -> str:
    if isinstance(value, CheckItem):
        return check_item_name(value)
    if isinstance(value, Verdict):
        return verdict_name(value)
    if isinstance(value, datetime):
        return clock.format_time(value)
    if isinstance(value, SettingsProblem):
        return _settings_problem(value)
    if isinstance(value, list | tuple | set | frozenset):
        return QCoreApplication.translate("errors", ", ").join(_text(item) for item in value) or "—"
    return str(value)


def _settings_problem(problem: SettingsProblem) -> str:
    """One problem of workstation.toml (workstation.config.SettingsProblem), in the window's language."""
    translate = QCoreApplication.translate
    types = {
        "integer": translate("errors", "a whole number"),
        "number": translate("errors", "a number"),
        "text": translate("errors", "text"),
        "list": translate("errors", "a list"),
    }
    fields = {
        "place": problem.place,
        "key": problem.key,
        "known": translate("errors", ", ").join(problem.expected),
        "expected": translate("errors", " or ").join(types.get(code, code) for code in problem.expected),
        "value": problem.value,
    }
    wordings = {
        "unknown_section": translate("errors", "unknown section [{place}] (known: {known})"),
        "not_a_section": translate("errors", "[{place}] should be a section"),
        "unknown_key": translate("errors", "[{place}] has no setting {key} (known: {known})"),
        "wrong_type": translate("errors", "[{place}] {key} should be {expected}, not {value}"),
        "pattern_not_a_table": translate("errors", "name pattern {place} should be a table ({known})"),
        "pattern_missing_key": translate("errors", "name pattern {place} lacks {key}"),
        "pattern_unknown_key": translate("errors", "name pattern {place} has no setting {key}"),
        "pattern_not_text": translate("errors", "name pattern {place}: {key} should be text"),
    }
    return wordings[problem.kind].format(**fields)


def _percent(basis_points: object) -> str:
    """9050 → "90.5%"."""
    assert isinstance(basis_points, int)
    return f"{basis_points / 100:g}%"


def messages() -> dict[str, Wording]:
    """Every code's wording in the current language (built per call: the language can change)."""
    return {
        "ledger_period_invalid": QCoreApplication.translate(
            "errors", "The ledger export needs a start and an end date, the end not before the start."
        ),
        "unit_code_unknown": QCoreApplication.translate("errors", 'There is no unit with the code "{unit_code}".'),
        "ledger_unit_denied": QCoreApplication.translate(
            "errors", "You may not see the check ledger of unit {unit_code}."
        ),
        "redraw_needs_reason": QCoreApplication.translate("errors", "A redraw needs a reason."),
        "plan_not_found": QCoreApplication.translate("errors", "Spot-check plan {plan_id} does not exist."),
        "plan_superseded": QCoreApplication.translate(
            "errors", "Spot-check plan {plan_id} was redrawn on {superseded_at}."
        ),
        "sample_seeds_used_up": QCoreApplication.translate(
            "errors",
            "All {count} day seeds of unit {unit_code} for {day} are used up; that day cannot be drawn or "
            "redrawn again. Ask inspection staff.",
        ),
        "seed_commitment_broken": QCoreApplication.translate(
            "errors",
            "The day seed of {day} does not match its commitment in the audit log (seq {seq}); the draw was "
            "refused. Run workstation audit verify and tell the administrator.",
        ),
        "redraw_found_nothing": QCoreApplication.translate(
            "errors", "The unit has no footage left to check in this period; the plan was not redrawn."
        ),
        "spotcheck_unit_denied": QCoreApplication.translate(
            "errors", "You may not run spot checks for unit {unit_code}."
        ),
        "plan_of_other_unit": QCoreApplication.translate(
            "errors", "You may not see or work on another unit's spot-check plans."
        ),
        "period_reversed": QCoreApplication.translate("errors", "The period ends before it starts."),
        "period_too_long": QCoreApplication.translate("errors", "A spot-check plan covers at most {max_days} days."),
        "findings_extra_invalid": QCoreApplication.translate(
            "errors", "Add between 0 and {maximum} clips with pre-screen findings."
        ),
        "spotcheck_settings_invalid": QCoreApplication.translate(
            "errors", "The [spotcheck] settings in workstation.toml are wrong: {detail}"
        ),
        "spotcheck_role_denied": QCoreApplication.translate(
            "errors", "Your role can neither run spot checks nor see the check ledger."
        ),
        "item_unavailable": QCoreApplication.translate(
            "errors", "Spot-check item {item_id} was taken by another reviewer, or was checked or withdrawn."
        ),
        "review_clip_missing": QCoreApplication.translate("errors", "File {clip_id} does not exist."),
        "review_item_denied": QCoreApplication.translate("errors", "You may not check spot-check item {item_id}."),
        "checklist_unanswered": QCoreApplication.translate("errors", "Answer the checklist items: {items}."),
        "problem_missing": QCoreApplication.translate("errors", 'The verdict "{verdict}" needs the problems found.'),
        "rectification_missing": QCoreApplication.translate(
            "errors", 'The verdict "Fail" needs the rectification required.'
        ),
        "pass_with_failed_items": QCoreApplication.translate(
            "errors", 'The checklist items "{items}" are answered "No": the verdict cannot be "Pass".'
        ),
        "speed_implausible": QCoreApplication.translate("errors", "Playback speed {speed} is implausible."),
        "item_closed": QCoreApplication.translate(
            "errors", "Spot-check item {item_id} was already checked or withdrawn (the plan was redrawn)."
        ),
        "item_claimed": QCoreApplication.translate("errors", "Spot-check item {item_id} is held by another reviewer."),
        "duration_unknown": QCoreApplication.translate(
            "errors",
            'The file\'s duration is unknown, so a full playback cannot be confirmed: the verdict cannot be "Pass".',
        ),
        "pass_on_damaged_file": QCoreApplication.translate(
            "errors", 'The file is incomplete (damaged, missing or failing its checksum): the verdict cannot be "Pass".'
        ),
        "coverage_too_low": lambda data: QCoreApplication.translate(
            "errors",
            'Playback covered {covered} of the file; "Pass" needs {required}. '
            "Play the file in full before submitting, or choose another verdict.",
        ).format(covered=_percent(data["covered_bp"]), required=_percent(data["required_bp"])),
        "user_unknown_or_inactive": QCoreApplication.translate(
            "errors", 'The user "{login}" does not exist or is deactivated.'
        ),
        "system_identity": QCoreApplication.translate(
            "errors", '"{name}" is a system identity and cannot do what needs a user.'
        ),
        "duty_missing": QCoreApplication.translate("errors", "You do not have this right."),
        "clip_action": QCoreApplication.translate(
            "errors",
            "You may not do this ({action}) with file {clip_id}. If you need the footage, submit a viewing request.",
        ),
        "played_negative": QCoreApplication.translate("errors", "The played time cannot be negative."),
        "entry_not_yours": QCoreApplication.translate("errors", "Register entry {entry_id} is not your viewing."),
        "entry_finished": QCoreApplication.translate("errors", "Register entry {entry_id} is already finished."),
        "export_denied": QCoreApplication.translate(
            "errors", "You may not export file {clip_id}. If you need the footage, submit a viewing request."
        ),
        "playback_denied": QCoreApplication.translate(
            "errors", "You may not play file {clip_id}. If you need the footage, submit a viewing request."
        ),
        "request_not_needed": QCoreApplication.translate(
            "errors", "All the footage asked for is within your rights; no request is needed."
        ),
        "rejection_needs_reason": QCoreApplication.translate("errors", "Give a reason when rejecting a request."),
        "no_grant_to_revoke": QCoreApplication.translate(
            "errors", "Viewing request {request_id} has no grant in force to revoke."
        ),
        "revoke_denied": QCoreApplication.translate(
            "errors", "Only a head of the approving unit may revoke this grant."
        ),
        "reason_missing": QCoreApplication.translate("errors", "Give the reason for viewing."),
        "reason_too_long": QCoreApplication.translate("errors", "The reason may have at most {max_chars} characters."),
        "days_out_of_range": QCoreApplication.translate("errors", "The viewing period must be 1 to {max_days} days."),
        "legal_document_missing": QCoreApplication.translate(
            "errors", "A request from an outside body needs the legal document number."
        ),
        "clips_missing": QCoreApplication.translate("errors", "Name the files to view."),
        "officer_period_missing": QCoreApplication.translate(
            "errors", "Give the badge number and a valid start and end time."
        ),
        "case_no_missing": QCoreApplication.translate("errors", "Give the incident/case number."),
        "officer_unknown": QCoreApplication.translate("errors", "There is no officer with badge number {badge_no}."),
        "clips_unknown": QCoreApplication.translate("errors", "The archive has no such files: {clip_ids}"),
        "nothing_matches": QCoreApplication.translate("errors", "No footage matches."),
        "too_many_clips": QCoreApplication.translate(
            "errors", "A request may name at most {max_clips} files; narrow it down."
        ),
        "request_not_found": QCoreApplication.translate("errors", "There is no viewing request number {request_id}."),
        "request_decided": QCoreApplication.translate("errors", "The request has already been decided."),
        "own_request": QCoreApplication.translate("errors", "You cannot approve your own viewing request."),
        "not_your_step": QCoreApplication.translate("errors", "This request is not yours to approve now."),
        "nothing_expired": QCoreApplication.translate(
            "errors",
            "No footage matches that is past its keep-until date, not on legal hold and not on another "
            "destruction request.",
        ),
        "clip_already_destroyed": QCoreApplication.translate("errors", "File {clip_id} has already been destroyed."),
        "clip_unassigned": QCoreApplication.translate(
            "errors",
            "File {clip_id} is not assigned to a unit yet, so no unit can approve its destruction; assign it first.",
        ),
        "clip_held": QCoreApplication.translate(
            "errors", "File {clip_id} is under legal hold (hold {hold_ids}) and cannot be destroyed."
        ),
        "clip_requested": QCoreApplication.translate(
            "errors", "File {clip_id} is already on destruction request {request_id}."
        ),
        "clip_not_expired": QCoreApplication.translate(
            "errors", "File {clip_id} must be kept until {keep_until}; it cannot be destroyed before then."
        ),
        "clip_kept_permanently": QCoreApplication.translate(
            "errors", "File {clip_id} is kept permanently and cannot be destroyed."
        ),
        "unit_unknown": QCoreApplication.translate("errors", 'There is no unit with the code "{unit_code}".'),
        "units_unrelated": QCoreApplication.translate(
            "errors",
            "The files' units have no common superior unit to approve them; submit a separate request for each.",
        ),
        "destruction_reason_missing": QCoreApplication.translate(
            "errors", "Give the reason for the destruction (what was screened and why)."
        ),
        "destruction_reason_too_long": QCoreApplication.translate(
            "errors", "The reason may be at most {max_chars} characters long."
        ),
        "destruction_not_found": QCoreApplication.translate(
            "errors", "There is no destruction request number {request_id}, or you may not see it."
        ),
        "destruction_decided": QCoreApplication.translate(
            "errors", "Destruction request {request_id} has already been decided ({status})."
        ),
        "destruction_not_approved": QCoreApplication.translate(
            "errors", "Destruction request {request_id} is {status}; only an approved request can be executed."
        ),
        "execute_limit": QCoreApplication.translate(
            "errors", "Each pass must handle at least one file (asked for {limit})."
        ),
        "before_needs_unit": QCoreApplication.translate("errors", "--before is used together with --unit."),
        "destruction_request_denied": QCoreApplication.translate(
            "errors",
            "Only a footage administrator may request destruction, and only of footage of their own unit and "
            "the units below it.",
        ),
        "scheduler_only": QCoreApplication.translate(
            "errors", "The scheduled clean-up is run by the scheduler (retention run) only."
        ),
        "destruction_execute_denied": QCoreApplication.translate(
            "errors",
            "Executing destruction request {request_id} needs the delete right of a footage administrator at "
            "corps level.",
        ),
        "own_destruction_request": QCoreApplication.translate(
            "errors", "You cannot approve your own destruction request."
        ),
        "media_root_unreachable": QCoreApplication.translate(
            "errors",
            "The archive's media folder {folder} cannot be reached (the network share may be offline). "
            "Reconnect it and try again; nothing was changed.",
        ),
        "clip_destroyed": QCoreApplication.translate(
            "errors", "File {clip_id} was destroyed after approval; only its destruction record remains."
        ),
        "nothing_to_approve": QCoreApplication.translate("errors", "The request holds no footage that needs approval."),
        "approvers_differ": QCoreApplication.translate(
            "errors",
            "These files belong to different superior units; submit a separate request for each.",
        ),
        "pattern_invalid": QCoreApplication.translate(
            "errors", 'The file name rule "{name}" is not a valid regular expression: {detail}'
        ),
        "pattern_groups_missing": QCoreApplication.translate(
            "errors", 'The file name rule "{name}" lacks the named groups: {groups}'
        ),
        "pattern_field_missing": QCoreApplication.translate("errors", "A file name rule lacks the field {field}"),
        "ingest_disk_full": QCoreApplication.translate(
            "errors",
            "The archive's storage is full; the import stopped. The files imported so far are complete. Free or "
            "add space, then import again: it resumes where it stopped.",
        ),
        "SourceInsideArchive": QCoreApplication.translate(
            "errors",
            'The import source "{source}" is inside the archive\'s own storage ({root}) and cannot be imported '
            "from: its files are already archived, and verify-and-clear would delete the originals. Choose a "
            "recorder's or a collection station's export folder.",
        ),
        "upload_gone": QCoreApplication.translate(
            "errors",
            "The upload {upload_id} expired, or the bytes the server had received are lost. Import again (the "
            "file is sent from the start).",
        ),
        "upload_not_yours": QCoreApplication.translate(
            "errors",
            "The upload {upload_id} was begun by another account; you cannot continue or finish it.",
        ),
        "upload_append_failed": QCoreApplication.translate(
            "errors",
            "Receiving a part of the upload {upload_id} failed on the server; nothing of that part was kept. The "
            "station sends it again.",
        ),
        "upload_run_not_yours": QCoreApplication.translate(
            "errors",
            "The import run {run_id} was begun by another account; you cannot end it.",
        ),
        "upload_run_not_open": QCoreApplication.translate(
            "errors",
            "There is no open import run {run_id}.",
        ),
        "upload_beyond_size": QCoreApplication.translate(
            "errors",
            "The upload {upload_id} sent more bytes than the file's size ({size} bytes); they were refused.",
        ),
        "upload_offset_mismatch": QCoreApplication.translate(
            "errors",
            "The server has received {expected} bytes; the upload must continue there, not at byte {offset}.",
        ),
        "upload_incomplete": QCoreApplication.translate(
            "errors",
            "The upload {upload_id} is not complete ({received} of {size} bytes received); send the rest, then "
            "finish it.",
        ),
        "upload_checksum_mismatch": QCoreApplication.translate(
            "errors",
            'The file "{source}" the server received does not have the checksum (SHA-256) the station read: '
            "nothing was archived and the received bytes were discarded. Import the file again.",
        ),
        "upload_spec_invalid": QCoreApplication.translate(
            "errors",
            "The upload request is invalid ({field}). Update the station's program and try again.",
        ),
        "category_unknown": QCoreApplication.translate("errors", 'There is no category "{category}".'),
        "categories_admin_only": QCoreApplication.translate(
            "errors", "Only a footage administrator may change the marker categories."
        ),
        "category_name_length": QCoreApplication.translate(
            "errors", "A category name has 1 to {max_chars} characters."
        ),
        "category_name_taken": QCoreApplication.translate("errors", 'There already is a category named "{name}".'),
        "color_invalid": QCoreApplication.translate("errors", 'The colour "{color}" is not valid; use #rrggbb.'),
        "clip_not_found": QCoreApplication.translate("errors", "The archive has no file number {clip_id}."),
        "clip_not_markable": QCoreApplication.translate(
            "errors", "Only video and audio can be marked with moments or spans."
        ),
        "marker_not_found": QCoreApplication.translate(
            "errors", "Marker {marker_id} does not exist (it may have been deleted)."
        ),
        "marker_not_yours": QCoreApplication.translate(
            "errors", "This marker was added by {author}; only its author may change or delete it."
        ),
        "marker_before_start": QCoreApplication.translate("errors", "A marker cannot be before the start of the file."),
        "span_reversed": QCoreApplication.translate("errors", "A span must end after it starts."),
        "marker_after_end": QCoreApplication.translate("errors", "The marker is beyond the end of the file."),
        "category_inactive": QCoreApplication.translate(
            "errors", 'The category "{category}" is not among the current marker categories.'
        ),
        "note_too_long": QCoreApplication.translate("errors", "A note has at most {max_chars} characters."),
        "still_not_png": QCoreApplication.translate("errors", "The still is not a valid PNG image."),
        "still_needs_video": QCoreApplication.translate("errors", "Stills can be taken from video only."),
        "still_too_large": QCoreApplication.translate("errors", "The still is too large."),
        "still_not_found": QCoreApplication.translate("errors", "Still {still_id} does not exist."),
        "still_checksum_mismatch": QCoreApplication.translate(
            "errors", "Still {still_id} fails its checksum; the data may have been altered."
        ),
        "unlink_needs_reason": QCoreApplication.translate("errors", "Unlinking needs a reason."),
        "case_not_linked": QCoreApplication.translate("errors", "The file is not linked to {case_no}."),
        "password_too_short": QCoreApplication.translate(
            "errors", "A password needs at least {min_length} characters."
        ),
        "password_too_long": QCoreApplication.translate("errors", "A password has at most {max_length} characters."),
        "password_is_login": QCoreApplication.translate("errors", "The password cannot be the login name."),
        "wrong_credentials": QCoreApplication.translate("errors", "Wrong login name or password."),
        "account_locked": QCoreApplication.translate(
            "errors", "The account is locked: try again after {until}, or ask an administrator to unlock it."
        ),
        "password_changed_meanwhile": QCoreApplication.translate(
            "errors", "The password was changed just now; enter it again."
        ),
        "archive_has_users": QCoreApplication.translate(
            "errors", "The archive already has users; an administrator adds accounts."
        ),
        "password_unchanged": QCoreApplication.translate("errors", "The new password must differ from the old one."),
        "old_password_wrong": QCoreApplication.translate("errors", "The current password is wrong."),
        "reset_own_password": QCoreApplication.translate(
            "errors", 'You cannot reset your own password; use "Change password".'
        ),
        "users_admin_only": QCoreApplication.translate(
            "errors", "Only a footage administrator may manage user accounts."
        ),
        "user_not_managed": QCoreApplication.translate(
            "errors", 'The user "{login}" does not exist or is not in a unit you manage.'
        ),
        "passwords_differ": QCoreApplication.translate("errors", "The two passwords differ."),
        "device_gone": QCoreApplication.translate(
            "errors", "The device cannot be found; another workstation may have changed it. Refresh and try again."
        ),
        "officer_gone": QCoreApplication.translate(
            "errors", "The officer cannot be found; another workstation may have changed them. Refresh and try again."
        ),
        "unit_gone": QCoreApplication.translate(
            "errors", "The unit cannot be found; another workstation may have changed it. Refresh and try again."
        ),
        "handover_note_too_long": QCoreApplication.translate(
            "errors", "The handover note is too long ({length} characters); at most {max_chars}."
        ),
        "device_no_missing": QCoreApplication.translate("errors", "Enter the device number (without spaces)."),
        "device_no_too_long": QCoreApplication.translate(
            "errors", "The device number is too long; at most {max_chars} characters."
        ),
        "serial_too_long": QCoreApplication.translate(
            "errors", "The serial number is too long; at most {max_chars} characters."
        ),
        "model_too_long": QCoreApplication.translate(
            "errors", "The model is too long; at most {max_chars} characters."
        ),
        "device_no_taken": QCoreApplication.translate("errors", "Device number {device_no} is already registered."),
        "devices_admin_only": QCoreApplication.translate(
            "errors", "Only a footage administrator may maintain the device registry."
        ),
        "device_not_managed": QCoreApplication.translate(
            "errors", "The device or officer is not in a unit you manage."
        ),
        "already_holder": QCoreApplication.translate(
            "errors", "Device {device_no} is already held by {person}; no handover is needed."
        ),
        "already_in_unit": QCoreApplication.translate("errors", "{person} already belongs to {unit}."),
        "new_password_required": QCoreApplication.translate("errors", "Set a new password to sign in."),
        "database_unreachable": QCoreApplication.translate(
            "errors",
            "Cannot connect to the archive database ({where}). Check the network, the server, and the user name and "
            "password, then try again.",
        ),
        "database_disk_full": QCoreApplication.translate(
            "errors",
            "The archive database's disk is full. Free disk space or ask an administrator to add some, then try "
            "again; the unfinished operation was not saved.",
        ),
        "ArchiveBusy": QCoreApplication.translate(
            "errors",
            "Another program is writing to the archive database ({where}) and the wait timed out. Try again later; "
            "if this persists, check whether another program (such as another collection station) holds the archive "
            "for long.",
        ),
        "damaged_per_driver": QCoreApplication.translate(
            "errors",
            "The archive database file is damaged ({where}: {detail}). Nothing was changed. Stop using the archive; "
            'an administrator restores the database file from a backup, then runs "workstation verify" and '
            '"workstation audit verify".',
        ),
        "damaged_header": QCoreApplication.translate(
            "errors",
            "The archive database file is damaged ({where}: the header is not a SQLite database's). Nothing was "
            "changed. Stop using the archive; an administrator restores the database file from a backup, then runs "
            '"workstation verify" and "workstation audit verify".',
        ),
        "damaged_partial_page": QCoreApplication.translate(
            "errors",
            "The archive database file is damaged ({where}: its length, {size} bytes, is not a whole number of "
            "pages). Nothing was changed. Stop using the archive; an administrator restores the database file from a "
            'backup, then runs "workstation verify" and "workstation audit verify".',
        ),
        "damaged_truncated": QCoreApplication.translate(
            "errors",
            "The archive database file is damaged ({where}: it is cut off, {size} bytes instead of at least "
            "{expected}). Nothing was changed. Stop using the archive; an administrator restores the database file "
            'from a backup, then runs "workstation verify" and "workstation audit verify".',
        ),
        "archive_not_found": QCoreApplication.translate(
            "errors", "There is no archive ({database}) in {folder}. Check the path, or create the archive first."
        ),
        "ArchiveNeedsUpgrade": QCoreApplication.translate(
            "errors",
            "The archive database is at version {current}; this program needs {wanted}. An administrator upgrades it "
            'with "workstation db upgrade".',
        ),
        "MigrationFailed": QCoreApplication.translate(
            "errors",
            "The archive database upgrade failed: {detail}. The connection is fine; nothing of the unfinished "
            "upgrade was kept. Send this message to technical support, and keep using the previous version of the "
            "program until then.",
        ),
        "ArchiveTooNew": QCoreApplication.translate(
            "errors",
            "The archive ({where}) was upgraded by a newer version of the program (database version {revisions}) and "
            "cannot be used by this one. Install the latest workstation program, then open it again.",
        ),
        "database_unreadable": QCoreApplication.translate(
            "errors", "Cannot read the archive database file {database} ({detail})."
        ),
        "profiles_damaged": QCoreApplication.translate(
            "errors",
            "The connection profiles file {path} is damaged and cannot be read ({detail}). Correct or delete it, "
            "then add the connection profiles again.",
        ),
        "profile_kind_unknown": QCoreApplication.translate("errors", "Unknown archive kind: {kind}"),
        "password_not_saved": QCoreApplication.translate(
            "errors",
            "Cannot save the password in the system's credential store ({detail}). The connection profile was not "
            "saved. Make sure the credential store (Windows Credential Manager or Secret Service) works, then try "
            "again.",
        ),
        "profile_not_found": QCoreApplication.translate(
            "errors", 'There is no connection profile named "{name}". Create it in the connection settings first.'
        ),
        "profile_is_server": QCoreApplication.translate(
            "errors", 'Connection profile "{name}" is an archive server: sign in through the server instead.'
        ),
        "password_not_read": QCoreApplication.translate(
            "errors",
            'Cannot read the password of connection "{name}" from the system\'s credential store ({detail}). Make '
            "sure the credential store works, then try again.",
        ),
        "settings_syntax": QCoreApplication.translate(
            "errors", "The settings file {path} has a syntax error ({detail}). Correct it and try again."
        ),
        "settings_unreadable": QCoreApplication.translate("errors", "Cannot read the settings file {path} ({detail})."),
        "folder_not_private": QCoreApplication.translate(
            "errors",
            "Cannot make the archive folder {folder} accessible to this account only (icacls: {detail}). Check the "
            "permissions of its disk, then try again.",
        ),
        "demo_officers_out_of_range": QCoreApplication.translate(
            "errors", "The demo needs 1 to {max_officers} officers"
        ),
        "demo_days_out_of_range": QCoreApplication.translate("errors", "The demo covers 1 to {max_days} days"),
        "DemoArchiveExists": QCoreApplication.translate(
            "errors",
            "{folder} already holds archive data ({units} units, {clips} files); demo data goes into a new, empty "
            "archive only. Choose another folder.",
        ),
        "output_not_folder": QCoreApplication.translate(
            "errors", "{path} is not a folder; give the folder to write to."
        ),
        "postgres_profile_incomplete": QCoreApplication.translate(
            "errors", "A PostgreSQL connection profile needs --host, --database, --user and --media-root."
        ),
        "settings_invalid": QCoreApplication.translate(
            "errors", "The settings file {path} is wrong: {problems}. Correct it and try again."
        ),
        "session_missing": QCoreApplication.translate("errors", "Sign in to the archive server first."),
        "session_unknown": QCoreApplication.translate(
            "errors",
            "The sign-in is not known to the archive server (signed out elsewhere, or another server): sign in again.",
        ),
        "session_expired": QCoreApplication.translate("errors", "The sign-in has expired: sign in again."),
        "session_ended": QCoreApplication.translate(
            "errors",
            "The sign-in was ended (signed out, revoked by an administrator, or the account was deactivated): "
            "sign in again.",
        ),
        "request_done_answer_lost": QCoreApplication.translate(
            "errors", "The server carried the request out, but its answer was lost: refresh to see the result."
        ),
        "request_in_progress": QCoreApplication.translate(
            "errors", "The server is still carrying out this request: wait a moment and refresh."
        ),
        "bad_arguments": QCoreApplication.translate(
            "errors", "The archive server refused the request {call} ({detail}): client and server versions may differ."
        ),
        "unknown_call": QCoreApplication.translate(
            "errors", "The archive server does not know the request {call}: client and server versions may differ."
        ),
        "password_change_required": QCoreApplication.translate(
            "errors", "An administrator reset your password: change it before doing anything else."
        ),
        "server_unreachable": QCoreApplication.translate(
            "errors", "The archive server {server} does not answer. Check the network and the address, then try again."
        ),
        "server_certificate_mismatch": QCoreApplication.translate(
            "errors",
            "The server {server} presented a certificate other than the pinned one: the connection was refused. "
            "Ask the administrator which certificate is right.",
        ),
        "server_answer_invalid": QCoreApplication.translate(
            "errors",
            "{server} answered with something that is not the archive server's (HTTP {status}). Check the address.",
        ),
        "pin_unreadable": QCoreApplication.translate(
            "errors", "The pinned certificate {path} cannot be read ({detail})."
        ),
        "not_signed_in": QCoreApplication.translate(
            "errors", "Not signed in to {server}: run workstation --server {server} login --user LOGIN first."
        ),
        "user_option_remote": QCoreApplication.translate(
            "errors", "Through the archive server a command acts as the signed-in user: leave out --user."
        ),
        "user_option_required": QCoreApplication.translate(
            "errors", "On an archive opened here, name the workstation user to act as with --user LOGIN."
        ),
        "command_not_remote": QCoreApplication.translate(
            "errors",
            "The command {command} works only on an archive opened on this computer (--archive or --profile), "
            "not through the server.",
        ),
        "serve_options_missing": QCoreApplication.translate(
            "errors",
            "The server needs --listen HOST:PORT, --tls-cert FILE and --tls-key FILE (or the [server] section of "
            "workstation.toml).",
        ),
        "listen_address_invalid": QCoreApplication.translate(
            "errors", "{listen} is not a listen address: write HOST:PORT, e.g. 0.0.0.0:8443."
        ),
        "listen_failed": QCoreApplication.translate(
            "errors", "Cannot listen on {listen} ({detail}): the port may be in use, or need other rights."
        ),
        "tls_files_unusable": QCoreApplication.translate(
            "errors", "The TLS certificate {certificate} and key {key} cannot be used ({detail})."
        ),
        "serve_workers_invalid": QCoreApplication.translate(
            "errors",
            "{workers} worker processes cannot be: give a whole number from 1 to {most} (--workers or [server] "
            "workers).",
        ),
        "WorkerFailed": QCoreApplication.translate(
            "errors",
            "Worker process {number} of the archive server did not start (exit code {exit_code}); the server stopped. "
            "The log above says why.",
        ),
        "server_option_required": QCoreApplication.translate("errors", "{command} needs --server URL."),
        "token_not_read": QCoreApplication.translate(
            "errors", "The sign-in token cannot be read from the system credential store ({detail})."
        ),
        "token_not_saved": QCoreApplication.translate(
            "errors", "The sign-in token cannot be kept in the system credential store ({detail})."
        ),
        "server_internal_error": QCoreApplication.translate(
            "errors",
            "The archive server failed to carry out the request (an internal error, recorded in its log). "
            "Tell the administrator.",
        ),
        "station_account_uploads_only": QCoreApplication.translate(
            "errors", "A station account uploads recorder dumps and does nothing else: sign in with a personal account."
        ),
        "UploadInterrupted": QCoreApplication.translate(
            "errors", "The connection to the archive server broke during the upload; it continues where it stopped."
        ),
        "media_file_unavailable": QCoreApplication.translate(
            "errors",
            "The file {media_path} is missing from the archive's media store or cannot be read. "
            "Tell the administrator (workstation verify finds such files).",
        ),
        "audit_key_missing": QCoreApplication.translate(
            "errors",
            "The audit key of this archive (id {archive}) is not in the key store ({where}). Without it"
            " nothing can be recorded or verified. Restore it from its backup with `workstation audit "
            "import-key --from FILE`, or set [audit] key_file to the server's key file.",
        ),
        "audit_key_invalid": QCoreApplication.translate(
            "errors", "The audit key store {where} is damaged or not a key file. Restore it from its backup."
        ),
        "audit_key_not_saved": QCoreApplication.translate(
            "errors",
            "Cannot write the audit key file {where} ({detail}). Check that the folder exists and may "
            "be written, then try again.",
        ),
        "audit_key_store_unavailable": QCoreApplication.translate(
            "errors",
            "The system's credential store cannot be used for the audit key ({detail}). Make sure it "
            "works, or set [audit] key_file in workstation.toml.",
        ),
        "audit_key_not_in_file": QCoreApplication.translate(
            "errors", "The file {where} holds no audit key of this archive (id {archive})."
        ),
        "audit_key_exists": QCoreApplication.translate(
            "errors",
            "The key store {where} already holds the audit key of this archive (id {archive}); nothing was changed.",
        ),
        "audit_key_does_not_match": QCoreApplication.translate(
            "errors",
            "Key {key} in {where} does not verify the audit log of this archive: it is not this "
            "archive's key. Nothing was changed.",
        ),
        "anchor_malformed": QCoreApplication.translate(
            "errors",
            '"{text}" is not an anchor: write it as SEQ:HEX with at least 16 hexadecimal digits, as '
            "printed on the ledger.",
        ),
        "anchor_file_unreadable": QCoreApplication.translate(
            "errors", "Cannot read the anchor file {where} ({detail})."
        ),
        "anchor_file_malformed": QCoreApplication.translate(
            "errors",
            "Line {line} of the anchor file {where} is not an anchor (SEQ:HEX). Anchor files are only "
            "appended to: restore it from its copy.",
        ),
        "anchor_file_unwritable": QCoreApplication.translate(
            "errors",
            "Cannot append to the anchor file {where} ({detail}). Check that the medium is present and "
            "writable, then try again.",
        ),
        "incremental_needs_anchor_file": QCoreApplication.translate(
            "errors", "--incremental starts from the last anchor of an anchor file: give the file with --anchor FILE."
        ),
        "retention_role": QCoreApplication.translate(
            "errors", "Only administrators, heads, legal and inspection staff see retention and destruction."
        ),
        "retention_policy_admin": QCoreApplication.translate(
            "errors", "Only administrators of the top unit (the corps) change the retention policy."
        ),
        "hold_role": QCoreApplication.translate(
            "errors", "Only legal (法制) and inspection (督察) staff place or lift legal holds."
        ),
        "hold_needs_reason": QCoreApplication.translate("errors", "Give the reason for the legal hold."),
        "hold_needs_clips": QCoreApplication.translate("errors", "Choose the files to hold."),
        "release_needs_reason": QCoreApplication.translate("errors", "Give the reason for lifting the hold."),
        "hold_not_found": QCoreApplication.translate("errors", "There is no legal hold number {hold_id}."),
        "hold_released": QCoreApplication.translate("errors", "Legal hold {hold_id} has already been lifted."),
        "unit_not_in_charge": QCoreApplication.translate(
            "errors", "Unit {unit_code} is not one of the units in your charge."
        ),
        "policy_change_needs_reason": QCoreApplication.translate(
            "errors", "Give the reason for changing the retention policy."
        ),
        "base_rule_required": QCoreApplication.translate(
            "errors", "The base rule (all footage) cannot be removed; set another class instead."
        ),
        "class_unknown": QCoreApplication.translate(
            "errors", "There is no retention class {class_code}. See `workstation retention classes`."
        ),
        "trigger_unknown": QCoreApplication.translate(
            "errors",
            "{trigger} is not a rule this archive knows (base, important, unit:CODE, site:…, case:…, marker:…).",
        ),
        "edit_needs_reason": QCoreApplication.translate("errors", "Give the reason for the correction."),
        "export_purpose_missing": QCoreApplication.translate("errors", "Say what the export is for (purpose)."),
        "export_purpose_too_long": QCoreApplication.translate(
            "errors", "The purpose may be at most {max_chars} characters."
        ),
        "export_document_missing": QCoreApplication.translate(
            "errors", "Enter the number of the receiving body's document (or the internal approval number)."
        ),
        "export_document_too_long": QCoreApplication.translate(
            "errors", "The document number may be at most {max_chars} characters."
        ),
        "handover_incomplete": QCoreApplication.translate("errors", "Enter the medium and who received the package."),
        "export_not_yours": QCoreApplication.translate(
            "errors", "Evidence export {export_id} is not yours: only the person who asked for it may write it."
        ),
        "export_not_completed": QCoreApplication.translate(
            "errors",
            "Evidence export {export_id} is not complete yet; record the handover after the package is written.",
        ),
        "export_not_found": QCoreApplication.translate("errors", "There is no evidence export number {export_id}."),
        "export_not_started": QCoreApplication.translate(
            "errors", "Evidence export {export_id} has not been started; start the export again."
        ),
        "export_files_differ": QCoreApplication.translate(
            "errors",
            "The package of evidence export {export_id} does not hold exactly the files asked for; run "
            "the export again.",
        ),
        "export_hash_mismatch": QCoreApplication.translate(
            "errors",
            "File {clip_id} read for the export does not have the archive's SHA-256: nothing was "
            "recorded. Run `workstation verify` and tell the administrator.",
        ),
        "export_awaiting_approval": QCoreApplication.translate(
            "errors",
            "The export waits for approval of viewing request {request_id} (legal review, then the "
            "head). Run the export again once it is approved.",
        ),
        "export_refused": QCoreApplication.translate(
            "errors",
            "Evidence export {export_id} was refused, or its approval was revoked or has expired. Ask "
            "again if it is still needed.",
        ),
        "export_already_completed": QCoreApplication.translate(
            "errors", "Evidence export {export_id} is already complete; see `workstation evidence list`."
        ),
        "export_body_missing": QCoreApplication.translate(
            "errors", "Name the receiving body once with --to: procuratorate, court, supervision, justice or internal."
        ),
        "export_period_missing": QCoreApplication.translate(
            "errors", "An officer's export needs --from and --to with the first and last day (YYYY-MM-DD)."
        ),
        "export_period_needs_officer": QCoreApplication.translate(
            "errors", "--from and a date after --to go with --officer."
        ),
        "export_no_cjk_font": QCoreApplication.translate(
            "errors",
            "No Chinese TrueType font was found for the PDF description sheet (searched: {searched}). "
            "Install SimSun (simsun.ttc) on Windows, or fonts-wqy-microhei on Linux, then export again.",
        ),
        "statistics_unit_denied": QCoreApplication.translate(
            "errors", "Unit {unit} is not in your charge: statistics cover only the units you may view."
        ),
        "report_suffix": QCoreApplication.translate("errors", "A report is written as .html or .xlsx, not {suffix}."),
        "report_period_reversed": QCoreApplication.translate(
            "errors", "--to is before --from: give the first day, then the last."
        ),
        "export_out_exists": QCoreApplication.translate(
            "errors",
            "{path} already exists. Choose another folder or file name; nothing was written there.",
        ),
        "export_source_changed": QCoreApplication.translate(
            "errors",
            "The bytes read for file {clip_id} ({name}) do not have the hash recorded at ingest, so it cannot be "
            "exported. Nothing was marked complete; have the archive checked (workstation integrity).",
        ),
        "export_source_unreadable": QCoreApplication.translate(
            "errors",
            "File {clip_id} ({name}) cannot be read ({detail}). Check the archive storage, then run the export "
            "again; it resumes where it stopped.",
        ),
        "export_disk_full": QCoreApplication.translate(
            "errors",
            "The target {folder} is full. Free some space or use a larger medium, then run the export again; it "
            "resumes where it stopped.",
        ),
        "export_file_too_big": QCoreApplication.translate(
            "errors",
            "The target {folder} cannot hold a file this large (a FAT32 drive holds at most 4 GB per file). Use "
            "an exFAT or NTFS drive, or the disc image format.",
        ),
        "export_out_unwritable": QCoreApplication.translate(
            "errors",
            "Cannot write to {folder} ({detail}). Check that the medium is present and writable, then run the "
            "export again; it resumes where it stopped.",
        ),
        "export_staging_other": QCoreApplication.translate(
            "errors",
            "{folder} holds an unfinished package of another export. Choose another target, or remove that folder"
            " if it is no longer needed.",
        ),
        "export_check_failed": QCoreApplication.translate(
            "errors",
            "The written copy of {path} differs from what was read when checked. The medium may be faulty; run "
            "the export again (that file is written anew) or use another medium.",
        ),
        "export_cancelled": QCoreApplication.translate(
            "errors",
            "The export was cancelled. What was written is kept; run it again to go on.",
        ),
        "export_not_a_package": QCoreApplication.translate(
            "errors",
            "{path} is not an evidence package (a folder, .zip or .iso with bagit.txt and manifest-sha256.txt at "
            "its root), or cannot be read.",
        ),
        "report_options_missing": QCoreApplication.translate(
            "errors", "workstation {action} needs {options} (see workstation report --help)."
        ),
        "report_schedule_invalid": QCoreApplication.translate(
            "errors",
            "The task's schedule is not valid: choose daily (--daily), weekly (--weekly 1–7, 1 is Monday) or monthly "
            "(--monthly 1–28), with --hour 0–23.",
        ),
        "report_task_not_found": QCoreApplication.translate(
            "errors", "There is no report task {task_id} (see workstation report tasks)."
        ),
        "report_task_destination": QCoreApplication.translate(
            "errors",
            "A report task goes either to e-mail addresses (--mail) or to a drop folder (--drop-folder): give one of "
            "them.",
        ),
        "report_recipient_invalid": QCoreApplication.translate(
            "errors", "“{address}” is not an e-mail address (name@domain)."
        ),
        "report_drop_folder_invalid": QCoreApplication.translate(
            "errors",
            "The drop folder {folder} does not exist or is not a full path: create it first and give its full path.",
        ),
        "report_task_admin_only": QCoreApplication.translate(
            "errors", "Only administrators set up report tasks, for the units in their charge."
        ),
        "mail_not_configured": QCoreApplication.translate(
            "errors",
            "No mail server is set up: give host, port, security, sender (and user if it signs in) in the [mail] "
            "section of workstation.toml, or use a drop folder (--drop-folder).",
        ),
        "mail_settings_incomplete": QCoreApplication.translate(
            "errors",
            "The [mail] section of workstation.toml is incomplete: host and sender are needed, and user to keep a "
            "password.",
        ),
        "mail_security_unknown": QCoreApplication.translate(
            "errors",
            "[mail] security in workstation.toml is starttls or tls, not “{value}” (mail is never sent in clear text).",
        ),
        "mail_password_unreadable": QCoreApplication.translate(
            "errors",
            "The SMTP password cannot be read from the credential store ({detail}). Run the scheduled task as the "
            "account that saved it.",
        ),
        "mail_password_missing": QCoreApplication.translate(
            "errors",
            "The credential store holds no SMTP password for {user}@{host}: run workstation report mail-password as "
            "the account that runs the scheduled task.",
        ),
        "mail_tls_failed": QCoreApplication.translate(
            "errors",
            "The encrypted connection to the mail server {host} failed ({detail}). For a private mail server, give "
            "its certificate or CA in [mail] ca_file.",
        ),
        "mail_sign_in_failed": QCoreApplication.translate(
            "errors",
            "The mail server {host} refused user {user} ({detail}): save the password again with workstation report "
            "mail-password.",
        ),
        "mail_refused": QCoreApplication.translate(
            "errors", "The mail server {host} refused the report ({detail}). Check the recipients and the sender."
        ),
        "mail_unreachable": QCoreApplication.translate(
            "errors", "The mail server {host}:{port} cannot be reached ({detail}). It is tried again at the next run."
        ),
        "drop_failed": QCoreApplication.translate(
            "errors",
            "The report cannot be written to the drop folder {folder} ({detail}). Check that the folder exists and "
            "can be written.",
        ),
        "clock_options_missing": QCoreApplication.translate(
            "errors", "workstation clock {action} needs {options} (see workstation clock --help)."
        ),
        "clock_device_unknown": QCoreApplication.translate(
            "errors", "No recorder with device number {device_no} is registered."
        ),
        "clock_note_too_long": QCoreApplication.translate(
            "errors", "The note is too long ({length} characters); at most {max_chars}."
        ),
        "clock_offset_too_large": QCoreApplication.translate(
            "errors",
            "The clock of recorder {device_no} is more than {max_days} days off: set the recorder's clock right "
            "instead of measuring it.",
        ),
        "clock_clip_not_of_device": QCoreApplication.translate(
            "errors", "File {clip_id} was not recorded by recorder {device_no}: give a file of this recorder."
        ),
        "clock_reason_missing": QCoreApplication.translate("errors", "Give the reason for the clock correction."),
        "clock_reason_too_long": QCoreApplication.translate(
            "errors", "The reason is too long ({length} characters); at most {max_chars}."
        ),
        "clock_period_reversed": QCoreApplication.translate(
            "errors", "The end date of the correction is before its start date."
        ),
        "clock_no_measurements": QCoreApplication.translate(
            "errors", "Recorder {device_no} has no clock measurement yet: enter one first (workstation clock measure)."
        ),
        "clock_correction_unknown": QCoreApplication.translate(
            "errors", "There is no clock correction {correction_id} (see workstation clock show)."
        ),
        "clock_correction_reverted": QCoreApplication.translate(
            "errors", "Clock correction {correction_id} was already reverted at {at}."
        ),
        "clock_correction_superseded": QCoreApplication.translate(
            "errors",
            "Clock correction {correction_id} is overridden by the later correction {later} of the same footage: "
            "revert {later} first.",
        ),
        "prescreen_unit_denied": QCoreApplication.translate(
            "errors",
            "The unit {unit} is not in your charge: the pre-screen covers only the units you may view.",
        ),
        "finding_review_denied": QCoreApplication.translate(
            "errors",
            "You may not review finding {finding_id}: only administrators, reviewers and inspection staff of its unit "
            "or a unit above it may (or there is no such finding).",
        ),
        "prescreen_period_invalid": QCoreApplication.translate(
            "errors",
            "The end date {date_to} is before the start date {date_from}.",
        ),
        "finding_note_too_long": QCoreApplication.translate(
            "errors",
            "The review note is too long (at most {limit} characters).",
        ),
        "prescreen_scan_unknown": QCoreApplication.translate(
            "errors",
            "The archive server has no pre-screen scan {job_id} of yours (run it again after a server restart).",
        ),
        "prescreen_scan_denied": QCoreApplication.translate(
            "errors",
            "Only an administrator of the unit may start a pre-screen scan (not a station account or another role).",
        ),
    }
