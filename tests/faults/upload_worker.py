"""Upload a recorder folder as its own process, for the kill -9 test of upload ingest.

    python -m tests.faults.upload_worker DATABASE_URL MEDIA_ROOT RECORDER [--clear-source]

Runs upload_ingest through the in-process upload services (ServiceUploadTarget: the station and the
server in one process, so a kill lands in either side's work) with small chunks, and prints a line
`sent N` after each acknowledged chunk, so the test can kill it at a chosen step.
"""

import sys
from pathlib import Path

from workstation.archive import Archive
from workstation.footage.types import IngestProgress
from workstation.footage.upload_ingest import ServiceUploadTarget, UploadOptions, upload_ingest
from workstation.identity import Identity

CHUNK_BYTES = 256 * 1024


def report(progress: IngestProgress) -> None:
    """One line per acknowledged chunk, at once: the test's kill points."""
    print(f"sent {progress.bytes_done}", flush=True)


def main(url: str, media_root: str, recorder: str, clear_source: bool) -> None:
    archive = Archive.open_url(url, Path(media_root))
    try:
        options = UploadOptions(station="采集站1", clear_source=clear_source, chunk_bytes=CHUNK_BYTES, retry_delay=0)
        upload_ingest(ServiceUploadTarget(archive, Identity.system("采集站1")), [Path(recorder)], options, report)
    finally:
        archive.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], "--clear-source" in sys.argv[4:])
