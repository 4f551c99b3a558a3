"""Upload a recorder folder through the archive server as its own process, for the kill -9 test of a station.

    WORKSTATION_TEST_TOKEN=TOKEN python -m tests.faults.http_upload_worker SERVER_URL PIN RECORDER [--clear-source]

The station's side only: upload_ingest over HttpUploadTarget (the program's HTTPS client, signed in with the
station account's session token), in small chunks, printing `sent N` after each acknowledged chunk so that
the test can kill it at a chosen step.
"""

import os
import sys
from pathlib import Path

from tests.faults.upload_worker import CHUNK_BYTES, report
from workstation.client.connection import ServerConnection
from workstation.client.upload_target import HttpUploadTarget
from workstation.footage.upload_ingest import UploadOptions, upload_ingest


def main(url: str, pin: str, recorder: str, clear_source: bool) -> None:
    connection = ServerConnection(url, Path(pin), token=os.environ["WORKSTATION_TEST_TOKEN"])
    try:
        options = UploadOptions(station="采集站1", clear_source=clear_source, chunk_bytes=CHUNK_BYTES, retry_delay=0)
        upload_ingest(HttpUploadTarget(connection), [Path(recorder)], options, report)
    finally:
        connection.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], "--clear-source" in sys.argv[4:])
