"""The server's listening socket (workstation.server.serve.bind): connections accepted on it send at once.

asyncio turns Nagle's algorithm off only on sockets whose protocol is TCP; with it on, an answer written in
two pieces (headers, then body) waits for the client's delayed ACK, some 40 ms per request on loopback.
"""

import asyncio
import socket

import workstation.cli  # noqa: F401  (first: workstation.server.serve and the command line import each other)
from workstation.server.serve import Listen, bind


def test_connections_accepted_on_the_listening_socket_have_nagle_off():
    async def accepted_nodelay() -> int:
        listening = bind(Listen("127.0.0.1", 0))
        found: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        async def on_connection(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            accepted = writer.get_extra_info("socket")
            found.set_result(accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connection, sock=listening)
        async with server:
            _reader, writer = await asyncio.open_connection(*listening.getsockname())
            result = await asyncio.wait_for(found, timeout=10)
            writer.close()
        return result

    assert asyncio.run(accepted_nodelay()) != 0
