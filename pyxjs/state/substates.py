"""Substates: `class Child(Parent)` where Parent is a State of the app.

As in Reflex, a substate does not get its own copy of its parent's vars: `self.parent_var`
inside Child reads (and assigns) the one value held by the client's Parent instance, so a
handler of either state, and the page, see the same var. Each inherited name is a descriptor
in the child's class dict that forwards to the instance of the class that declared it.

On the class, `Child.parent_var` is `Parent.parent_var` (a VarRef naming the parent state),
so the transpiler makes the page read the parent's value. Handlers are inherited as methods:
`Child.set_parent_var` runs on the child, and its assignment reaches the parent.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pyxjs.state.vars import VarRef


def parent_state_of(cls: type) -> type | None:
    """The State class `cls` derives from (None for a direct subclass of rx.State).

    Substates form a tree, so a class may have one State parent; two would leave a var with
    two owners."""
    from pyxjs.state.base import State

    parents = [base for base in cls.__bases__
               if isinstance(base, type) and issubclass(base, State) and base is not State and not is_mixin(base)]
    if len(parents) > 1:
        names = ", ".join(base.__name__ for base in parents)
        raise TypeError(f"{cls.__name__} derives from several States ({names}); a substate has one parent State")
    return parents[0] if parents else None


def is_mixin(cls: type) -> bool:
    """`class M(rx.State, mixin=True)`: a body of vars and handlers for States to derive from."""
    return bool(cls.__dict__.get("_pyx_mixin_class"))


def owner_instance(obj: Any, owner: type) -> Any:
    """The client's instance of `owner` (the State that declared the var)."""
    return obj.__dict__["_pyx_client"][owner._pyx_name]


class InheritedVar(VarRef):
    """A var or computed var of an ancestor State, as seen from a substate.

    A VarRef to the declaring state on the class (what the transpiler reads); on an instance it
    reads and assigns through the declaring state's instance, so changes are tracked there."""

    def __get__(self, obj: Any, cls: type | None = None) -> Any:
        if obj is None:
            return self.state.__dict__[self.name]  # the declaring state's own VarRef
        return getattr(owner_instance(obj, self.state), self.name)

    def __set__(self, obj: Any, value: Any) -> None:
        setattr(owner_instance(obj, self.state), self.name, value)


class InheritedBackendVar:
    """A `_backend` var of an ancestor State: server-only, kept on the declaring instance."""

    __slots__ = ("state", "name")

    def __init__(self, state: type, name: str) -> None:
        self.state = state
        self.name = name

    def __get__(self, obj: Any, cls: type | None = None) -> Any:
        if obj is None:  # what the declaring class shows (a server-only marker for public names)
            return self.state.__dict__.get(self.name, self.state._pyx_backend[self.name])
        return getattr(owner_instance(obj, self.state), self.name)

    def __set__(self, obj: Any, value: Any) -> None:
        setattr(owner_instance(obj, self.state), self.name, value)


def inherited_names(parent: type | None) -> dict[str, type]:
    """Every var, computed var and backend var a substate of `parent` reaches, by declaring class."""
    if parent is None:
        return {}
    names = dict(parent._pyx_inherited)
    for name in (*parent._pyx_vars, *parent._pyx_backend):
        names[name] = parent
    return names


def install_inherited(cls: type, inherited: dict[str, type]) -> None:
    for name, owner in inherited.items():
        if name in owner._pyx_backend:
            setattr(cls, name, InheritedBackendVar(owner, name))
        else:
            setattr(cls, name, InheritedVar(owner, name))


def with_ancestors(classes: Iterable[type]) -> tuple[type, ...]:
    """The classes with every parent State they need, each parent before its children."""
    out: dict[type, None] = {}

    def add(cls: type) -> None:
        if cls in out:
            return
        parent = cls._pyx_parent_class
        if parent is not None:
            add(parent)
        out[cls] = None

    for cls in classes:
        add(cls)
    return tuple(out)
