"""The branch archive server's HTTP interface (issue 12): the same services, behind one trust boundary.

    POST   /api/v1/session               {login, password} → {token, expires_at, user}   (sign in)
    GET    /api/v1/session               → the signed-in user
    DELETE /api/v1/session               sign out
    POST   /api/v1/session/password      {old_password, new_password}
    POST   /api/v1/call/{name}           an ArchiveClient call (workstation.client.wire) → {result}
    POST   /api/v1/export/{what}         {criteria} → the workbook (ledger, audit, register); X-Row-Count,
                                         X-Disputed-Count (ledger lines marked 与审计日志不符)
    GET    /api/v1/media/{entry}         the bytes of a clip an open register entry authorises (Range)
    GET    /api/v1/clips/{id}/thumbnail  a JPEG thumbnail of a clip the user may view
    POST   /api/v1/prescreen/scans       an administrator's pre-screen scan, now (server.prescreen_routes);
    GET    /api/v1/prescreen/scans/{id}  its progress — besides the background scan (server.scan_runner)
    GET    /api/v1/health                {ok: true} (no sign-in; for a load balancer)

Every request but sign-in and health carries `Authorization: Bearer TOKEN`; the server derives the user
from the token (workstation.org.sessions) and acts as that user in the services, which check the user's
rights as they do in the window: nothing the client says about who it is counts. Without a valid token
the answer is 401; a refused right is 403; every refusal is JSON (workstation.client.wire_errors).
Calls that write record their `Idempotency-Key` in the same transaction (workstation.server.idempotency).
"""

import logging
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, ValidationError

from workstation.access import register
from workstation.archive import Archive
from workstation.cli.messages import describe
from workstation.client.local import LocalClient
from workstation.client.wire import API, IDEMPOTENCY_HEADER, BadRequest, export_call, export_headers, remote_calls
from workstation.client.wire_errors import error_body
from workstation.errors import (
    AuthenticationFailed,
    EnvironmentProblem,
    PermissionDenied,
    RequestReplayed,
    SessionInvalid,
    WorkstationError,
)
from workstation.identity import Identity
from workstation.org.sessions import SessionPolicy, close_session, open_session
from workstation.org.users import SignedInUser, change_password
from workstation.server import idempotency
from workstation.server.gate import Gate, Purpose, bearer_token
from workstation.server.media_range import RangeRead, read_simple_range
from workstation.server.prescreen_routes import add_prescreen_routes
from workstation.server.scan_runner import ScanQueue
from workstation.server.threads import in_thread
from workstation.server.uploads import add_upload_routes
from workstation.types import Role

_log = logging.getLogger(__name__)


class SignIn(BaseModel):
    login: str
    password: str


class PasswordChange(BaseModel):
    old_password: str
    new_password: str


def status_of(error: WorkstationError) -> int:
    """The HTTP status of a refusal: who you are (401), what you may do (403), the archive (503), input (400)."""
    if isinstance(error, AuthenticationFailed):
        return 401
    if isinstance(error, PermissionDenied):
        return 403
    if isinstance(error, RequestReplayed):
        return 409
    if isinstance(error, EnvironmentProblem):
        return 503
    return 400


def for_client(error: WorkstationError, server: str) -> WorkstationError:
    """The refusal as the client is told it. A problem of the server's own database (unreachable, busy,
    damaged) names the database's location and the driver's words: the client is told the same error about
    the archive server instead, and the server's log keeps the particulars, so that no client learns where
    the database is or which account the server uses (only the server holds them)."""
    if not (isinstance(error, EnvironmentProblem) and "where" in error.data):
        return error
    _log.warning("archive problem answered as the server's: %s", error)
    data = {**error.data, "where": f"档案服务器 {server}"}
    if "detail" in data:
        data["detail"] = "详见档案服务器日志"
    return type(error)(error.code, **data)


