"""Where each client's State instances live between events.

The server only talks to `StateManager`, so a disk or redis manager can replace the memory
one: `lock` must serialise handlers per token across every worker that shares the
store, `get` loads (or creates) a token's states, `save` writes them back after an event.
The rest has defaults a manager may refine: `connected`/`disconnected` (a live page's state
is never dropped), `lost` (why a state is gone), `housekeeping` (run now and then).
"""

from __future__ import annotations

import asyncio
import time
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager

from pyxjs.state.base import State
from pyxjs.state.client import ClientStates, new_client, settle
from pyxjs.state.substates import with_ancestors


# What `pyx run --state-manager` and rx.App(state_manager=...) accept.
STATE_MANAGERS = ("memory", "disk", "redis")
REDIS_URL_SCHEMES = ("redis://", "rediss://", "unix://")

# A client's states, encoded (state/persist.py), may not grow past this: one client must not be
# able to take the server's memory. A handler that would pass it fails and is rolled back.
DEFAULT_MAX_STATE_BYTES = 8 * 1024 * 1024


class SocketCounts:
    """Open sockets per token, for managers that must not drop a connected client's state."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}

    def add(self, token: str) -> None:
        self._counts[token] = self._counts.get(token, 0) + 1

    def remove(self, token: str) -> bool:
        """One socket closed; True when it was the token's last."""
        left = self._counts.get(token, 0) - 1
        if left > 0:
            self._counts[token] = left
            return False
        self._counts.pop(token, None)
        return True

    def __contains__(self, token: str) -> bool:
        return token in self._counts


class StateManager(ABC):
    durable: bool = False  # states survive a restart of the server (a disk or redis store)
    max_state_bytes: int | None = DEFAULT_MAX_STATE_BYTES

    def __init__(self, states: Sequence[type[State]]) -> None:
        # Drop duplicates, keep the app's declaration order; a substate brings its parents.
        self.state_classes: tuple[type[State], ...] = with_ancestors(states)
        names = [cls._pyx_name for cls in self.state_classes]
        shared = sorted({name for name in names if names.count(name) > 1})
        if shared:
            raise ValueError(f"several State classes have the browser name {', '.join(shared)}; rename one")

    async def new_states(self) -> ClientStates:
        """A new client's states, its computed vars (async ones too) computed."""
        states = new_client(self.state_classes)
        await settle(states)
        return states

    @abstractmethod
    def lock(self, token: str) -> AbstractAsyncContextManager[None]:
        """Held while a handler runs, so two connections with one token never interleave."""

    @abstractmethod
    async def get(self, token: str) -> ClientStates:
        """The token's states, created with defaults on first use."""

    @abstractmethod
    async def find(self, token: str) -> ClientStates | None:
        """The token's states if it has any; never creates (a hydrate must not allocate)."""

    @abstractmethod
    async def save(self, token: str, states: ClientStates) -> None:
        """Persist the states after an event (a no-op when they already live in memory)."""

    async def close(self) -> None:
        """Release connections or files when the server stops."""

    def connected(self, token: str) -> None:
        """A page with this token connected: keep its state while it is (called once per socket)."""

    def disconnected(self, token: str) -> None:
        """One socket of this token closed."""

    async def lost(self, token: str) -> str | None:
        """Why a token that had states has none now ("expired", "evicted"), once; None if unknown."""
        return None

    async def housekeeping(self) -> None:
        """Called every HOUSEKEEPING_S by the server: expire what is due."""

    def modify(self, token: str) -> AbstractAsyncContextManager[ClientStates]:
        """`async with manager.modify(token) as states:` lock, load, and save on the way out,
        even if the body fails (the changes a failed handler made are kept)."""
        return _Modify(self, token)


class _Modify:
    """A class rather than @asynccontextmanager: it runs once per event, and this is cheaper."""

    __slots__ = ("_manager", "_token", "_lock", "_states")

    def __init__(self, manager: StateManager, token: str) -> None:
        self._manager = manager
        self._token = token

    async def __aenter__(self) -> ClientStates:
        self._lock = self._manager.lock(self._token)
        await self._lock.__aenter__()
        try:
            self._states = await self._manager.get(self._token)
        except BaseException:
            await self._lock.__aexit__(None, None, None)
            raise
        return self._states

    async def __aexit__(self, *exc_info: object) -> None:
        try:
            await self._manager.save(self._token, self._states)
        finally:
            await self._lock.__aexit__(*exc_info)


