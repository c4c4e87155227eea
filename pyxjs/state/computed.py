"""`@rx.var` computed vars: values derived from other vars, recomputed only when those change.

Dependencies are found by running the function: it gets a `_Reader` standing in for `self`
that records every var and computed var it reads, of its own state, of the ancestor states it
inherits vars from, and of any state it reaches with `await self.get_state(Other)`. Running
(not parsing) sees through helper methods and only counts the branch taken; a var read only on
another branch becomes a dependency the first time that branch runs, which is exactly when it
starts to matter.

An `async def` computed var is awaited at the flush (and `await self.var` in a handler or
another async computed var); a sync one may not read an async one (it would get a coroutine).
`interval=` makes the server recompute the var that often for each connected page
(server/intervals.py), whether or not anything it reads changed.
"""

from __future__ import annotations

import datetime
import inspect
import typing
from dataclasses import dataclass
from typing import Any, Callable

from pyxjs.state.substates import InheritedBackendVar, InheritedVar, owner_instance
from pyxjs.state.vars import VarRef

_MISSING = object()


class _NoInitialValue:
    def __repr__(self) -> str:
        return "NO_INITIAL_VALUE"


NO_INITIAL_VALUE: Any = _NoInitialValue()

# A read: (browser name of the state, var name).
Read = tuple[str, str]


class ComputedVar:
    """What `@rx.var` puts in the class body; State.__init_subclass__ turns it into a ComputedRef."""

    def __init__(
        self,
        fn: Callable[[Any], Any],
        cache: bool = True,
        deps: list[Any] | None = None,
        auto_deps: bool = True,
        interval: Any = None,
        initial_value: Any = NO_INITIAL_VALUE,
    ) -> None:
        if inspect.isgeneratorfunction(fn) or inspect.isasyncgenfunction(fn):
            raise TypeError(f"@rx.var {fn.__name__}: a computed var returns its value; it cannot be a generator")
        params = [p for p in inspect.signature(fn).parameters.values()]
        if len(params) != 1:
            raise TypeError(f"@rx.var {fn.__name__} must take only `self`, it takes ({', '.join(p.name for p in params)})")
        self.fn = fn
        self.is_async = inspect.iscoroutinefunction(fn)
        self.cache = cache
        self.auto_deps = auto_deps
        self.interval = interval_seconds(fn.__name__, interval)
        self.initial_value = initial_value  # what the built page shows before its first hydrate
        # (state class or None for "this state", var name)
        self.explicit_deps = tuple(_dep(fn, d) for d in (deps or ()))
        try:
            hints = typing.get_type_hints(fn)
        except Exception:
            hints = {}
        self.type = hints.get("return", Any)


def var(fn: Callable[[Any], Any] | None = None, *, cache: bool = True, deps: list[Any] | None = None,
        auto_deps: bool = True, interval: Any = None, initial_value: Any = NO_INITIAL_VALUE,
        **unsupported: Any) -> Any:
    """`@rx.var`, `@rx.var(cache=False)`, `@rx.var(deps=["a", "b"])`, `@rx.var(auto_deps=False, deps=[...])`,
    `@rx.var(interval=5)` (seconds, or a datetime.timedelta), `@rx.var(initial_value=...)` (what the
    built page shows until its first hydrate, instead of the value computed on the defaults at build);
    on `def` or `async def`. A computed var named `_x` is private: handlers read it, the page never gets it."""
    if unsupported:
        raise TypeError(f"@rx.var got options pyxjs does not support yet: {', '.join(sorted(unsupported))}")

    def make(function: Callable[[Any], Any]) -> ComputedVar:
        return ComputedVar(function, cache=cache, deps=deps, auto_deps=auto_deps, interval=interval,
                           initial_value=initial_value)

    return make if fn is None else make(fn)


def interval_seconds(name: str, interval: Any) -> float | None:
    if interval is None:
        return None
    if isinstance(interval, datetime.timedelta):
        seconds = interval.total_seconds()
    elif isinstance(interval, (int, float)) and not isinstance(interval, bool):
        seconds = float(interval)
    else:
        raise TypeError(f"@rx.var(interval=...) {name}: give seconds (int or float) or a datetime.timedelta, got {interval!r}")
    if not seconds > 0 or seconds == float("inf"):
        raise TypeError(f"@rx.var(interval=...) {name}: the interval must be a positive, finite time, got {interval!r}")
    return seconds


def _dep(fn: Callable[..., Any], dep: Any) -> tuple[type | None, str]:
    if isinstance(dep, str):
        return None, dep
    if isinstance(dep, VarRef):
        return dep.state, dep.name
    raise TypeError(f"@rx.var(deps=...) of {fn.__name__}: name vars as strings or State.var, got {dep!r}")


