"""Runs write_package in its own process for the kill-and-resume tests: the plan is plans.plan_of(FILES),
and the progress callback kills the process with SIGKILL once KILL_AT bytes are done (-1: never).

    python -m tests.workstation.evidence.export_runner OUT FORMAT KILL_AT [FSIZE_LIMIT] -- FILES...

Prints "done <manifest sha256>" or "error <code>" (exit 3). FSIZE_LIMIT caps the size of any file the process
writes (RLIMIT_FSIZE: a write past it fails with EFBIG, like a FAT32 drive's 4 GiB limit).
"""

import os
import resource
import signal
import sys
from pathlib import Path

from tests.workstation.evidence.plans import open_file, plan_of
from workstation.evidence.errors import EvidenceError
from workstation.evidence.package import write_package
from workstation.evidence.types import ExportFormat


def main(arguments: list[str]) -> int:
    split = arguments.index("--")
    options, files = arguments[:split], [Path(name) for name in arguments[split + 1 :]]
    out, fmt, kill_at = Path(options[0]), ExportFormat(options[1]), int(options[2])
    if len(options) > 3:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(options[3]), int(options[3])))

    def progress(done: int, _total: int) -> None:
        if 0 <= kill_at <= done:
            os.kill(os.getpid(), signal.SIGKILL)

    try:
        outcome = write_package(plan_of(files), open_file, out, fmt, progress, None)
    except EvidenceError as error:
        print("error", error.code, flush=True)
        return 3
    print("done", outcome.manifest_sha256, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
