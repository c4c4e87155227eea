"""Reflex's `reflex.vars.base`: `Var` and `LiteralVar` (both: the value itself in pyxjs)."""

from __future__ import annotations

from pyxjs.reflex_paths import module_getattr
from pyxjs.state.fields import Var

__all__ = ["LiteralVar", "Var"]


class LiteralVar(Var):
    """Reflex's var of a Python value: `LiteralVar.create(x)` is `x`, as `Var.create(x)` is."""


_NO_JS = "pyxjs compiles component code from Python, so a var carries no JS expression, imports or hooks"
VAR_HINTS = {
    "VarData": _NO_JS,
    "BaseVar": _NO_JS + "; annotate with `rx.Var[T]` or the plain type",
    "ImmutableVar": _NO_JS + "; annotate with `rx.Var[T]` or the plain type",
    "ComputedVar": "a computed var is a State method decorated with `@rx.var`",
    "computed_var": "a computed var is a State method decorated with `@rx.var`",
    "get_unique_variable_name": _NO_JS,
    "FunctionVar": _NO_JS + "; call an app function or a handler instead",
}

__getattr__ = module_getattr(__name__, hints=VAR_HINTS)
