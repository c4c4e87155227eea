"""`--state-manager disk`: each client's states in a SQLite database, so a restart (even a
`kill -9`) loses no change the page was told about.

One row per token (its states pickled, see state/persist.py), written in `save`, which the
server awaits after each event and before it sends the event's answer. The stdlib's sqlite3 runs
on one thread of its own, so the event loop never waits on the disk; WAL mode lets that write
be a short append. synchronous=NORMAL: in WAL mode a commit survives the process dying at any
point (kill -9, a crash); only a power loss or OS crash may lose the last commits.

Loaded states are kept in memory while in use (an LRU of `max_cached`), so an event costs one
write and no read; a state whose bytes did not change since the last write is not written.
"""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

from pyxjs.state.base import State
from pyxjs.state.client import ClientStates
from pyxjs.state.manager import DEFAULT_MAX_STATE_BYTES, KeyedLock, SocketCounts, StateManager
from pyxjs.state.persist import dump_client, load_client

DB_NAME = "states.sqlite3"


class DiskStateManager(StateManager):
    durable = True

    def __init__(
        self,
        states: Sequence[type[State]],
        state_dir: Path,
        max_cached: int = 10_000,
        max_state_bytes: int | None = DEFAULT_MAX_STATE_BYTES,
    ) -> None:
        super().__init__(states)
        self.path = Path(state_dir) / DB_NAME
        self.max_cached = max_cached
        self.max_state_bytes = max_state_bytes
        self._locks = KeyedLock()
        self._cache: OrderedDict[str, ClientStates] = OrderedDict()
        self._written: dict[str, bytes] = {}  # token -> digest of the bytes last written
        self._sockets = SocketCounts()
        # One thread owns the sqlite3 connection: it is made there and used only there.
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="pyx-disk-states")
        self._db: sqlite3.Connection | None = None
        Path(state_dir).mkdir(parents=True, exist_ok=True)
        self._pool.submit(self._open).result()  # a database that cannot open stops the server now

    def _open(self) -> None:
        db = sqlite3.connect(self.path, isolation_level=None)  # autocommit: each statement its own transaction
        mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise RuntimeError(f"{self.path}: SQLite would not switch to WAL mode (got {mode!r})")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS client_states (token TEXT PRIMARY KEY, data BLOB NOT NULL, saved_at REAL NOT NULL)")
        self._db = db

    async def _run(self, fn: Any, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    def lock(self, token: str) -> AbstractAsyncContextManager[None]:
        return self._locks.hold(token)

    async def get(self, token: str) -> ClientStates:
        states = await self.find(token)
        if states is None:
            states = await self.new_states()
            self._remember(token, states)
        return states

    async def find(self, token: str) -> ClientStates | None:
        states = self._cache.get(token)
        if states is not None:
            self._cache.move_to_end(token)
            return states
        data = await self._run(self._read, token)
        if data is None:
            return None
        states = await load_client(self.state_classes, data)
        self._written[token] = _digest(data)
        self._remember(token, states)
        return states

    async def save(self, token: str, states: ClientStates) -> None:
        data = dump_client(states)
        digest = _digest(data)
        if self._written.get(token) == digest:
            return  # nothing changed since the last write
        await self._run(self._write, token, data)
        self._written[token] = digest

    def connected(self, token: str) -> None:
        self._sockets.add(token)

    def disconnected(self, token: str) -> None:
        self._sockets.remove(token)

    async def close(self) -> None:
        if self._db is not None:
            await self._run(self._db.close)
            self._db = None
        self._pool.shutdown(wait=True)

    def _read(self, token: str) -> bytes | None:
        row = self._db.execute("SELECT data FROM client_states WHERE token = ?", (token,)).fetchone()  # type: ignore[union-attr]
        return None if row is None else row[0]

    def _write(self, token: str, data: bytes) -> None:
        self._db.execute(  # type: ignore[union-attr]
            "INSERT INTO client_states (token, data, saved_at) VALUES (?, ?, ?) "
            "ON CONFLICT(token) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at",
            (token, data, time.time()),
        )

    def _remember(self, token: str, states: ClientStates) -> None:
        """Cache the states; past max_cached drop the least recent ones nobody uses (they are on disk)."""
        self._cache[token] = states
        self._cache.move_to_end(token)
        for _ in range(len(self._cache) - self.max_cached):
            oldest = next(iter(self._cache))
            if oldest in self._sockets or self._locks.busy(oldest):
                self._cache.move_to_end(oldest)
                continue
            del self._cache[oldest]
            self._written.pop(oldest, None)

    def __len__(self) -> int:
        return len(self._cache)


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()
