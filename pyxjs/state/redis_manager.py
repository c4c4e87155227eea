"""`RedisStateManager`: each client's states in Redis, so any worker on any host can serve it.

One key per token holds the pickled states (state/pickled.py) and expires when the client has
been idle for the TTL. A per-client lock (SET NX PX with a random owner id) serialises events
across workers; it expires, so a worker that dies holding it frees the client after the lock
TTL, and a live worker renews it while a long handler runs. Releasing compares the owner first
(a Lua script), and so does saving: a worker whose lock expired never overwrites the state of
the worker that took over. A waiter listens on the client's `unlocked` channel, so it retries
the moment the holder releases rather than polling. An event costs two round trips: take the
lock and read (one script), write and release (another). See redis_scripts.py for the layout.

Inside one process a plain asyncio lock per token comes first, so only cross-process
contention reaches Redis.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import secrets
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from pyxjs.state import redis_scripts
from pyxjs.state.base import State
from pyxjs.state.client import ClientStates
from pyxjs.state.manager import REDIS_URL_SCHEMES, KeyedLock, StateManager
from pyxjs.state.pickled import dump_client, load_client
from pyxjs.state.redis_batch import Batcher
from pyxjs.state.redis_channels import Channels

log = logging.getLogger("pyxjs.server")

DEFAULT_TTL_S = 3600.0  # a client idle this long is forgotten
DEFAULT_LOCK_TTL_S = 10.0  # how long a dead worker can hold a client
LOSSES_KEPT_S = 7 * 24 * 3600.0  # how long after its state expired a token is still told so
# A waiter retries at least this often even without a wake-up (a lost message, a lock that
# expired instead of being released).
MAX_WAIT_S = 0.5
# Connections to Redis per process; each carries one command at a time.
MAX_CONNECTIONS = 64
# States kept in this process after an event, to reuse when Redis still holds their bytes.
CACHED_STATES = 1024
CACHED_BYTES = 64 * 1024 * 1024


class LockLostError(RuntimeError):
    """The client's lock expired before the event ended (the event loop stalled longer than the
    lock TTL); another worker may have taken over, so this event's changes were not saved."""


def redis_installed() -> bool:
    try:
        import hiredis  # noqa: F401
        import redis.asyncio  # noqa: F401
    except ImportError:
        return False
    return True