class MemoryStateManager(StateManager):
    """The default: states in a dict in this process; lost on restart.

    Bounded: a state idle for `idle_expiry_s` (no event, no open socket) expires; past
    `max_states` the least recently used one without an open socket is evicted. Either way the
    page is told at its next hydrate (`lost`). A state in use (a socket, an event or background
    task holding its lock) is never dropped, so the bound can be exceeded by live pages only.
    """

    # Tokens whose state was dropped, remembered so the page can be told why; bounded too.
    MAX_REMEMBERED_LOSSES = 10_000

    def __init__(
        self,
        states: Sequence[type[State]],
        idle_expiry_s: float = 3600.0,
        max_states: int = 100_000,
        max_state_bytes: int | None = DEFAULT_MAX_STATE_BYTES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(states)
        if idle_expiry_s <= 0 or max_states <= 0:
            raise ValueError("idle_expiry_s and max_states must be positive")
        self.idle_expiry_s = idle_expiry_s
        self.max_states = max_states
        self.max_state_bytes = max_state_bytes
        self._clock = clock
        # Least recently used first: expiry and eviction look at the front only.
        self._states: OrderedDict[str, ClientStates] = OrderedDict()
        self._used_at: dict[str, float] = {}
        self._sockets = SocketCounts()
        self._losses: OrderedDict[str, str] = OrderedDict()
        self._locks = KeyedLock()

    def lock(self, token: str) -> AbstractAsyncContextManager[None]:
        return self._locks.hold(token)

    def modify(self, token: str) -> AbstractAsyncContextManager[ClientStates]:
        if type(self).save is not MemoryStateManager.save:  # a subclass that stores somewhere too
            return super().modify(token)
        return _MemoryModify(self, token)

    async def get(self, token: str) -> ClientStates:
        states = self._states.get(token)
        if states is None:
            self._drop_due()
            states = self._states[token] = await self.new_states()
            self._losses.pop(token, None)
        self._touch(token)
        return states

    async def find(self, token: str) -> ClientStates | None:
        states = self._states.get(token)
        if states is not None:
            self._touch(token)
        return states

    async def save(self, token: str, states: ClientStates) -> None:
        self._touch(token)  # the instances in self._states are the ones the handler changed

    def connected(self, token: str) -> None:
        self._sockets.add(token)

    def disconnected(self, token: str) -> None:
        if self._sockets.remove(token) and token in self._states:
            self._touch(token)  # idle from now on

    async def lost(self, token: str) -> str | None:
        return self._losses.pop(token, None)

    async def housekeeping(self) -> None:
        self._drop_due()

    def _touch(self, token: str) -> None:
        self._used_at[token] = self._clock()
        self._states.move_to_end(token)

    def _drop_due(self) -> None:
        """Expire idle states and evict down to max_states - 1 (room for one more), oldest first."""
        cutoff = self._clock() - self.idle_expiry_s
        for _ in range(len(self._states)):  # each live one seen is moved to the back, so this ends
            token = next(iter(self._states))
            expired = self._used_at[token] <= cutoff
            if not expired and len(self._states) < self.max_states:
                return
            if token in self._sockets or self._locks.busy(token):
                self._touch(token)  # in use: not idle, and not a candidate
                continue
            self._forget(token, "expired" if expired else "evicted")

    def _forget(self, token: str, reason: str) -> None:
        del self._states[token]
        del self._used_at[token]
        self._losses[token] = reason
        if len(self._losses) > self.MAX_REMEMBERED_LOSSES:
            self._losses.popitem(last=False)

    def __len__(self) -> int:
        return len(self._states)


class _MemoryModify:
    """modify() for states that live in the process: the lock and the dict, no save step (the
    instances the handler changed are the stored ones); touched once, on the way in."""

    __slots__ = ("_manager", "_token", "_hold")

    def __init__(self, manager: MemoryStateManager, token: str) -> None:
        self._manager = manager
        self._token = token

    async def __aenter__(self) -> ClientStates:
        self._hold = hold = self._manager._locks.hold(self._token)
        await hold.__aenter__()
        try:
            return await self._manager.get(self._token)
        except BaseException:
            await hold.__aexit__(None, None, None)
            raise

    async def __aexit__(self, *exc_info: object) -> None:
        await self._hold.__aexit__(*exc_info)


class KeyedLock:
    """One asyncio.Lock per key, alive only while someone holds or waits for it.

    A lock per token kept forever would make every idle client cost a Lock; this way an
    idle client costs nothing here.
    """

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}

    def hold(self, key: str) -> _Hold:
        return _Hold(self, key)

    def busy(self, key: str) -> bool:
        """Someone holds or waits for `key`."""
        return key in self._entries

    def __len__(self) -> int:
        return len(self._entries)


class _Entry:
    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.users = 0


class _Hold:
    """`async with keyed.hold(key):` — a small class, not @asynccontextmanager, as it runs per event."""

    __slots__ = ("_owner", "_key", "_entry")

    def __init__(self, owner: KeyedLock, key: str) -> None:
        self._owner = owner
        self._key = key

    async def __aenter__(self) -> None:
        entries = self._owner._entries
        entry = entries.get(self._key)
        if entry is None:
            entry = entries[self._key] = _Entry()
        entry.users += 1
        self._entry = entry
        try:
            await entry.lock.acquire()
        except BaseException:  # cancelled while waiting: give the slot back
            self._release_slot()
            raise

    async def __aexit__(self, *exc_info: object) -> None:
        self._entry.lock.release()
        self._release_slot()

    def _release_slot(self) -> None:
        entry = self._entry
        entry.users -= 1
        if entry.users == 0:
            del self._owner._entries[self._key]
