"""A client's states as bytes and back: what a durable manager stores and the size cap measures.

Pickle, not JSON: a state's vars and backend vars hold Python values the page never sees in their
own types (sets, tuples, datetimes, dataclasses, any object in a backend var); JSON would give
back lists, strings and dicts, and a handler would then meet other types after a restart.
Pickle runs code from what it loads, so the bytes must only ever come from this server's own
store (the state file or database), never from a client.

Only declared values are stored, by name: computed vars are recomputed on load, a var the app
no longer declares is dropped, and a new one starts at its default.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from typing import Any

from pyxjs.state.base import State
from pyxjs.state.client import ClientStates, new_client, settle
from pyxjs.state.tracking import track

FORMAT = 1


class StateLoadError(Exception):
    """Stored bytes that cannot become states (a class that moved, a corrupt row)."""


def dump_client(states: ClientStates) -> bytes:
    return pickle.dumps({"format": FORMAT, "states": {name: _values(state) for name, state in states.items()}},
                        protocol=pickle.HIGHEST_PROTOCOL)


def encoded_size(states: ClientStates) -> int:
    return len(dump_client(states))


async def load_client(classes: Iterable[type[State]], data: bytes) -> ClientStates:
    """New states of `classes` holding the stored values, computed vars computed."""
    try:
        stored = pickle.loads(data)
        if stored.get("format") != FORMAT:
            raise ValueError(f"format {stored.get('format')!r}, expected {FORMAT}")
        by_state: dict[str, dict[str, Any]] = stored["states"]
    except Exception as exc:
        raise StateLoadError(f"a stored client state could not be read: {type(exc).__name__}: {exc}") from exc
    states = new_client(classes)
    for name, state in states.items():
        values = by_state.get(name)
        if values:
            _restore(state, values)
    await settle(states)
    return states


def _values(state: State) -> dict[str, Any]:
    d = state.__dict__
    names = [name for name, var in state._pyx_vars.items() if not var.computed]
    names += state._pyx_backend
    return {name: d[name] for name in names}


def _restore(state: State, values: dict[str, Any]) -> None:
    """Set stored values as committed ones: no journal, nothing dirty; computed vars go stale."""
    d = state.__dict__
    cls = type(state)
    for name, value in values.items():
        var = cls._pyx_vars.get(name)
        if (var is not None and not var.computed) or name in cls._pyx_backend:
            d[name] = track(value, state, name)
    d["_pyx_cache"] = {}
    d["_pyx_stale"] = set(cls._pyx_computed)
    state._pyx_check_opaque()
    d["_pyx_dirty"] = {}
    d["_pyx_journal"] = {}
