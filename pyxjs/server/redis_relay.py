"""Background-task frames across workers, over Redis pub/sub.

With the Redis manager a client may reconnect to another worker while a background task it
started keeps running where it started. So a task's flush does not send to the connection
that started it: it publishes the frame on `<prefix>push:{token}`, and every worker sends it
to its newest connection of that token, if it has one (the starting worker included).

The frame is published while the task still holds the client's lock, before its release; a
later event on another worker takes the lock after that, so Redis has already written the
frame to that worker's pub/sub socket. Frames go out in the order Redis delivers them, through
one sender task, so a slow client delays only other pushes, never the pub/sub reader.
"""

from __future__ import annotations

import asyncio
import logging

from pyxjs.server.connection import LiveConnections
from pyxjs.state.redis_manager import RedisStateManager

log = logging.getLogger("pyxjs.server")


class RedisRelay:
    def __init__(self, manager: RedisStateManager, live: LiveConnections) -> None:
        self._manager = manager
        self._live = live
        self._channel_start = f"{manager.prefix}push:{{"
        self._queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
        self._sender: asyncio.Task[None] | None = None

    def channel(self, token: str) -> str:
        return f"{self._channel_start}{token}}}"

    async def start(self) -> None:
        await self._manager.channels.psubscribe(self._channel_start + "*", self._heard)
        self._sender = asyncio.ensure_future(self._send_all())
        self._sender.set_name("pyx redis relay")

    async def stop(self) -> None:
        if self._sender is not None:
            self._sender.cancel()
            await asyncio.gather(self._sender, return_exceptions=True)

    async def publish(self, token: str, frame: str) -> None:
        await self._manager.redis.publish(self.channel(token), frame)

    def _heard(self, channel: str, message: bytes) -> None:
        token = channel[len(self._channel_start):-1]
        if self._live.latest(token) is not None:  # most workers hold no connection of this token
            self._queue.put_nowait((token, message.decode()))

    async def _send_all(self) -> None:
        while True:
            token, frame = await self._queue.get()
            connection = self._live.latest(token)
            if connection is None:
                continue  # it closed meanwhile
            try:
                await connection.send(frame)
            except ConnectionResetError:
                pass  # the page went away; its next connection hydrates the state anyway
            except Exception:
                log.exception("a background frame for client %s could not be sent", token[:6])
