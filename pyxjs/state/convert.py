"""Event arguments arrive as JSON; handlers declare what they want. Convert, or say what is wrong.

`converter_for(annotation)` is built once per parameter at server start; at event time it is a
plain function call. A converter returns the converted value or raises `BadValue` with the
expected type and the path inside the value (`[2]`, `.name`), which the runner turns into a
`bad_args` error naming the parameter. No handler runs with an argument it did not ask for.
"""

from __future__ import annotations

import collections.abc as abc
import dataclasses
import datetime
import enum
import inspect
import types
import typing
from typing import Any, Callable, Literal, Union

from pyxjs.state.serialize import type_label

Converter = Callable[[Any], Any]


class BadValue(ValueError):
    def __init__(self, expected: str, got: Any, path: str = "") -> None:
        self.expected = expected
        self.got = got
        self.path = path
        super().__init__(f"expected {expected}, got {_show(got)}")

    def inside(self, step: str) -> "BadValue":
        return BadValue(self.expected, self.got, step + self.path)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _identity(value: Any) -> Any:
    return value


def converter_for(annotation: Any) -> Converter:
    """A function checking/converting one JSON value to `annotation`."""
    if annotation is inspect.Parameter.empty or annotation is Any or annotation is object:
        return _identity
    if isinstance(annotation, str):  # unevaluated forward reference: nothing to check against
        return _identity
    if isinstance(annotation, type) and hasattr(annotation, "_pyx_annotation"):
        # Reflex's annotation-only classes (rx.EventHandler, rx.Var, NumberVar, rx.Style) stand
        # for the Python type they declare (pyxjs/state/fields.py reads them the same way)
        return converter_for(annotation._pyx_annotation)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return converter_for(args[0])
    if annotation is None or annotation is type(None):
        return _none
    if origin is Union or origin is types.UnionType:
        return _union([converter_for(a) for a in args], type_label(annotation))
    if origin is Literal:
        return _literal(args, type_label(annotation))
    base = origin or annotation
    simple = _SIMPLE.get(base)
    if simple is not None:
        return simple
    if base in (list, abc.Sequence, abc.MutableSequence, abc.Iterable, set, frozenset, abc.Set, abc.MutableSet):
        item = converter_for(args[0]) if args else _identity
        build = base if base in (set, frozenset) else (set if base in (abc.Set, abc.MutableSet) else list)
        return _sequence(item, build, type_label(annotation))
    if base is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return _sequence(converter_for(args[0]), tuple, type_label(annotation))
        if args == ((),):
            args = ()
        return _fixed_tuple([converter_for(a) for a in args] if args else None, type_label(annotation))
    if base in (dict, abc.Mapping, abc.MutableMapping):
        key = converter_for(args[0]) if args else _identity
        value = converter_for(args[1]) if len(args) > 1 else _identity
        return _mapping(key, value, type_label(annotation))
    if isinstance(base, type) and dataclasses.is_dataclass(base):
        return _dataclass(base)
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return _enum(base)
    if base in (datetime.datetime, datetime.date, datetime.time):
        return _iso(base)
    if isinstance(base, type):
        return _instance(base)
    return _identity  # typing constructs we do not model (TypeVar, Protocol...): trust the handler


def _none(value: Any) -> None:
    if value is not None:
        raise BadValue("None", value)
    return None


