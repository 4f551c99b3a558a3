"""Ingest stations upload through the server (issue 12): thin HTTP routes over workstation.footage.upload.

    POST /api/v1/uploads/runs                 {station, sources} → {run_id}
    POST /api/v1/uploads/runs/{id}/finish     IngestReport → 204
    POST /api/v1/uploads                      UploadSpec → UploadState   (resumes an unfinished upload)
    PUT  /api/v1/uploads/{id}?offset=N        the chunk's bytes → UploadState
    POST /api/v1/uploads/{id}/finish          → IngestFileResult (the server re-hashes before archiving)

The services decide everything (the ingest duty, whose upload it is, offsets, the SHA-256 check); the routes
only carry the values, as JSON of the footage area's own dataclasses. When a run is finished, the server's
background pre-screen is woken (workstation.server.scan_runner): the scan never runs inside the upload path.
"""

from collections.abc import Callable

from fastapi import FastAPI, Request, Response
from pydantic import BaseModel

from workstation.archive import Archive
from workstation.client.wire import API, json_adapter
from workstation.footage import upload
from workstation.footage.types import IngestFileResult, IngestReport, UploadSpec, UploadState
from workstation.identity import Identity
from workstation.server.gate import Gate, Purpose
from workstation.server.json_values import json_answer
from workstation.server.threads import in_thread


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
        data = await request.body()
        state = await in_thread(lambda: upload.append_chunk(archive, station(request), upload_id, offset, data))
        return json_answer(UploadState, state)

    @app.post(f"{API}/uploads/{{upload_id}}/finish")
    async def finish(upload_id: str, request: Request) -> Response:
        result = await in_thread(lambda: upload.finish_upload(archive, station(request), upload_id))
        return json_answer(IngestFileResult, result)
