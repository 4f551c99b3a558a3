"""Ingest stations upload through the server (issue 12): thin HTTP routes over workstation.footage.upload.

    POST /api/v1/uploads/runs                 {station, sources} → {run_id}
    POST /api/v1/uploads/runs/{id}/finish     IngestReport → 204
    POST /api/v1/uploads                      UploadSpec → UploadState   (resumes an unfinished upload)
    PUT  /api/v1/uploads/{id}?offset=N        the chunk's bytes (Content-Length) → UploadState
    POST /api/v1/uploads/{id}/finish[?sha256=H]  → IngestFileResult (the server checks the SHA-256 before
                                              archiving; H is the station's claim if begun without one)

The services decide everything (the ingest duty, whose upload it is, offsets, the SHA-256 check); the routes
only carry the values, as JSON of the footage area's own dataclasses. A chunk's bytes are written to the
staging file as they arrive, a piece at a time on the thread pool while the next piece is received
(`_receive`), so a chunk can be large without the server holding it in memory. When a run is finished, the server's
background pre-screen is woken (workstation.server.scan_runner): the scan never runs inside the upload path.
"""

import asyncio
from collections.abc import Callable
from functools import partial

from fastapi import FastAPI, Request, Response
from pydantic import BaseModel

from workstation.archive import Archive
from workstation.client.wire import API, json_adapter
from workstation.errors import UploadError
from workstation.footage import upload
from workstation.footage.types import IngestFileResult, IngestReport, UploadSpec, UploadState
from workstation.identity import Identity
from workstation.server.gate import Gate, Purpose
from workstation.server.json_values import json_answer
from workstation.server.threads import in_thread

PIECE_BYTES = 1024 * 1024
"""Bytes of a chunk handed to the thread pool at a time (written, read back and hashed there)."""
STALL_SECONDS = 60.0
"""A chunk whose bytes stop arriving this long is ended there (what arrived is counted): a station that
vanished without closing its connection must not hold its upload's lock."""


class RunStart(BaseModel):
    station: str
    sources: list[str]


def add_upload_routes(app: FastAPI, archive: Archive, gate: Gate, run_finished: Callable[[], None]) -> None:
    """The routes; `run_finished` is told when a station's run is done (the server's pre-screen scans it then)."""

    def station(request: Request) -> Identity:
        return Identity.user(gate.user(request, Purpose.INGEST).login)

    @app.post(f"{API}/uploads/runs")
    async def start_run(form: RunStart, request: Request) -> dict[str, int]:
        run_id = await in_thread(lambda: upload.start_upload_run(archive, station(request), form.station, form.sources))
        return {"run_id": run_id}

    @app.post(f"{API}/uploads/runs/{{run_id}}/finish", status_code=204)
    async def finish_run(run_id: int, request: Request) -> Response:
        report = json_adapter(IngestReport).validate_json(await request.body())
        report.run_id = run_id
        await in_thread(lambda: upload.finish_upload_run(archive, station(request), report))
        run_finished()
        return Response(status_code=204)

    @app.post(f"{API}/uploads")
    async def begin(request: Request) -> Response:
        spec = json_adapter(UploadSpec).validate_json(await request.body())
        state = await in_thread(lambda: upload.begin_upload(archive, station(request), spec))
        return json_answer(UploadState, state)

    @app.put(f"{API}/uploads/{{upload_id}}")
    async def append(upload_id: str, offset: int, request: Request) -> Response:
        length = request.headers.get("content-length", "")
        if not length.isdigit():
            raise UploadError("upload_spec_invalid", field="content-length")
        appending = await in_thread(
            lambda: upload.start_append(archive, station(request), upload_id, offset, int(length))
        )
        if isinstance(appending, UploadState):  # held already, or ended: nothing to write
            async for _piece in request.stream():
                pass
            return json_answer(UploadState, appending)
        return json_answer(UploadState, await _receive(request, appending))

    @app.post(f"{API}/uploads/{{upload_id}}/finish")
    async def finish(upload_id: str, request: Request, sha256: str | None = None) -> Response:
        result = await in_thread(lambda: upload.finish_upload(archive, station(request), upload_id, sha256=sha256))
        return json_answer(IngestFileResult, result)


async def _receive(request: Request, appending: upload.Appending) -> UploadState:
    """Feed the request's bytes to `appending` in pieces of PIECE_BYTES, writing one while the next arrives;
    then count what was written (also when the bytes stop early: durable, then counted)."""
    pending: asyncio.Future[None] | None = None
    pieces: list[bytes] = []
    held = 0
    stream = request.stream()
    try:
        while True:
            try:
                piece = await asyncio.wait_for(anext(stream), STALL_SECONDS)
            except StopAsyncIteration:
                break
            pieces.append(piece)
            held += len(piece)
            if held >= PIECE_BYTES:
                if pending is not None:
                    await pending
                pending = asyncio.ensure_future(in_thread(partial(appending.write, b"".join(pieces))))
                pieces, held = [], 0
        if pending is not None:
            await pending
        if pieces:
            await in_thread(partial(appending.write, b"".join(pieces)))
    finally:
        if pending is not None and not pending.done():  # stopped while a piece is written: let it end first
            await asyncio.wait([pending])
        state = await in_thread(appending.finish)
    return state
