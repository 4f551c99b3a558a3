"""Remote clients of a test's archive server, one signed-in connection per user, all closed on leaving."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from tests.helpers.access_builders import PASSWORD
from tests.helpers.archive_server import ServerProcess
from workstation.client.connection import ServerConnection
from workstation.client.remote import RemoteClient


@contextmanager
def signed_in_clients(server: ServerProcess) -> Iterator[Callable[[str], RemoteClient]]:
    """Yields `client(login)`: a RemoteClient signed in at `server` as `login` (password PASSWORD)."""
    connections: list[ServerConnection] = []

    def client(login: str) -> RemoteClient:
        connection = ServerConnection(server.url, server.pin)
        connections.append(connection)
        connection.sign_in(login, PASSWORD)
        return RemoteClient(connection, connection.current_user())

    try:
        yield client
    finally:
        for connection in connections:
            connection.close()
