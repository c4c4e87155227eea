"""One client's states together: creating them, bringing computed vars up to date, flushing.

A client's states reach each other (`get_state`, a substate's inherited vars, computed vars
that read other states), so they are created, refreshed and flushed as one set. Refreshing is
two passes: every state's sync computed vars, then the async ones, awaited; every state is
ready before any commits, so a failing computed var leaves all of them ready to roll back.
"""

from __future__ import annotations

import asyncio
import reprlib
import concurrent.futures
from collections.abc import Coroutine, Iterable
from typing import Any

from pyxjs.state.base import ComputedVarError, State
from pyxjs.state.computed import NO_INITIAL_VALUE
from pyxjs.state.serialize import encode
from pyxjs.state.substates import with_ancestors

ClientStates = dict[str, State]
StateMap = dict[str, dict[str, Any]]


def new_client(classes: Iterable[type[State]]) -> ClientStates:
    """A fresh instance of each class (and of the ancestors a substate needs), linked together.
    Async computed vars are not computed yet: `await settle(client)`."""
    client: ClientStates = {}
    for cls in with_ancestors(classes):
        cls(client)
    return client


def prepare(states: ClientStates) -> list[State] | None:
    """Sync computed vars and watched objects of every state up to date (raises
    ComputedVarError); the states whose async computed vars still wait, or None."""
    waiting = None
    for state in states.values():
        if state.pyx_prepare():
            if waiting is None:
                waiting = []
            waiting.append(state)
    return waiting


async def prepare_async(waiting: list[State]) -> None:
    for state in waiting:
        await state.pyx_prepare_async()


async def refresh(states: ClientStates) -> None:
    """Every computed var up to date (raises ComputedVarError; nothing is committed)."""
    waiting = prepare(states)
    if waiting is not None:
        await prepare_async(waiting)


async def take_delta(states: ClientStates) -> tuple[StateMap, StateMap | None]:
    """Every state's changes (a handler may touch more than its own state): whole values and
    list tails; then they are final."""
    await refresh(states)
    return collect(states)


def take_delta_now(states: ClientStates) -> tuple[StateMap, StateMap | None]:
    """take_delta from sync code, for states whose async computed vars (if any) are up to date."""
    waiting = prepare(states)
    if waiting is not None:
        names = ", ".join(type(state).__name__ for state in waiting)
        raise RuntimeError(f"async computed vars of {names} wait to be awaited: flush with `await take_delta(states)`")
    return collect(states)


def collect(states: ClientStates) -> tuple[StateMap, StateMap | None]:
    """The prepared states' changes, committed (never raises)."""
    delta: StateMap = {}
    patch: StateMap | None = None
    for name, state in states.items():
        whole, tails = state.pyx_collect()
        if whole:
            delta[name] = whole
        if tails:
            if patch is None:
                patch = {}
            patch[name] = tails
    return delta, patch


async def settle(states: ClientStates) -> None:
    """A new client's computed vars computed and committed (the page gets them by hydrate)."""
    await take_delta(states)


def rollback(states: ClientStates) -> None:
    for state in states.values():
        state.pyx_rollback()


def snapshot(states: ClientStates) -> StateMap:
    """Every public var of every state (refreshed first), as a hydrate sends it."""
    return {name: state.pyx_snapshot() for name, state in states.items()}


_SHORT = reprlib.Repr()  # a value as an error names it: never kilobytes of it
_SHORT.maxother, _SHORT.maxstring, _SHORT.maxlist, _SHORT.maxdict = 80, 60, 4, 4


def default_snapshot(classes: Iterable[type[State]], initial: bool = False) -> StateMap:
    """Every var's starting value by state (computed vars computed on the defaults), as hydrate
    and the build's initial state send it; ancestors of substates included. `initial`: the
    build's, where a computed var's `initial_value=` stands in for its computed value.

    Raises TypeError naming the var when a value is not JSON (NaN included: the browser's
    JSON.parse rejects it), so a bad default fails at build or server start, not at runtime.
    """
    classes = with_ancestors(classes)
    if any(cls._pyx_computed for cls in classes):  # computed vars exist only on an instance
        client = new_client(classes)
        try:
            if prepare(client) is not None:
                run_sync(settle(client))
        except ComputedVarError as exc:
            raise TypeError(f"{type(client[exc.state]).__name__}: {exc} on the default values") from exc
        values_by_state = snapshot(client)
    else:
        values_by_state = {cls._pyx_name: {name: var.default for name, var in cls._pyx_vars.items()} for cls in classes}
    if initial:
        for cls in classes:
            for name, info in cls._pyx_computed.items():
                if info.initial_value is not NO_INITIAL_VALUE:
                    values_by_state[cls._pyx_name][name] = info.initial_value
    for cls in classes:
        for name, value in values_by_state[cls._pyx_name].items():
            try:
                encode(value)
            except (TypeError, ValueError) as exc:
                if getattr(value, "_pyx_element_type", False):  # rx.Component: its repr is kilobytes
                    raise TypeError(
                        f"{cls.__name__}.{name} holds a component (rx.{value.spec.name}): State vars carry data "
                        f"to the page, not components; keep the data in the var (a str, list or dict) and build "
                        f"the component in the page function from it"
                    ) from None
                raise TypeError(
                    f"{cls.__name__}.{name} = {_SHORT.repr(value)}: the browser receives vars as JSON, "
                    f"which cannot carry this value ({str(exc)[:200]}); use a list, dict, str, number, "
                    f"bool, None, a dataclass, or register an @rx.serializer for its type"
                ) from None
    return {cls._pyx_name: values_by_state[cls._pyx_name] for cls in classes}


def run_sync(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Await `coroutine` from sync code (a build, create_app): in a loop of its own, on another
    thread when this one already runs a loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
