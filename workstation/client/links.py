"""Where the window signs in: an archive opened on this computer, or the branch archive server (issue 12).

Signing in is what makes the archive client's user, so it is not part of `ArchiveClient`; an `ArchiveLink`
is the one thing the window's shell holds before and after it: it checks a password (failures count
towards the lock-out either way), changes the signed-in user's password, and makes the client for the
user. `EmbeddedLink` does this in this process over an open `Archive` (a new archive's first administrator
is set up there only, ui.shell.sign_in_dialog); `ServerLink` over a `ServerConnection`, where the session
token is what the server knows the user by.
"""

import logging
from pathlib import Path
from typing import Protocol

from workstation.archive import Archive
from workstation.client import ArchiveClient
from workstation.client.connection import ServerConnection
from workstation.client.local import LocalClient
from workstation.client.remote import remote_client
from workstation.errors import WorkstationError
from workstation.identity import Identity
from workstation.org import users
from workstation.org.users import SignedInUser

_log = logging.getLogger(__name__)


class ArchiveLink(Protocol):
    """The window's way into one archive."""

    def sign_in(self, login: str, password: str) -> SignedInUser:
        """Check the password (again, after the idle lock); AuthenticationFailed when it is wrong."""
        ...

    def change_password(self, login: str, current: str, new: str) -> None:
        """Change the signed-in user's own password (`login` is that user)."""
        ...

    def client(self, user: SignedInUser) -> ArchiveClient:
        """The archive client acting as the signed-in `user`."""
        ...

    def close(self) -> None:
        """Sign out (the server) and let go of the archive; the link is not used again."""
        ...


class EmbeddedLink:
    """An archive opened here (embedded, or a PostgreSQL profile); the OS account is the trust boundary."""

    def __init__(self, archive: Archive, thumbnail_cache: Path | None = None) -> None:
        self.archive = archive
        self._thumbnail_cache = thumbnail_cache

    def sign_in(self, login: str, password: str) -> SignedInUser:
        return users.sign_in(self.archive.sessions, login, password)

    def change_password(self, login: str, current: str, new: str) -> None:
        users.change_password(self.archive.sessions, login, current, new)

    def client(self, user: SignedInUser) -> ArchiveClient:
        return LocalClient(self.archive, Identity.user(user.login), self._thumbnail_cache)

    def needs_first_administrator(self) -> bool:
        """True while the archive has no account: the program then asks for its first administrator."""
        return users.needs_first_administrator(self.archive.sessions)

    def close(self) -> None:
        self.archive.close()


class ServerLink:
    """The branch archive server: a sign-in opens a server session whose token every request carries."""

    def __init__(self, connection: ServerConnection) -> None:
        self.connection = connection

    def sign_in(self, login: str, password: str) -> SignedInUser:
        """A new session; the one it replaces (a re-sign-in after the idle lock) is ended. Footage playing
        reads with the connection's current token, so it goes on."""
        earlier = self.connection.token
        user = self.connection.sign_in(login, password)
        if earlier and earlier != self.connection.token:
            self._end_session(earlier)
        return user

    def change_password(self, login: str, current: str, new: str) -> None:  # noqa: ARG002 - the token's user
        self.connection.change_password(current, new)

    def client(self, user: SignedInUser) -> ArchiveClient:
        return remote_client(self.connection, user)

    def close(self) -> None:
        try:
            self.connection.sign_out()
        except WorkstationError as error:  # the server is gone or the session expired: it ends by itself
            _log.info("sign-out at closing failed: %s", error)
        finally:
            self.connection.close()

    def _end_session(self, token: str) -> None:
        try:
            self.connection.send("DELETE", "/session", headers={"Authorization": f"Bearer {token}"}, signed_in=False)
        except WorkstationError as error:  # expired meanwhile (the lock lasted long): nothing to end
            _log.info("ending the replaced session failed: %s", error)


def check_server(url: str, pin: Path | None) -> None:
    """Does the archive server at `url` answer, with the pinned certificate? (ServerUnreachable if not.)"""
    connection = ServerConnection(url, pin)
    try:
        connection.send("GET", "/health", signed_in=False)
    finally:
        connection.close()
