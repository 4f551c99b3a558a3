"""Executing approved destructions: each clip checked at that moment (hold, expiry, file, hash), a tombstone
before the file goes, the space freed equal to the files removed; on SQLite and PostgreSQL."""

import json
import os
import stat

import pytest
from sqlalchemy import func, select

from db.models import AuditEvent, Clip, Tombstone
from tests.helpers.destruction_builders import TODAY, add_clip, build_destruction_org, place_hold
from workstation import audit
from workstation.client.local import LocalClient
from workstation.errors import ClipDestroyed, PermissionDenied
from workstation.footage import cases
from workstation.footage.types import CaseKind
from workstation.footage.verify import verify_archive
from workstation.identity import Identity
from workstation.retention import destruction
from workstation.retention.errors import RetentionError
from workstation.retention.execution import execute
from workstation.retention.types import DestructionSpec, DestructionStatus, ItemOutcome
from workstation.types import MediaStatus

EXECUTOR = Identity.user("corps_admin")


def _approved(archive, clip_ids):
    with archive.sessions.write() as session:
        spec = DestructionSpec(reason="到期清理", clip_ids=tuple(clip_ids))
        row = destruction.request_destruction(session, Identity.user("clerk"), spec, TODAY)
    with archive.sessions.write() as session:
        destruction.approve_destruction(session, Identity.user("head"), row.id, "同意")
    return row.id


def _media_bytes(archive) -> int:
    """What the files under the media root take, summed from the file system itself."""
    return sum(
        os.stat(os.path.join(folder, name)).st_size
        for folder, _, names in os.walk(archive.media_root)
        for name in names
    )


def _status(archive, request_id):
    with archive.sessions.read() as session:
        return next(row for row in destruction.destruction_requests(session, EXECUTOR, False) if row.id == request_id)


def test_execution_leaves_tombstones_and_frees_exactly_the_files_removed(archive):
    build_destruction_org(archive)
    clip_ids = [add_clip(archive, "DD01", content=bytes([n]) * (1000 + n)) for n in range(5)]
    spare = add_clip(archive, "DD02")  # not listed: untouched
    with archive.sessions.write() as session:
        cases.link_clips(session, Identity.user("clerk"), [clip_ids[0]], "J2024-001", CaseKind.INCIDENT)
        session.get_one(Clip, clip_ids[0]).keep_until = session.get_one(Clip, clip_ids[1]).keep_until  # still expired
    request_id = _approved(archive, clip_ids)
    before = _media_bytes(archive)

    first = execute(archive, EXECUTOR, request_id, 2, TODAY)
    assert (first.destroyed, first.remaining, first.done) == (2, 3, False)
    assert _status(archive, request_id).status is DestructionStatus.APPROVED
    rest = execute(archive, EXECUTOR, request_id, 100, TODAY)
    assert (rest.destroyed, rest.remaining, rest.kept) == (3, 0, ())

    freed = first.bytes_freed + rest.bytes_freed
    assert freed == sum(1000 + n for n in range(5)) == before - _media_bytes(archive)
    row = _status(archive, request_id)
    assert row.status is DestructionStatus.EXECUTED and row.executed_at is not None
    assert row.outcomes == ((ItemOutcome.DESTROYED, 5),)
    with archive.sessions.read() as session:
        tombstones = {t.clip_id: t for t in session.execute(select(Tombstone)).scalars()}
        assert sorted(tombstones) == clip_ids
        first_tombstone = tombstones[clip_ids[0]]
        facts = json.loads(first_tombstone.facts)
        assert facts["unit_code"] == "DD01" and facts["badge_no"] == "9DD01" and facts["device_no"] == "DEVDD01"
        assert facts["case_numbers"] == ["J2024-001"] and facts["sha256"] == first_tombstone.sha256
        assert (first_tombstone.requested_by, first_tombstone.approved_by, first_tombstone.executed_by) == (
            "clerk",
            "head",
            "corps_admin",
        )
        assert all(t.file_removed for t in tombstones.values())
        for clip in session.execute(select(Clip).where(Clip.id.in_(clip_ids))).scalars():
            assert clip.media_status == MediaStatus.DESTROYED
            assert not archive.absolute_path(clip.media_path).exists()
        assert session.get_one(Clip, spare).media_status == MediaStatus.OK
        destroyed_rows = session.execute(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "clip.destroy")
        ).scalar_one()
        assert destroyed_rows == 5
        assert audit.verify_chain(session).ok
    with pytest.raises(RetentionError, match="destruction_not_approved"):
        execute(archive, EXECUTOR, request_id, 10, TODAY)


