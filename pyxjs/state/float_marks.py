"""Whole floats for the page. JSON's `4.0` reaches JS as the number 4, which prints `4`; Python
prints `4.0`. Where the compiler knows a value is a float (a var declared `float`,
`list[float]`, a dataclass field) it prints it so. Where it cannot (`list[dict]` rows, a bare
`list`, `Any`), the frame names the whole floats inside such vars (docs/protocol.md,
"floats"), and the page marks the lists and dicts that hold them.

The reverse too: a var declared `float` that holds an int (a computed var `-> float` returning
`sum([])`) is named in the frame's "ints", so the page prints 0 where it would print 0.0.

Cost: a frame is walked only when its text holds a whole float (`.0,` `.0]` `.0}`) and a var
of such a loosely typed kind; "ints" looks only at the frame's int-valued vars.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections import deque
from functools import lru_cache
from typing import Any

from pyxjs.state.frame_values import frame_values

_SAFE = 2**53 - 1
_TYPED_LEAVES = (str, int, float, bool, type(None))


def _loose(annotation: Any, depth: int = 0) -> bool:
    """Whether the compiler types some value inside vars of this annotation as unknown."""
    if depth > 8:
        return True
    if annotation in _TYPED_LEAVES:
        return False
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (list, set, frozenset, tuple, dict, typing.Union, types.UnionType):
        return not args or any(a is not Ellipsis and _loose(a, depth + 1) for a in args)
    if origin is typing.Annotated:
        return _loose(args[0], depth + 1)
    if origin is typing.Literal:
        return False
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        try:
            hints = typing.get_type_hints(annotation)
        except Exception:
            return True
        return any(_loose(h, depth + 1) for h in hints.values())
    return True  # list, dict, Any, a class the compiler does not type


@lru_cache(maxsize=1024)
def _loose_annotation(annotation: Any) -> bool:
    return _loose(annotation)


def _cached(check: Any, uncached: Any, annotation: Any) -> bool:
    """`check(annotation)` from its cache; `uncached(...)` for an annotation that cannot be hashed."""
    try:
        return check(annotation)
    except TypeError:
        return uncached(annotation)

_registry: dict[str, Any] | None = None  # State._pyx_registry (state.base imports this module's importers)


def _declared(state: str, var: str) -> Any:
    global _registry
    if _registry is None:
        from pyxjs.state.base import State

        _registry = State._pyx_registry
    cls = _registry.get(state)
    return cls._pyx_vars.get(var) if cls is not None else None


_FLOAT_ANNOTATIONS = (float, typing.Optional[float], float | None)


@lru_cache(maxsize=1024)
def _float_annotation(annotation: Any) -> bool:
    return annotation in _FLOAT_ANNOTATIONS


def _declared_float(state: str, var: str) -> bool:
    declared = _declared(state, var)
    return declared is not None and _cached(_float_annotation, _FLOAT_ANNOTATIONS.__contains__, declared.type)


def _loose_var(state: str, var: str) -> bool:
    declared = _declared(state, var)
    return declared is None or _cached(_loose_annotation, _loose, declared.type)


def whole_float_paths(value: Any) -> list[list[Any]]:
    """Paths (keys and indexes) to the whole floats inside `value`, not `value` itself."""
    found: list[list[Any]] = []
    _walk(value, (), found)
    return found


def _walk(value: Any, path: tuple, found: list[list[Any]]) -> None:
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, (list, tuple, deque)):
        items = enumerate(value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = ((f.name, getattr(value, f.name)) for f in dataclasses.fields(value))
    else:
        return
    for key, item in items:
        if type(item) is float:
            if item.is_integer() and -_SAFE <= item <= _SAFE:
                found.append([*path, key if isinstance(key, (str, int)) else str(key)])
        elif not isinstance(item, _TYPED_LEAVES):
            _walk(item, (*path, key if isinstance(key, (str, int)) else str(key)), found)


def float_table(message: dict[str, Any]) -> dict[str, dict[str, list]]:
    """The "floats" entry of a frame: {state: {var: [path, ...]}} for its loosely typed vars."""
    table: dict[str, dict[str, list]] = {}
    for state, var, value in frame_values(message):
        if isinstance(value, _TYPED_LEAVES) or not _loose_var(state, var):
            continue
        paths = whole_float_paths(value)
        if paths:
            table.setdefault(state, {})[var] = paths
    return table


def int_vars(message: dict[str, Any]) -> dict[str, list[str]]:
    """The "ints" entry of a frame: {state: [var, ...]}, the vars declared float that hold an int
    (Python prints 0, the page would print 0.0 by the declared type)."""
    table: dict[str, list[str]] = {}
    for state, var, value in frame_values(message):
        if type(value) is int and _declared_float(state, var):
            table.setdefault(state, []).append(var)
    return table


def with_float_marks(text: str, message: dict[str, Any], encode: Any) -> str:
    """The encoded frame `text` of `message`, with its "floats" and "ints" entries when it needs them."""
    ints = int_vars(message)
    if ints:
        text = text[:-1] + ',"ints":' + encode(ints) + "}"
    if ".0," not in text and ".0]" not in text and ".0}" not in text:
        return text
    table = float_table(message)
    if not table:
        return text
    return text[:-1] + ',"floats":' + encode(table) + "}"
