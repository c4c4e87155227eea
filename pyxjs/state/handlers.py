"""Event handlers as values: `@rx.event`, `State.handler` on the class, `State.handler(1)`.

On an instance a handler is a plain bound method (`self.other()` inside a handler just calls
it). On the class it is an `EventHandlerRef`, and calling that gives an `EventSpec`: what a
handler returns or yields to chain another event, and what the transpiler can compile into a
trigger. `_pyx_handlers` keeps the plain functions (the transpiler inspects their signatures).
"""

from __future__ import annotations

import types
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass(frozen=True, slots=True)
class EventOptions:
    background: bool = False


def event(fn: Callable[..., Any] | None = None, *, background: bool = False) -> Any:
    """`@rx.event` or `@rx.event(background=True)` on a State method. The function is returned
    unchanged (only marked), so its signature stays what the user wrote."""

    def mark(function: Callable[..., Any]) -> Callable[..., Any]:
        if not callable(function):
            raise TypeError(f"@rx.event decorates a State method, got {function!r}")
        if background and not _is_async(function):
            raise TypeError(
                f"@rx.event(background=True) {function.__name__}: a background handler must be "
                f"`async def` (it runs beside the client's queue and writes inside `async with self:`)"
            )
        # A second `@rx.event` over `@rx.event(background=True)` keeps it a background task, as in
        # Reflex (whose decorator only ever sets the mark).
        earlier = getattr(function, "_pyx_event", None)
        function._pyx_event = EventOptions(background=background or bool(earlier and earlier.background))
        return function

    return mark if fn is None else mark(fn)


def background(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Reflex's older `@rx.background`: `@rx.event(background=True)`."""
    return event(fn, background=True)


def event_options(function: Any) -> EventOptions:
    return getattr(function, "_pyx_event", None) or EventOptions()


def _is_async(function: Any) -> bool:
    import inspect

    return inspect.iscoroutinefunction(function) or inspect.isasyncgenfunction(function)


@dataclass(frozen=True, slots=True)
class EventHandlerRef:
    """`MyState.handler` on the class: names a handler; call it to bind arguments."""

    state: type
    name: str
    _pyx_annotation = Any  # as a component function's annotation: an event callback, any value to the compiler

    @property
    def qualified(self) -> str:
        return f"{self.state._pyx_name}.{self.name}"

    def __call__(self, *args: Any, **kwargs: Any) -> EventSpec:
        if kwargs:
            raise TypeError(f"{self.qualified}: pass arguments by position, not by name ({', '.join(kwargs)})")
        return EventSpec(self, args)

    def __repr__(self) -> str:
        return f"{self.state.__name__}.{self.name}"

    # Reflex's `State.h.prevent_default` in a trigger: the compiler acts on the DOM event; here,
    # as Python sees the trigger, it is the handler itself.
    @property
    def prevent_default(self) -> "EventHandlerRef":
        return self

    @property
    def stop_propagation(self) -> "EventHandlerRef":
        return self


@dataclass(frozen=True, slots=True)
class EventSpec:
    """`MyState.handler(1, "a")`: a handler with its arguments, to run later."""

    handler: EventHandlerRef
    args: tuple[Any, ...] = field(default_factory=tuple)
    _pyx_annotation = Any  # as a component function's annotation: an event callback, any value to the compiler

    def __repr__(self) -> str:
        return f"{self.handler!r}({', '.join(map(repr, self.args))})"

    @property
    def prevent_default(self) -> "EventSpec":  # see EventHandlerRef.prevent_default
        return self

    @property
    def stop_propagation(self) -> "EventSpec":
        return self


class HandlerSlot:
    """What a handler's name holds in the class dict: a ref on the class, a method on an instance."""

    __slots__ = ("function", "name")

    def __init__(self, function: Callable[..., Any], name: str) -> None:
        self.function = function
        self.name = name

    def __get__(self, obj: Any, cls: type | None = None) -> Any:
        if obj is None:
            return EventHandlerRef(cls, self.name)
        return types.MethodType(self.function, obj)


def as_event_specs(value: Any, where: str) -> tuple[EventSpec, ...]:
    """`State.h`, `State.h(args)` or a list of them, as specs; anything else is a TypeError
    naming `where` (raised at import, so a typo never reaches a running page)."""
    items = value if isinstance(value, (list, tuple)) else [value]
    specs = []
    for item in items:
        if isinstance(item, EventHandlerRef):
            specs.append(EventSpec(item, ()))
        elif isinstance(item, EventSpec):
            specs.append(item)
        else:
            shown = repr(item)
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            raise TypeError(
                f"{where}: expected an event handler (State.handler or State.handler(args)) or a list of them, "
                f"got {type(item).__name__} {shown}"
            )
    return tuple(specs)


# A handler passed as an event's argument (`on_click=State.run(State.other)`) travels as
# {"$handler": "<state>.<name>"} (with "args" for `State.other(1)`); the handler receives what
# Python would have passed it, the EventHandlerRef (or EventSpec), and may return or yield it.
HANDLER_ARG = "$handler"


def handler_arg(value: Any, refs: dict[str, EventHandlerRef]) -> Any:
    """`value`, or the handler it names. KeyError for a name that is no handler."""
    if type(value) is not dict or HANDLER_ARG not in value:
        return value
    ref = refs[value[HANDLER_ARG]]
    args = value.get("args")
    return ref(*args) if isinstance(args, list) else ref

