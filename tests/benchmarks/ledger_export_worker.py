"""One measurement of the ledger export benchmark, in its own process so that its peak RSS is its own.

    python -m tests.benchmarks.ledger_export_worker MODE ARCHIVE_FOLDER OUT.xlsx FROM TO [--trace]

MODE: `export` (workstation.ledger.export_ledger: four formatted sheets), `bare` (the same ledger rows,
the same cell values of 检查台帐 and 检查明细, appended to two bare openpyxl write-only sheets: no styles, no
other sheets) or `read`
(the rows and cell values only, nothing written). Prints JSON: seconds, rows, peak RSS in MiB and, with
--trace, tracemalloc's peak in MiB (tracing slows the run, so it is measured in a separate run).
"""

import json
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from workstation.archive import Archive
from workstation.identity import Identity
from workstation.spotcheck.ledger import LedgerFilter, export_ledger, iter_ledger
from workstation.spotcheck.ledger_workbook import detail_values, ledger_values


def run(mode: str, archive: Archive, out: Path, criteria: LedgerFilter) -> int:
    if mode == "export":
        return export_ledger(archive.sessions, Identity.system("bench"), criteria, out).rows
    with archive.sessions.read() as session:
        rows = (
            (ledger_values(number, row), detail_values(number, row))
            for number, row in enumerate(iter_ledger(session, criteria, None), 1)
        )
        if mode == "read":
            return sum(1 for _ in rows)
        workbook = Workbook(write_only=True)
        ledger, details = workbook.create_sheet("检查台帐"), workbook.create_sheet("检查明细")
        count = 0
        for line, detail in rows:
            ledger.append(line)
            details.append(detail)
            count += 1
        workbook.save(out)
        return count


def _high_water_mark_mb() -> float:
    """This process's peak resident set (VmHWM). Not getrusage's ru_maxrss: Linux carries that over exec()
    from the forked parent, so every worker would report the test runner's size."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def main(argv: list[str]) -> None:
    mode, folder, out, first, last = argv[:5]
    trace = "--trace" in argv
    archive = Archive.open_embedded(Path(folder))
    criteria = LedgerFilter(date.fromisoformat(first), date.fromisoformat(last))
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    rows = run(mode, archive, Path(out), criteria)
    seconds = time.perf_counter() - started
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if trace else None
    archive.close()
    peak_rss = _high_water_mark_mb()
    print(json.dumps({"mode": mode, "rows": rows, "seconds": seconds, "peak_rss_mb": peak_rss, "traced_mb": traced}))


if __name__ == "__main__":
    main(sys.argv[1:])
