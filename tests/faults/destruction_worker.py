"""Execute an approved destruction request as its own process, for the kill -9 test of execution.

    python -m tests.faults.destruction_worker DATABASE_URL MEDIA_ROOT LOGIN REQUEST_ID PASS_SIZE TODAY

Calls workstation.retention.execution.execute (what `workstation retention execute` and the window call)
in passes of PASS_SIZE clips until the request is done, printing `pass DESTROYED REMAINING` after each.
"""

import sys
from datetime import date
from pathlib import Path

from workstation.archive import Archive
from workstation.identity import Identity
from workstation.retention.execution import execute


def main(url: str, media_root: str, login: str, request_id: int, size: int, today: date) -> None:
    archive = Archive.open_url(url, Path(media_root))
    try:
        while True:
            report = execute(archive, Identity.user(login), request_id, size, today)
            print(f"pass {report.destroyed} {report.remaining}", flush=True)
            if report.done:
                return
    finally:
        archive.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), date.fromisoformat(sys.argv[6]))
