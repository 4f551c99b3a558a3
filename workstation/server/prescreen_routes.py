"""The pre-screen scan over the server (issue 17): an administrator asks the server, which holds the media, to
scan now, and polls how far it is (workstation.client.wire.PRESCREEN_SCANS; the scan itself:
workstation.server.scan_runner).

    POST /api/v1/prescreen/scans        ScanRequest → ScanJob   (starts one, or joins the same user's)
    GET  /api/v1/prescreen/scans/{id}   → ScanJob                (its progress; the report or refusal at the end)

A station account is refused by the gate; the scan right (an administrator of the unit) and the period are
checked before the scan is queued, so a refusal is the request's answer, and again by the service when it runs.
"""

from fastapi import FastAPI, Request, Response

from workstation.archive import Archive
from workstation.client.wire import API, PRESCREEN_SCANS, ScanJob, ScanRequest, json_adapter
from workstation.identity import Identity
from workstation.prescreen.scan import check_scan_right
from workstation.server.gate import Gate, Purpose
from workstation.server.json_values import json_answer
from workstation.server.scan_runner import ScanQueue
from workstation.server.threads import in_thread


def add_prescreen_routes(app: FastAPI, archive: Archive, gate: Gate, runner: ScanQueue) -> None:
    def user(request: Request) -> Identity:
        return Identity.user(gate.user(request, Purpose.ARCHIVE).login)

    @app.post(f"{API}{PRESCREEN_SCANS}")
    async def start(request: Request) -> Response:
        asked = json_adapter(ScanRequest).validate_json(await request.body())

        def work() -> ScanJob:
            who = user(request)
            check_scan_right(archive, who, asked.unit_code, asked.date_from, asked.date_to)
            return runner.request(who, asked)

        return json_answer(ScanJob, await in_thread(work))

    @app.get(f"{API}{PRESCREEN_SCANS}/{{job_id}}")
    async def poll(job_id: int, request: Request) -> Response:
        return json_answer(ScanJob, await in_thread(lambda: runner.job(user(request), job_id)))