class RedisStateManager(StateManager):
    durable = True  # states outlive any one worker: a token older than this process is not "restarted"

    def __init__(
        self,
        states: Sequence[type[State]],
        url: str,
        *,
        ttl_s: float = DEFAULT_TTL_S,
        lock_ttl_s: float = DEFAULT_LOCK_TTL_S,
        prefix: str = "pyx:",
    ) -> None:
        super().__init__(states)
        if not redis_installed():
            raise RuntimeError("the redis state manager needs the redis and hiredis packages: pip install 'pyxjs[redis]'")
        import redis.asyncio

        if not url.startswith(REDIS_URL_SCHEMES):
            raise ValueError(f"redis URL {url!r} must start with redis://, rediss:// or unix://")
        for name, value in (("ttl_s", ttl_s), ("lock_ttl_s", lock_ttl_s)):
            if not value > 0:
                raise ValueError(f"{name} must be a positive number of seconds, got {value!r}")
        self.url = url
        self.prefix = prefix
        # A blocking pool: past MAX_CONNECTIONS commands wait for a connection instead of failing.
        pool = redis.asyncio.BlockingConnectionPool.from_url(url, max_connections=MAX_CONNECTIONS, timeout=None)
        self.redis = redis.asyncio.Redis(connection_pool=pool)
        self._ttl_ms = max(1, round(ttl_s * 1000))
        self._seen_ms = self._ttl_ms + round(LOSSES_KEPT_S * 1000)
        self._lock_ms = max(1, round(lock_ttl_s * 1000))
        self._batch = Batcher(self.redis)
        self._scripts = {
            name: self._batch.script(getattr(redis_scripts, name))
            for name in ("ACQUIRE_AND_LOAD", "ACQUIRE", "SAVE", "RELEASE", "SAVE_AND_RELEASE", "RENEW")
        }
        self.channels = Channels(self.redis)
        self._local = KeyedLock()
        # While this process holds a token's Redis lock: its owner id, and the bytes it loaded
        # (an event that changed nothing then refreshes the TTL instead of writing them again).
        self._owners: dict[str, str] = {}
        self._loaded: dict[str, bytes] = {}
        self._holds_by_owner: dict[str, _Hold] = {}  # so a renewal timer finds a hold still open
        self._cache = StatesCache(CACHED_STATES, CACHED_BYTES)
        self._owner_prefix = secrets.token_hex(8)  # this process; a counter tells its holds apart
        self._owner_count = itertools.count()

    # --- key names ---------------------------------------------------------------------------

    def state_key(self, token: str) -> str:
        return f"{self.prefix}state:{{{token}}}"

    def lock_key(self, token: str) -> str:
        return f"{self.prefix}lock:{{{token}}}"

    def seen_key(self, token: str) -> str:
        return f"{self.prefix}seen:{{{token}}}"

    def unlocked_channel(self, token: str) -> str:
        return f"{self.prefix}unlocked:{{{token}}}"

    # --- the StateManager interface -----------------------------------------------------------

    def lock(self, token: str) -> _Hold:
        return _Hold(self, token, load=False)

    def modify(self, token: str) -> _Hold:  # type: ignore[override]
        return _Hold(self, token, load=True)

    async def get(self, token: str) -> ClientStates:
        states = await self.find(token)
        return states if states is not None else await self.new_states()

    async def find(self, token: str) -> ClientStates | None:
        data = await self._batch.call("GET", self.state_key(token))
        if token in self._owners:
            self._loaded[token] = data or b""
        return None if data is None else self._load(token, data)

    async def save(self, token: str, states: ClientStates) -> None:
        owner = self._owners.get(token)
        if owner is None:
            raise RuntimeError(f"save({token[:6]}...) without its lock: hold manager.lock(token) around get and save")
        data = self._changed_bytes(token, states)
        if not await self._scripts["SAVE"](keys=[self.lock_key(token), self.state_key(token), self.seen_key(token)],
                                           args=[owner, data, self._ttl_ms, self._seen_ms]):
            raise LockLostError(_lost(token))
        self._cache.put(token, self._loaded[token], states)

    async def lost(self, token: str) -> str | None:
        """A token with a tombstone but no state: the state's TTL ran out (told once)."""
        if await self._batch.call("DEL", self.seen_key(token)):
            return "expired"
        return None

    async def close(self) -> None:
        await self.channels.close()
        await self._batch.close()
        await self.redis.aclose(close_connection_pool=True)

    # --- the lock -------------------------------------------------------------------------------

    async def _acquire(self, token: str, load: bool) -> tuple[str, bytes | None]:
        """Wait for the token's Redis lock; (owner id, the stored bytes when `load`)."""
        owner = f"{self._owner_prefix}-{next(self._owner_count)}"
        taken, data = await self._try(token, owner, load)
        if taken:
            return owner, data
        woken = asyncio.Event()
        channel = self.unlocked_channel(token)
        await self.channels.subscribe(channel, lambda _channel, _message: woken.set())
        try:
            while True:
                # Tried again after subscribing: a release between the first try and the
                # subscription would otherwise go unheard.
                taken, data = await self._try(token, owner, load)
                if taken:
                    return owner, data
                left_ms = data if isinstance(data, int) and data > 0 else 1
                try:
                    await asyncio.wait_for(woken.wait(), min(left_ms / 1000, MAX_WAIT_S))
                except TimeoutError:
                    pass
                woken.clear()
        finally:
            await self.channels.unsubscribe(channel)

    async def _try(self, token: str, owner: str, load: bool) -> tuple[bool, Any]:
        if load:
            taken, data = await self._scripts["ACQUIRE_AND_LOAD"](
                keys=[self.lock_key(token), self.state_key(token)], args=[owner, self._lock_ms])
            return bool(taken), data
        left = await self._scripts["ACQUIRE"](keys=[self.lock_key(token)], args=[owner, self._lock_ms])
        return left == -1, left

    async def _release(self, token: str, owner: str) -> bool:
        return bool(await self._scripts["RELEASE"](keys=[self.lock_key(token)], args=[owner, self.unlocked_channel(token)]))

    async def _save_and_release(self, token: str, owner: str, states: ClientStates) -> bool:
        data = self._changed_bytes(token, states)
        return bool(await self._scripts["SAVE_AND_RELEASE"](
            keys=[self.lock_key(token), self.state_key(token), self.seen_key(token)],
            args=[owner, data, self._ttl_ms, self._seen_ms, self.unlocked_channel(token)]))

    def _load(self, token: str, data: bytes) -> ClientStates:
        """The states `data` holds: this process's own from the last event when Redis still holds
        the bytes it wrote (no other worker changed them since), else read from the bytes."""
        states = self._cache.take(token, data)
        return states if states is not None else load_client(self.state_classes, data)

    def _changed_bytes(self, token: str, states: ClientStates) -> bytes:
        """The states' bytes, or b'' when they are what was loaded (the script then only
        refreshes the TTL)."""
        data = dump_client(states)
        if data == self._loaded.get(token):
            return b""
        self._loaded[token] = data
        return data

    def _schedule_renewal(self, token: str, owner: str) -> asyncio.TimerHandle:
        # A timer, not a task per event: most events end long before it fires.
        loop = asyncio.get_running_loop()
        return loop.call_later(self._lock_ms / 3000, self._renew, token, owner)

    def _renew(self, token: str, owner: str) -> None:
        hold = self._holds_by_owner.get(owner)
        if hold is None:
            return
        task = asyncio.ensure_future(self._scripts["RENEW"](keys=[self.lock_key(token)], args=[owner, self._lock_ms]))
        task.add_done_callback(lambda done: _renewed(done, token))
        hold.renewal = self._schedule_renewal(token, owner)


