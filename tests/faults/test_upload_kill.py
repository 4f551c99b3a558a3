"""Kill -9 an uploading station (station and server in one process) at random chunks; the next run resumes.

A worker (tests/faults/upload_worker.py) uploads a recorder through the upload services in 256 KiB chunks
and is killed a random time after a randomly chosen acknowledged chunk, so kills land while reading,
hashing, writing and fsyncing a chunk, committing its count, re-hashing at finish and filing the clip.
Each next run resumes the interrupted upload where the committed count ends. After the final run: every
file is archived exactly once and verifies, nothing is half-written or left staged, the recorder is
empty (cleared only after the server confirmed each file), and the audit chain is intact.
"""

import hashlib
import subprocess

import pytest
from sqlalchemy import select

from db.models import Clip, Upload
from tests.faults.kill import kill_after_line, kill_generator, kill_points, python_module
from tests.faults.test_ingest_resume import _make_recorder
from tests.helpers.builders import build_org
from workstation import audit
from workstation.footage.verify import verify_archive
from workstation.identity import Identity

KILLS = kill_points(6)


@pytest.mark.slow
@pytest.mark.soak
def test_a_killed_upload_resumes_with_nothing_lost_duplicated_or_half_written(archive, tmp_path):
    build_org(archive)
    recorder = tmp_path / "recorder"
    expected = _make_recorder(recorder)
    command, env = python_module("tests.faults.upload_worker")
    url = archive.engine.url.render_as_string(hide_password=False)
    worker = [*command, url, str(archive.media_root), str(recorder)]
    generator = kill_generator(20261212)
    total_chunks = sum(path.stat().st_size for path in recorder.rglob("*") if path.is_file()) // (256 * 1024)

    kills = part_way = runs = 0
    while kills < KILLS and runs < 3 * KILLS:  # each run gets further: later kills come sooner
        runs += 1
        line = generator.randrange(0, max(1, total_chunks // (kills + 1)))
        if kill_after_line(worker, env, tmp_path, line, generator.uniform(0.0, 0.05), f"run {runs}") is None:
            kills += 1
            part_way += any(upload.outcome is None and upload.received_bytes for upload in uploads(archive))

    final = subprocess.run([*worker, "--clear-source"], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert final.returncode == 0, final.stderr
    assert kills >= KILLS - 1, f"only {kills} runs were killed before they finished"
    assert part_way, "a killed run left an upload part-way, which a later run resumed"

    assert_archived_exactly_once(archive, recorder, expected)


def assert_archived_exactly_once(archive, recorder, expected: dict[str, str]) -> None:
    """After the last run: the recorder is empty (each file cleared once the server confirmed it), every file
    is archived once with its bytes and verifies, nothing is half-written or left staged, every upload is
    closed, and the audit chain is intact."""
    assert list(recorder.rglob("*.*")) == [], "every file cleared after the server confirmed it"
    with archive.sessions.read() as session:
        archived = session.execute(select(Clip.sha256, Clip.original_name, Clip.media_path)).all()
        assert audit.verify_chain(session).ok
    assert sorted((sha, name) for sha, name, _ in archived) == sorted(expected.items())
    for sha, _, media_path in archived:
        assert hashlib.sha256(archive.absolute_path(media_path).read_bytes()).hexdigest() == sha
    assert verify_archive(archive, Identity.system("verify")).problems == ()
    on_disk = {
        path.relative_to(archive.media_root).as_posix()
        for path in archive.media_root.rglob("*")
        if path.is_file() and ".incoming" not in path.parts
    }
    assert on_disk == {media_path for _, _, media_path in archived}, "no unrecorded or half-written files"
    assert list((archive.media_root / ".incoming").glob("*")) == [], "nothing left staged"
    assert all(upload.outcome is not None for upload in uploads(archive)), "no upload left open"


def uploads(archive) -> list[Upload]:
    with archive.sessions.read() as session:
        return list(session.execute(select(Upload)).scalars())
