"""`@rx.var` computed vars: values derived from other vars, recomputed only when those change.

Dependencies are found by running the function: it gets a `_Reader` standing in for `self`
that records every var and computed var it reads. Running (not parsing) sees through helper
methods and only counts the branch taken; a var read only on another branch becomes a
dependency the first time that branch runs, which is exactly when it starts to matter.
"""

from __future__ import annotations

import inspect
import typing
from dataclasses import dataclass
from typing import Any, Callable

from pyxjs.state.vars import VarRef

_MISSING = object()


class ComputedVar:
    """What `@rx.var` puts in the class body; State.__init_subclass__ turns it into a ComputedRef."""

    def __init__(
        self,
        fn: Callable[[Any], Any],
        cache: bool = True,
        deps: list[Any] | None = None,
        auto_deps: bool = True,
        interval: Any = None,
    ) -> None:
        if inspect.iscoroutinefunction(fn):
            raise TypeError(f"@rx.var {fn.__name__}: async computed vars are not supported yet; compute it in a handler")
        if interval is not None:
            raise TypeError(f"@rx.var(interval=...) {fn.__name__}: not supported yet; use a background event that updates a var")
        params = [p for p in inspect.signature(fn).parameters.values()]
        if len(params) != 1:
            raise TypeError(f"@rx.var {fn.__name__} must take only `self`, it takes ({', '.join(p.name for p in params)})")
        self.fn = fn
        self.cache = cache
        self.auto_deps = auto_deps
        self.explicit_deps = tuple(_dep_name(fn, d) for d in (deps or ()))
        try:
            hints = typing.get_type_hints(fn)
        except Exception:
            hints = {}
        self.type = hints.get("return", Any)


def var(fn: Callable[[Any], Any] | None = None, *, cache: bool = True, deps: list[Any] | None = None,
        auto_deps: bool = True, interval: Any = None, **unsupported: Any) -> Any:
    """`@rx.var`, `@rx.var(cache=False)`, `@rx.var(deps=["a", "b"])`, `@rx.var(auto_deps=False, deps=[...])`."""
    if unsupported:
        raise TypeError(f"@rx.var got options pyxjs does not support yet: {', '.join(sorted(unsupported))}")

    def make(function: Callable[[Any], Any]) -> ComputedVar:
        return ComputedVar(function, cache=cache, deps=deps, auto_deps=auto_deps, interval=interval)

    return make if fn is None else make(fn)


def _dep_name(fn: Callable[..., Any], dep: Any) -> str:
    if isinstance(dep, str):
        return dep
    if isinstance(dep, VarRef):
        return dep.name
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


@dataclass(frozen=True, slots=True)
class ComputedInfo:
    name: str
    fn: Callable[[Any], Any]
    cache: bool
    auto_deps: bool = True


class _Reader:
    """`self` inside a computed var: reads pass through to the state and are recorded."""

    __slots__ = ("_pyx_state", "_pyx_reads")

    def __init__(self, state: Any, reads: set[str]) -> None:
        object.__setattr__(self, "_pyx_state", state)
        object.__setattr__(self, "_pyx_reads", reads)

    def __getattr__(self, name: str) -> Any:
        state = self._pyx_state
        cls = type(state)
        if name in cls._pyx_vars or name in cls._pyx_backend:
            self._pyx_reads.add(name)
            return getattr(state, name)
        attr = inspect.getattr_static(cls, name, _MISSING)
        # Methods and properties run with the reader as `self`, so what they read is recorded too.
        if inspect.isfunction(attr) or isinstance(attr, property):
            return attr.__get__(self, cls)
        return getattr(state, name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(
            f"a computed var may not assign self.{name}: computed vars only read; change vars in an event handler"
        )


def compute(state: Any, info: ComputedInfo) -> tuple[Any, set[str]]:
    """Run a computed var on `state`; its value and the names it read."""
    reads: set[str] = set()
    return info.fn(_Reader(state, reads)), reads
