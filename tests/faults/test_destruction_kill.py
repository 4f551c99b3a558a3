"""Kill -9 the execution of an approved destruction at random moments: never a file gone without its tombstone,
never a tombstone without its audit row, and the next run finishes what was left.

A worker process (tests/faults/destruction_worker.py, calling the service `retention execute` and the window
call) executes one request in passes of a few clips and is killed: mostly a random time (up to one and a
half passes' worth) after it reported a random pass, so kills land inside and between the transactions and
between a commit and its files' removal; one run in five at a random moment of its start-up. After every
kill, for every listed clip: a tombstone exists exactly when the clip is destroyed, its item says so and one
`clip.destroy` audit row records it; a clip without a tombstone still has its file; a tombstone marked
file_removed has none; the audit chain is intact. A last run completes the request: every file gone, every
tombstone file_removed, the request executed, the space freed equal to the tombstones' sizes.
"""

import os
from collections import Counter

import pytest
from sqlalchemy import select

from db.models import AuditEvent, Clip, DestructionItem, Tombstone
from tests.faults.kill import kill_after_line, kill_generator, kill_points, line_times, python_module, run, run_and_kill
from tests.helpers.destruction_builders import TODAY, add_clip_in, build_destruction_org
from workstation import audit
from workstation.identity import Identity
from workstation.retention import destruction
from workstation.retention.types import DestructionSpec, DestructionStatus, ItemOutcome
from workstation.types import MediaStatus

KILLS = kill_points(4)
PASS = 15  # clips per execute() call: each pass is a transaction, a removal and a marking
CLIPS = PASS * (3 * KILLS + 4)


def _approved(archive, count: int) -> tuple[int, list[int]]:
    with archive.sessions.write() as session:
        clip_ids = [add_clip_in(session, archive, "DD01", content=os.urandom(2048 + n)) for n in range(count)]
        spec = DestructionSpec(reason="到期清理", clip_ids=tuple(clip_ids))
        row = destruction.request_destruction(session, Identity.user("clerk"), spec, TODAY)
    with archive.sessions.write() as session:
        destruction.approve_destruction(session, Identity.user("head"), row.id, "同意")
    return row.id, clip_ids


def _destroyed(archive, clip_ids: list[int]) -> int:
    """How many of the clips are destroyed, after checking that each is wholly destroyed or wholly kept."""
    with archive.sessions.read() as session:
        clips = {clip.id: clip for clip in session.execute(select(Clip).where(Clip.id.in_(clip_ids))).scalars()}
        tombstones = {t.clip_id: t for t in session.execute(select(Tombstone)).scalars()}
        outcomes = dict(session.execute(select(DestructionItem.clip_id, DestructionItem.outcome)).all())
        logged = Counter(
            int(target)
            for target in session.execute(
                select(AuditEvent.target_id).where(AuditEvent.action == "clip.destroy")
            ).scalars()
        )
        assert audit.verify_chain(session).ok
    destroyed = 0
    for clip_id, clip in clips.items():
        present = archive.absolute_path(clip.media_path).exists()
        tombstone = tombstones.get(clip_id)
        if tombstone is None:
            assert clip.media_status == MediaStatus.OK and present, f"clip {clip_id}: file gone without a tombstone"
            assert outcomes[clip_id] == ItemOutcome.LISTED and logged[clip_id] == 0
            continue
        destroyed += 1
        assert clip.media_status == MediaStatus.DESTROYED and outcomes[clip_id] == ItemOutcome.DESTROYED
        assert logged[clip_id] == 1, f"clip {clip_id}: {logged[clip_id]} destroy rows"
        assert tombstone.sha256 == clip.sha256 and tombstone.size_bytes == clip.size_bytes
        assert not (tombstone.file_removed and present), f"clip {clip_id}: marked removed, file still there"
    return destroyed


@pytest.mark.slow
@pytest.mark.soak
def test_a_killed_execution_resumes_without_losing_a_tombstone_or_a_file(archive, database_kind, tmp_path):
    build_destruction_org(archive)
    command, env = python_module("tests.faults.destruction_worker")
    url = archive.engine.url.render_as_string(hide_password=False)

    def worker(request_id: int) -> list[str]:
        return [*command, url, str(archive.media_root), "corps_admin", str(request_id), str(PASS), TODAY.isoformat()]

    trial, trial_clips = _approved(archive, PASS * 3)  # measure start-up and a pass on a request of its own
    finished, times = line_times(worker(trial), env, tmp_path)
    assert finished.returncode == 0, finished.stderr
    assert _destroyed(archive, trial_clips) == len(trial_clips)
    each = (times[-1] - times[0]) / (len(times) - 1)
    print(f"destruction: first pass after {times[0]:.2f} s, then {each * 1000:.0f} ms a pass of {PASS}")

    request_id, clip_ids = _approved(archive, CLIPS)
    generator = kill_generator(20261203)
    kills = runs = 0
    while kills < KILLS:
        runs += 1
        left = CLIPS - _destroyed(archive, clip_ids)
        assert left, f"only {kills} of {runs} runs were killed before they finished"
        passes = -(-left // PASS)
        if generator.random() < 0.2:  # during start-up and connecting
            result = run_and_kill(worker(request_id), env, tmp_path, generator.uniform(0, times[0]), f"run #{runs}")
        else:  # inside or between a pass's transaction, removal and marking
            step, delay = generator.randrange(passes), generator.uniform(0, 1.5 * each)
            result = kill_after_line(worker(request_id), env, tmp_path, step, delay, f"run #{runs}")
        now_destroyed = _destroyed(archive, clip_ids)
        if result is None:
            kills += 1
            print(f"  {now_destroyed} of {CLIPS} destroyed")
        else:
            assert result.returncode == 0, result.stderr

    if _destroyed(archive, clip_ids) < CLIPS:  # the last kill may land after the last pass, as the run exits
        last = run(worker(request_id), env, tmp_path)[0]
        assert last.returncode == 0, last.stderr
    assert _destroyed(archive, clip_ids) == CLIPS
    with archive.sessions.read() as session:
        tombstones = session.execute(select(Tombstone).where(Tombstone.clip_id.in_(clip_ids))).scalars().all()
        assert all(t.file_removed for t in tombstones)
        row = next(
            r
            for r in destruction.destruction_requests(session, Identity.user("corps_admin"), False)
            if r.id == request_id
        )
    assert row.status is DestructionStatus.EXECUTED and row.outcomes == ((ItemOutcome.DESTROYED, CLIPS),)
    assert not [path for path in (archive.media_root / "DD01").iterdir() if path.is_file()]  # every original gone
