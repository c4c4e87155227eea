"""Run one event against one client's states: resolve, convert, call, chain, collect the delta.

No transport here: `EventRunner.run` takes an `Event`, the client's states and an `emit`
callback for the frames that are not the event's final answer (each `yield` of a generator
handler, each finished handler of a chain), and returns the final `Outcome` that
protocol.answer_frame turns into the frame closing the event.

A handler that raises is rolled back to the last point its changes were sent (the event's
start, or its last `yield`), so a failure never leaves half a change behind.
"""

from __future__ import annotations

import asyncio
import copy
import inspect
import logging
import math
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pyxjs.server.failures import report_failure
from pyxjs.server.background import BackgroundContext, BackgroundSelf, BackgroundTasks
from pyxjs.server.protocol import Event, ProtocolError, StateMap
from pyxjs.state.actions import ClientAction
from pyxjs.state.base import ComputedVarError, State
from pyxjs.state.persist import SizeCheck
from pyxjs.state.client import collect, prepare, prepare_async, rollback, take_delta
from pyxjs.state.convert import BadValue, Converter, converter_for
from pyxjs.state.handlers import EventHandlerRef, EventSpec, event_options, handler_arg

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
    # One converter per positional parameter, then the *args one; None when nothing converts.
    converters: tuple[tuple[str, str, Converter], ...] | None = None
    rest: tuple[str, str, Converter] | None = None
    background: bool = False

    @property
    def qualified(self) -> str:
        return f"{self.state}.{self.name}"


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ costs ~3x, and this is per event
class Outcome:
    """What one frame carries: the changes (whole values and list tails), client actions, an error."""

    delta: StateMap
    error: ProtocolError | None = None
    patch: StateMap | None = None
    actions: tuple[ClientAction, ...] = ()
    # Frames sent before this one for the same event (filled only when run() had no emit).
    steps: tuple["Outcome", ...] = field(default=())


Emit = Callable[[Outcome], Awaitable[None]]

# A handler with its converted arguments, ready to run (a chained event, an on_load handler).
Call = tuple[Handler, list[Any]]

_NO_CHAIN: list[EventSpec] = []  # shared and never appended to: most handlers chain nothing


class _Failed(Exception):
    """A handler of the event failed; carries the error to answer with."""

    def __init__(self, error: ProtocolError) -> None:
        self.error = error


