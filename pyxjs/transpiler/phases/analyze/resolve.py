"""Name resolution: what a name in a component means, found from the imported app module.

The build imports the app, so instead of guessing from spelling we look names up in the
module's real globals: `rx.hstack` (whatever `rx` is bound to) resolves to the component
factory, `GithubState.username` to a VarRef, `GithubState.set_username` to a handler.
"""

from __future__ import annotations

import builtins
import dataclasses
import enum
import functools
import inspect
import math
import sysconfig
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

import ast

from pyxjs.state.base import State, VarRef
from pyxjs.state.computed import PrivateComputedRef
from pyxjs.transpiler.phases.analyze.types import PyType, from_annotation

_JSONABLE = (str, int, float, bool, type(None))


@dataclass(frozen=True)
class StateVarName:
    ref: VarRef

    @property
    def py_type(self) -> PyType:
        return from_annotation(self.ref.state._pyx_vars[self.ref.name].type)


@dataclass(frozen=True)
class HandlerName:
    state: type
    name: str
    function: Any


@dataclass(frozen=True)
class ComponentName:
    factory: Any  # a pyxjs component factory (has `_pyx_spec`)


@dataclass(frozen=True)
class ControlName:
    """rx.cond, rx.foreach, rx.match, rx.fragment: compiled into JS control flow."""

    kind: str


@dataclass(frozen=True)
class ActionName:
    """rx.redirect, rx.console_log, ...: a client action, usable directly as an event trigger."""

    function: Any


@dataclass(frozen=True)
class BrowserFunctionName:
    """rx.selected_files, rx.get_upload_url: pyxjs functions with a runtime_js counterpart."""

    function: Any
    spec: Any  # pyxjs.components.spec.BrowserFunction


@dataclass(frozen=True)
class UploadFilesName:
    """rx.upload_files: stands for an rx.upload's files, as an upload handler's argument."""


@dataclass(frozen=True)
class BuiltinName:
    name: str  # a Python builtin the browser has a faithful version of (len, str, sorted, ...)


@dataclass(frozen=True)
class UserFunctionName:
    """A function of the app: compiled as a component (it returns components) or a helper."""

    function: types.FunctionType


@dataclass(frozen=True)
class ConstantName:
    value: Any


@dataclass(frozen=True)
class ClientVarName:
    """A ClientStateVar itself (pyxjs/experimental/client_state.py): as a child it renders nothing."""

    var: Any


@dataclass(frozen=True)
class ClientValueName:
    """`var.value` of a ClientStateVar: the page's slot, read with a hook."""

    var: Any


@dataclass(frozen=True)
class OtherName:
    """Resolved, but nothing the browser can use (a module, a library function, ...)."""

    value: Any
    server_only: bool = False  # a State's backend var or private computed var (`State._x`)


Resolved = Union[StateVarName, HandlerName, ComponentName, ControlName, ActionName, BuiltinName, UserFunctionName,
                 ConstantName, OtherName, BrowserFunctionName, UploadFilesName, ClientVarName, ClientValueName]

_MISSING = object()
MISSING = _MISSING  # what lookup() returns for a name that does not exist
_BUILTIN_TYPES = (str, int, float, bool, list, tuple, dict, range, enumerate, zip, reversed)

SUPPORTED_BUILTINS = frozenset(
    "len str int float bool round abs min max sum sorted reversed range enumerate zip any all list tuple "
    "isinstance repr dict".split()
)


