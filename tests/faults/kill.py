"""Kill -9 helpers shared by the fault tests: how many kill points, when to kill, and the real command line.

Every fault test kills a real subprocess with SIGKILL at moments spread over the measured duration of an
uninterrupted run, reruns it, and checks that nothing is lost, duplicated or half-written. The number of
kill points per database is small in the normal suite and set by `KILL_POINTS` for a soak run
(`tools/soak.sh` sets 50). The moments come from `KILL_SEED` (default: fixed per test); every kill prints
its seed and moment, so a failure shows how to reproduce it:

    KILL_POINTS=50 KILL_SEED=1234 pytest tests/faults -m soak -k draw
"""

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]


def kill_points(default: int) -> int:
    """Kill points per database: `KILL_POINTS` if set (the soak run), else the test's small default."""
    return int(os.environ.get("KILL_POINTS") or default)


def kill_generator(default_seed: int) -> random.Random:
    """The seeded random source of a test's kill moments (`KILL_SEED` overrides the test's own seed)."""
    seed = int(os.environ.get("KILL_SEED") or default_seed)
    print(f"kill seed {seed} (rerun with KILL_SEED={seed})")
    return random.Random(seed)


def python_module(module: str) -> tuple[list[str], dict[str, str]]:
    """`python -m module` with this interpreter (a worker script under tests/), and its environment."""
    return [sys.executable, "-m", module], {**os.environ, "PYTHONPATH": str(REPOSITORY)}


@dataclass(frozen=True)
class Finished:
    """A run that ended before its kill moment."""

    returncode: int
    stdout: str
    stderr: str


def run(command: list[str], env: dict[str, str], cwd: Path, timeout: float = 300) -> tuple[Finished, float]:
    """Run to the end; returns the result and how long it took (the duration the kill moments spread over)."""
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    return Finished(done.returncode, done.stdout, done.stderr), time.perf_counter() - started


class KillClock:
    """Kill moments for one command: measured `startup` (the same program doing nothing) and `full` run.

    Four in five moments fall between the end of the start-up and the end of the run, where the work is,
    stratified: the window is cut into `points` equal slices taken in a shuffled order (a random moment in
    each), so even three kills spread over it. The fifth falls anywhere from the start, so kills during
    start-up, connecting and the schema check happen too.
    """

    def __init__(self, generator: random.Random, startup: float, full: float, points: int) -> None:
        self.generator, self.full = generator, full
        self.start = min(0.9 * startup, full)
        self.slices = list(range(max(1, points)))
        generator.shuffle(self.slices)
        self.taken = 0

    def moment(self) -> float:
        if self.generator.random() < 0.2:
            return self.generator.uniform(0.0, self.full)
        slice_ = self.slices[self.taken % len(self.slices)]
        self.taken += 1
        width = (self.full - self.start) / len(self.slices)
        return self.start + (slice_ + self.generator.random()) * width


def run_and_kill(command: list[str], env: dict[str, str], cwd: Path, delay: float, label: str) -> Finished | None:
    """Start the command, SIGKILL it after `delay` seconds; None if killed, the result if it finished first."""
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = process.communicate(timeout=delay)
    except subprocess.TimeoutExpired:
        _kill(process)
        print(f"{label}: killed at {delay:.3f} s")
        return None
    print(f"{label}: finished before {delay:.3f} s (exit {process.returncode})")
    return Finished(process.returncode, stdout, stderr)


STRAY_WAIT_S = 30
"""How long a killed command's output may stay open: only a process it started can hold it."""


def _kill(process: subprocess.Popen[str]) -> None:
    """SIGKILL the command (only it, as a user's kill would) and read its output to the end. A process it started
    that outlives it (a stray pre-screen worker) would hold the output open for ever: that fails here."""
    process.send_signal(signal.SIGKILL)
    try:
        process.communicate(timeout=STRAY_WAIT_S)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"a process started by the killed command still runs after {STRAY_WAIT_S} s") from None


def line_times(command: list[str], env: dict[str, str], cwd: Path) -> tuple[Finished, list[float]]:
    """Run to the end, noting when each line of its output arrived (seconds from the start)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    lines, times = [], []
    for line in process.stdout:
        lines.append(line)
        times.append(time.perf_counter() - started)
    rest, stderr = process.communicate()
    return Finished(process.returncode, "".join(lines) + rest, stderr), times


def kill_after_line(
    command: list[str], env: dict[str, str], cwd: Path, line: int, delay: float, label: str
) -> Finished | None:
    """Start the command, wait for its `line`-th line of output (0: none), then SIGKILL it `delay` seconds
    later: kills land at a chosen step of the work whatever the start-up cost. None if killed."""
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    seen = []
    while len(seen) < line and (text := process.stdout.readline()):
        seen.append(text)
    time.sleep(delay)
    if process.poll() is None:
        _kill(process)
        print(f"{label}: killed {delay:.3f} s after output line {line}")
        return None
    stdout, stderr = process.communicate()
    print(f"{label}: finished before {delay:.3f} s after output line {line}")
    return Finished(process.returncode, "".join(seen) + stdout, stderr)
