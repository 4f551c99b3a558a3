"""`ServerConnection`: one keep-alive HTTPS connection to the branch archive server (issue 12).

It trusts exactly the pinned certificate (or, with no pin, the system's certificate authorities), carries
the session token, retries a dropped request when the caller says it is safe, and turns every refusal
into the typed error the server answered (workstation.client.wire_errors).
"""

import ssl
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import httpx

from workstation.client.wire import API
from workstation.client.wire_errors import error_from_body
from workstation.errors import WorkstationError
from workstation.org.users import SignedInUser
from workstation.types import Role

BACKOFF_S = (0.2, 0.5, 1.0, 2.0, 4.0)
"""Waits before the retries of a dropped request: together (7.7 s) longer than the archive server takes to
be restarted (about 1 to 2 s), so that a retry reaches the new process and the write is not lost to it."""
RETRIES = len(BACKOFF_S)
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
        self.pin = pin
        self.token = token
        self._http = httpx.Client(
            base_url=self.url, verify=tls_context(pin), timeout=timeout_s, headers={"User-Agent": "workstation"}
        )

    @property
    def http(self) -> httpx.Client:
        """The pinned keep-alive HTTPS client under `send` (safe to share between threads). A media stream reads
        through it: opened right after `start_viewing`, it finds that call's connection still open."""
        return self._http

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
        content: bytes | Iterable[bytes] | None = None,
        headers: Mapping[str, str] | None = None,
        signed_in: bool = True,
        retry: bool = False,
    ) -> httpx.Response:
        """One request to `API + path`; a refusal raises its typed error. With `retry` (safe only for
        idempotent requests, whose `content` is bytes) a dropped connection is tried again."""
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
                time.sleep(BACKOFF_S[attempt])
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
