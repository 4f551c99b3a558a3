"""Processes as Linux's /proc shows them: a process's children, whether one still runs, its CPU time. For the
tests that kill servers and workers and the benchmarks that weigh what a server process and its workers used."""

import os
from contextlib import suppress
from pathlib import Path


def children(pid: int) -> set[int]:
    """The processes `pid` started that still run (or wait unreaped)."""
    tasks = Path(f"/proc/{pid}/task").iterdir()
    return {int(child) for task in tasks for child in (task / "children").read_text().split()}


def alive(pid: int) -> bool:
    """Whether the process runs (an ended one may linger unreaped as a zombie: its parent was killed)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z"
    except FileNotFoundError:
        return False


def cpu_seconds_with_children(pid: int) -> float:
    """User + system CPU seconds so far of a process and, recursively, its children (a server's workers); a child
    that ends meanwhile (multiprocessing's helpers) counts as nothing."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime (fields 14, 15 of stat(5))
    total = own
    for child in children(pid):
        with suppress(FileNotFoundError):
            total += cpu_seconds_with_children(child)
    return total