class EventRunner:
    def __init__(self, states: Sequence[type[State]], dev: bool = False, max_state_bytes: int | None = None) -> None:
        """`dev`: failures show their exception text on the page. `max_state_bytes`: a flush that
        would leave a client's states bigger than this (encoded) fails and rolls back."""
        self.dev = dev
        self.max_state_bytes = max_state_bytes
        self.handlers: dict[str, Handler] = {}
        self._functions: dict[str, Callable[..., Any]] = {}  # background handlers' plain functions
        self.background_tasks = BackgroundTasks()
        self._listing: dict[str, str] = {}  # state name -> "a, b, c" for unknown_handler messages
        self._refs: dict[str, EventHandlerRef] = {}  # what a handler passed as an argument becomes
        for cls in states:
            for name in cls._pyx_handlers:
                handler = _describe(cls, name)
                self.handlers[handler.qualified] = handler
                self._refs[handler.qualified] = EventHandlerRef(cls, name)
                if handler.background:
                    self._functions[handler.qualified] = cls._pyx_handlers[name]
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

    async def run(
        self,
        event: Event,
        states: dict[str, State],
        emit: Emit | None = None,
        background: BackgroundContext | None = None,
    ) -> Outcome:
        handler = self.handlers.get(event.handler)
        if handler is None:
            return Outcome({}, self.resolve(event))  # type: ignore[arg-type]
        event_args = event.args
        if any(type(arg) is dict for arg in event_args):
            try:
                event_args = [handler_arg(arg, self._refs) for arg in event_args]
            except KeyError as exc:
                return Outcome({}, ProtocolError("unknown_handler", f"{event.handler}: an argument names "
                                                 f"no handler: {exc.args[0]!r}", event.id))
        args = _convert_args(handler, event_args, event.id)
        if type(args) is ProtocolError:
            return Outcome({}, args)
        if handler.background:
            return self._start_background(handler, args, states, event.id, background)
        steps: list[Outcome] = []
        emit = emit or _collect_into(steps)

        actions: list[ClientAction] = []
        try:
            chained = await self._call(handler, args, states, event.id, actions, emit)
            if chained:
                await self._run_chain(chained, handler, states, event.id, actions, emit, background)
            delta, patch = await self._take(states, event.id, handler)
        except _Failed as failed:
            rollback(states)
            return Outcome({}, failed.error, None, tuple(actions), tuple(steps))
        return Outcome(delta, None, patch, tuple(actions) if actions else (), tuple(steps) if steps else ())

    def _start_background(
        self, handler: Handler, args: list[Any], states: dict[str, State], event_id: int,
        context: BackgroundContext | None,
    ) -> Outcome:
        if context is None:
            message = f"{handler.qualified} is a background handler; it runs only for a connected client"
            return Outcome({}, ProtocolError("handler_failed", message, event_id))
        function = self._functions[handler.qualified]

        async def flush(current: dict[str, State]) -> None:
            delta, patch = await take_delta(current)
            if delta or patch:
                await context.push(Outcome(delta, None, patch))

        proxy = BackgroundSelf(handler.state, states, context, flush, handler.qualified)

        async def give_back(value: Any) -> None:
            # What the task yielded or returned, as for any handler: client actions go to the page,
            # events run next under the client's lock (as `async with self:` takes it), each sending
            # its changes. A failure rolls that step back and is logged; the task goes on.
            chained: list[EventSpec] = []
            actions: list[ClientAction] = []
            _collect(value, handler, chained, actions, event_id)
            if not chained:
                if actions:
                    await context.push(Outcome({}, None, None, tuple(actions)))
                return
            async with context.manager.modify(context.token) as current:
                try:
                    queue: deque[Call] = deque(self._chained(spec, handler, event_id) for spec in chained)
                    await self._drain(queue, current, event_id, actions, context.push, context)
                    delta, patch = await self._take(current, event_id, handler)
                except _Failed as failed:
                    rollback(current)
                    log.error("background handler %s: what it gave back failed: %s", handler.qualified,
                              failed.error.message)
                    return
                if delta or patch or actions:  # sent under the lock: the delta holds live values
                    await context.push(Outcome(delta, None, patch, tuple(actions)))

        async def task() -> None:
            try:
                if handler.kind == "async_generator":
                    async for item in function(proxy, *args):
                        await give_back(item)
                else:
                    await give_back(await function(proxy, *args))
            except asyncio.CancelledError:
                raise
            except _Failed as failed:
                log.error("background handler %s failed (event id %s): %s", handler.qualified, event_id,
                          failed.error.message)
            except Exception:
                log.exception("background handler %s failed (event id %s)", handler.qualified, event_id)

        self.background_tasks.start(task(), f"pyx background {handler.qualified} #{event_id}")
        return Outcome({})

    async def run_load(
        self,
        event_id: int,
        calls: Sequence[Call],
        states: dict[str, State],
        emit: Emit | None = None,
        background: BackgroundContext | None = None,
    ) -> Outcome:
        """A page's on_load handlers, in order, as one event: each after the previous one's
        changes were sent, what they chain joining the end; a failure rolls back to the last send."""
        if not calls:
            # No on_load: computed vars that read self.router still follow the page.
            try:
                delta, patch = await take_delta(states)
            except ComputedVarError as exc:
                rollback(states)
                what = f"computed var {exc.state}.{exc.name} (after a move to another page)"
                return Outcome({}, report_failure(what, exc.__cause__ or exc, event_id, self.dev))
            return Outcome(delta, None, patch)
        steps: list[Outcome] = []
        emit = emit or _collect_into(steps)

        actions: list[ClientAction] = []
        try:
            await self._drain(deque(calls), states, event_id, actions, emit, background)
            delta, patch = await self._take(states, event_id, calls[-1][0])
        except _Failed as failed:
            rollback(states)
            return Outcome({}, failed.error, None, tuple(actions), tuple(steps))
        return Outcome(delta, None, patch, tuple(actions) if actions else (), tuple(steps) if steps else ())

    def prepare(self, spec: EventSpec) -> Call | ProtocolError:
        """`State.h(args)` checked against the handler and its arguments converted, once."""
        target = self.handlers.get(spec.handler.qualified)
        if target is None:
            return ProtocolError("unknown_handler", f"{spec.handler!r} is not a handler of this app's states")
        args = _convert_args(target, list(spec.args), 0)
        if isinstance(args, ProtocolError):
            return args
        return target, args

    async def _take(self, states: dict[str, State], event_id: int, handler: Handler) -> tuple[StateMap, StateMap | None]:
        try:
            # take_delta's steps, so that an event without async computed vars awaits nothing more.
            waiting = prepare(states)
            if waiting is not None:
                await prepare_async(waiting)
        except ComputedVarError as exc:
            what = f"computed var {exc.state}.{exc.name} (after {handler.qualified})"
            raise _Failed(report_failure(what, exc.__cause__ or exc, event_id, self.dev)) from exc
        if self.max_state_bytes is None:
            return collect(states)
        check = SizeCheck(states)
        size = check.size_over(self.max_state_bytes)
        if size is not None:  # before the changes are committed, so it rolls back like a failure
            log.warning("event %s (%s) refused: the state would be %d bytes, over the cap of %d",
                        event_id, handler.qualified, size, self.max_state_bytes)
            raise _Failed(ProtocolError(
                "state_too_large",
                f"after {handler.qualified} this client's state would be {size:,} bytes, over the server's cap "
                f"of {self.max_state_bytes:,}; the changes were undone",
                event_id,
            ))
        taken = collect(states)
        check.committed()
        return taken

    async def _flush(self, states: dict[str, State], actions: list[ClientAction], emit: Emit, event_id: int, handler: Handler) -> None:
        delta, patch = await self._take(states, event_id, handler)
        if delta or patch or actions:
            outcome = Outcome(delta, None, patch, tuple(actions))
            actions.clear()
            await emit(outcome)


    async def _run_chain(
        self,
        chained: list[EventSpec],
        parent: Handler,
        states: dict[str, State],
        event_id: int,
        actions: list[ClientAction],
        emit: Emit,
        background: BackgroundContext | None,
    ) -> None:
        """Events a handler returned or yielded run next, in order, each after the previous one's
        changes were sent; what they chain in turn joins the end of the queue."""
        queue: deque[Call] = deque(self._chained(spec, parent, event_id) for spec in chained)
        await self._flush(states, actions, emit, event_id, parent)
        await self._drain(queue, states, event_id, actions, emit, background)

    async def _drain(
        self,
        queue: deque[Call],
        states: dict[str, State],
        event_id: int,
        actions: list[ClientAction],
        emit: Emit,
        background: BackgroundContext | None,
    ) -> None:
        while queue:
            current, current_args = queue.popleft()
            if current.background:  # started beside the queue, as if the page had sent it
                started = self._start_background(current, current_args, states, event_id, background)
                if started.error is not None:
                    raise _Failed(started.error)
                continue
            more = await self._call(current, current_args, states, event_id, actions, emit)
            if more:
                queue.extend(self._chained(spec, current, event_id) for spec in more)
            if queue:
                await self._flush(states, actions, emit, event_id, current)

    async def _call(
        self,
        handler: Handler,
        args: list[Any],
        states: dict[str, State],
        event_id: int,
        actions: list[ClientAction],
        emit: Emit,
    ) -> list[EventSpec]:
        """Run one handler to its end; flush at each `yield`; what it returned or yielded to chain."""
        chained: list[EventSpec] = _NO_CHAIN
        method = getattr(states[handler.state], handler.name)
        kind = handler.kind
        try:
            if kind == "function" or kind == "coroutine":
                result = method(*args)
                if result is not None and (kind == "coroutine" or inspect.isawaitable(result)):
                    result = await result
                if result is not None:
                    chained = []
                    _collect(result, handler, chained, actions, event_id)
            elif kind == "generator":
                chained = []
                for item in method(*args):
                    _collect(item, handler, chained, actions, event_id)
                    await self._flush(states, actions, emit, event_id, handler)
            else:
                chained = []
                async for item in method(*args):
                    _collect(item, handler, chained, actions, event_id)
                    await self._flush(states, actions, emit, event_id, handler)
        except _Failed:
            raise
        except Exception as exc:
            raise _Failed(report_failure(handler.qualified, exc, event_id, self.dev)) from exc
        return chained

    def _chained(self, spec: EventSpec, parent: Handler, event_id: int) -> tuple[Handler, list[Any]]:
        target = self.handlers.get(spec.handler.qualified)
        if target is None:
            message = f"{parent.qualified} chained {spec.handler!r}, which is not a handler of this app's states"
            raise _Failed(ProtocolError("unknown_handler", message, event_id))
        args = _convert_args(target, list(spec.args), event_id)
        if isinstance(args, ProtocolError):
            raise _Failed(ProtocolError("bad_args", f"chained by {parent.qualified}: {args.message}", event_id))
        return target, args



