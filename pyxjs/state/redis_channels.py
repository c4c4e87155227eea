"""One Redis pub/sub connection per process, shared by whoever needs to hear something.

Two users: a client's lock waiter (one channel per token, only while it waits) and the server's
relay of background-task frames (one pattern, for the server's life). Callbacks are plain
functions called in the reader task: they must not block (set an event, put in a queue).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger("pyxjs.server")

Callback = Callable[[str, bytes], None]  # (channel, message)

RECONNECT_PAUSE_S = 0.5


class Channels:
    def __init__(self, redis: Any) -> None:
        self._pubsub = redis.pubsub()
        self._channels: dict[str, Callback] = {}
        self._patterns: dict[str, Callback] = {}
        # Subscribe/unsubscribe confirmations this process waits for, per name, in order.
        self._confirming: dict[tuple[str, str], list[asyncio.Future[None]]] = {}
        self._reader: asyncio.Task[None] | None = None
        self._closed = False

    async def subscribe(self, channel: str, callback: Callback) -> None:
        """Call `callback` for each message on `channel`; returns once Redis confirmed, so a
        message published after this returns is heard."""
        if channel in self._channels:
            raise RuntimeError(f"channel {channel!r} already has a listener in this process")
        self._channels[channel] = callback
        await self._confirmed("subscribe", channel, self._pubsub.subscribe(channel))

    async def unsubscribe(self, channel: str) -> None:
        if self._channels.pop(channel, None) is not None and not self._closed:
            await self._pubsub.unsubscribe(channel)  # no need to wait: late messages find no listener

    async def psubscribe(self, pattern: str, callback: Callback) -> None:
        self._patterns[pattern] = callback
        await self._confirmed("psubscribe", pattern, self._pubsub.psubscribe(pattern))

    async def close(self) -> None:
        self._closed = True
        if self._reader is not None:
            self._reader.cancel()
            await asyncio.gather(self._reader, return_exceptions=True)
        await self._pubsub.aclose()

    async def _confirmed(self, kind: str, name: str, command: Any) -> None:
        if self._closed:
            raise RuntimeError("the Redis channels are closed (the server is stopping)")
        waiter = asyncio.get_running_loop().create_future()
        self._confirming.setdefault((kind, name), []).append(waiter)
        try:
            await command
            if self._reader is None:  # the pubsub connection exists only after its first command
                self._reader = asyncio.ensure_future(self._read())
                self._reader.set_name("pyx redis channels")
            await waiter
        finally:
            waiting = self._confirming.get((kind, name), [])
            if waiter in waiting:
                waiting.remove(waiter)
            if not waiting:
                self._confirming.pop((kind, name), None)

    async def _read(self) -> None:
        while True:
            try:
                message = await self._pubsub.get_message(timeout=None)
            except asyncio.CancelledError:
                raise
            except Exception:
                # redis-py reconnects and subscribes again on the next read; waiters meanwhile
                # fall back on their own timeouts, so a lost wake-up only delays them.
                log.exception("the Redis pub/sub connection failed; reconnecting")
                await asyncio.sleep(RECONNECT_PAUSE_S)
                continue
            if message is not None:
                self._dispatch(message)

    def _dispatch(self, message: dict[str, Any]) -> None:
        kind = message["type"]
        channel = _text(message["channel"])
        if kind == "message":
            callback = self._channels.get(channel)
        elif kind == "pmessage":
            callback = self._patterns.get(_text(message["pattern"]))
        else:
            if kind in ("subscribe", "psubscribe"):
                for waiter in self._confirming.get((kind, channel), [])[:1]:
                    if not waiter.done():
                        waiter.set_result(None)
                    self._confirming[(kind, channel)].remove(waiter)
            return
        if callback is not None:
            try:
                callback(channel, message["data"])
            except Exception:  # one listener's bug must not stop the reader the others need
                log.exception("a Redis channel listener failed on %s", channel)


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
