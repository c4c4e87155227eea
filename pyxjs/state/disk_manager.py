"""`--state-manager disk`: each client's states in a SQLite database, so a restart (even a
`kill -9`) loses no change the page was told about.

One row per token (its states pickled, see state/persist.py), written in `save`, which the
server awaits after each event and before it sends the event's answer. The stdlib's sqlite3 runs
on one thread of its own, so the event loop never waits on the disk; WAL mode lets that write
be a short append. synchronous=NORMAL: in WAL mode a commit survives the process dying at any
point (kill -9, a crash); only a power loss or OS crash may lose the last commits.

Loaded states are kept in memory while in use (an LRU of `max_cached`), so an event costs one
write and no read; a state whose bytes did not change since the last write is not written.

Bounded like the other managers: a row idle for `idle_expiry_s` (no write, no open socket) is
deleted by `housekeeping`, and a tombstone row remembers it for a week so the page's next
hydrate is told its state "expired" rather than silently showing defaults.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
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
DEFAULT_IDLE_EXPIRY_S = 3600.0  # as the memory and redis managers
LOSSES_KEPT_S = 7 * 24 * 3600.0  # how long an expired token is still reported as such
EXPIRE_BATCH = 1000  # rows looked at per housekeeping round (the next round takes the rest)

log = logging.getLogger("pyxjs.server")


class DiskStateManager(StateManager):
    durable = True

    def __init__(
        self,
        states: Sequence[type[State]],
        state_dir: Path,
        max_cached: int = 10_000,
        max_state_bytes: int | None = DEFAULT_MAX_STATE_BYTES,
        idle_expiry_s: float = DEFAULT_IDLE_EXPIRY_S,
        clock: Any = time.time,  # wall time: saved_at must mean the same after a restart
    ) -> None:
        super().__init__(states)
        if not idle_expiry_s > 0:
            raise ValueError(f"idle_expiry_s must be a positive number of seconds, got {idle_expiry_s!r}")
        self.path = Path(state_dir) / DB_NAME
        self.idle_expiry_s = idle_expiry_s
        self._clock = clock
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
        db.execute("CREATE INDEX IF NOT EXISTS client_states_saved_at ON client_states (saved_at)")
        # Tokens whose state expired, so their next hydrate can say so (state/manager.py's `lost`).
        db.execute("CREATE TABLE IF NOT EXISTS lost_states (token TEXT PRIMARY KEY, reason TEXT NOT NULL, at REAL NOT NULL)")
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
        if self._sockets.remove(token):
            # Idle from now on, not from its last write: a page may stay open for hours unchanged.
            self._pool.submit(self._touch, token, self._clock()).add_done_callback(_log_failure)

    async def lost(self, token: str) -> str | None:
        return await self._run(self._pop_loss, token)

    async def housekeeping(self) -> None:
        """Delete the rows idle past `idle_expiry_s`, leaving tombstones; forget old tombstones."""
        now = self._clock()
        cutoff = now - self.idle_expiry_s
        for token in await self._run(self._idle_tokens, cutoff, EXPIRE_BATCH):
            if token in self._sockets or self._locks.busy(token):
                continue  # in use: its next save or disconnect makes it recent again
            # Under the token's lock, so a hydrate or event never sees it half-expired.
            async with self._locks.hold(token):
                if token in self._sockets:
                    continue
                if await self._run(self._expire, token, cutoff, now):
                    self._cache.pop(token, None)
                    self._written.pop(token, None)
        await self._run(self._forget_losses, now - LOSSES_KEPT_S)

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
            (token, data, self._clock()),
        )

    def _touch(self, token: str, at: float) -> None:
        self._db.execute("UPDATE client_states SET saved_at = ? WHERE token = ?", (at, token))  # type: ignore[union-attr]

    def _idle_tokens(self, cutoff: float, limit: int) -> list[str]:
        rows = self._db.execute(  # type: ignore[union-attr]
            "SELECT token FROM client_states WHERE saved_at < ? ORDER BY saved_at LIMIT ?", (cutoff, limit))
        return [token for (token,) in rows]

    def _expire(self, token: str, cutoff: float, now: float) -> bool:
        """Delete the token's row if still idle (an event may have written it since), in one transaction with its tombstone."""
        db = self._db
        with db:  # type: ignore[union-attr]
            db.execute("BEGIN")  # type: ignore[union-attr]
            gone = db.execute("DELETE FROM client_states WHERE token = ? AND saved_at < ?",  # type: ignore[union-attr]
                              (token, cutoff)).rowcount
            if gone:
                db.execute("INSERT OR REPLACE INTO lost_states (token, reason, at) VALUES (?, 'expired', ?)",  # type: ignore[union-attr]
                           (token, now))
        return bool(gone)

    def _pop_loss(self, token: str) -> str | None:
        row = self._db.execute("SELECT reason FROM lost_states WHERE token = ?", (token,)).fetchone()  # type: ignore[union-attr]
        if row is None:
            return None
        self._db.execute("DELETE FROM lost_states WHERE token = ?", (token,))  # type: ignore[union-attr]
        return row[0]

    def _forget_losses(self, before: float) -> None:
        self._db.execute("DELETE FROM lost_states WHERE at < ?", (before,))  # type: ignore[union-attr]

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


def _log_failure(done: Any) -> None:
    if done.exception() is not None:
        log.error("could not record when a client left: %s", done.exception())


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()
