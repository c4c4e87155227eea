"""How a wrapped component's JS callback arguments become its handler's: `rx.EventHandler[spec]`.

A spec is a function over the callback's arguments (`lambda day: [day]`), as in Reflex. It is
called once, when the component class is declared, with stand-ins that record what it reads:
`lambda e: [e.target.value]` becomes the JS expression `e.target.value` over the first argument.
Only attribute and item reads are recorded; anything else is an error at the class.
"""

from __future__ import annotations

import inspect
import json
from typing import Any, Callable

from pyxjs.components.spec import EventSpec


class JSArg:
    """A stand-in for a JS value in an event spec: reading from it spells the JS expression."""

    __slots__ = ("_pyx_js",)

    def __init__(self, js: str) -> None:
        object.__setattr__(self, "_pyx_js", js)

    def __getattr__(self, name: str) -> "JSArg":
        if name.startswith("__"):
            raise AttributeError(name)
        return JSArg(f"{self._pyx_js}.{name}")

    def __getitem__(self, key: Any) -> "JSArg":
        if not isinstance(key, (int, str)) or isinstance(key, bool):
            raise TypeError(f"an event spec indexes a JS value with an int or str constant, not {key!r}")
        return JSArg(f"{self._pyx_js}[{json.dumps(key)}]")

    def __bool__(self) -> bool:
        raise TypeError("an event spec cannot test a JS value; it only picks parts of the callback's arguments")

    def __repr__(self) -> str:
        return self._pyx_js


def param_names(count: int) -> tuple[str, ...]:
    """The callback's parameters in the generated JS: `e`, `e1`, `e2`, ... (the transform adds `$`)."""
    return tuple("e" if i == 0 else f"e{i}" for i in range(count))


def event_spec_from(js_prop: str, spec: Callable[..., Any], where: str) -> EventSpec:
    """`on_select: rx.EventHandler[lambda day: [day]]` -> EventSpec("onSelect", ("e",), ("e",))."""
    try:
        parameters = list(inspect.signature(spec).parameters.values())
    except (TypeError, ValueError):
        raise TypeError(f"{where}: rx.EventHandler[...] takes a function of the JS callback's arguments, "
                        f"not {spec!r}") from None
    if any(p.kind not in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in parameters):
        raise TypeError(f"{where}: an event spec takes plain positional parameters (lambda value: [value])")
    names = param_names(len(parameters))
    try:
        result = spec(*(JSArg(n) for n in names))
    except (TypeError, AttributeError) as exc:
        raise TypeError(f"{where}: the event spec could not be read: {exc}") from None
    if not isinstance(result, (list, tuple)) or not all(isinstance(item, JSArg) for item in result):
        raise TypeError(f"{where}: an event spec returns a list of its arguments or their parts "
                        f"(lambda e: [e.target.value]), not {result!r}")
    return EventSpec(js_prop, tuple(item._pyx_js for item in result), names)


class EventTrigger:
    """What `rx.EventHandler[spec]` puts in a component class's annotations."""

    def __init__(self, spec: Callable[..., Any]) -> None:
        self.spec = spec

    def __repr__(self) -> str:
        return f"rx.EventHandler[{getattr(self.spec, '__name__', self.spec)}]"


class EventHandler:
    """`rx.EventHandler[spec]`; a bare `rx.EventHandler` is a trigger that passes no arguments.
    A class, so that a component function's `on_click: rx.EventHandler | None` is an annotation
    Python can evaluate; there it means an event callback (any value, to the compiler)."""

    _pyx_annotation: Any = Any

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("rx.EventHandler is an annotation (rx.EventHandler[lambda e: [e]]), not a value")

    def __class_getitem__(cls, spec: Callable[..., Any]) -> EventTrigger:
        return EventTrigger(spec)


# Named specs, as Reflex spells them.
def no_args_event_spec() -> list[Any]:
    return []


def input_event(e: Any) -> list[Any]:
    return [e.target.value]


def key_event(e: Any) -> list[Any]:
    return [e.key]


def passthrough_event_spec(value: Any) -> list[Any]:
    """The callback's first argument as it is (a value the component hands over: a date, a number)."""
    return [value]
