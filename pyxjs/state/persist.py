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


# In a client's first state: (an upper bound of its encoded size, each state's journal dict at
# that moment). The journals tell whether anything was flushed or rolled back since.
_SIZE_KEY = "_pyx_size_bound"
_SLACK = 16  # bytes per changed value on top of its own: opcode, length, memo


class SizeCheck:
    """Whether a client's states stay within `cap` bytes encoded, without encoding them on every
    event: the last exact size plus an upper bound of what each flush since could have added.

    A var rebound to a str, bytes, int, float, bool or None grows the encoding by at most that
    value's own bytes (plus a few for the opcode); anything else (a container changed in place,
    another type, a state holding objects that change without telling, see tracking.is_opaque),
    a flush the runner did not see, or a bound past the cap means encoding the whole state again. So an event that sets a few small vars costs a few `len()`s, not a
    pickle of the whole state.
    """

    __slots__ = ("_states", "_first", "_bound")

    def __init__(self, states: ClientStates) -> None:
        self._states = states
        self._first = next(iter(states.values()), None)
        self._bound: int | None = None

    def size_over(self, cap: int) -> int | None:
        """None when the states surely encode to at most `cap` bytes, else their exact size if
        it is over (and None when the exact size turns out to fit)."""
        bound = self._estimate()
        if bound is not None and bound <= cap:
            self._bound = bound
            return None
        size = encoded_size(self._states)
        self._bound = size
        return size if size > cap else None

    def committed(self) -> None:
        """The changes were flushed: remember the bound with the journals that now start empty."""
        if self._first is not None and self._bound is not None:
            journals = tuple(state.__dict__["_pyx_journal"] for state in self._states.values())
            self._first.__dict__[_SIZE_KEY] = (self._bound, journals)

    def _estimate(self) -> int | None:
        if self._first is None:
            return 0
        known = self._first.__dict__.get(_SIZE_KEY)
        if known is None:
            return None
        bound, journals = known
        states = self._states.values()
        if len(journals) != len(states):
            return None
        for state, journal_then in zip(states, journals):
            d = state.__dict__
            journal = d["_pyx_journal"]
            if journal is not journal_then:
                return None  # flushed or rolled back elsewhere since (a background task, a sync)
            if d["_pyx_opaque"]:
                return None  # objects that change in place without a journal entry
            for key in journal:
                kind = type(key)
                if kind is str:
                    growth = _scalar_size(d.get(key))
                    if growth is None:
                        return None
                    bound += growth
                elif kind is not tuple:  # an int: a container changed in place
                    return None
                # a tuple: a computed var's cache, which is not stored
        return bound


def _scalar_size(value: Any) -> int | None:
    kind = type(value)
    if kind is str:
        return 4 * len(value) + _SLACK  # UTF-8: at most 4 bytes a character
    if kind is bytes:
        return len(value) + _SLACK
    if kind is int:
        return value.bit_length() // 8 + _SLACK
    if value is None or kind is bool or kind is float:
        return _SLACK
    return None


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
