"""The value a var declared without a default starts with: the type's zero, as Reflex does."""

from __future__ import annotations

import collections.abc as abc
import dataclasses
import types
import typing
from typing import Any, Literal, Union

_ZEROS: dict[Any, Any] = {str: "", int: 0, float: 0.0, bool: False, bytes: b""}
_EMPTY: dict[Any, type] = {
    list: list, abc.Sequence: list, abc.MutableSequence: list, abc.Iterable: list,
    dict: dict, abc.Mapping: dict, abc.MutableMapping: dict,
    set: set, abc.Set: set, abc.MutableSet: set, frozenset: frozenset, tuple: tuple,
}


class NoZeroValue(TypeError):
    """The annotation has no obvious empty value; the caller names the var and the fix."""


def zero_value(annotation: Any) -> Any:
    if annotation is Any or annotation is None or annotation is type(None):
        return None
    origin = typing.get_origin(annotation)
    if origin is Union or origin is types.UnionType:
        if type(None) in typing.get_args(annotation):
            return None  # Optional[X]: nothing yet
        return zero_value(typing.get_args(annotation)[0])
    if origin is Literal:
        return typing.get_args(annotation)[0]
    if origin is typing.Annotated:
        return zero_value(typing.get_args(annotation)[0])
    base = origin or annotation
    if base in _ZEROS:
        return _ZEROS[base]
    if base in _EMPTY:
        return _EMPTY[base]()
    if dataclasses.is_dataclass(base) and isinstance(base, type):
        try:
            return base()
        except TypeError:
            raise NoZeroValue(f"{base.__name__}() needs arguments") from None
    name = getattr(annotation, "__name__", repr(annotation))
    raise NoZeroValue(f"{name} has no empty value pyxjs knows")
