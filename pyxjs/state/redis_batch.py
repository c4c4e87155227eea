"""Commands issued in the same turn of the event loop go to Redis as one pipeline.

Why: redis-py spends far more time per command (taking a pooled connection, packing, events,
a send, a read) than Redis does running it; with many clients sending events at once that
overhead was the whole budget (measured: ~900 events/s on this 2-core machine with one
command per call, see docs/architecture.md). One pipeline per loop turn pays it once for all
the clients whose events are at the same step. A lone client gets its command sent on the
next loop turn, as it would anyway.
"""

from __future__ import annotations

import asyncio
from typing import Any


class Batcher:
    def __init__(self, redis: Any) -> None:
        self._redis = redis
        self._pending: list[tuple[tuple[Any, ...], asyncio.Future[Any]]] = []
        self._scheduled = False
        self._sending: set[asyncio.Task[None]] = set()

    def call(self, *command: Any) -> asyncio.Future[Any]:
        """The reply to `command` (an error reply is raised by awaiting it)."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._pending.append((command, future))
        if not self._scheduled:
            self._scheduled = True
            loop.call_soon(self._flush)
        return future

    def script(self, source: str) -> "BatchedScript":
        return BatchedScript(self, source)

    async def close(self) -> None:
        await asyncio.gather(*self._sending, return_exceptions=True)

    def _flush(self) -> None:
        batch, self._pending = self._pending, []
        self._scheduled = False
        task = asyncio.ensure_future(self._send(batch))
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)

    async def _send(self, batch: list[tuple[tuple[Any, ...], asyncio.Future[Any]]]) -> None:
        try:
            pipe = self._redis.pipeline(transaction=False)
            for command, _ in batch:
                pipe.execute_command(*command)
            replies = await pipe.execute(raise_on_error=False)
        except BaseException as exc:  # the connection failed: every caller of this batch hears it
            for _, future in batch:
                if not future.done():
                    future.set_exception(exc if isinstance(exc, Exception) else ConnectionError(str(exc)))
            if not isinstance(exc, Exception):
                raise
            return
        for (_, future), reply in zip(batch, replies):
            if future.done():
                continue  # its caller was cancelled
            if isinstance(reply, Exception):
                future.set_exception(reply)
            else:
                future.set_result(reply)


class BatchedScript:
    """A Lua script sent whole each time (EVAL): Redis caches it by its SHA1, so the cost is a
    few hundred bytes on the wire, and nothing to reload after a Redis restart or SCRIPT
    FLUSH (EVALSHA's NOSCRIPT error aborts a whole redis-py pipeline)."""

    def __init__(self, batcher: Batcher, source: str) -> None:
        self._batcher = batcher
        self._source = source

    def __call__(self, keys: list[str], args: list[Any]) -> asyncio.Future[Any]:
        return self._batcher.call("EVAL", self._source, len(keys), *keys, *args)
