"""The build-time values a non-constant may take (`Typed.values`): what a loop over a constant
list binds, and what `x[key]` of those is. Only rx.icon reads them today: a dynamic name whose
possible values are known imports just those icons."""

from __future__ import annotations

from typing import Any

from pyxjs.transpiler.phases.transform.typed import Typed

DICT_VIEWS = (type({}.keys()), type({}.values()), type({}.items()))


def iterated_values(iterable: Typed) -> tuple | None:
    """What `for x in iterable` binds to x, when the iterable is known at build time."""
    if iterable.is_constant and isinstance(iterable.constant, (list, tuple, dict, str, *DICT_VIEWS)):
        return tuple(iterable.constant)
    return None


def items_at(values: tuple | None, key: Any) -> tuple | None:
    """`value[key]` for each possible value (None when any of them has no such item)."""
    if values is None:
        return None
    try:
        return tuple(value[key] for value in values)
    except (KeyError, IndexError, TypeError):
        return None
