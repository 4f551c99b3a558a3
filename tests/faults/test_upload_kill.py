"""Kill -9 an uploading station (station and server in one process) at random chunks; the next run resumes.

A worker (tests/faults/upload_worker.py) uploads a recorder through the upload services in 256 KiB chunks
and is killed a random time after a randomly chosen acknowledged chunk, so kills land while reading,
hashing, writing and fsyncing a chunk, committing its count, re-hashing at finish and filing the clip.
Each next run resumes the interrupted upload where the committed count ends. After the final run: every
file is archived exactly once and verifies, nothing is half-written or left staged, the recorder is
empty (cleared only after the server confirmed each file), and the audit chain is intact.
"""

import subprocess

import pytest

from tests.faults.exactly_once import assert_archived_exactly_once, uploads
from tests.faults.kill import kill_after_line, kill_generator, kill_points, python_module
from tests.faults.test_ingest_resume import _make_recorder
from tests.helpers.builders import build_org

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
