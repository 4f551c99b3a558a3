"""One measurement of the evidence export benchmark, in its own process so that its peak RSS is its own.

    python -m tests.benchmarks.evidence_export_worker METHOD OUT PARALLEL DROP_CACHE SOURCES...

METHOD: "copy" (shutil.copyfile + fsync of each file, the baseline), "folder", "zip" or "iso" (write_package
over a plan of SOURCES). PARALLEL: originals copied at once; DROP_CACHE: 1 to read back from the medium.
Prints JSON: seconds, bytes, cpu_seconds (user + sys, all threads), peak_rss_mb.
"""

import json
import os
import shutil
import sys
import time
from pathlib import Path

from tests.workstation.evidence.plans import open_file, plan_of
from workstation.evidence.package import payload, readback, write_package
from workstation.evidence.package.staging import fsync_path
from workstation.evidence.types import ExportFormat


def _high_water_mark_mb() -> float:
    """This process's peak resident set (VmHWM, Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _copy(sources: list[Path], out: Path) -> None:
    out.mkdir()
    for source in sources:
        shutil.copyfile(source, out / source.name)
        fsync_path(out / source.name)


def main(arguments: list[str]) -> None:
    method, out, parallel, drop = arguments[0], Path(arguments[1]), int(arguments[2]), arguments[3] == "1"
    sources = [Path(name) for name in arguments[4:]]
    payload.PARALLEL_FILES = parallel
    readback.DROP_CACHE = drop
    plan = plan_of(sources, stills=0) if method != "copy" else None
    cpu = os.times()
    started = time.perf_counter()
    if plan is None:
        _copy(sources, out)
    else:
        write_package(plan, open_file, out, ExportFormat(method), None, None)
    seconds = time.perf_counter() - started
    after = os.times()
    print(
        json.dumps(
            {
                "seconds": seconds,
                "bytes": sum(path.stat().st_size for path in sources),
                "cpu_seconds": (after.user - cpu.user) + (after.system - cpu.system),
                "peak_rss_mb": _high_water_mark_mb(),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