def test_what_changed_after_approval_keeps_the_clip(archive):
    build_destruction_org(archive)
    held, linked, changed, missing, fine = (add_clip(archive, "DD01") for _ in range(5))
    request_id = _approved(archive, [held, linked, changed, missing, fine])
    place_hold(archive, [held])  # a hold placed after the approval
    with archive.sessions.write() as session:  # a complaint linked after the approval: kept permanently now
        cases.link_clips(session, Identity.user("clerk"), [linked], "TS2026-9", CaseKind.COMPLAINT)
        paths = {clip.id: archive.absolute_path(clip.media_path) for clip in session.execute(select(Clip)).scalars()}
    os.chmod(paths[changed], stat.S_IWUSR | stat.S_IRUSR)
    paths[changed].write_bytes(b"not the original")
    os.chmod(paths[missing], stat.S_IWUSR | stat.S_IRUSR)
    paths[missing].unlink()

    report = execute(archive, EXECUTOR, request_id, 100, TODAY)
    assert report.destroyed == 1 and report.done
    assert dict(report.kept) == {
        ItemOutcome.KEPT_HELD: 1,
        ItemOutcome.KEPT_NOT_EXPIRED: 1,
        ItemOutcome.KEPT_HASH_MISMATCH: 1,
        ItemOutcome.KEPT_MISSING: 1,
    }
    assert paths[held].exists() and paths[linked].exists() and paths[changed].exists()
    assert not paths[fine].exists()
    with archive.sessions.read() as session:
        status = dict(session.execute(select(Clip.id, Clip.media_status)).all())
        assert status[changed] == MediaStatus.MISMATCH and status[missing] == MediaStatus.MISSING
        assert status[held] == status[linked] == MediaStatus.OK and status[fine] == MediaStatus.DESTROYED
        assert session.execute(select(Tombstone.clip_id)).scalars().all() == [fine]
        assert (
            session.execute(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "destruction.keep")
            ).scalar_one()
            == 4
        )
    assert _status(archive, request_id).status is DestructionStatus.EXECUTED


def test_only_the_delete_right_executes_and_only_approved_requests(archive):
    build_destruction_org(archive)
    clip = add_clip(archive, "DD01")
    with archive.sessions.write() as session:
        spec = DestructionSpec(reason="到期清理", clip_ids=(clip,))
        pending = destruction.request_destruction(session, Identity.user("clerk"), spec, TODAY)
    with pytest.raises(RetentionError, match="destruction_not_approved"):
        execute(archive, EXECUTOR, pending.id, 10, TODAY)
    with archive.sessions.write() as session:
        destruction.approve_destruction(session, Identity.user("head"), pending.id, "")
    for who in ("clerk", "head", "dd_admin", "corps_head"):  # no 总队 administrator: no delete right
        with pytest.raises(PermissionDenied, match="destruction_execute_denied"):
            execute(archive, Identity.user(who), pending.id, 10, TODAY)
    with pytest.raises(PermissionDenied):
        execute(archive, Identity.system("retention-scheduler"), pending.id, 10, TODAY)
    assert execute(archive, EXECUTOR, pending.id, 10, TODAY).destroyed == 1


def test_a_destroyed_clip_is_neither_played_nor_thumbnailed_nor_called_missing(archive):
    build_destruction_org(archive)
    gone, present = add_clip(archive, "DD01"), add_clip(archive, "DD01", keep_until=None)
    execute(archive, EXECUTOR, _approved(archive, [gone]), 10, TODAY)
    clerk = LocalClient(archive, Identity.user("clerk"))
    with pytest.raises(ClipDestroyed):
        clerk.start_viewing(gone)
    with pytest.raises(ClipDestroyed):
        clerk.thumbnail(gone)
    assert [row.media_status for row in clerk.get_clips([gone])] == [MediaStatus.DESTROYED]
    report = verify_archive(archive, Identity.system("tests"))
    assert report.files_checked == 1  # only the clip still kept is checked (unattested: the test wrote no ingest row)
    assert [(problem.clip_id, problem.status) for problem in report.problems] == [(present, MediaStatus.UNATTESTED)]
    assert clerk.start_viewing(present).clip_id == present
