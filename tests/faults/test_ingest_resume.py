"""Kill -9 a real `workstation ingest --clear-source` at random moments; the next run finishes the job.

After many kills and one final run: every source file is archived exactly once and verifies, nothing is
left half-written (no temporary copies, no unrecorded files in the media tree), the recorder is empty,
and the audit chain is intact. Runs against both databases, the subprocess reaching PostgreSQL through
a connection profile (tests/helpers/cli_archive.py).
"""

import hashlib
import random
import signal
import subprocess
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.faults.exactly_once import assert_archived_exactly_once
from tests.faults.kill import kill_generator, kill_points
from tests.helpers.builders import build_org, video
from tests.helpers.cli_archive import cli_invocation

KILLS = kill_points(12)


def _padded(path: Path, megabytes: int, seed: int) -> None:
    """Grow a real MP4 with a trailing `free` box of random bytes: still valid, bigger, unique."""
    payload = random.Random(seed).randbytes(megabytes * 1024 * 1024)
    with path.open("ab") as handle:
        handle.write((len(payload) + 8).to_bytes(4, "big") + b"free" + payload)


def _make_recorder(folder: Path, clips: int = 40) -> dict[str, str]:
    """A recorder holding `clips` clips (1 to 4 MB) and a log; returns sha256 -> file name."""
    start = datetime(2026, 11, 21, 8, 0)
    for index in range(clips):
        name = f"DEV0001_010203_{start + timedelta(minutes=index):%Y%m%d%H%M%S}_{index + 1:04d}.MP4"
        path = video(folder / name, seed=700 + index)
        _padded(path, megabytes=1 + index % 4, seed=index)
    (folder / "DEV0001_010203_20261121080000_0000.LOG").write_text("2026-11-21 07:59:30 开机\n", encoding="utf-8")
    return {hashlib.sha256(p.read_bytes()).hexdigest(): p.name for p in sorted(folder.iterdir())}


def _run_and_kill(command: list[str], env: dict[str, str], cwd: Path, generator: random.Random) -> bool:
    """Start an ingest, SIGKILL it at a random point of its progress; False if it finished first.

    The non-interactive progress prints a line per 10 %; the kill waits for a randomly chosen line, then
    a random few milliseconds more, so kills land in copies, probes, renames and commits alike.
    """
    target_percent = generator.choice([-1, 0, 10, 20, 30, 40, 50, 60, 70, 80, 90])
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    if target_percent >= 0:
        for line in process.stderr:
            if line.startswith("导入进度") and int(line.split()[1].rstrip("%")) >= target_percent:
                break
    delay = generator.uniform(0.0, 0.08) if target_percent >= 0 else generator.uniform(0.3, 1.2)
    time.sleep(delay)
    killed = process.poll() is None
    print(f"ingest: {'killed' if killed else 'finished'} {delay:.3f} s after the {target_percent} % line")
    if killed:
        process.send_signal(signal.SIGKILL)
    process.communicate()
    return killed


@pytest.mark.slow
@pytest.mark.soak
def test_killed_ingest_resumes_with_nothing_lost_duplicated_or_half_written(
    archive, database_kind, tmp_path, isolated_config
):
    build_org(archive)
    expected = _make_recorder(tmp_path / "recorder")
    where, env = cli_invocation(database_kind, archive, tmp_path)
    command = [*where, "ingest", str(tmp_path / "recorder"), "--clear-source"]
    generator = kill_generator(20261125)

    keeping, clearing = command[:-1], command
    kills = runs = 0
    while kills < KILLS and runs < 4 * KILLS:
        runs += 1
        # most runs keep the recorder full, so kills land all over the work; the last ones clear it
        if _run_and_kill(keeping if kills < KILLS - 3 else clearing, env, tmp_path, generator):
            kills += 1
        if not any((tmp_path / "recorder").iterdir()):
            break

    final = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr
    assert kills >= KILLS - 2, f"only {kills} of {runs} runs were killed before they finished"

    assert_archived_exactly_once(archive, tmp_path / "recorder", expected)