def _str(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # a number input or slider sending a number to a str parameter
    raise BadValue("str", value)


def _int(value: Any) -> int:
    if type(value) is int:
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise BadValue("int", value)


def _float(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            result = float(value.strip())
        except ValueError:
            pass
        else:
            if result == result and result not in (float("inf"), float("-inf")):
                return result
    raise BadValue("float", value)


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    if value in (0, 1) and type(value) is int:
        return bool(value)
    raise BadValue("bool", value)


_SIMPLE: dict[Any, Converter] = {str: _str, int: _int, float: _float, bool: _bool}


def _union(options: list[Converter], label: str) -> Converter:
    def convert(value: Any) -> Any:
        # Exact-type match first, so `int | str` keeps "5" a str and 5 an int.
        for option in options:
            if option in _EXACT and type(value) is _EXACT[option]:
                return value
        for option in options:
            try:
                return option(value)
            except BadValue:
                continue
        raise BadValue(label, value)

    return convert


_EXACT = {_str: str, _int: int, _float: float, _bool: bool, _none: type(None)}


def _literal(allowed: tuple[Any, ...], label: str) -> Converter:
    def convert(value: Any) -> Any:
        for option in allowed:
            if value == option and type(value) is type(option):
                return option
        raise BadValue(label, value)

    return convert


def _sequence(item: Converter, build: type, label: str) -> Converter:
    def convert(value: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            raise BadValue(label, value)
        out = []
        for i, element in enumerate(value):
            try:
                out.append(item(element))
            except BadValue as exc:
                raise exc.inside(f"[{i}]") from None
        try:
            return build(out)
        except TypeError:  # e.g. an unhashable item for a set
            raise BadValue(label, value) from None

    return convert


def _fixed_tuple(items: list[Converter] | None, label: str) -> Converter:
    def convert(value: Any) -> Any:
        if not isinstance(value, (list, tuple)) or (items is not None and len(value) != len(items)):
            raise BadValue(label, value)
        if items is None:
            return tuple(value)
        out = []
        for i, (element, item) in enumerate(zip(value, items)):
            try:
                out.append(item(element))
            except BadValue as exc:
                raise exc.inside(f"[{i}]") from None
        return tuple(out)

    return convert


def _mapping(key: Converter, item: Converter, label: str) -> Converter:
    def convert(value: Any) -> Any:
        if not isinstance(value, dict):
            raise BadValue(label, value)
        out = {}
        for k, v in value.items():
            try:
                out[key(k)] = item(v)
            except BadValue as exc:
                raise exc.inside(f"[{k!r}]") from None
        return out

    return convert


def _dataclass(cls: type) -> Converter:
    fields: dict[str, Converter] | None = None
    required: set[str] = set()

    def convert(value: Any) -> Any:
        nonlocal fields
        if isinstance(value, cls):
            return value
        if fields is None:  # built on first use: the dataclass may refer to itself
            hints = typing.get_type_hints(cls)
            init_fields = [f for f in dataclasses.fields(cls) if f.init]
            fields = {f.name: converter_for(hints.get(f.name, Any)) for f in init_fields}
            required.update(
                f.name for f in init_fields
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            )
        if not isinstance(value, dict):
            raise BadValue(f"{cls.__name__} (an object with {', '.join(fields)})", value)
        unknown = [k for k in value if k not in fields]
        if unknown:
            raise BadValue(f"{cls.__name__} (fields: {', '.join(fields)})", value, f".{unknown[0]}")
        missing = [k for k in required if k not in value]
        if missing:
            raise BadValue(f"{cls.__name__} with field {missing[0]!r}", value)
        kwargs = {}
        for name, field_value in value.items():
            try:
                kwargs[name] = fields[name](field_value)
            except BadValue as exc:
                raise exc.inside(f".{name}") from None
        return cls(**kwargs)

    return convert


def _enum(cls: type[enum.Enum]) -> Converter:
    def convert(value: Any) -> Any:
        try:
            return cls(value)
        except ValueError:
            raise BadValue(f"{cls.__name__} (one of {', '.join(repr(m.value) for m in cls)})", value) from None

    return convert


def _iso(cls: type) -> Converter:
    def convert(value: Any) -> Any:
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            try:
                return cls.fromisoformat(value)
            except ValueError:
                pass
        raise BadValue(f"{cls.__name__} (an ISO 8601 string)", value)

    return convert


def _instance(cls: type) -> Converter:
    def convert(value: Any) -> Any:
        if isinstance(value, cls):
            return value
        raise BadValue(cls.__name__, value)

    return convert