def _renewed(task: asyncio.Future[Any], token: str) -> None:
    if task.cancelled():
        return
    if task.exception() is not None:
        log.error("could not renew the lock of client %s: %s", token[:6], task.exception())
    elif not task.result():
        log.error("the lock of client %s expired while its event ran; its changes will not be saved", token[:6])


def _lost(token: str) -> str:
    return (f"the lock of client {token[:6]}... expired before its event ended (the server stalled "
            f"longer than the lock TTL); another worker may have changed the state, so this event's "
            f"changes were not saved")


class StatesCache:
    """Client states this process handed back after an event, with the bytes Redis then held.

    An event loads a client's bytes anyway (with its lock, in one round trip); when they are
    the bytes this process wrote last, the states it wrote them from are reused instead of
    unpickled and rebuilt. Taking an entry removes it, so states in use (and perhaps changed)
    are never matched against bytes they no longer stand for; only states with no pending
    change go back. Bounded by count and by the bytes' total size, least recently used first.
    """

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self._entries: OrderedDict[str, tuple[bytes, ClientStates]] = OrderedDict()
        self._max_entries = max_entries
        self._max_bytes = max_bytes
        self._bytes = 0

    def take(self, token: str, data: bytes) -> ClientStates | None:
        entry = self._entries.pop(token, None)
        if entry is None:
            return None
        self._bytes -= len(entry[0])
        return entry[1] if entry[0] == data else None

    def put(self, token: str, data: bytes, states: ClientStates) -> None:
        self.take(token, b"")
        if not data or len(data) > self._max_bytes or any(
                state.__dict__["_pyx_journal"] or state.__dict__["_pyx_dirty"] for state in states.values()):
            return  # nothing stored, too big, or changes not flushed: the bytes do not say what these hold
        self._entries[token] = (data, states)
        self._bytes += len(data)
        while len(self._entries) > self._max_entries or self._bytes > self._max_bytes:
            _, (dropped, _) = self._entries.popitem(last=False)
            self._bytes -= len(dropped)

    def __len__(self) -> int:
        return len(self._entries)


class _Hold:
    """`async with manager.lock(token)` (load=False) or `manager.modify(token)` (load=True):
    the local lock, then Redis's; modify also reads the states on entry and writes them on
    exit, in the same round trips as the lock."""

    __slots__ = ("_manager", "_token", "_load", "_local", "_owner", "_states", "renewal")

    def __init__(self, manager: RedisStateManager, token: str, load: bool) -> None:
        self._manager = manager
        self._token = token
        self._load = load

    async def __aenter__(self) -> Any:
        manager, token = self._manager, self._token
        self._local = manager._local.hold(token)
        await self._local.__aenter__()
        try:
            self._owner, data = await manager._acquire(token, self._load)
        except BaseException:
            await self._local.__aexit__(None, None, None)
            raise
        manager._owners[token] = self._owner
        manager._holds_by_owner[self._owner] = self
        self.renewal = manager._schedule_renewal(token, self._owner)
        if not self._load:
            return None
        try:
            manager._loaded[token] = data or b""
            self._states = manager._load(token, data) if data else await manager.new_states()
        except BaseException:
            await self._end(None)
            raise
        return self._states

    async def __aexit__(self, *exc_info: object) -> None:
        await self._end(self._states if self._load else None)

    async def _end(self, states: ClientStates | None) -> None:
        manager, token, owner = self._manager, self._token, self._owner
        self.renewal.cancel()
        kept = True
        try:
            if states is not None:
                kept = await manager._save_and_release(token, owner, states)
                if kept:
                    manager._cache.put(token, manager._loaded[token], states)
            else:
                kept = await manager._release(token, owner)
        except BaseException:
            if states is not None:  # dumping failed (an unpicklable value): still let go
                await asyncio.shield(manager._release(token, owner))
            raise
        finally:
            manager._holds_by_owner.pop(owner, None)
            manager._owners.pop(token, None)
            manager._loaded.pop(token, None)
            await self._local.__aexit__(None, None, None)
        if not kept and states is not None:
            raise LockLostError(_lost(token))
        if not kept:
            log.error("the lock of client %s had expired before its release", token[:6])

