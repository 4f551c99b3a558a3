"""How `ArchiveClient` calls travel between the remote client and the archive server (issue 12).

One source of truth: the `ArchiveClient` Protocol. Every method listed in `REMOTE_CALLS` is a call
`POST /api/v1/call/{name}` whose JSON body holds the arguments by parameter name and whose answer is
`{"result": ...}`; both ends encode and check the values with the Protocol's own type hints (pydantic
models built from them), so a wrong or missing argument is refused before a service sees it, and the
areas' dataclasses arrive as themselves. Bytes travel as base64.

What is not a call: `who` (the server knows the user from the token), `ingest` (an upload, see
workstation.footage.upload), `scan_prescreen` (a scan runs on the server for minutes: started or joined by
`POST /api/v1/prescreen/scans` with a `ScanRequest`, its `ScanJob` polled at `GET /api/v1/prescreen/scans/{id}`),
`media_source` (media are streamed, `/api/v1/media/{entry}`), `thumbnail`
(`/api/v1/clips/{id}/thumbnail` answers the JPEG itself), and
the exports, which write a file on the client (`/api/v1/export/{what}` answers the workbook).
"""

import inspect
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Any, cast

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, create_model

from workstation.client import ArchiveClient
from workstation.errors import WorkstationError
from workstation.prescreen.types import ScanProgress, ScanReport
from workstation.spotcheck.types import LedgerExport

API = "/api/v1"
LOCAL_ONLY = frozenset(
    {
        "who",
        "ingest",
        "scan_prescreen",
        "media_source",
        "thumbnail",
        "export_audit",
        "export_register",
        "export_ledger",
        "export_destruction_forms",
        "export_evidence_ledger",
        "export_report",
    }
)


EXPORTS = {
    "ledger": "export_ledger",
    "audit": "export_audit",
    "register": "export_register",
    "destruction-forms": "export_destruction_forms",
    "evidence-ledger": "export_evidence_ledger",
    "report": "export_report",
}
"""`/api/v1/export/{what}` → the client method that writes the workbook; its arguments but `path` travel as
the request's JSON body, like a call's (`export_call`)."""
PRESCREEN_SCANS = "/prescreen/scans"
"""The server's pre-screen scans: POST a ScanRequest (starts one, or joins the same user's identical one still
queued or running) → ScanJob; GET PRESCREEN_SCANS/{id} → the ScanJob now."""
IDEMPOTENCY_HEADER = "Idempotency-Key"
ROW_COUNT_HEADER, DISPUTED_COUNT_HEADER, DISPUTED_NAMED_HEADER = "X-Row-Count", "X-Disputed-Count", "X-Disputed-Reviews"
_CONFIG = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64", extra="forbid")


def export_headers(result: int | LedgerExport) -> dict[str, str]:
    """An export's counts as the server's answer carries them: the lines written and, for the ledger, the lines
    marked 与审计日志不符."""
    if isinstance(result, LedgerExport):
        named = ",".join(str(review_id) for review_id in result.named)
        return {
            ROW_COUNT_HEADER: str(result.rows),
            DISPUTED_COUNT_HEADER: str(result.disputed),
            DISPUTED_NAMED_HEADER: named,
        }
    return {ROW_COUNT_HEADER: str(result)}


def ledger_export_of(headers: Mapping[str, str]) -> LedgerExport:
    """The counts `export_headers` put on a ledger export's answer."""
    named = tuple(int(review_id) for review_id in headers.get(DISPUTED_NAMED_HEADER, "").split(",") if review_id)
    return LedgerExport(int(headers.get(ROW_COUNT_HEADER, "0")), int(headers.get(DISPUTED_COUNT_HEADER, "0")), named)