def _collect(value: Any, handler: Handler, chained: list[EventSpec], actions: list[ClientAction], event_id: int) -> None:
    """Sort what a handler returned or yielded into events to chain and client actions."""
    if value is None:
        return
    if isinstance(value, EventSpec):
        chained.append(value)
    elif isinstance(value, EventHandlerRef):
        chained.append(EventSpec(value, ()))
    elif isinstance(value, ClientAction):
        actions.append(value)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _collect(item, handler, chained, actions, event_id)
    else:
        shown = repr(value)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        raise _Failed(ProtocolError(
            "handler_failed",
            f"{handler.qualified} returned or yielded {shown}: a handler may give back None, an event "
            f"(State.handler or State.handler(args)), a client action (rx.redirect(...)) or a list of these",
            event_id,
        ))


def _convert_args(handler: Handler, args: list[Any], event_id: int) -> list[Any] | ProtocolError:
    if not handler.min_args <= len(args) <= handler.max_args:
        return _bad_count(handler, args, event_id)
    converters = handler.converters
    if converters is None:
        return args
    out = list(args)
    try:
        for i, value in enumerate(args):
            if i < len(converters):
                param, label, convert = converters[i]
            else:
                param, label, convert = handler.rest  # type: ignore[misc]
            out[i] = convert(value)
    except BadValue as exc:
        where = f" (at {param}{exc.path})" if exc.path else ""
        got = repr(exc.got)
        got = got if len(got) <= 40 else got[:37] + "..."
        message = f"{handler.qualified}{handler.signature}: argument '{param}' expects {label}, got {got}"
        if exc.path:
            message += f"{where}: expected {exc.expected}"
        return ProtocolError("bad_args", message, event_id)
    return out


