"""The /_pyx websocket: the page asks for its hydrate, then each frame is answered by exactly one.

A connection reads, runs and answers one frame at a time, so a client's events run in
arrival order with no queue of our own: frames not yet read wait in aiohttp's reader, which
stops reading the socket when its buffer fills (backpressure on a flooding client).
What each frame means lives in connection.py; this module is the aiohttp side, with the
limits that guard it: Origin, frame size, and a send timeout for a page that stops reading.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Awaitable, Callable

from aiohttp import WSCloseCode, WSMsgType, web

from pyxjs.server.connection import Connection, Services
from pyxjs.server.limits import origin_refusal
from pyxjs.server.protocol import ProtocolError, error_frame
from pyxjs.state.router import Headers

log = logging.getLogger("pyxjs.server")

SERVICES = web.AppKey("pyx_services", Services)
SOCKETS = web.AppKey("pyx_sockets", weakref.WeakSet)

# Browsers answer pings by themselves; 30 s finds a dead peer without chatter.
HEARTBEAT_S = 30.0

BINARY_REPLY = error_frame(ProtocolError("bad_message", "binary frames are not part of the protocol; send JSON text"))


class SendTimeout(ConnectionResetError):
    """The page stopped reading: treated as gone, like a reset connection."""


class _Socket(web.WebSocketResponse):
    """aiohttp closes an oversized frame's socket with 1009 but no reason: add one, and a log line."""

    def __init__(self, max_frame_bytes: int, peer: str) -> None:
        # No permessage-deflate: its zlib window costs ~95 KB per connected tab, 6x the rest of an
        # idle client, and our frames are small JSON. Revisit (e.g. per large frame) if states grow big.
        super().__init__(heartbeat=HEARTBEAT_S, compress=False, max_msg_size=max_frame_bytes)
        self._max_frame_bytes = max_frame_bytes
        self._peer = peer

    async def close(self, *, code: int = WSCloseCode.OK, message: bytes = b"", drain: bool = True) -> bool:
        if code == WSCloseCode.MESSAGE_TOO_BIG and not message:
            log.warning("closed the websocket of %s: a frame over the limit of %d bytes", self._peer, self._max_frame_bytes)
            message = f"frame too large: the limit is {self._max_frame_bytes} bytes".encode()
        return await super().close(code=code, message=message, drain=drain)


# A frame this small, into a transport buffer this empty, is written without waiting (the
# transport pauses writing only past its 64 KiB high-water mark: 12 Ki characters are at most
# 48 KiB of UTF-8, plus under 12 KiB already buffered), so it needs no timer.
UNTIMED_BYTES = 12 * 1024


def timed_send(ws: web.WebSocketResponse, timeout_s: float, peer: str) -> Callable[[str], Awaitable[None]]:
    """ws.send_str that gives up when the page has not read for `timeout_s` (its buffers are full).

    The timer (asyncio.timeout, ~12 µs) only wraps a send that could wait: a big frame, or a
    transport that already holds unsent bytes; most answers are small and go straight out.
    """

    async def send(text: str) -> None:
        transport = ws._writer.transport if ws._writer is not None else None
        if transport is not None and len(text) + transport.get_write_buffer_size() < UNTIMED_BYTES:
            await ws.send_str(text)
            return
        try:
            async with asyncio.timeout(timeout_s):
                await ws.send_str(text)
        except TimeoutError:
            log.warning("closing the websocket of %s: it read nothing for %.0f s (send timeout)", peer, timeout_s)
            if transport is not None:
                transport.abort()  # close() would wait on the same full buffer
            raise SendTimeout(f"the page read nothing for {timeout_s} s") from None

    return send


async def handle_socket(request: web.Request) -> web.StreamResponse:
    app = request.app
    services = app[SERVICES]
    settings = services.settings
    peer = request.remote or "?"
    refusal = origin_refusal(request.headers.get("Origin"), request.host, settings.allow_origins)
    if refusal is not None:
        log.warning("refused a websocket from %s: %s", peer, refusal)
        raise web.HTTPForbidden(text=refusal)
    ws = _Socket(settings.max_frame_bytes, peer)
    await ws.prepare(request)
    accepted = services.tokens.accept(request.query.get("token"))
    send = timed_send(ws, settings.send_timeout_s, peer)
    connection = Connection(services, accepted.token, Headers(request.headers.items()), request.remote or "", send,
                            issued_at=None if accepted.replaced else accepted.issued_at)
    app[SOCKETS].add(ws)
    services.live.add(connection)
    services.manager.connected(connection.token)
    try:
        async for message in ws:
            if message.type is not WSMsgType.TEXT and message.type is not WSMsgType.BINARY:
                break  # ERROR: the transport broke or a frame was too big; aiohttp is closing the socket
            async with connection.turn:
                if message.type is WSMsgType.TEXT:
                    reply = await connection.receive(message.data)
                else:
                    reply = BINARY_REPLY
                await send(reply)
    except ConnectionError:
        pass  # the tab went away mid-answer (or stopped reading); its state is saved, nobody to tell
    finally:
        app[SOCKETS].discard(ws)
        services.live.remove(connection)
        services.manager.disconnected(connection.token)
        await connection.close()
    return ws


async def close_sockets(app: web.Application) -> None:
    """on_shutdown: open websockets would otherwise hold the shutdown until they time out."""
    for ws in list(app[SOCKETS]):
        await ws.close(code=WSCloseCode.GOING_AWAY, message=b"server shutting down")
