"""`RemoteClient`: the archive client over the branch archive server's HTTPS interface (issue 12).

`ServerConnection` is one keep-alive HTTPS connection that trusts exactly the pinned certificate (or, with
no pin, the system's certificate authorities) and carries the session token. `RemoteClient` implements
every `ArchiveClient` call listed in `workstation.client.wire` by sending it to the server, with a fresh
idempotency key per call that is sent again on each retry: a call whose connection dropped is retried
(`RETRIES` times) without ever being carried out twice. Refusals arrive as the same typed errors a local
archive raises. The client holds no database credentials and reads no share.
"""

import ssl
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, cast

import httpx

from workstation.atomic_file import replacing
from workstation.client import ArchiveClient
from workstation.client.wire import API, EXPORTS, IDEMPOTENCY_HEADER, Call, remote_calls
from workstation.client.wire_errors import error_from_body
from workstation.errors import WorkstationError
from workstation.identity import Identity
from workstation.org.users import SignedInUser
from workstation.types import Role

RETRIES = 3
BACKOFF_S = (0.2, 0.5, 1.0)
TIMEOUT_S = 60.0


class ServerUnreachable(WorkstationError):
    """No answer from the archive server (code server_unreachable), or it presented another certificate than
    the pinned one (server_certificate_mismatch), or it answered with something that is not the archive
    server's (server_answer_invalid)."""


def tls_context(pin: Path | None) -> ssl.SSLContext:
    """Trust exactly the pinned certificate; with no pin, the system's certificate authorities."""
    if pin is None:
        return ssl.create_default_context()
    try:
        return ssl.create_default_context(cafile=str(pin))
    except (OSError, ssl.SSLError) as error:
        raise WorkstationError("pin_unreadable", path=str(pin), detail=str(error)) from error


class ServerConnection:
    """An HTTPS connection to the archive server at `url`, signed in once `token` is set."""

    def __init__(self, url: str, pin: Path | None, token: str | None = None, timeout_s: float = TIMEOUT_S) -> None:
        self.url = url.rstrip("/")
        self.token = token
        self._http = httpx.Client(
            base_url=self.url, verify=tls_context(pin), timeout=timeout_s, headers={"User-Agent": "workstation"}
        )

    def close(self) -> None:
        self._http.close()

    def sign_in(self, login: str, password: str) -> SignedInUser:
        answer = self.send("POST", "/session", json={"login": login, "password": password}, signed_in=False)
        body = answer.json()
        self.token = str(body["token"])
        return signed_in_user(body["user"])

    def current_user(self) -> SignedInUser:
        return signed_in_user(self.send("GET", "/session").json())

    def sign_out(self) -> None:
        if self.token:
            self.send("DELETE", "/session")
            self.token = None

    def change_password(self, old_password: str, new_password: str) -> None:
        self.send("POST", "/session/password", json={"old_password": old_password, "new_password": new_password})

    def send(
        self,
        method: str,
        path: str,
        *,
        json: object = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        signed_in: bool = True,
        retry: bool = False,
    ) -> httpx.Response:
        """One request to `API + path`; a refusal raises its typed error. With `retry` (safe only for
        idempotent requests) a dropped connection is tried again."""
        all_headers = dict(headers or {})
        if signed_in:
            if not self.token:
                raise WorkstationError("not_signed_in", server=self.url)
            all_headers["Authorization"] = f"Bearer {self.token}"
        for attempt in range(RETRIES + 1 if retry else 1):
            try:
                answer = self._http.request(method, API + path, json=json, content=content, headers=all_headers)
                break
            except httpx.TransportError as error:
                if _certificate_refused(error):
                    raise ServerUnreachable("server_certificate_mismatch", server=self.url) from error
                if not retry or attempt == RETRIES:
                    raise ServerUnreachable("server_unreachable", server=self.url, detail=str(error)) from error
                time.sleep(BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)])
        if answer.is_success:
            return answer
        raise _refusal(answer, self.url)


def _certificate_refused(error: httpx.TransportError) -> bool:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return True
        cause = cause.__cause__ or cause.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(error)


def _refusal(answer: httpx.Response, url: str) -> WorkstationError:
    try:
        body = answer.json()
    except ValueError:
        body = None
    error = error_from_body(body)
    if error is None:
        return ServerUnreachable("server_answer_invalid", server=url, status=answer.status_code)
    return error


def signed_in_user(body: Mapping[str, Any]) -> SignedInUser:
    return SignedInUser(
        int(body["id"]),
        str(body["login"]),
        str(body["display_name"]),
        Role(body["role"]),
        int(body["unit_id"]),
        str(body["unit_code"]),
        str(body["unit_name"]),
        bool(body.get("must_change_password", False)),
    )


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

    def _export(self, what: str, criteria: object, path: Path) -> int:
        call = remote_calls()[{"ledger": "ledger_rows", "audit": "audit_events", "register": "register_rows"}[what]]
        body = call.arguments.model_validate({"criteria": criteria, "limit": 0}).model_dump_json()
        answer = self.connection.send(
            "POST", f"/export/{what}", content=body.encode(), headers={"Content-Type": "application/json"}, retry=True
        )
        with replacing(path) as partial:
            partial.write_bytes(answer.content)
        return int(answer.headers.get("X-Row-Count", "0"))

    def export_ledger(self, criteria: object, path: Path) -> int:
        return self._export("ledger", criteria, path)

    def export_audit(self, criteria: object, path: Path) -> int:
        return self._export("audit", criteria, path)

    def export_register(self, criteria: object, path: Path) -> int:
        return self._export("register", criteria, path)


def _remote_method(call: Call) -> Callable[..., Any]:
    def method(self: RemoteClient, *args: Any, **kwargs: Any) -> Any:
        return self._call(call, args, kwargs)

    method.__name__ = method.__qualname__ = call.name
    method.__doc__ = getattr(ArchiveClient, call.name).__doc__
    return method


for _name, _call in remote_calls().items():
    setattr(RemoteClient, _name, _remote_method(_call))
assert not set(EXPORTS.values()) - set(vars(RemoteClient)), "every export has its method"


def remote_client(connection: ServerConnection, user: SignedInUser) -> ArchiveClient:
    """The remote client as the interface the window and the command line use."""
    return cast(ArchiveClient, RemoteClient(connection, user))
