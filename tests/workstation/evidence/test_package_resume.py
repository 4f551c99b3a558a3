"""A writer killed (SIGKILL, a real process) at random points resumes to a package that verifies, and nothing
exists at the target until the package is complete and checked."""

import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.workstation.evidence.conftest import random_file
from workstation.evidence.types import ExportFormat
from workstation.evidence.verify import verify_package

REPO = Path(__file__).resolve().parents[3]
MIB = 1024 * 1024


def run(out: Path, fmt: ExportFormat, kill_at: int, files: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.workstation.evidence.export_runner",
            str(out),
            str(fmt),
            str(kill_at),
            "--",
            *map(str, files),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_killed_at_random_points_the_export_resumes_to_a_package_that_verifies(fmt, tmp_path):
    files = [
        random_file(tmp_path / "archive" / f"DSJ_{index:04d}.MP4", (5 + 3 * index) * MIB + index, index)
        for index in range(4)
    ]
    total = sum(path.stat().st_size for path in files)  # progress counts the passes' work in originals' bytes
    rng = random.Random(f"resume-{fmt}")
    kills = sorted(rng.sample(range(MIB, total - MIB, 137), 4))
    out = tmp_path / "medium" / ("DC-20261201-0007" + ("" if fmt is ExportFormat.FOLDER else f".{fmt}"))
    out.parent.mkdir()
    for kill_at in kills:  # each run resumes the last; its progress starts at what the journal kept
        killed = run(out, fmt, kill_at, files)
        assert killed.returncode == -9, killed.stdout + killed.stderr
        assert not out.exists(), kill_at
    finished = run(out, fmt, -1, files)
    assert finished.returncode == 0 and finished.stdout.startswith("done"), finished.stderr
    assert sorted(path.name for path in out.parent.iterdir()) == [out.name]  # the staging folder is gone
    verification = verify_package(out)
    assert verification.ok and verification.bytes_checked > sum(path.stat().st_size for path in files)


@pytest.mark.slow
def test_a_file_cut_short_by_a_kill_is_rewritten_not_kept(tmp_path):
    """Killed in the middle of the one large original: its staged copy is half there and not journaled."""
    files = [random_file(tmp_path / "archive" / "DSJ_0001.MP4", 64 * MIB, 1)]
    out = tmp_path / "DC-20261201-0007"
    assert run(out, ExportFormat.FOLDER, 20 * MIB, files).returncode == -9  # 40 MiB of 2 passes' work: copying
    staged = out.with_name(out.name + ".partial") / "package" / "data" / "DSJ_0001.MP4"
    # the writer thread lags the reader by at most the queue (4 chunks of 4 MiB) and the chunk in hand
    assert 20 * MIB <= staged.stat().st_size <= 40 * MIB
    assert run(out, ExportFormat.FOLDER, -1, files).returncode == 0
    assert (out / "data" / "DSJ_0001.MP4").read_bytes() == files[0].read_bytes()
