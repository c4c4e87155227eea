"""One client's states as bytes and back, for managers that keep states outside the process.

Pickle, not JSON: backend vars and var values may be any Python object (sets, dates,
dataclasses, the app's own classes), and JSON would hand them back as lists and dicts. Only
names and values are stored, never the State classes: the bytes are read back into the
classes of the running app, so a var added since gets its default and a var removed is
dropped. Computed values are stored with what is stale, so a load recomputes nothing that
an in-memory state would not.

Whoever can write these bytes can run code in the server (pickle), so the store must be as
private as the server itself (see docs/deploying-redis.md).
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Iterable
from typing import Any

from pyxjs.state.base import State
from pyxjs.state.client import ClientStates
from pyxjs.state.substates import with_ancestors
from pyxjs.state.tracking import _PLAIN, track

FORMAT = 1  # bumped when the layout below changes; older bytes are refused, not misread


class StoredStateError(ValueError):
    """The stored bytes are not a client's states this version can read."""


def dump_client(states: ClientStates) -> bytes:
    """The states' committed values; call it between events (after a flush), never mid-handler."""
    out: dict[str, tuple[dict[str, Any], dict[str, Any], list[str], dict[str, Any]]] = {}
    for name, state in states.items():
        d = state.__dict__
        values = {var: d[var] for var in _stored_names(type(state))}
        out[name] = (values, d["_pyx_cache"], sorted(d["_pyx_stale"]), d["_pyx_opaque"])
    return pickle.dumps((FORMAT, out), protocol=pickle.HIGHEST_PROTOCOL)


def load_client(classes: Iterable[type[State]], data: bytes) -> ClientStates:
    """The states `dump_client` wrote, as instances of `classes` (and their ancestors)."""
    try:
        version, stored = pickle.loads(data)
    except Exception as exc:
        raise StoredStateError(f"stored client state cannot be read: {type(exc).__name__}: {exc}") from exc
    if version != FORMAT:
        raise StoredStateError(f"stored client state has format {version!r}; this pyxjs reads format {FORMAT}")
    client: ClientStates = {}
    for cls in with_ancestors(classes):
        saved = stored.get(cls._pyx_name)
        if saved is None:
            cls(client)  # a State added since the save: defaults (its parent is already in client)
        else:
            _restore(cls, client, *saved)
    return client


def _stored_names(cls: type[State]) -> list[str]:
    """The names State.__init__ puts in an instance's __dict__: its own vars and backend vars."""
    return [name for name, var in cls._pyx_vars.items() if not var.computed] + list(cls._pyx_backend)


def _restore(cls: type[State], client: ClientStates, values: dict[str, Any], cache: dict[str, Any],
             stale: list[str], opaque: dict[str, Any]) -> None:
    state = cls.__new__(cls)  # not __init__: it would build every default only to replace it
    d = state.__dict__
    d["_pyx_dirty"] = {}
    d["_pyx_journal"] = {}
    d["_pyx_client"] = client
    names = _stored_names(cls)
    changed_shape = set(values) != set(names) or not set(cache) <= set(cls._pyx_computed)
    for name in names:
        if name in values:
            value = values[name]
        else:  # declared since the save
            value = cls._pyx_backend[name] if name in cls._pyx_backend else cls._pyx_vars[name].default
            value = copy.deepcopy(value)
        d[name] = value if type(value) in _PLAIN else track(value, state, name)
    d["_pyx_opaque"] = {name: sent for name, sent in opaque.items() if name in d}
    d["_pyx_cache"] = {name: value for name, value in cache.items() if name in cls._pyx_computed}
    # When the class changed shape, a cached value may rest on a var that is now a default.
    d["_pyx_stale"] = set(cls._pyx_computed) if changed_shape else set(stale) & set(cls._pyx_computed)
    client[cls._pyx_name] = state