def dotted_parts(node: ast.AST) -> list[str] | None:
    """`a.b.c` -> ["a", "b", "c"]; None for anything that is not a plain dotted name."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return list(reversed(parts))


_cache: dict[tuple[int, tuple[str, ...]], tuple[dict, Resolved | None]] = {}


def resolve(parts: list[str], module_globals: dict[str, Any]) -> Resolved | None:
    """Look a dotted global name up; None when the module has no such name.

    Cached per module for the length of a compile (`clear_cache()`): the app's globals do not
    change while it is being compiled, and components look the same few names up many times.
    """
    key = (id(module_globals), tuple(parts))
    hit = _cache.get(key)
    if hit is not None and hit[0] is module_globals:
        return hit[1]
    result = _resolve(parts, module_globals)
    _cache[key] = (module_globals, result)
    return result


def clear_cache() -> None:
    _cache.clear()


def _resolve(parts: list[str], module_globals: dict[str, Any]) -> Resolved | None:
    value = lookup(parts, module_globals)
    if value is _MISSING:
        return None
    owner = lookup(parts[:-1], module_globals) if len(parts) > 1 else None
    return classify(value, owner, parts[-1])


def lookup(parts: list[str], module_globals: dict[str, Any]) -> Any:
    value = module_globals.get(parts[0], getattr(builtins, parts[0], _MISSING))
    for attr in parts[1:]:
        if value is _MISSING or isinstance(value, VarRef):
            # `State.user.name` reads a field of the var's value, not of the VarRef object
            return _MISSING
        owner = value
        value = inspect.getattr_static(owner, attr, _MISSING) if isinstance(owner, type) else getattr(owner, attr, _MISSING)
        if isinstance(value, staticmethod):  # a wrapped component's `DatePicker.create`
            value = value.__func__
    return value


def missing_part(parts: list[str], module_globals: dict[str, Any]) -> tuple[int, list[str]]:
    """Where a dotted name stops resolving, and the names that do exist there (for suggestions)."""
    for index in range(1, len(parts) + 1):
        if lookup(parts[:index], module_globals) is _MISSING:
            if index == 1:
                return 0, [*module_globals, *dir(builtins)]
            owner = lookup(parts[: index - 1], module_globals)
            return index - 1, [n for n in dir(owner) if not n.startswith("_")]
    return len(parts), []


def classify(value: Any, owner: Any = None, attr: str = "") -> Resolved:
    if isinstance(value, VarRef):
        return StateVarName(value)
    if getattr(value, "_pyx_client_state", False) is True and not isinstance(value, type):
        return ClientVarName(value)
    if getattr(value, "_pyx_client_var", None) is not None and not isinstance(value, type):
        return ClientValueName(value._pyx_client_var)
    if isinstance(owner, type) and issubclass(owner, State) and attr in owner._pyx_handlers:
        return HandlerName(owner, attr, owner._pyx_handlers[attr])
    if isinstance(owner, type) and issubclass(owner, State) and attr.startswith("_") and not attr.startswith("__") \
            and (attr in owner._pyx_backend or isinstance(value, PrivateComputedRef)):
        return OtherName(value, server_only=True)  # never its default inlined as if it were a constant
    if getattr(value, "__module__", None) == "pyxjs.state.actions" and isinstance(value, types.FunctionType) \
            and not value.__name__.startswith("_"):
        return ActionName(value)
    if getattr(value, "_pyx_upload_files", False) is True:
        return UploadFilesName()
    browser = getattr(value, "_pyx_browser", None)
    if browser is not None and callable(value):
        return BrowserFunctionName(value, browser)
    control = getattr(value, "_pyx_control", None)
    if isinstance(control, str):
        return ControlName(control)
    if callable(value) and hasattr(value, "_pyx_spec"):
        return ComponentName(value)
    if isinstance(value, types.BuiltinFunctionType) or any(value is t for t in _BUILTIN_TYPES):
        name = getattr(value, "__name__", "")
        if getattr(builtins, name, None) is value and name in SUPPORTED_BUILTINS:
            return BuiltinName(name)
        return OtherName(value)
    if isinstance(value, types.FunctionType) and is_app_function(value):
        return UserFunctionName(value)
    if is_jsonable(value):
        return ConstantName(value)
    return OtherName(value)


@functools.lru_cache(maxsize=None)
def _library_roots() -> tuple[str, ...]:
    paths = sysconfig.get_paths()
    return tuple({str(Path(paths[key]).resolve()) for key in ("stdlib", "platstdlib", "purelib", "platlib")})


def is_app_function(function: types.FunctionType) -> bool:
    """A function written in the app (not the stdlib's, a library's or pyxjs's own)."""
    if function.__module__.startswith("pyxjs"):
        return False
    filename = function.__code__.co_filename
    if filename.startswith("<"):
        return False
    resolved = str(Path(filename).resolve())
    return not any(resolved.startswith(root + "/") for root in _library_roots())


@functools.lru_cache(maxsize=4096)
def signature_of(function: Any) -> inspect.Signature:
    """inspect.signature, computed once per function (an app calls its helpers many times)."""
    return inspect.signature(function)


def is_jsonable(value: Any, depth: int = 0) -> bool:
    if depth > 20:
        return False
    if isinstance(value, enum.Enum):  # sent as its value, as the server sends an enum var
        return is_jsonable(value.value, depth + 1)
    if isinstance(value, _JSONABLE):
        return not (isinstance(value, float) and not math.isfinite(value))
    if isinstance(value, (list, tuple)):
        return all(is_jsonable(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and is_jsonable(v, depth + 1) for k, v in value.items())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # plain data (`LanguageOption("en", "English", False)`): the page gets its fields, as a
        # State var of that dataclass does
        return all(is_jsonable(getattr(value, f.name), depth + 1) for f in dataclasses.fields(value))
    return False