def create_app(archive: Archive, policy: SessionPolicy, thumbnail_cache: Path, runner: ScanQueue) -> FastAPI:
    """The application serving `archive` (opened and owned by the caller); scans go to `runner`, which runs
    once per server (workstation.server.serve), however many worker processes serve this application."""
    app = FastAPI(title="执法记录仪视音频档案服务", docs_url=None, redoc_url=None)
    sessions = archive.sessions

    @app.exception_handler(WorkstationError)
    async def refused(request: Request, error: WorkstationError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if isinstance(error, SessionInvalid) else None
        told = for_client(error, request.url.netloc)
        return JSONResponse(error_body(told, describe(told)), status_code=status_of(error), headers=headers)

    @app.exception_handler(ValidationError)
    @app.exception_handler(RequestValidationError)
    async def malformed(request: Request, error: ValidationError | RequestValidationError) -> JSONResponse:
        """A body or parameter that does not fit: a client of another version, or someone typing HTTP."""
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        refusal = BadRequest("bad_arguments", call=request.url.path, detail=f"{where}: {first.get('msg', '')}")
        return JSONResponse(error_body(refusal, describe(refusal)), status_code=400)

    @app.exception_handler(Exception)
    async def failed(_request: Request, error: Exception) -> JSONResponse:
        """A bug: the details go to the server's log, the client gets a typed error without them."""
        _log.error("request failed", exc_info=error)
        internal = WorkstationError("server_internal_error")
        return JSONResponse(error_body(internal, describe(internal)), status_code=500)

    gate = Gate(sessions, policy)

    def signed_in(request: Request) -> SignedInUser:
        return gate.user(request, Purpose.ARCHIVE)

    @app.get(f"{API}/health")
    async def health() -> dict[str, bool]:
        return {"ok": True}

    @app.post(f"{API}/session")
    async def sign_in(form: SignIn, request: Request) -> dict[str, Any]:
        client = f"{request.client.host if request.client else '?'} {request.headers.get('user-agent', '')}"
        opened = await in_thread(lambda: open_session(sessions, form.login, form.password, client, policy))
        return {"token": opened.token, "expires_at": opened.expires_at.isoformat(), "user": _user_json(opened.user)}

    @app.get(f"{API}/session")
    async def current(request: Request) -> dict[str, Any]:
        return _user_json(await in_thread(lambda: gate.user(request, Purpose.SESSION)))

    @app.delete(f"{API}/session", status_code=204)
    async def sign_out(request: Request) -> Response:
        await in_thread(lambda: gate.user(request, Purpose.SESSION))
        token = bearer_token(request)
        assert token is not None  # the gate let the request in
        await in_thread(lambda: close_session(sessions, token))
        return Response(status_code=204)

    @app.post(f"{API}/session/password", status_code=204)
    async def new_password(form: PasswordChange, request: Request) -> Response:
        def work() -> None:
            user = gate.user(request, Purpose.SESSION)
            change_password(sessions, user.login, form.old_password, form.new_password)

        await in_thread(work)
        return Response(status_code=204)

    @app.post(f"{API}/call/{{name}}")
    async def call(name: str, request: Request) -> Response:
        remote_call = remote_calls().get(name)
        if remote_call is None:
            raise BadRequest("unknown_call", call=name)
        body, key = await request.body(), request.headers.get(IDEMPOTENCY_HEADER, "")[:64]

        def work() -> bytes:
            user = signed_in(request)
            arguments = remote_call.decode_arguments(body)
            if not key:
                client = LocalClient(archive, Identity.user(user.login))
                return remote_call.encode_answer(getattr(client, name)(**arguments))
            earlier = idempotency.earlier_answer(sessions, user.id, key)
            if earlier is not None:
                return earlier
            view = idempotency.recording_archive(archive, user.id, key, name)
            answer = remote_call.encode_answer(getattr(LocalClient(view, Identity.user(user.login)), name)(**arguments))
            if idempotency.recorded(view):  # a read wrote nothing: no key, no answer to keep
                idempotency.keep_answer(sessions, user.id, key, answer)
            return answer

        return Response(await in_thread(work), media_type="application/json")

    @app.post(f"{API}/export/{{what}}")
    async def export(what: str, request: Request) -> Response:
        call = export_call(what)
        body = await request.body()

        def work() -> tuple[bytes, Any]:
            user = signed_in(request)
            arguments = call.decode_arguments(body)
            with tempfile.TemporaryDirectory(prefix="export-") as folder:
                target = Path(folder) / f"{what}.xlsx"
                result = getattr(LocalClient(archive, Identity.user(user.login)), call.name)(**arguments, path=target)
                return target.read_bytes(), result

        content, result = await in_thread(work)
        media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return Response(content, media_type=media_type, headers=export_headers(result))

    @app.get(f"{API}/media/{{entry_id}}")
    async def media(entry_id: int, request: Request) -> Response:
        def work() -> Path | RangeRead:
            user = signed_in(request)
            with sessions.read() as session:
                media_path = register.media_of_open_entry(session, Identity.user(user.login), entry_id)
            path = archive.absolute_path(media_path)
            try:
                simple = read_simple_range(path, request.headers.get("range"), request.headers.get("if-range"))
            except OSError:
                simple = None  # gone or unreadable: told below
            if simple is not None:
                return simple
            if not path.is_file():
                raise EnvironmentProblem("media_file_unavailable", media_path=media_path)
            return path

        found = await in_thread(work)
        if isinstance(found, RangeRead):
            headers = {"Content-Range": found.content_range, "Accept-Ranges": "bytes"}
            return Response(found.data, status_code=206, headers=headers, media_type="application/octet-stream")
        return MediaResponse(found, media_type="application/octet-stream")

    @app.get(f"{API}/clips/{{clip_id}}/thumbnail")
    async def thumbnail(clip_id: int, request: Request) -> Response:
        def work() -> bytes | None:
            user = signed_in(request)
            return LocalClient(archive, Identity.user(user.login), thumbnail_cache).thumbnail(clip_id)

        picture = await in_thread(work)
        if picture is None:
            return Response(status_code=204)
        return Response(picture, media_type="image/jpeg")

    add_upload_routes(app, archive, gate, runner.wake)
    add_prescreen_routes(app, archive, gate, runner)
    return app


class MediaResponse(FileResponse):
    """A file answered in 512 KiB pieces (Starlette's 64 KiB made a 1 MiB range sixteen trips to a thread):
    the whole file, and every range server.media_range leaves to it."""

    chunk_size = 512 * 1024


def _user_json(user: SignedInUser) -> dict[str, Any]:
    return {name: str(value) if isinstance(value, Role) else value for name, value in asdict(user).items()}
