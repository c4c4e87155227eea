"""In-place changes to var values: lists, dicts and sets that tell their State when they change.

A var's list/dict/set (and every list/dict/set nested inside it) is replaced on assignment by a
subclass that calls `owner._pyx_changing(var, container, tail_at)` *before* each mutation, so
the State can mark the var dirty and save what it needs for a rollback. Subclasses rather than
wrapper proxies: isinstance, json and C-speed reads keep working untouched (see
docs/architecture.md for the measurements against a snapshot diff).

`tail_at` says which part of a list an operation can change: every index from `tail_at` on
(append: len; pop(): len - 1; insert(i): i), so a delta can send just that tail. Sort,
reverse and every dict/set operation pass None: the whole value.

Objects that are neither plain values nor these containers (mutable dataclasses, plain
objects, pydantic models) cannot tell us about `obj.field = x`; `track` reports them so the
State compares their serialized form at flush time instead.
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import enum
import uuid
from typing import Any

# Values that cannot change in place: nothing to wrap, nothing to watch.
_PLAIN = frozenset({str, int, float, bool, type(None), bytes, complex, decimal.Decimal, uuid.UUID,
                    datetime.datetime, datetime.date, datetime.time, datetime.timedelta, range})


def _norm(index: int, length: int) -> int:
    if index < 0:
        index += length
    return min(max(index, 0), length)


class TrackedList(list):
    __slots__ = ("_pyx_owner", "_pyx_var")

    def _changing(self, tail_at):
        self._pyx_owner._pyx_changing(self._pyx_var, self, tail_at)

    def _wrap(self, value):
        return value if type(value) in _PLAIN else track(value, self._pyx_owner, self._pyx_var)

    def append(self, item):
        self._changing(len(self))
        list.append(self, self._wrap(item))

    def extend(self, items):
        items = [self._wrap(item) for item in items]
        self._changing(len(self))
        list.extend(self, items)

    def __iadd__(self, items):
        self.extend(items)
        return self

    def __imul__(self, n):
        self._changing(len(self) if n >= 1 else 0)
        return list.__imul__(self, n)

    def insert(self, index, item):
        self._changing(_norm(index, len(self)))
        list.insert(self, index, self._wrap(item))

    def pop(self, index=-1):
        if self:
            self._changing(_norm(index, len(self)))
        return list.pop(self, index)

    def remove(self, item):
        # Only announce a change that will happen: remove() of a missing item raises, changes nothing.
        at = list.index(self, item)
        self._changing(at)
        list.__delitem__(self, at)

    def clear(self):
        self._changing(0)
        list.clear(self)

    def sort(self, *args, **kwargs):
        self._changing(None)
        list.sort(self, *args, **kwargs)

    def reverse(self):
        self._changing(None)
        list.reverse(self)

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            start = index.indices(len(self))[0] if index.step in (None, 1) else 0
            value = [self._wrap(v) for v in value]
            self._changing(start)
        else:
            if not -len(self) <= index < len(self):
                raise IndexError("list assignment index out of range")
            self._changing(_norm(index, len(self)))
            value = self._wrap(value)
        list.__setitem__(self, index, value)

    def __delitem__(self, index):
        if isinstance(index, slice):
            self._changing(index.indices(len(self))[0] if index.step in (None, 1) else 0)
        else:
            if not -len(self) <= index < len(self):
                raise IndexError("list assignment index out of range")
            self._changing(_norm(index, len(self)))
        list.__delitem__(self, index)

    def __copy__(self):
        return list(self)

    def __deepcopy__(self, memo):
        import copy

        return [copy.deepcopy(item, memo) for item in self]

    def __reduce_ex__(self, protocol):
        return (list, (list(self),))


class TrackedDict(dict):
    __slots__ = ("_pyx_owner", "_pyx_var")

    def _changing(self):
        self._pyx_owner._pyx_changing(self._pyx_var, self, None)

    def _key_changing(self, key, deleting):
        self._pyx_owner._pyx_key_changing(self._pyx_var, self, key, deleting)

    def _wrap(self, value):
        return value if type(value) in _PLAIN else track(value, self._pyx_owner, self._pyx_var)

    def __setitem__(self, key, value):
        value = self._wrap(value)
        self._key_changing(key, False)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        if key not in self:
            raise KeyError(key)
        self._key_changing(key, True)
        dict.__delitem__(self, key)

    def pop(self, key, *default):
        if key not in self:
            return dict.pop(self, key, *default)  # the default, or KeyError: no change either way
        self._key_changing(key, True)
        return dict.pop(self, key)

    def popitem(self):
        if not self:
            raise KeyError("popitem(): dictionary is empty")
        self._key_changing(next(reversed(self)), True)
        return dict.popitem(self)

    def clear(self):
        self._changing()
        dict.clear(self)

    def update(self, *args, **kwargs):
        incoming = dict(*args, **kwargs)
        for key, value in incoming.items():
            self._key_changing(key, False)
            dict.__setitem__(self, key, self._wrap(value))

    def __ior__(self, other):
        self.update(other)
        return self

    def setdefault(self, key, default=None):
        if key in self:
            return dict.__getitem__(self, key)
        self[key] = default
        return dict.__getitem__(self, key)

    def __copy__(self):
        return dict(self)

    def __deepcopy__(self, memo):
        import copy

        return {copy.deepcopy(k, memo): copy.deepcopy(v, memo) for k, v in self.items()}

    def __reduce_ex__(self, protocol):
        return (dict, (dict(self),))


class DictChanges:
    """The keys of a dict var set or deleted since the last flush, so the delta can send just
    those (`{"set": {...}, "del": [...]}`, docs/protocol.md) instead of the whole dict.

    `keys` keeps the order keys were (last) inserted: the page applies `del` first, then `set`
    in this order, so a new or re-inserted key lands last, as it does in the Python dict."""

    __slots__ = ("keys", "deleted")

    def __init__(self) -> None:
        self.keys: dict[Any, None] = {}
        self.deleted: set[Any] = set()

    def note(self, key: Any, deleting: bool) -> None:
        if deleting:
            self.keys.pop(key, None)
            self.deleted.add(key)
        elif key not in self.keys:
            self.keys[key] = None

    def as_patch(self, value: dict) -> dict[str, Any] | None:
        """The patch for `value` (the dict now), or None when the whole value is as small."""
        if len(self.keys) + len(self.deleted) >= len(value):
            return None
        patch: dict[str, Any] = {}
        if self.keys:
            patch["set"] = {key: dict.__getitem__(value, key) for key in self.keys}
        if self.deleted:
            patch["del"] = list(self.deleted)
        return patch


def _set_mutator(name):
    method = getattr(set, name)

    def mutate(self, *args):
        self._pyx_owner._pyx_changing(self._pyx_var, self, None)
        return method(self, *args)

    mutate.__name__ = name
    return mutate


class TrackedSet(set):
    __slots__ = ("_pyx_owner", "_pyx_var")

    for _name in ("add", "discard", "remove", "pop", "clear", "update", "difference_update",
                  "intersection_update", "symmetric_difference_update"):
        locals()[_name] = _set_mutator(_name)
    del _name

    def __ior__(self, other):
        self.update(other)
        return self

    def __iand__(self, other):
        self.intersection_update(other)
        return self

    def __isub__(self, other):
        self.difference_update(other)
        return self

    def __ixor__(self, other):
        self.symmetric_difference_update(other)
        return self

    def __copy__(self):
        return set(self)

    def __deepcopy__(self, memo):
        return set(self)  # set items are hashable, hence immutable enough

    def __reduce_ex__(self, protocol):
        return (set, (set(self),))


_TRACKED = {list: TrackedList, dict: TrackedDict, set: TrackedSet}
TRACKED_TYPES = (TrackedList, TrackedDict, TrackedSet)


def track(value: Any, owner: Any, var: str) -> Any:
    """`value` made observable for `owner`'s var `var` (a copy when it was someone else's)."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind in TRACKED_TYPES and value._pyx_owner is owner and value._pyx_var == var:
        return value
    base = _TRACKED.get(kind) or _tracked_base(value)
    if base is not None:
        tracked = base.__new__(base)
        tracked._pyx_owner = owner
        tracked._pyx_var = var
        if base is TrackedList:
            list.extend(tracked, [v if type(v) in _PLAIN else track(v, owner, var) for v in value])
        elif base is TrackedDict:
            for k, v in value.items():
                dict.__setitem__(tracked, k, v if type(v) in _PLAIN else track(v, owner, var))
        else:
            set.update(tracked, value)
        return tracked
    if kind is tuple:
        return value if all(type(v) in _PLAIN for v in value) else tuple(track(v, owner, var) for v in value)
    if is_opaque(value):
        owner._pyx_watch_opaque(var)
    return value


def _tracked_base(value: Any) -> type | None:
    # A subclass of one of ours (owned elsewhere) or of list/dict/set: keep the data, track it.
    if isinstance(value, list):
        return TrackedList
    if isinstance(value, dict) and not hasattr(value, "default_factory"):
        return TrackedDict  # a defaultdict keeps its class (and is watched by snapshot instead)
    if isinstance(value, set):
        return TrackedSet
    return None


def is_opaque(value: Any) -> bool:
    """Can `value` change in a way no tracked container sees (`obj.field = x`)?"""
    if isinstance(value, (enum.Enum, frozenset)):
        return False
    if dataclasses.is_dataclass(value) and value.__dataclass_params__.frozen:
        return False  # frozen: only replaced, and replacing is an assignment we see
    return True  # a deque, a mutable dataclass, a model, any object: compare snapshots
