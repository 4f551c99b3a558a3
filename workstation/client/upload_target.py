"""The branch server as an ingest station's `UploadTarget` (workstation.footage.upload_ingest), over HTTPS.

Each method is one request to the routes of workstation.server.uploads, as the signed-in station account.
A broken connection becomes UploadInterrupted, which upload_ingest answers by resuming where the server's
received bytes end; every other refusal arrives as the server's typed error.
"""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from workstation.client.connection import ServerConnection, ServerUnreachable
from workstation.errors import UploadInterrupted
from workstation.footage.types import IngestFileResult, IngestReport, UploadSpec, UploadState

_JSON = {"Content-Type": "application/json"}


@cache
def _adapter(kind: Any) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


@contextmanager
def _interruptible() -> Iterator[None]:
    try:
        yield
    except ServerUnreachable as error:
        if error.code != "server_unreachable":
            raise  # another certificate or not the archive server: retrying cannot mend it
        raise UploadInterrupted() from error


class HttpUploadTarget:
    """`UploadTarget` over a signed-in connection to the branch server."""

    def __init__(self, connection: ServerConnection) -> None:
        self.connection = connection

    def start_run(self, station: str, sources: Sequence[str]) -> int:
        with _interruptible():
            answer = self.connection.send("POST", "/uploads/runs", json={"station": station, "sources": list(sources)})
        return int(answer.json()["run_id"])

    def begin(self, spec: UploadSpec) -> UploadState:
        with _interruptible():
            answer = self.connection.send(
                "POST", "/uploads", content=_adapter(UploadSpec).dump_json(spec), headers=_JSON
            )
        state: UploadState = _adapter(UploadState).validate_json(answer.content)
        return state

    def append(self, upload_id: str, offset: int, length: int, pieces: Iterable[bytes]) -> UploadState:
        headers = {"Content-Type": "application/octet-stream", "Content-Length": str(length)}
        with _interruptible():
            answer = self.connection.send(
                "PUT", f"/uploads/{upload_id}?offset={offset}", content=pieces, headers=headers
            )
        state: UploadState = _adapter(UploadState).validate_json(answer.content)
        return state

    def finish(self, upload_id: str, sha256: str) -> IngestFileResult:
        with _interruptible():
            answer = self.connection.send("POST", f"/uploads/{upload_id}/finish?sha256={sha256}")
        result: IngestFileResult = _adapter(IngestFileResult).validate_json(answer.content)
        return result

    def finish_run(self, report: IngestReport) -> None:
        content = _adapter(IngestReport).dump_json(report)
        with _interruptible():
            self.connection.send("POST", f"/uploads/runs/{report.run_id}/finish", content=content, headers=_JSON)
