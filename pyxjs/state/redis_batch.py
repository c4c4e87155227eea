"""The Redis manager's commands, pipelined on one connection of its own.

Why: redis-py spends far more time per command (a pooled connection, its pipeline's
bookkeeping, a stream read per reply, a task per batch) than Redis does running it; with many
clients sending events at once that overhead was the whole budget (docs/architecture.md). So
commands go out as RESP bytes packed by hiredis, all those issued in one turn of the event
loop in one write, on a connection that redis-py opened (so AUTH, SELECT, TLS and unix sockets
are its), and one reader parses the replies with hiredis as they arrive and hands each to its
caller, in order: Redis answers a connection's commands in the order it received them. One
batch is on the wire at a time: what is issued while its replies are out waits for them and
then goes as the next batch, so under load many clients' commands share one write and one read
(a lone command is written at once, as nothing is out).

Every command here is short (GET, EVAL of the manager's scripts); blocking ones (BLPOP,
SUBSCRIBE) would hold up everything behind them and must use redis-py directly.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from typing import Any

log = logging.getLogger("pyxjs.server")


class Batcher:
    def __init__(self, redis: Any) -> None:
        # Imported here: the server imports this module whether or not the redis extra is installed.
        import hiredis
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import ResponseError

        self._pack = hiredis.pack_command
        self._new_reader = lambda: hiredis.Reader(replyError=ResponseError)
        self._reply_error = ResponseError
        self._connection_error = RedisConnectionError
        self._redis = redis
        self._pending: list[tuple[bytes, asyncio.Future[Any]]] = []  # not yet written
        self._scheduled = False
        self._sent: deque[asyncio.Future[Any]] = deque()  # written, reply not yet read
        self._connection: Any = None  # redis-py's Connection while it is up
        self._connecting: asyncio.Task[None] | None = None
        self._reading: asyncio.Task[None] | None = None
        self._closed = False

    def call(self, *command: Any) -> asyncio.Future[Any]:
        """The reply to `command` (an error reply is raised by awaiting it, as ResponseError)."""
        if self._closed:
            raise self._connection_error("the state manager is closed")
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._pending.append((self._pack(command), future))
        if not self._scheduled:
            self._scheduled = True
            loop.call_soon(self._flush)
        return future

    def script(self, source: str) -> "BatchedScript":
        return BatchedScript(self, source)

    async def close(self) -> None:
        self._closed = True
        if self._connecting is not None:
            self._connecting.cancel()
        if self._reading is not None:
            self._reading.cancel()
        tasks = [task for task in (self._connecting, self._reading) if task is not None]
        await asyncio.gather(*tasks, return_exceptions=True)
        self._fail(self._connection_error("the state manager is closed"))
        if self._connection is not None:
            await self._connection.disconnect()
            self._connection = None

    def _flush(self) -> None:
        self._scheduled = False
        if not self._pending:
            return
        if self._connection is None:
            if self._connecting is None:
                self._connecting = asyncio.ensure_future(self._connect())
            return  # written once connected
        if self._sent:
            return  # written when the replies in flight are in: one batch on the wire at a time
        self._write()

    def _write(self) -> None:
        batch, self._pending = self._pending, []
        writer = self._connection._writer
        writer.write(b"".join(packed for packed, _ in batch))
        self._sent.extend(future for _, future in batch)

    async def _connect(self) -> None:
        pool = self._redis.connection_pool
        # RESP2 whatever the URL asks: hiredis's replies are then the plain types the scripts return.
        connection = pool.connection_class(**{**pool.connection_kwargs, "protocol": 2})
        try:
            await connection.connect()
        except Exception as exc:
            self._connecting = None
            self._fail(exc)
            return
        except BaseException:
            self._connecting = None
            raise
        self._connection = connection
        self._connecting = None
        self._reading = asyncio.ensure_future(self._read(connection))
        self._flush()

    async def _read(self, connection: Any) -> None:
        reader = self._new_reader()
        stream = connection._reader
        sent = self._sent
        reply_error, connection_error = self._reply_error, self._connection_error
        error: BaseException
        try:
            while True:
                data = await stream.read(65536)
                if not data:
                    raise connection_error("Redis closed the connection")
                reader.feed(data)
                reply = reader.gets()
                while reply is not False:
                    future = sent.popleft()
                    if not future.done():  # else its caller was cancelled
                        if isinstance(reply, reply_error):
                            future.set_exception(reply)
                        else:
                            future.set_result(reply)
                    reply = reader.gets()
                if not sent and self._pending:
                    self._write()  # what was issued while the last batch was out
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the connection broke (or a reply could not be parsed)
            error = exc if isinstance(exc, connection_error) else connection_error(f"Redis connection failed: {exc}")
        if self._connection is connection:
            self._connection = None
            self._reading = None
        log.warning("the Redis state manager's connection failed (%s); reconnecting for the next command", error)
        self._fail(error)  # what was sent may or may not have run: its callers hear the failure
        await connection.disconnect()
        if self._pending and not self._scheduled:
            self._scheduled = True
            asyncio.get_running_loop().call_soon(self._flush)

    def _fail(self, error: BaseException) -> None:
        """Every command written or waiting to be gets `error`."""
        waiting = list(self._sent) + [future for _, future in self._pending]
        self._sent.clear()
        self._pending = []
        for future in waiting:
            if not future.done():
                future.set_exception(error)


class BatchedScript:
    """A Lua script sent whole each time (EVAL): Redis caches it by its SHA1, so the cost is a
    few hundred bytes on the wire, and nothing to reload after a Redis restart or SCRIPT
    FLUSH (with EVALSHA, a NOSCRIPT reply would need a resend)."""

    def __init__(self, batcher: Batcher, source: str) -> None:
        self._batcher = batcher
        self._source = source

    def __call__(self, keys: list[str], args: list[Any]) -> asyncio.Future[Any]:
        return self._batcher.call("EVAL", self._source, len(keys), *keys, *args)
