"""`RemoteClient`: the archive client over the branch archive server's HTTPS interface (issue 12).

Over a signed-in `workstation.client.connection.ServerConnection`, `RemoteClient` implements
every `ArchiveClient` call listed in `workstation.client.wire` by sending it to the server, with a fresh
idempotency key per call that is sent again on each retry: a call whose connection dropped is retried
(`workstation.client.connection.RETRIES` times) without ever being carried out twice. Refusals arrive as
the same typed errors a local archive raises. The client holds no database credentials and reads no share.
"""

import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any, cast

from player.media.byte_source import ByteSource
from workstation import config
from workstation.access.types import Viewing
from workstation.atomic_file import replacing
from workstation.client import ArchiveClient
from workstation.client.connection import ServerConnection
from workstation.client.media_stream import HttpsRangeSource
from workstation.client.upload_target import HttpUploadTarget
from workstation.client.wire import (
    EXPORTS,
    IDEMPOTENCY_HEADER,
    PRESCREEN_SCANS,
    ROW_COUNT_HEADER,
    Call,
    ScanJob,
    ScanRequest,
    ScanState,
    export_call,
    json_adapter,
    ledger_export_of,
    remote_calls,
)
from workstation.client.wire_errors import error_from_body
from workstation.errors import WorkstationError
from workstation.footage.naming import patterns_from_settings
from workstation.footage.types import IngestProgress, IngestReport
from workstation.footage.upload_ingest import UploadOptions, upload_ingest
from workstation.identity import Identity
from workstation.org.users import SignedInUser
from workstation.prescreen.types import ScanProgress, ScanReport
from workstation.spotcheck.types import LedgerExport

SCAN_POLL_S = 0.5
"""How often a scan asked of the server is polled for its progress."""


class RemoteClient:
    """`ArchiveClient` over a signed-in `ServerConnection`; every call acts as the session's user.

    The calls are made from `workstation.client.wire.remote_calls()` below the class: one generic
    `_call` each, typed by the Protocol (use `remote_client()` to get it as an `ArchiveClient`).
    """

    def __init__(self, connection: ServerConnection, user: SignedInUser) -> None:
        self.connection = connection
        self.user = user
        self._who = Identity.user(user.login)

    @property
    def who(self) -> Identity:
        return self._who

    def _call(self, call: Call, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Any:
        answer = self.connection.send(
            "POST",
            f"/call/{call.name}",
            content=call.encode_arguments(args, kwargs),
            headers={"Content-Type": "application/json", IDEMPOTENCY_HEADER: uuid.uuid4().hex},
            retry=True,
        )
        return call.decode_answer(answer.content)

    def _export(self, what: str, path: Path, **arguments: object) -> Mapping[str, str]:
        """Write the server's workbook to `path`; returns the answer's headers (the counts, wire.export_headers)."""
        body = export_call(what).encode_arguments((), arguments)
        answer = self.connection.send(
            "POST", f"/export/{what}", content=body, headers={"Content-Type": "application/json"}, retry=True
        )
        with replacing(path) as partial:
            partial.write_bytes(answer.content)
        return answer.headers

    def export_ledger(self, criteria: object, path: Path) -> LedgerExport:
        return ledger_export_of(self._export("ledger", path, criteria=criteria))

    def export_audit(self, criteria: object, path: Path) -> int:
        return int(self._export("audit", path, criteria=criteria).get(ROW_COUNT_HEADER, "0"))

    def export_register(self, criteria: object, path: Path) -> int:
        return int(self._export("register", path, criteria=criteria).get(ROW_COUNT_HEADER, "0"))

    def export_destruction_forms(self, request_id: int, path: Path) -> int:
        return int(self._export("destruction-forms", path, request_id=request_id).get(ROW_COUNT_HEADER, "0"))

    def export_report(self, kind: object, query: object, fmt: object, path: Path) -> int:
        return int(self._export("report", path, kind=kind, query=query, fmt=fmt).get(ROW_COUNT_HEADER, "0"))

    def export_evidence_ledger(self, search: str, path: Path) -> int:
        return int(self._export("evidence-ledger", path, search=search).get(ROW_COUNT_HEADER, "0"))

    def media_source(self, viewing: Viewing) -> ByteSource:
        """A stream of the server's media route for the viewing's open register entry (HttpsRangeSource),
        through the connection's own client, already fetching what the player reads first."""
        connection = self.connection
        source = HttpsRangeSource(
            connection.url,
            viewing.entry_id,
            lambda: connection.token,
            connection.pin,
            name=PurePosixPath(viewing.media_path).name,
            client=connection.http,
        )
        source.prefetch()
        return source

    def thumbnail(self, clip_id: int) -> bytes | None:
        answer = self.connection.send("GET", f"/clips/{clip_id}/thumbnail", retry=True)
        return answer.content if answer.status_code == 200 else None  # 204: the file has no picture

    def ingest(
        self,
        sources: Sequence[Path],
        station: str,
        clear_source: bool,
        cancel: threading.Event,
        progress: Callable[[IngestProgress], None],
    ) -> IngestReport:
        """Upload the recorder dumps to the server (workstation.footage.upload_ingest)."""
        patterns = patterns_from_settings(config.load_settings())
        options = UploadOptions(station, clear_source, patterns, cancel=cancel)
        return upload_ingest(HttpUploadTarget(self.connection), sources, options, progress)

    def scan_prescreen(
        self,
        unit_code: str | None,
        date_from: date | None,
        date_to: date | None,
        workers: int,
        cancel: threading.Event,
        progress: Callable[[ScanProgress], None],
    ) -> ScanReport:
        """Ask the server, where the media are, to scan now (or join the same scan of this user's still going),
        and follow its progress until it ends. A cancel stops the waiting, not the scan: the server finishes it
        (what is scanned is kept either way)."""
        asked = ScanRequest(unit_code, date_from, date_to, workers)
        answer = self.connection.send(
            "POST",
            PRESCREEN_SCANS,
            content=json_adapter(ScanRequest).dump_json(asked),
            headers={"Content-Type": "application/json"},
            retry=True,
        )
        job: ScanJob = json_adapter(ScanJob).validate_json(answer.content)
        shown = None
        while True:
            if job.progress is not None and job.progress != shown:
                shown = job.progress
                progress(job.progress)
            if job.state is ScanState.FAILED:
                raise error_from_body(job.error) or WorkstationError("server_internal_error")
            if job.state is ScanState.FINISHED:
                return job.report or ScanReport()
            if cancel.wait(SCAN_POLL_S):
                return ScanReport(cancelled=True)
            answer = self.connection.send("GET", f"{PRESCREEN_SCANS}/{job.job_id}", retry=True)
            job = json_adapter(ScanJob).validate_json(answer.content)


def _remote_method(call: Call) -> Callable[..., Any]:
    def method(self: RemoteClient, *args: Any, **kwargs: Any) -> Any:
        return self._call(call, args, kwargs)

    method.__name__ = method.__qualname__ = call.name
    method.__doc__ = getattr(ArchiveClient, call.name).__doc__
    return method


for _name, _call in remote_calls().items():
    setattr(RemoteClient, _name, _remote_method(_call))
assert all(method in vars(RemoteClient) for method in EXPORTS.values()), "every export has its method"


def remote_client(connection: ServerConnection, user: SignedInUser) -> ArchiveClient:
    """The remote client as the interface the window and the command line use."""
    return cast(ArchiveClient, RemoteClient(connection, user))