@dataclass(frozen=True)
class Call:
    """One remote call: its parameters and answer as pydantic models built from the Protocol's hints."""

    name: str
    parameters: tuple[str, ...]
    arguments: type[BaseModel]
    answer: type[BaseModel]
    signature: inspect.Signature

    def encode_arguments(self, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> bytes:
        bound = self.signature.bind_partial(None, *args, **kwargs)  # None stands for self
        bound.apply_defaults()
        values = {name: value for name, value in bound.arguments.items() if name in self.parameters}
        return self.arguments(**values).model_dump_json().encode()

    def decode_arguments(self, body: bytes) -> dict[str, Any]:
        """The arguments of a request body; BadRequest when they do not fit the Protocol."""
        try:
            model = self.arguments.model_validate_json(body or b"{}")
        except ValidationError as error:
            raise BadRequest("bad_arguments", call=self.name, detail=_first_problem(error)) from error
        return {name: getattr(model, name) for name in self.parameters}

    def encode_answer(self, result: Any) -> bytes:
        return self.answer(result=result).model_dump_json().encode()

    def decode_answer(self, body: bytes) -> Any:
        return self.answer.model_validate_json(body).result  # type: ignore[attr-defined]


@cache
def json_adapter(kind: Any) -> TypeAdapter[Any]:
    """JSON of a dataclass that travels outside the calls (uploads, scans), the same at both ends."""
    return TypeAdapter(kind)


@dataclass(frozen=True)
class ScanRequest:
    """What `workstation --server URL prescreen` asks the server to scan now (as `scan_prescreen`'s arguments)."""

    unit_code: str | None
    date_from: date | None
    date_to: date | None
    workers: int


class ScanState(StrEnum):
    QUEUED = "queued"  # behind another administrator's scan (a background round gives way at once)
    RUNNING = "running"
    FINISHED = "finished"  # `report` says what it did (cancelled when the server stopped meanwhile)
    FAILED = "failed"  # `error` is the refusal, as a call's (workstation.client.wire_errors)


@dataclass(frozen=True)
class ScanJob:
    """A scan the server runs for a user, as polled: its state, its latest progress, and how it ended."""

    job_id: int
    state: ScanState
    progress: ScanProgress | None = None
    report: ScanReport | None = None
    error: dict[str, typing.Any] | None = None


class BadRequest(WorkstationError):
    """A request that does not fit the interface (a client of another version, or someone typing HTTP)."""


def _first_problem(error: ValidationError) -> str:
    first = error.errors()[0]
    return f"{'.'.join(str(part) for part in first['loc'])}: {first['msg']}"


def _make_call(name: str, method: Callable[..., Any], local: frozenset[str] = frozenset()) -> Call:
    """The call's models from the method's hints; `local` parameters stay on the caller's side."""
    hints = typing.get_type_hints(method)
    signature = inspect.signature(method)
    parameters = tuple(p for p in signature.parameters if p != "self" and p not in local)
    fields: dict[str, Any] = {}
    for parameter in parameters:
        default = signature.parameters[parameter].default
        fields[parameter] = (hints[parameter], ... if default is inspect.Parameter.empty else default)
    arguments = create_model(f"{name}_arguments", __config__=_CONFIG, **fields)
    answer = create_model(f"{name}_answer", __config__=_CONFIG, result=(cast(Any, hints["return"]), ...))
    return Call(name, parameters, arguments, answer, signature)


@cache
def export_call(what: str) -> Call:
    """The arguments of export `what` (EXPORTS) but the local `path`; BadRequest for an unknown export."""
    method = EXPORTS.get(what)
    if method is None:
        raise BadRequest("unknown_call", call=f"export/{what}")
    return _make_call(method, getattr(ArchiveClient, method), local=frozenset({"path"}))


@cache
def remote_calls() -> Mapping[str, Call]:
    """Every `ArchiveClient` method that is a remote call, by name."""
    return {
        name: _make_call(name, method)
        for name, method in inspect.getmembers(ArchiveClient, inspect.isfunction)
        if not name.startswith("_") and name not in LOCAL_ONLY
    }
