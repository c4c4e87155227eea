"""Arguments passed to the app's own annotated functions.

The compiled function trusts its annotations: `n: int` makes `n + 1` a plain JS `+`. So a value
that contradicts one must not get in. Known at build and of another type: a build error (PYX118).
Of a type the compiler cannot know: checked when the call runs ($py.checkArg, a TypeError).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.transform.typed import Typed

if TYPE_CHECKING:
    from pyxjs.transpiler.phases.transform.function import FunctionTransformer

# Declared kind -> the kinds of value Python code passes for it without a type checker objecting.
_ACCEPTS = {"int": {"int", "bool"}, "float": {"int", "float", "bool", "number"}, "bool": {"bool"}, "str": {"str"},
            "list": {"list"}, "tuple": {"tuple"}, "dict": {"dict"}}
_CHECKED_AT_RUNTIME = {"int", "float", "str", "bool"}


def _refuses(declared: t.PyType, passed: t.PyType) -> bool:
    """Certainly the wrong type: both known, and not what the annotation allows."""
    if declared.kind not in _ACCEPTS or passed.kind not in {*_ACCEPTS, "none"}:
        return False
    if passed.kind == "none":
        return not declared.optional
    return passed.kind not in _ACCEPTS[declared.kind]


def _label(kind: t.PyType, value: Typed) -> str:
    if value.is_constant:
        return f"{value.constant!r} ({type(value.constant).__name__})"
    return str(kind)


def checked_arguments(self: "FunctionTransformer", function: Any, values: dict[str, Typed],
                      nodes: dict[str, ast.expr]) -> dict[str, Typed]:
    """`values` with each argument checked against its parameter's annotation."""
    declared = self.unit.project.param_annotations(function)
    out = dict(values)
    for name, value in values.items():
        kind = declared.get(name)
        if kind is None or kind.kind == "any" or name not in nodes:
            continue
        if _refuses(kind, value.type):
            raise self.error("PYX118", nodes[name], f"{function.__name__}() parameter `{name}` is annotated {kind}, "
                                                    f"but gets {_label(value.type, value)}",
                             f"pass a value of type {kind} (convert it with {kind.kind}(...)), or change the annotation")
        if value.type.kind == "any" and kind.kind in _CHECKED_AT_RUNTIME and not kind.optional:
            where = f"{function.__name__}() argument {name}"
            out[name] = Typed(self.py("checkArg", value.node, js.Literal(kind.kind), js.Literal(where)), kind)
    return out
