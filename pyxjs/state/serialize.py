"""How var values become JSON: one registry for every frame and for the build's initial state.

json handles str/int/float/bool/None/list/dict (and their subclasses, so tracked containers
encode as they are); everything else comes through `to_json` below. Users extend it with
`@rx.serializer`.
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import enum
import inspect
import json
import typing
import uuid
from collections import deque
from collections.abc import Callable
from typing import Any

_custom: dict[type, Callable[[Any], Any]] = {}


def serializer(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`@rx.serializer def f(value: MyType) -> ...`: MyType values are sent as f(value).

    The type comes from the first parameter's annotation, so it is checked here, not at send time.
    """
    params = list(inspect.signature(fn, eval_str=True).parameters.values())
    target = params[0].annotation if params else inspect.Parameter.empty
    if not isinstance(target, type):
        raise TypeError(
            f"@serializer {fn.__name__}: annotate the first parameter with the class it serializes, "
            f"e.g. `def {fn.__name__}(value: MyType) -> str`"
        )
    _custom[target] = fn
    return fn


def to_json(value: Any) -> Any:
    """json's `default` hook: a JSON-able stand-in for `value`, or TypeError."""
    for cls in type(value).__mro__:
        custom = _custom.get(cls)
        if custom is not None:
            return custom(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, (set, frozenset)):
        return list(value)
    if isinstance(value, (tuple, deque)):
        return list(value)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (decimal.Decimal,)):
        return float(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    dump = getattr(value, "model_dump", None)  # pydantic v2 models
    if callable(dump):
        return dump(mode="json")
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


# Compact separators keep frames small; allow_nan=False because NaN/Infinity are not JSON
# and the browser's JSON.parse would reject the whole frame.
encode: Callable[[Any], str] = json.JSONEncoder(separators=(",", ":"), allow_nan=False, default=to_json).encode


def type_label(annotation: Any) -> str:
    """`list[str]`, `int`, `Optional[User]` as a user wrote them, for messages."""
    if isinstance(annotation, type) and not typing.get_args(annotation):
        return annotation.__name__
    return repr(annotation).replace("typing.", "")
