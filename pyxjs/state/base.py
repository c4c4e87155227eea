"""The State base class: declared vars, event handlers and dirty tracking.

A subclass's annotated public fields are vars; its public methods are event handlers.
On the class, a var name evaluates to a `VarRef` (what the transpiler and the registry
read); on an instance it is the plain value.
"""

from __future__ import annotations

import copy
import json
import re
import typing
from dataclasses import dataclass
from typing import Any, Callable, ClassVar


def state_name_for(cls_name: str) -> str:
    """`GithubState` -> `github_state`: the name the browser knows a State class by."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls_name).lower()


@dataclass(frozen=True)
class StateVar:
    name: str
    type: Any
    default: Any


@dataclass(frozen=True)
class VarRef:
    """`GithubState.username` evaluated on the class: a reference, not a value."""

    state: type
    name: str

    def __repr__(self) -> str:
        return f"{self.state.__name__}.{self.name}"


class State:
    _pyx_name: ClassVar[str] = ""
    _pyx_vars: ClassVar[dict[str, StateVar]] = {}
    _pyx_handlers: ClassVar[dict[str, Callable[..., Any]]] = {}
    # Every concrete State subclass by its browser name, in definition order.
    _pyx_registry: ClassVar[dict[str, type["State"]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._pyx_name = state_name_for(cls.__name__)
        hints = typing.get_type_hints(cls) if cls.__dict__.get("__annotations__") else {}
        own_vars: dict[str, StateVar] = {}
        for name, annotation in hints.items():
            if name.startswith("_") or typing.get_origin(annotation) is ClassVar:
                continue
            if name not in cls.__dict__ and not _inherited_var(cls, name):
                raise TypeError(
                    f"{cls.__name__}.{name} needs a default value, "
                    f"e.g. `{name}: {getattr(annotation, '__name__', annotation)} = ...`"
                )
            default = cls.__dict__[name] if name in cls.__dict__ else _inherited_var(cls, name).default
            own_vars[name] = StateVar(name, annotation, default)
        cls._pyx_vars = {**_inherited_vars(cls), **own_vars}
        for name in own_vars:
            setattr(cls, name, VarRef(cls, name))
        handlers = dict(_inherited_handlers(cls))
        for name, value in cls.__dict__.items():
            if not name.startswith("_") and callable(value) and not isinstance(value, type):
                handlers[name] = value
        cls._pyx_handlers = handlers
        previous = State._pyx_registry.get(cls._pyx_name)
        if previous is not None and previous.__qualname__ != cls.__qualname__:
            raise TypeError(
                f"two State classes share the browser name {cls._pyx_name!r}: "
                f"{previous.__module__}.{previous.__qualname__} and {cls.__module__}.{cls.__qualname__}; rename one"
            )
        # Re-importing an app (pyx watch, tests) replaces the class of the same name.
        State._pyx_registry[cls._pyx_name] = cls

    def __init__(self) -> None:
        object.__setattr__(self, "_pyx_dirty", set())
        for var in self._pyx_vars.values():
            object.__setattr__(self, var.name, copy.deepcopy(var.default))

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        if name in self._pyx_vars:
            self._pyx_dirty.add(name)

    def pyx_snapshot(self) -> dict[str, Any]:
        """Every public var's current value (what hydrate sends)."""
        return {name: getattr(self, name) for name in self._pyx_vars}

    def pyx_take_delta(self) -> dict[str, Any]:
        """The vars changed since the last call, with their values; clears the dirty set."""
        dirty = self._pyx_dirty
        if not dirty:
            return {}
        object.__setattr__(self, "_pyx_dirty", set())
        return {name: getattr(self, name) for name in self._pyx_vars if name in dirty}


def default_snapshot(states) -> dict[str, dict[str, Any]]:
    """Every var's declared default by state, as hydrate and the build's initial state send it.

    Raises TypeError naming the var when a default is not JSON (NaN included: the browser's
    JSON.parse rejects it), so a bad default fails at build or server start, not at runtime.
    """
    snapshot = {}
    for cls in states:
        snapshot[cls._pyx_name] = {}
        for name, var in cls._pyx_vars.items():
            try:
                json.dumps(var.default, allow_nan=False)
            except (TypeError, ValueError) as exc:
                raise TypeError(
                    f"{cls.__name__}.{name} = {var.default!r}: the browser receives vars as JSON, "
                    f"which cannot carry this value ({exc}); use a list, dict, str, number, bool or None"
                ) from None
            snapshot[cls._pyx_name][name] = var.default
    return snapshot


def _inherited_vars(cls: type) -> dict[str, StateVar]:
    merged: dict[str, StateVar] = {}
    for base in reversed(cls.__mro__[1:]):
        merged.update(base.__dict__.get("_pyx_vars", {}))
    return merged


def _inherited_var(cls: type, name: str) -> StateVar | None:
    return _inherited_vars(cls).get(name)


def _inherited_handlers(cls: type) -> dict[str, Callable[..., Any]]:
    merged: dict[str, Callable[..., Any]] = {}
    for base in reversed(cls.__mro__[1:]):
        merged.update(base.__dict__.get("_pyx_handlers", {}))
    return merged
