"""`rx.Field[T]`, `rx.field(...)` and `rx.Var[T]` as Reflex apps write them on State vars.

In an annotation `rx.Field[list[str]]` and `rx.Var[int]` mean the type inside (a State var
holds the plain value; a component parameter is the value the page passes), so subscripting
them gives that type back and the rest of pyxjs sees ordinary annotations.

`rx.field(default)` / `rx.field(default_factory=list)` is a var's default; `is_var=False` keeps
the field on the server (per client, never sent, like a `_name` backend var). A factory is
called once, when the class is declared, and its value copied for each client like any
default.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any

_MISSING: Any = object()


class _TypeAlias:
    """`X[T]` is T; `X` alone is no type pyxjs can use, and says so."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getitem__(self, item: Any) -> Any:
        return item

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError(f"rx.{self._name} is an annotation in pyxjs (rx.{self._name}[int]); a var's value is the plain value")

    def __repr__(self) -> str:
        return f"rx.{self._name}"


Field = _TypeAlias("Field")


class Var:
    """`rx.Var[T]` is T. In pyxjs a var in component code is its value (the compiler turns
    `State.count` into the number the page holds), so there are no Var objects: a bare `Var`
    annotation means "any value" (`title: str | rx.Var`), `rx.Var.create(x)` is `x`, and the
    typed kinds Reflex apps annotate with (`NumberVar`, `StringVar`, ... in pyxjs.vars) mean
    their Python type."""

    _pyx_annotation: Any = Any  # what the annotation means to the compiler and prop checks

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        raise TypeError(f"rx.{cls.__name__} is an annotation in pyxjs (rx.Var[int]); a var's value is the plain "
                        "value, and rx.Var.create(value) is that value")

    def __class_getitem__(cls, item: Any) -> Any:
        return item

    @staticmethod
    def create(value: Any, _var_data: Any = None) -> Any:
        """Reflex's `rx.Var.create(value)`: in pyxjs the value itself, in component code too."""
        if _var_data is not None:
            raise TypeError("rx.Var.create(value, _var_data=...): pyxjs has no VarData; pass the value alone")
        return value


Var.create._pyx_value_of_argument = True  # type: ignore[attr-defined] - the compiler emits the argument


def names_a_var(annotation: Any) -> bool:
    """`rx.Var`, `NumberVar`, `str | rx.Var`: Reflex's "a var or a value". For a component
    function's parameter the compiler then takes the type its call sites pass, as for an
    unannotated one (a bare `NumberVar` cannot say whether it prints as 2 or 2.0)."""
    if isinstance(annotation, type):
        return issubclass(annotation, Var)
    return typing.get_origin(annotation) in (typing.Union, types.UnionType) and any(
        names_a_var(arg) for arg in typing.get_args(annotation))


def annotation_meaning(annotation: Any) -> Any:
    """What an annotation means for types: `rx.Var` -> Any, `NumberVar` -> int | float, else itself."""
    return getattr(annotation, "_pyx_annotation", annotation) if isinstance(annotation, type) else annotation


class FieldSpec:
    """What `rx.field(...)` puts in the class body; State's declaration reads it."""

    __slots__ = ("default", "is_var", "factory")

    def __init__(self, default: Any, is_var: bool, factory: Callable[[], Any] | None = None) -> None:
        self.default = default  # with a factory: one call's result, for the type and the build's snapshot
        self.is_var = is_var
        self.factory = factory  # called again for each client's state

    def __repr__(self) -> str:
        return f"rx.field({self.default!r}{'' if self.is_var else ', is_var=False'})"


def field(default: Any = _MISSING, *, default_factory: Callable[[], Any] | None = None, is_var: bool = True) -> Any:
    """`items: rx.Field[list[str]] = rx.field([])`, `rx.field(default_factory=list)`,
    `rx.field(0, is_var=False)` (server-only)."""
    if (default is _MISSING) == (default_factory is None):
        raise TypeError("rx.field() takes a default or a default_factory (one of them)")
    if default_factory is not None:
        if not callable(default_factory):
            raise TypeError(f"rx.field(default_factory=...) must be callable, got {default_factory!r}")
        default = default_factory()
    if not isinstance(is_var, bool):
        raise TypeError(f"rx.field(is_var=...) is True or False, got {is_var!r}")
    return FieldSpec(default, is_var, default_factory)


class ServerOnlyField:
    """The class attribute of an `is_var=False` field: the page cannot read it (the value is per
    client, in the instance)."""

    __slots__ = ("owner", "name")

    def __init__(self, owner: str, name: str) -> None:
        self.owner = owner
        self.name = name

    def __get__(self, obj: Any, cls: type | None = None) -> Any:
        if obj is None:
            return self
        raise AttributeError(self.name)  # not reached: the instance holds the value

    def __repr__(self) -> str:
        return f"{self.owner}.{self.name} (rx.field(is_var=False): server-only)"