class ComputedRef(VarRef):
    """The class-dict entry of a computed var: a VarRef to the transpiler, a computed value on an instance."""

    def __get__(self, obj: Any, cls: type | None = None) -> Any:
        if obj is None:
            return self
        return obj._pyx_computed_value(self.name)

    def __set__(self, obj: Any, value: Any) -> None:
        raise AttributeError(
            f"{type(obj).__name__}.{self.name} is a computed var (@rx.var): it cannot be assigned; "
            f"assign the vars it is computed from"
        )


class PrivateComputedRef:
    """`@rx.var def _total(self)`: a computed var only the server reads. It is no var (never sent,
    never stored) and is computed each time it is read, so it is always current; a public
    computed var that reads it depends on what it reads."""

    def __init__(self, name: str, fn: Callable[[Any], Any]) -> None:
        self.name = name
        self.fn = fn

    def __get__(self, obj: Any, cls: type | None = None) -> Any:
        if obj is None:
            return self
        return self.fn(obj)

    def __set__(self, obj: Any, value: Any) -> None:
        raise AttributeError(
            f"{type(obj).__name__}.{self.name} is a computed var (@rx.var): it cannot be assigned; "
            f"assign the vars it is computed from"
        )


class AsyncComputedRef(ComputedRef):
    """An `async def` computed var: on an instance, an awaitable of its value (`await self.total`)."""

    def __get__(self, obj: Any, cls: type | None = None) -> Any:
        if obj is None:
            return self
        return obj._pyx_async_value(self.name)


@dataclass(frozen=True, slots=True)
class ComputedInfo:
    name: str
    fn: Callable[[Any], Any]
    cache: bool
    auto_deps: bool = True
    is_async: bool = False
    interval: float | None = None
    initial_value: Any = NO_INITIAL_VALUE


class _Reader:
    """`self` inside a computed var: reads pass through to the state and are recorded."""

    __slots__ = ("_pyx_state", "_pyx_reads", "_pyx_async")

    def __init__(self, state: Any, reads: set[Read], is_async: bool) -> None:
        object.__setattr__(self, "_pyx_state", state)
        object.__setattr__(self, "_pyx_reads", reads)
        object.__setattr__(self, "_pyx_async", is_async)

    def __getattr__(self, name: str) -> Any:
        state = self._pyx_state
        cls = type(state)
        if name in cls._pyx_vars or name in cls._pyx_backend:
            self._pyx_reads.add((cls._pyx_name, name))
            info = cls._pyx_computed.get(name)
            if info is not None and info.is_async and not self._pyx_async:
                raise TypeError(
                    f"{cls.__name__}.{name} is an async computed var; read it with `await self.{name}` "
                    f"inside an `async def` computed var"
                )
            return getattr(state, name)
        if name == "router":
            # Where the page is: the connection hands the states a new one on each move
            # (server/connection.py attach_router), which makes this var stale.
            self._pyx_reads.add((cls._pyx_name, "router"))
            return state.router
        attr = inspect.getattr_static(cls, name, _MISSING)
        if isinstance(attr, (InheritedVar, InheritedBackendVar)):
            # Recorded as a read of the ancestor state that holds the var.
            return getattr(_Reader(owner_instance(state, attr.state), self._pyx_reads, self._pyx_async), name)
        # Methods and properties run with the reader as `self`, so what they read is recorded too.
        if inspect.isfunction(attr) or isinstance(attr, property):
            return attr.__get__(self, cls)
        if isinstance(attr, PrivateComputedRef):
            return attr.fn(self)
        return getattr(state, name)

    async def get_state(self, state_class: type) -> "_Reader":
        """`await self.get_state(Other)`: the other state, its reads recorded as dependencies."""
        other = await self._pyx_state.get_state(state_class)
        return _Reader(other, self._pyx_reads, self._pyx_async)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(
            f"a computed var may not assign self.{name}: computed vars only read; change vars in an event handler"
        )


def compute(state: Any, info: ComputedInfo) -> tuple[Any, set[Read]]:
    """Run a sync computed var on `state`; its value and the (state, var) pairs it read."""
    reads: set[Read] = set()
    return info.fn(_Reader(state, reads, False)), reads


async def compute_async(state: Any, info: ComputedInfo) -> tuple[Any, set[Read]]:
    """Run an async computed var on `state`; its value and the (state, var) pairs it read."""
    reads: set[Read] = set()
    return await info.fn(_Reader(state, reads, True)), reads