def _bad_count(handler: Handler, args: list[Any], event_id: int) -> ProtocolError:
    try:
        handler.signature.bind(*args)
        reason = "wrong number of arguments"  # not reached: the arity check mirrors bind
    except TypeError as exc:
        reason = str(exc)
    message = f"{handler.qualified}{handler.signature} cannot take {_args_summary(args)}: {reason}"
    return ProtocolError("bad_args", message, event_id)


def _describe(cls: type[State], name: str) -> Handler:
    raw = cls._pyx_handlers[name]
    func = raw.__func__ if isinstance(raw, (staticmethod, classmethod)) else raw
    try:
        signature = _signature(func)
    except (TypeError, ValueError):  # some builtins have none: accept any args, let the call decide
        signature = inspect.Signature([inspect.Parameter("args", inspect.Parameter.VAR_POSITIONAL)])
    else:
        if not isinstance(raw, staticmethod):  # the instance supplies self (or cls)
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
    converters, rest = _converters(cls, name, signature)
    background = event_options(func).background
    return Handler(cls._pyx_name, name, signature, kind, min_args, max_args, converters, rest, background)


def _converters(cls: type, name: str, signature: inspect.Signature):
    from pyxjs.state.serialize import type_label

    positional: list[tuple[str, str, Converter]] = []
    rest = None
    any_real = False
    for param in signature.parameters.values():
        annotation = param.annotation
        try:
            convert = converter_for(annotation)
        except Exception as exc:
            raise TypeError(f"{cls.__name__}.{name}: cannot check argument {param.name!r} against {annotation!r}: {exc}") from exc
        label = "anything" if annotation is param.empty else type_label(annotation)
        entry = (param.name, label, convert)
        any_real = any_real or convert is not converter_for(param.empty)
        if param.kind in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD):
            positional.append(entry)
        elif param.kind is param.VAR_POSITIONAL:
            rest = entry
    if not any_real:
        return None, None
    return tuple(positional), rest


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


def _collect_into(steps: list[Outcome]) -> Emit:
    """Without a socket (tests, in-process use): the frames sent before the answer, kept in order."""
    async def emit(outcome: Outcome) -> None:
        # A copy: the values are live and later handlers change them (a socket encodes at once).
        steps.append(copy.deepcopy(outcome))

    return emit
