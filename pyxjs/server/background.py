"""`@rx.event(background=True)` handlers: tasks beside the client's queue.

The event that starts one is answered at once; the task then runs on its own. Its `self` is a
`BackgroundSelf`: reads go to the client's state, writes are refused unless inside
`async with self:`, which takes the client's lock (so no event runs meanwhile), and on exit
sends what changed to the page (a `final: false` frame carrying the starting event's id) or,
if the block raised, rolls the changes back.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from pyxjs.state.base import State
from pyxjs.state.manager import StateManager

log = logging.getLogger("pyxjs.server")


@dataclass(slots=True)  # not frozen: one is made per event, and a frozen __init__ costs ~3x
class BackgroundContext:
    """What a background task needs from the connection that started it."""

    manager: StateManager
    token: str
    # Sends one frame's worth of changes (the runner builds the frame; the socket sends it).
    push: Callable[[Any], Awaitable[None]]


class BackgroundSelf:
    __slots__ = ("_pyx_state_name", "_pyx_states", "_pyx_context", "_pyx_hold", "_pyx_flush", "_pyx_qualified")

    def __init__(self, state_name: str, states: dict[str, State], context: BackgroundContext,
                 flush: Callable[[dict[str, State]], Awaitable[None]], qualified: str) -> None:
        set_ = object.__setattr__
        set_(self, "_pyx_state_name", state_name)
        set_(self, "_pyx_states", states)
        set_(self, "_pyx_context", context)
        set_(self, "_pyx_hold", None)
        set_(self, "_pyx_flush", flush)
        set_(self, "_pyx_qualified", qualified)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pyx_states[self._pyx_state_name], name)

    def __setattr__(self, name: str, value: Any) -> None:
        if self._pyx_hold is None:
            raise RuntimeError(
                f"background handler {self._pyx_qualified} set self.{name} outside `async with self:`; "
                f"a background task may change state only inside that block"
            )
        setattr(self._pyx_states[self._pyx_state_name], name, value)

    async def get_state(self, state_class: type[State]) -> State:
        return await self._pyx_states[self._pyx_state_name].get_state(state_class)

    async def __aenter__(self) -> "BackgroundSelf":
        if self._pyx_hold is not None:
            raise RuntimeError(f"background handler {self._pyx_qualified}: `async with self:` is already open")
        context = self._pyx_context
        hold = context.manager.modify(context.token)
        states = await hold.__aenter__()
        object.__setattr__(self, "_pyx_hold", hold)
        object.__setattr__(self, "_pyx_states", states)  # fresh: another worker may have changed them
        return self

    async def __aexit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        hold = self._pyx_hold
        object.__setattr__(self, "_pyx_hold", None)
        try:
            if exc_type is None:
                await self._pyx_flush(self._pyx_states)
            else:
                for state in self._pyx_states.values():
                    state.pyx_rollback()
        finally:
            await hold.__aexit__(exc_type, exc, tb)


class BackgroundTasks:
    """The running tasks, so a server shutdown can cancel them."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()

    def start(self, coroutine: Awaitable[Any], name: str) -> None:
        task = asyncio.ensure_future(coroutine)
        task.set_name(name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    def __len__(self) -> int:
        return len(self._tasks)
