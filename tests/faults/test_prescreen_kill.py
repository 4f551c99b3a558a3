"""A pre-screen run killed with SIGKILL (the command and its worker processes) resumes where it stopped: the
clips kept before the kill are not scanned again, the rest are, and every clip ends with exactly one scan row
(SQLite and PostgreSQL, the real command line)."""

import os
import signal
import subprocess
import time

from sqlalchemy import func, select

from db.models import PrescreenScan
from tests.helpers.builders import build_org
from tests.helpers.cli_archive import cli_invocation
from tests.helpers.prescreen_builders import real_clips
from tests.helpers.processes import alive, children

CLIPS = 10


def _scanned(archive) -> int:
    with archive.sessions.read() as session:
        return session.execute(select(func.count()).select_from(PrescreenScan)).scalar_one()


def test_a_killed_scan_resumes(archive, database_kind, tmp_path):
    build_org(archive)
    real_clips(archive, tmp_path, CLIPS)
    command, env = cli_invocation(database_kind, archive, tmp_path)
    command += ["prescreen", "--workers", "1"]

    process = subprocess.Popen(
        command, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    deadline = time.monotonic() + 120
    while _scanned(archive) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)  # the command and its worker processes
    process.communicate()
    kept = _scanned(archive)
    assert 1 <= kept < CLIPS, f"the kill landed after {kept} clips"

    done = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"已扫描 {CLIPS - kept} 个文件" in done.stderr
    assert _scanned(archive) == CLIPS


def test_the_workers_of_a_killed_scan_end_with_it(archive, database_kind, tmp_path):
    """Only the command is killed, as a user's kill or a crash would: its worker processes end by themselves
    instead of waiting for ever on a queue nobody writes to (and holding the command's output open)."""
    build_org(archive)
    real_clips(archive, tmp_path, CLIPS)
    command, env = cli_invocation(database_kind, archive, tmp_path)
    process = subprocess.Popen(
        [*command, "prescreen", "--workers", "2"], env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 120
    while _scanned(archive) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    workers = children(process.pid)
    assert workers, "the scan ran no worker process"
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)  # no stray worker holds the output open
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers)
