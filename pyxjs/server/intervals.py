"""`@rx.var(interval=...)`: recompute those vars on time for each connected page, and push a
frame when a value changed, with no event from the page.

One task per connection (started after its hydrate, cancelled when the socket closes and at
shutdown). Each tick takes the client's lock like an event, so it never interleaves with a
handler, and the connection's turn, so its frame never overtakes an event's answer.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass

from pyxjs.server.failures import report_failure
from pyxjs.server.protocol import answer_frame
from pyxjs.state.base import ComputedVarError, State
from pyxjs.state.client import ClientStates, rollback, take_delta
from pyxjs.state.manager import StateManager

log = logging.getLogger("pyxjs.server")


@dataclass(frozen=True, slots=True)
class IntervalVar:
    state: str  # browser name of the state
    name: str
    seconds: float


def interval_vars(classes: Iterable[type[State]]) -> tuple[IntervalVar, ...]:
    """Every interval computed var of the app, found once at startup."""
    return tuple(
        IntervalVar(cls._pyx_name, name, seconds)
        for cls in classes
        for name, seconds in cls._pyx_intervals.items()
    )


class IntervalTicker:
    def __init__(
        self,
        schedule: Sequence[IntervalVar],
        manager: StateManager,
        token: str,
        turn: asyncio.Lock,
        prepare: Callable[[ClientStates], None],
        send: Callable[[str], Awaitable[None]],
        dev: bool = False,
    ) -> None:
        self._dev = dev  # a failure's exception text goes to the page too
        self._schedule = schedule
        self._manager = manager
        self._token = token
        self._turn = turn
        self._prepare = prepare  # hands the connection's router to the states, as an event does
        self._send = send
        self._task: asyncio.Task[None] | None = None

    def start(self, tasks: set[asyncio.Task[None]]) -> None:
        """Run until stop(); `tasks` is the server's set, so a shutdown can cancel it too."""
        task = asyncio.ensure_future(self._run())
        task.set_name(f"pyx intervals {self._token[:6]}")
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        self._task = task

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        due = {var: loop.time() + var.seconds for var in self._schedule}
        while True:
            await asyncio.sleep(max(0.0, min(due.values()) - loop.time()))
            now = loop.time()
            expired = [var for var, at in due.items() if at <= now]
            for var in expired:
                # The next slot on the var's own beat; a slow tick skips beats instead of bunching up.
                due[var] += var.seconds * (int((now - due[var]) // var.seconds) + 1)
            try:
                await self._tick(expired)
            except ConnectionResetError:
                return  # the page is gone; the socket's close stops nothing more
            except Exception:  # the store is down, say: try again next tick rather than stop
                log.exception("interval vars of token %s could not be recomputed", self._token[:6])

    async def _tick(self, expired: Sequence[IntervalVar]) -> None:
        async with self._turn, self._manager.modify(self._token) as states:
            self._prepare(states)
            for var in expired:
                states[var.state].pyx_expire(var.name)
            try:
                delta, patch = await take_delta(states)
            except ComputedVarError as exc:
                rollback(states)
                error = report_failure(f"computed var {exc.state}.{exc.name}", exc.__cause__ or exc, None, self._dev)
                await self._send(answer_frame(None, {}, error))  # type: ignore[arg-type]
                return
            if delta or patch:
                # No event asked for it: id null, and never final (no event waits for it).
                await self._send(answer_frame(None, delta, None, patch, final=False))  # type: ignore[arg-type]

