"""Getting a scheduled report to its readers: by e-mail through the unit's SMTP server, or into a drop folder.

Mail goes over TLS only — STARTTLS or implicit TLS, the server's certificate verified against the system's
certificate authorities or, for a private mail server, the CA or pinned certificate file `[mail] ca_file` —
never in clear text. The SMTP password is kept in the OS credential store (like a database profile's,
workstation.profiles), set with `workstation report mail-password`. Every failure is a DeliveryFailed naming
what went wrong; the caller retries it at the next run.
"""

import json
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

import keyring
import keyring.errors

from workstation.atomic_file import replacing
from workstation.errors import CredentialStoreUnavailable, DeliveryFailed, WorkstationError
from workstation.profiles import KEYRING_SERVICE

SECURITY = ("starttls", "tls")
MIME_TYPES = {
    "html": ("text", "html"),
    "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


@dataclass(frozen=True)
class MailSettings:
    """workstation.toml [mail]: the SMTP server (host, port), STARTTLS or implicit TLS, the sender address,
    the user to sign in as ("" for a server that takes mail without signing in), a CA or pinned certificate
    file (PEM; "" for the system's authorities) and how long to wait for the server."""

    host: str
    port: int
    security: str
    sender: str
    user: str = ""
    ca_file: str = ""
    timeout_s: float = 30.0


def mail_settings(settings: Mapping[str, Any]) -> MailSettings | None:
    """The [mail] section of the deployment settings (workstation.config), or None without one."""
    section = settings.get("mail")
    if not section:
        return None
    if not section.get("host") or not section.get("sender"):
        raise DeliveryFailed("mail_settings_incomplete")
    security = section.get("security", "starttls")
    if security not in SECURITY:
        raise DeliveryFailed("mail_security_unknown", value=security)
    port = section.get("port", 465 if security == "tls" else 587)
    return MailSettings(
        section["host"],
        port,
        security,
        section["sender"],
        section.get("user", ""),
        section.get("ca_file", ""),
        section.get("timeout_s", 30.0),
    )


def _keyring_user(mail: MailSettings) -> str:
    return f"smtp:{mail.user}@{mail.host}"


def save_mail_password(mail: MailSettings, password: str) -> None:
    """Keep the SMTP password in the OS credential store."""
    try:
        keyring.set_password(KEYRING_SERVICE, _keyring_user(mail), password)
    except keyring.errors.KeyringError as error:
        raise CredentialStoreUnavailable("password_not_saved", detail=str(error)) from error


def _mail_password(mail: MailSettings) -> str:
    try:
        password = keyring.get_password(KEYRING_SERVICE, _keyring_user(mail))
    except keyring.errors.KeyringError as error:
        raise DeliveryFailed("mail_password_unreadable", detail=str(error)) from error
    if password is None:
        raise DeliveryFailed("mail_password_missing", user=mail.user, host=mail.host)
    return password


def compose(mail: MailSettings, recipients: tuple[str, ...], subject: str, body: str, attachment: Path) -> EmailMessage:
    """A mail with the report attached (its type from its suffix)."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = mail.sender
    message["To"] = ", ".join(recipients)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=mail.sender.rpartition("@")[2] or None)
    message.set_content(body)
    maintype, subtype = MIME_TYPES[attachment.suffix.lstrip(".")]
    if maintype == "text":  # with its charset, so that a mail program shows the Chinese
        text = attachment.read_text(encoding="utf-8")
        message.add_attachment(text, subtype=subtype, charset="utf-8", filename=attachment.name)
    else:
        message.add_attachment(attachment.read_bytes(), maintype=maintype, subtype=subtype, filename=attachment.name)
    return message


def send(mail: MailSettings, message: EmailMessage) -> None:
    """Hand the message to the SMTP server over verified TLS, signed in when a user is set."""
    password = _mail_password(mail) if mail.user else ""
    context = ssl.create_default_context(cafile=mail.ca_file or None)
    try:
        if mail.security == "tls":
            client: smtplib.SMTP = smtplib.SMTP_SSL(mail.host, mail.port, timeout=mail.timeout_s, context=context)
        else:
            client = smtplib.SMTP(mail.host, mail.port, timeout=mail.timeout_s)
        with client:
            if mail.security == "starttls":
                client.starttls(context=context)  # a server that does not offer it refuses: never clear text
            if mail.user:
                client.login(mail.user, password)
            refused = client.send_message(message)
    except ssl.SSLError as error:
        raise DeliveryFailed("mail_tls_failed", host=mail.host, detail=str(error)) from error
    except smtplib.SMTPAuthenticationError as error:
        raise DeliveryFailed("mail_sign_in_failed", host=mail.host, user=mail.user, detail=_reply(error)) from error
    except smtplib.SMTPNotSupportedError as error:
        raise DeliveryFailed("mail_refused", host=mail.host, detail=str(error)) from error
    except smtplib.SMTPResponseException as error:
        raise DeliveryFailed("mail_refused", host=mail.host, detail=_reply(error)) from error
    except smtplib.SMTPRecipientsRefused as error:
        raise DeliveryFailed("mail_refused", host=mail.host, detail=", ".join(error.recipients)) from error
    except OSError as error:  # refused, unreachable, timed out, dropped (smtplib's own errors are OSErrors)
        raise DeliveryFailed("mail_unreachable", host=mail.host, port=mail.port, detail=str(error)) from error
    if refused:
        raise DeliveryFailed("mail_refused", host=mail.host, detail=", ".join(refused))


def _reply(error: smtplib.SMTPResponseException) -> str:
    text = error.smtp_error.decode(errors="replace") if isinstance(error.smtp_error, bytes) else str(error.smtp_error)
    return f"{error.smtp_code} {text}"


def drop(report: Path, folder: Path) -> Path:
    """Copy the report into the drop folder, atomically (a reader never sees half a file)."""
    target = folder / report.name
    try:
        if not folder.is_dir():
            raise FileNotFoundError(f"not a folder: {folder}")
        with replacing(target) as partial:
            partial.write_bytes(report.read_bytes())
    except OSError as error:
        raise DeliveryFailed("drop_failed", folder=str(folder), detail=str(error)) from error
    return target


def error_json(error: WorkstationError) -> str:
    """A failed attempt's error as kept with the delivery: its code and data (worded when shown)."""
    return json.dumps({"code": error.code, "data": dict(error.data)}, ensure_ascii=False, default=str)


def error_parts(text: str) -> tuple[str, tuple[tuple[str, object], ...]]:
    """The code and data of a kept error ("" and () for none)."""
    if not text:
        return "", ()
    kept = json.loads(text)
    return kept["code"], tuple(kept["data"].items())
