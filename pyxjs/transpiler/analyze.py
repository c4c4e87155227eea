"""Analysis: what a name in a component means, found from the imported app module.

The build imports the app, so instead of guessing from spelling we look names up in the
module's real globals: `rx.hstack` (whatever `rx` is bound to) resolves to the component
factory, `GithubState.username` to a VarRef, `GithubState.set_username` to a handler.
"""

from __future__ import annotations

import builtins
import inspect
import types
from dataclasses import dataclass
from typing import Any, Union

import libcst as cst

from pyxjs.state.base import State, VarRef

# Types the transform tracks; None means "unknown".
PyType = Union[str, None]

_JSONABLE = (str, int, float, bool, type(None))


@dataclass(frozen=True)
class StateVarName:
    ref: VarRef

    @property
    def py_type(self) -> PyType:
        return type_name(self.ref.state._pyx_vars[self.ref.name].type)


@dataclass(frozen=True)
class HandlerName:
    state: type
    name: str
    function: Any


@dataclass(frozen=True)
class ComponentName:
    factory: Any  # a pyxjs component factory (has `_pyx_spec`)


@dataclass(frozen=True)
class UserComponentName:
    function: types.FunctionType


@dataclass(frozen=True)
class ConstantName:
    value: Any


@dataclass(frozen=True)
class OtherName:
    """Resolved, but nothing the browser can use (a module, a library function, ...)."""

    value: Any


Resolved = Union[StateVarName, HandlerName, ComponentName, UserComponentName, ConstantName, OtherName]

_MISSING = object()


def dotted_parts(node: cst.BaseExpression) -> list[str] | None:
    """`a.b.c` -> ["a", "b", "c"]; None for anything that is not a plain dotted name."""
    parts: list[str] = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if not isinstance(node, cst.Name):
        return None
    parts.append(node.value)
    return list(reversed(parts))


def resolve(parts: list[str], module_globals: dict[str, Any]) -> Resolved | None:
    """Look a dotted global name up; None when the module has no such name."""
    value = module_globals.get(parts[0], getattr(builtins, parts[0], _MISSING))
    if value is _MISSING:
        return None
    owner: Any = None
    for attr in parts[1:]:
        owner = value
        value = inspect.getattr_static(owner, attr, _MISSING) if isinstance(owner, type) else getattr(owner, attr, _MISSING)
        if value is _MISSING:
            return None
    return classify(value, owner, parts[-1])


def classify(value: Any, owner: Any = None, attr: str = "") -> Resolved:
    if isinstance(value, VarRef):
        return StateVarName(value)
    if isinstance(owner, type) and issubclass(owner, State) and attr in owner._pyx_handlers:
        return HandlerName(owner, attr, owner._pyx_handlers[attr])
    if callable(value) and hasattr(value, "_pyx_spec"):
        return ComponentName(value)
    if isinstance(value, types.FunctionType) and not value.__module__.startswith("pyxjs"):
        return UserComponentName(value)
    if is_jsonable(value):
        return ConstantName(value)
    return OtherName(value)


def is_jsonable(value: Any, depth: int = 0) -> bool:
    if depth > 20:
        return False
    if isinstance(value, _JSONABLE):
        return not (isinstance(value, float) and value != value)  # NaN has no JSON form
    if isinstance(value, (list, tuple)):
        return all(is_jsonable(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and is_jsonable(v, depth + 1) for k, v in value.items())
    return False


def type_name(annotation: Any) -> PyType:
    origin = getattr(annotation, "__origin__", None) or annotation
    return {str: "str", int: "int", float: "float", bool: "bool", list: "list", dict: "dict", tuple: "list",
            type(None): "none"}.get(origin)


def value_type(value: Any) -> PyType:
    return type_name(type(value))
