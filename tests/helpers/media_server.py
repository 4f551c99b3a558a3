"""A minimal stand-in for the archive server's media route, on real HTTPS, for the streaming client's tests.

`GET /api/v1/media/{entry_id}` checks the bearer token and answers with Starlette's FileResponse, which
serves Range requests (206 with Content-Range), as the real server (`workstation serve`) is to. Refusals
carry the server's JSON body `{"code": ..., "message": ...}`. Meant to be swapped for the real server
once it exists: `MediaServer` runs this app in a subprocess (uvicorn, TLS from a self-signed pair) so
that the client under test shares no interpreter lock with it.

Test hooks, not part of the real API: `POST /test/drop/{count}` makes the next `count` media answers
break off mid-body (the connection is dropped), `GET /test/stats` counts the media requests served.

Run as `python -m tests.helpers.media_server CONFIG.json`; it prints the port when it listens.
"""

import json
import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
AUTHORISED = "*"  # a token's entries: "*" for all


@dataclass(frozen=True)
class MediaConfig:
    """What the server serves: entry id -> file; token -> the entry ids it may read ("*": all)."""

    media: dict[str, str]
    tokens: dict[str, list[str]]
    certificate: str
    key: str


def create_app(config: MediaConfig):
    from fastapi import FastAPI, Request
    from fastapi.responses import JSONResponse
    from starlette.responses import FileResponse, Response
    from starlette.types import Message, Receive, Scope, Send

    app = FastAPI()
    state = {"drop": 0, "served": 0}

    def refuse(status: int, code: str, message: str) -> JSONResponse:
        return JSONResponse({"code": code, "message": message}, status_code=status)

    @app.get("/api/v1/media/{entry_id}")
    async def media(entry_id: str, request: Request) -> Response:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        entries = config.tokens.get(token) if scheme == "Bearer" else None
        if entries is None:
            return refuse(401, "token_invalid", "登录已过期，请重新登录")
        if entry_id not in config.media:
            return refuse(404, "media_not_found", "没有这个文件")
        if AUTHORISED not in entries and entry_id not in entries:
            return refuse(403, "no_right", "无权查看此文件")
        state["served"] += 1
        response = FileResponse(config.media[entry_id])
        if state["drop"] > 0:
            state["drop"] -= 1
            return _Dropping(response)
        return response

    @app.post("/test/drop/{count}")
    async def drop(count: int) -> dict[str, int]:
        state["drop"] = count
        return state

    @app.get("/test/stats")
    async def stats() -> dict[str, int]:
        return state

    class _Dropping(Response):
        """Sends the answer's headers and part of its body, then fails: uvicorn drops the connection."""

        def __init__(self, inner: Response) -> None:
            super().__init__()
            self._inner = inner

        async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
            async def cut(message: Message) -> None:
                if message["type"] == "http.response.body":
                    await send({**message, "body": message.get("body", b"")[:1000], "more_body": True})
                    raise ConnectionAbortedError("dropped by the test server")
                await send(message)

            await self._inner(scope, receive, cut)

    return app


def serve(config_path: Path) -> None:
    import uvicorn

    config = MediaConfig(**json.loads(config_path.read_text(encoding="utf-8")))
    listener = socket.create_server(("127.0.0.1", 0))
    print(listener.getsockname()[1], flush=True)
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(config),
            ssl_certfile=config.certificate,
            ssl_keyfile=config.key,
            log_level="critical",
            timeout_keep_alive=30,
        )
    )
    server.run(sockets=[listener])


class MediaServer:
    """The app above in a subprocess on a free loopback port: `base_url`, `stop()`."""

    def __init__(self, config: MediaConfig, folder: Path) -> None:
        config_path = folder / "media-server.json"
        config_path.write_text(json.dumps(config.__dict__), encoding="utf-8")
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.media_server", str(config_path)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline().strip()
        if not line.isdigit():
            self.stop()
            raise RuntimeError(f"the test media server did not start: {line!r}")
        self.port = int(line)
        self.base_url = f"https://localhost:{self.port}"

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(10)
        if self._process.stdout is not None:
            self._process.stdout.close()


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
