"""Start-up of the frozen program (dist/workstation, built by tools/build_bundle.sh), offscreen.

Issue #7's target: from process start to the signed-in main window showing its first page of clips,
under 3 s. Measured from outside: the clock starts before the process is created and stops when it
prints that its window is up (`workstation --smoke-test --startup`: a demo archive, the sign-in dialog
filled in and submitted). Baseline in the same run: the same start from the source tree with the
venv's Python. Also timed: the whole installation smoke test (`workstation --smoke-test`).

With BENCH_COLD=1 (root only) the page cache is dropped before the first start of each kind, so that
start reads the bundle from disk as after a reboot (likewise for the first smoke test); the other runs
are warm (BENCH_REPEATS of each). Skipped when no bundle was built: tools/bench.sh builds it first.
"""

import os
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from tests.benchmarks.conftest import REPO, BenchReport, BenchScale

pytestmark = pytest.mark.benchmark

BUNDLE = REPO / "dist" / "workstation"
FROZEN = BUNDLE / ("workstation.exe" if sys.platform == "win32" else "workstation")
SOURCE = [sys.executable, "-m", "ui.launcher"]
SHOWN = "startup main_window_shown"
TIMEOUT_S = 120


@pytest.fixture(scope="module")
def demo_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from workstation.demo.archive import build_demo_archive

    folder = tmp_path_factory.mktemp("frozen-start") / "demo"
    build_demo_archive(folder)
    return folder


def _environment(tmp: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment.update(
        QT_QPA_PLATFORM="offscreen",
        WORKSTATION_CONFIG_DIR=str(tmp / "config"),
        XDG_CONFIG_HOME=str(tmp / "xdg-config"),
        XDG_CACHE_HOME=str(tmp / "xdg-cache"),
    )
    for name in ("PYTHON_VLC_LIB_PATH", "PYTHON_VLC_MODULE_PATH", "VLC_PLUGIN_PATH"):
        environment.pop(name, None)  # the frozen build must find its own libVLC
    return environment


def _drop_page_cache() -> bool:
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        return False
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")
    return True


def start_once(command: list[str], archive: Path, tmp: Path) -> tuple[float, dict[str, float]]:
    """Seconds from process creation to the window-shown line, and the phases the program reported."""
    started = time.perf_counter()
    shown, phases, lines = None, {}, []
    with subprocess.Popen(
        [*command, "--smoke-test", "--startup", "--archive", str(archive), "--user", "admin"],
        cwd=REPO,
        env=_environment(tmp),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write("admin123\n")
        process.stdin.close()
        for line in process.stdout:
            lines.append(line.rstrip())
            if line.startswith(SHOWN):
                shown = time.perf_counter() - started
            elif line.startswith("startup "):
                _, name, seconds = line.split()
                phases[name] = float(seconds)
        assert process.wait(TIMEOUT_S) == 0, "\n".join(lines)
    assert shown is not None, "\n".join(lines)
    return shown, phases


def smoke_test_once(command: list[str], tmp: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [*command, "--smoke-test"],
        cwd=REPO,
        env=_environment(tmp),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT_S,
        check=False,
    )
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stdout + result.stderr
    return elapsed


def test_frozen_start(demo_archive: Path, bench_scale: BenchScale, bench_report: BenchReport, tmp_path: Path) -> None:
    if not FROZEN.exists():
        pytest.skip(f"no frozen build at {BUNDLE}: run tools/build_bundle.sh first (tools/bench.sh should)")
    repeats = max(1, bench_scale.repeats)
    kinds = {"frozen": [str(FROZEN)], "source": SOURCE}
    rows, payload = [], {"bundle_built_at": datetime.fromtimestamp(FROZEN.stat().st_mtime).isoformat()}
    for kind, command in kinds.items():
        cold = None
        if bench_scale.cold and _drop_page_cache():
            cold, _ = start_once(command, demo_archive, tmp_path)
        warm, phases = [], {}
        for _ in range(repeats):
            seconds, phases = start_once(command, demo_archive, tmp_path)
            warm.append(seconds)
        smoke_cold = smoke_test_once(command, tmp_path) if bench_scale.cold and _drop_page_cache() else None
        smoke = [smoke_test_once(command, tmp_path) for _ in range(repeats)]
        payload[kind] = {
            "cold_s": cold,
            "warm_s": warm,
            "last_phases_s": phases,
            "smoke_test_cold_s": smoke_cold,
            "smoke_test_s": smoke,
        }
        rows.append(
            [
                kind,
                "-" if cold is None else f"{cold:.2f}",
                f"{min(warm):.2f}",
                f"{statistics.median(warm):.2f}",
                " ".join(f"{name}={value:.2f}" for name, value in phases.items()),
                "-" if smoke_cold is None else f"{smoke_cold:.2f}",
                f"{statistics.median(smoke):.2f}",
            ]
        )
    files = [path for path in BUNDLE.rglob("*") if path.is_file() and not path.is_symlink()]  # as du counts
    size_mb = sum(path.stat().st_size for path in files) / 2**20
    payload["bundle_mb"] = round(size_mb, 1)
    bench_report.table(
        "Start to the signed-in main window (offscreen, demo archive), seconds",
        ["build", "cold", "warm min", "warm median", "phases (last warm start)", "smoke cold", "smoke warm"],
        rows,
        [f"bundle {BUNDLE.relative_to(REPO)}: {size_mb:.0f} MB; target: under 3 s"],
    )
    bench_report.write("frozen-start", payload)
