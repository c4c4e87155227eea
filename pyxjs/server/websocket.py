"""The /_pyx websocket: the page asks for its hydrate, then each frame is answered by exactly one.

A connection reads, runs and answers one frame at a time, so a client's events run in
arrival order with no queue of our own: frames not yet read wait in aiohttp's reader, which
stops reading the socket when its buffer fills (backpressure on a flooding client).
What each frame means lives in connection.py; this module is the aiohttp side.
"""

from __future__ import annotations

import logging
import weakref

from aiohttp import WSCloseCode, WSMsgType, web

from pyxjs.server.connection import Connection, Services
from pyxjs.server.protocol import ProtocolError, accept_token, error_frame
from pyxjs.state.router import Headers

log = logging.getLogger("pyxjs.server")

SERVICES = web.AppKey("pyx_services", Services)
SOCKETS = web.AppKey("pyx_sockets", weakref.WeakSet)

# Browsers answer pings by themselves; 30 s finds a dead peer without chatter.
HEARTBEAT_S = 30.0

BINARY_REPLY = error_frame(ProtocolError("bad_message", "binary frames are not part of the protocol; send JSON text"))


async def handle_socket(request: web.Request) -> web.WebSocketResponse:
    app = request.app
    # No permessage-deflate: its zlib window costs ~95 KB per connected tab, 6x the rest of an idle
    # client, and our frames are small JSON. Revisit (e.g. per large frame) if states grow big.
    ws = web.WebSocketResponse(heartbeat=HEARTBEAT_S, compress=False)
    await ws.prepare(request)
    token = accept_token(request.query.get("token"))
    connection = Connection(app[SERVICES], token, Headers(request.headers.items()), request.remote or "", ws.send_str)
    app[SOCKETS].add(ws)
    app[SERVICES].live.add(connection)
    try:
        async for message in ws:
            if message.type is not WSMsgType.TEXT and message.type is not WSMsgType.BINARY:
                break  # ERROR: the transport broke; aiohttp is already closing the socket
            async with connection.turn:
                if message.type is WSMsgType.TEXT:
                    reply = await connection.receive(message.data)
                else:
                    reply = BINARY_REPLY
                await ws.send_str(reply)
    except ConnectionResetError:
        pass  # the tab went away mid-answer; its state is saved, nothing left to tell it
    finally:
        app[SOCKETS].discard(ws)
        app[SERVICES].live.remove(connection)
        await connection.close()
    return ws


async def close_sockets(app: web.Application) -> None:
    """on_shutdown: open websockets would otherwise hold the shutdown until they time out."""
    for ws in list(app[SOCKETS]):
        await ws.close(code=WSCloseCode.GOING_AWAY, message=b"server shutting down")
