"""A JS expression together with what the analysis knows of its Python type (and value)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.phases.analyze.types import ANY, PyType


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


@dataclass(slots=True)
class Typed:
    node: js.Expr
    type: PyType = ANY
    # The Python value, when it is known at build time (literals, module constants, and
    # operations on them, which are folded by Python itself).
    constant: Any = UNSET
    # How str() of this value reads, where the type alone cannot say: sum() of floats is the
    # int 0 when the list is empty.
    printed: js.Expr | None = None
    # For `a if c else b` of two different types: (test, a, b), so each branch can be shown by its own type.
    branches: tuple | None = None
    # A value of unknown type read from State: a JS test of whether it is a whole float the
    # server marked (`row["price"]` of 4.0 must print 4.0, and so must what it computes).
    float_hint: js.Expr | None = None
    # A State var declared float, (state, var): it may hold an int though (the server says so).
    int_hint: tuple[str, str] | None = None
    origin: Any = None  # the Python node it came from, for errors about how it prints
    poisoned: bool = False  # a name whose statement failed to compile: no follow-on errors
    # The values it may take, each known at build time, where it is not one constant: a loop
    # variable over a constant list, `a if c else b` of constants, a parameter every call passes
    # a constant to (rx.icon(name) imports just these icons).
    values: tuple | None = None

    @property
    def possible_values(self) -> tuple | None:
        return (self.constant,) if self.is_constant else self.values

    @property
    def is_constant(self) -> bool:
        return self.constant is not UNSET
