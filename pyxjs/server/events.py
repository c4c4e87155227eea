"""Run one event against one client's states: resolve, bind, call, collect the delta.

No transport here: `EventRunner.run` takes an `Event` and the client's states and returns an
`Outcome` that protocol.answer_frame turns into the one frame answering the event.
"""

from __future__ import annotations

import inspect
import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pyxjs.server.protocol import Event, ProtocolError, StateMap
from pyxjs.state.base import State

log = logging.getLogger("pyxjs.server")

HandlerKind = Literal["function", "coroutine", "generator", "async_generator"]


@dataclass(frozen=True, slots=True)
class Handler:
    """A handler resolved once at startup, so an event costs one dict lookup."""

    state: str  # browser name of the State class, the key into a client's states
    name: str  # method name, looked up on the instance (so staticmethods and overrides work)
    signature: inspect.Signature  # without `self`
    kind: HandlerKind
    # How many positional args fit: checked per event instead of Signature.bind (which is
    # slower), whose message is only needed when the count is wrong.
    min_args: int
    max_args: float  # math.inf with *args

    @property
    def qualified(self) -> str:
        return f"{self.state}.{self.name}"


@dataclass(frozen=True, slots=True)
class Outcome:
    delta: StateMap
    error: ProtocolError | None = None


class EventRunner:
    def __init__(self, states: Sequence[type[State]]) -> None:
        self.handlers: dict[str, Handler] = {}
        self._listing: dict[str, str] = {}  # state name -> "a, b, c" for unknown_handler messages
        for cls in states:
            for name in cls._pyx_handlers:
                handler = _describe(cls, name)
                self.handlers[handler.qualified] = handler
            self._listing[cls._pyx_name] = ", ".join(sorted(cls._pyx_handlers)) or "no handlers"

    def resolve(self, event: Event) -> Handler | ProtocolError:
        handler = self.handlers.get(event.handler)
        if handler is not None:
            return handler
        state_name, _, method = event.handler.partition(".")
        if state_name in self._listing and method:
            message = f"no handler {event.handler!r}; {state_name} has: {self._listing[state_name]}"
        else:
            known = ", ".join(self._listing) or "none"
            message = f'no handler {event.handler!r}: expected "<state>.<method>" with a state among: {known}'
        return ProtocolError("unknown_handler", message, event.id)

    async def run(self, event: Event, states: dict[str, State]) -> Outcome:
        handler = self.resolve(event)
        if isinstance(handler, ProtocolError):
            return Outcome({}, handler)
        args = event.args
        if not handler.min_args <= len(args) <= handler.max_args:
            return Outcome({}, _bad_args(handler, event))
        method = getattr(states[handler.state], handler.name)
        try:
            result = method(*args)
            if handler.kind != "function" or result is not None:
                await _finish(handler.kind, result)
        except Exception as exc:
            # The traceback is for the server log only; the page gets the exception's name.
            log.exception("event handler %s failed (event id %s)", handler.qualified, event.id)
            message = f"{handler.qualified} raised {type(exc).__name__}: {exc}"
            return Outcome(take_delta(states), ProtocolError("handler_failed", message, event.id))
        return Outcome(take_delta(states))


def take_delta(states: dict[str, State]) -> StateMap:
    """Every state's changed vars; a handler may touch more than its own state."""
    delta: StateMap = {}
    for name, state in states.items():
        changed = state.pyx_take_delta()
        if changed:
            delta[name] = changed
    return delta


def _bad_args(handler: Handler, event: Event) -> ProtocolError:
    try:
        handler.signature.bind(*event.args)
        reason = "wrong number of arguments"  # not reached: the arity check mirrors bind
    except TypeError as exc:
        reason = str(exc)
    message = f"{handler.qualified}{handler.signature} cannot take {_args_summary(event.args)}: {reason}"
    return ProtocolError("bad_args", message, event.id)


async def _finish(kind: HandlerKind, result: Any) -> None:
    """Drive what a handler returned to completion (a plain function's None never gets here)."""
    if kind == "function":
        if inspect.isawaitable(result):  # a plain function that returned a coroutine (decorated)
            await result
    elif kind == "coroutine":
        await result
    # Hook: generators will flush a delta at each `yield` once the protocol has a frame that
    # is not the event's final answer; until then they run to the end and send one delta.
    elif kind == "generator":
        for _ in result:
            pass
    elif kind == "async_generator":
        async for _ in result:
            pass
    # Hook: background tasks (`async with self:` to write) will be started here, detached
    # from the event, and push their deltas through the connection on their own.


def _describe(cls: type[State], name: str) -> Handler:
    raw = inspect.getattr_static(cls, name)
    func = raw.__func__ if isinstance(raw, (staticmethod, classmethod)) else raw
    try:
        signature = _signature(func)
    except (TypeError, ValueError):  # some builtins have none: accept any args, let the call decide
        signature = inspect.Signature([inspect.Parameter("args", inspect.Parameter.VAR_POSITIONAL)])
    else:
        if inspect.isfunction(raw) or isinstance(raw, classmethod):  # the instance supplies self/cls
            params = list(signature.parameters.values())[1:]
            signature = signature.replace(parameters=params)
    min_args, max_args = _arity(signature)
    if inspect.isasyncgenfunction(func):
        kind: HandlerKind = "async_generator"
    elif inspect.isgeneratorfunction(func):
        kind = "generator"
    elif inspect.iscoroutinefunction(func):
        kind = "coroutine"
    else:
        kind = "function"
    return Handler(cls._pyx_name, name, signature, kind, min_args, max_args)


def _arity(signature: inspect.Signature) -> tuple[int, float]:
    """(fewest, most) positional arguments the handler accepts."""
    fewest, most = 0, 0.0
    for param in signature.parameters.values():
        if param.kind in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD):
            most += 1
            fewest += param.default is param.empty
        elif param.kind is param.VAR_POSITIONAL:
            most = math.inf
        elif param.kind is param.KEYWORD_ONLY and param.default is param.empty:
            return 1, 0  # a required keyword can never be passed: no count fits
    return fewest, most


def _signature(func: Callable[..., Any]) -> inspect.Signature:
    # Evaluated annotations print as `item: str`, not `item: 'str'` (under `from __future__
    # import annotations`); a name only importable under TYPE_CHECKING keeps the string.
    try:
        return inspect.signature(func, eval_str=True)
    except Exception:  # evaluating an annotation can raise anything
        return inspect.signature(func)


def _args_summary(args: list[Any]) -> str:
    if not args:
        return "no arguments"
    return f"{len(args)} argument{'s' if len(args) != 1 else ''}"
