"""A real SMTP server on loopback (aiosmtpd) for the scheduled reports' mail tests: STARTTLS with a self-signed
certificate, sign-in required, every accepted message kept."""

import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from workstation.server.tls import self_signed

LOGIN, PASSWORD = "reports", "s3cret-Pa55"


@dataclass
class Inbox:
    """What the server accepted: (envelope sender, recipients, the parsed message)."""

    received: list[tuple[str, list[str], EmailMessage]] = field(default_factory=list)

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:  # aiosmtpd calls it so
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"


def _authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (LOGIN.encode(), PASSWORD.encode())
    return AuthResult(success=ok, handled=False)  # a refusal is answered 535 by the server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class MailServer:
    port: int
    certificate: Path
    inbox: Inbox


@contextmanager
def smtp_server(folder: Path) -> Iterator[MailServer]:
    """STARTTLS required (the certificate is written to `folder`), AUTH LOGIN/PLAIN with LOGIN and PASSWORD."""
    pair = self_signed(folder)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(pair.certificate, pair.key)
    inbox, port = Inbox(), free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        tls_context=context,
        require_starttls=True,
        authenticator=_authenticate,
        auth_required=True,
    )
    controller.start()
    try:
        yield MailServer(port, pair.certificate, inbox)
    finally:
        controller.stop()
