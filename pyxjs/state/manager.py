"""Where each client's State instances live between events.

The server only talks to `StateManager`, so a disk or redis manager can replace the memory
one later: `lock` must serialise handlers per token across every worker that shares the
store, `get` loads (or creates) a token's states, `save` writes them back after an event.
"""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager

from pyxjs.state.base import State
from pyxjs.state.client import ClientStates, new_client, settle
from pyxjs.state.substates import with_ancestors


class StateManager(ABC):
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
    """The default: states in a dict in this process; lost on restart."""

    def __init__(self, states: Sequence[type[State]]) -> None:
        super().__init__(states)
        self._states: dict[str, ClientStates] = {}
        self._locks = KeyedLock()

    def lock(self, token: str) -> AbstractAsyncContextManager[None]:
        return self._locks.hold(token)

    async def get(self, token: str) -> ClientStates:
        states = self._states.get(token)
        if states is None:
            states = self._states[token] = await self.new_states()
        return states

    async def find(self, token: str) -> ClientStates | None:
        return self._states.get(token)

    async def save(self, token: str, states: ClientStates) -> None:
        pass  # the instances in self._states are the ones the handler changed

    def __len__(self) -> int:
        return len(self._states)


class KeyedLock:
    """One asyncio.Lock per key, alive only while someone holds or waits for it.

    A lock per token kept forever would make every idle client cost a Lock; this way an
    idle client costs nothing here.
    """

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}

    def hold(self, key: str) -> _Hold:
        return _Hold(self, key)

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
