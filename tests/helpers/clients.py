"""The archive client the window would make for a user: `client_for(archive, "login")`."""

from workstation.archive import Archive
from workstation.client.local import LocalClient
from workstation.identity import Identity


def client_for(archive: Archive, login: str) -> LocalClient:
    """A `LocalClient` acting as the workstation user `login`."""
    return LocalClient(archive, Identity.user(login))
