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
import threading
import typing
import uuid
from collections import deque
from collections.abc import Callable
from typing import Any

_custom: dict[type, Callable[[Any], Any]] = {}


_custom_to: dict[type, Any] = {}  # the type each one returns, when declared (`@serializer(to=str)`)


def serializer(fn: Callable[[Any], Any] | None = None, *, to: Any = None,
               overwrite: bool | None = None) -> Any:
    """`@rx.serializer def f(value: MyType) -> ...`: MyType values are sent as f(value).
    `@serializer(to=str)` (Reflex's spelling) also tells the compiler what the page receives.

    The type comes from the first parameter's annotation, so it is checked here, not at send time.
    """
    if fn is None:
        return lambda function: serializer(function, to=to, overwrite=overwrite)
    params = list(inspect.signature(fn, eval_str=True).parameters.values())
    target = params[0].annotation if params else inspect.Parameter.empty
    if not isinstance(target, type):
        raise TypeError(
            f"@serializer {fn.__name__}: annotate the first parameter with the class it serializes, "
            f"e.g. `def {fn.__name__}(value: MyType) -> str`"
        )
    if overwrite is False and target in _custom:
        raise ValueError(f"@serializer {fn.__name__}: {target.__name__} already has a serializer "
                         f"({_custom[target].__name__}); pass overwrite=True to replace it")
    _custom[target] = fn
    _custom_to[target] = to
    return fn


def serialized_as(cls: type) -> Any:
    """What the page receives for a value of `cls` sent through a custom serializer: the declared
    `to=` type, `Any` when undeclared; None when `cls` has no custom serializer."""
    for base in cls.__mro__:
        if base in _custom:
            return _custom_to[base] if _custom_to[base] is not None else Any
    return None


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
    if callable(getattr(value, "to_plotly_json", None)):  # a plotly figure (rx.plotly): plotly's own JSON
        return json.loads(value.to_json())
    dump = getattr(value, "model_dump", None)  # pydantic v2 models
    if callable(dump):
        return dump(mode="json")
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


# Compact separators keep frames small; allow_nan=False because NaN/Infinity are not JSON
# and the browser's JSON.parse would reject the whole frame.
_encoder = json.JSONEncoder(separators=(",", ":"), allow_nan=False, default=to_json)


def _new_c_encoder() -> Callable[[Any, int], Any] | None:
    """What `_encoder.encode` builds on every call (json.encoder.c_make_encoder with its
    settings), built once; None without json's C accelerator."""
    if json.encoder.c_make_encoder is None:
        return None
    return json.encoder.c_make_encoder({}, to_json, json.encoder.encode_basestring_ascii, None, ":", ",",
                                       False, False, False)


_per_thread = threading.local()  # the encoder's markers must not be shared by two encodings at once


def encode(value: Any) -> str:
    """`_encoder.encode(value)`, the same text and errors, without its two Python-level calls and
    a new C encoder per frame. The C encoder's circular-reference markers are left behind when
    encoding fails half-way, so a failure replaces it with a fresh one."""
    c_encode = getattr(_per_thread, "encode", None)
    if c_encode is None:
        c_encode = _per_thread.encode = _new_c_encoder()
        if c_encode is None:
            return _encoder.encode(value)
    try:
        return "".join(c_encode(value, 0))
    except BaseException:
        _per_thread.encode = _new_c_encoder()
        raise


def type_label(annotation: Any) -> str:
    """`list[str]`, `int`, `Optional[User]` as a user wrote them, for messages."""
    if isinstance(annotation, type) and not typing.get_args(annotation):
        return annotation.__name__
    return repr(annotation).replace("typing.", "")
