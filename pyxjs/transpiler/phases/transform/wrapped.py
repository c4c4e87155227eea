"""Prop checks. Components wrapped from npm: each prop must be one the class declares (or a style
or passed-through attribute). Wrapped and core components alike: a value whose type is known must
fit the prop's type (core components' types are in pyxjs.components.radix_props)."""

from __future__ import annotations

import ast
import difflib
import typing
from typing import Any

from pyxjs.components.css import CSS_PROPERTIES
from pyxjs.components.prop_types import describe, fits
from pyxjs.components.radix_props import BREAKPOINTS, NUMERIC_STRINGS, ONE_ITEM_LIST
from pyxjs.components.spec import ComponentSpec
from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.transform.typed import Typed

# Props every element takes, whatever the class declares.
PASS_THROUGH = frozenset({"key", "id", "class_name", "style", "custom_attrs"})
# Static kinds a mismatch is certain between (int fits float, as JSON numbers do).
_COMPARABLE = frozenset({"str", "int", "float", "bool", "list", "dict"})


class WrappedProps:
    def check_wrapped_prop_name(self, keyword: ast.keyword, spec: ComponentSpec) -> None:
        name = keyword.arg
        if name in spec.prop_types or name in PASS_THROUGH or name in CSS_PROPERTIES:
            return
        known = sorted(spec.prop_types)
        close = difflib.get_close_matches(name, known + sorted(spec.events), n=1)
        hint = (f"did you mean `{close[0]}`?" if close else
                f"its props are: {', '.join(known)}" if known else "it declares no props")
        raise self.error("PYX116", keyword, f"{spec.shown}() has no prop `{name}`",
                         hint + f" (to pass a new prop, declare `{name}: rx.Var[...]` on the class)")

    def check_wrapped_prop_value(self, keyword: ast.keyword, spec: ComponentSpec, value: Typed) -> None:
        annotation = spec.prop_types.get(keyword.arg)
        if annotation is not None:
            self.check_prop_value(keyword, spec, value, annotation)

    def core_prop_value(self, keyword: ast.keyword, spec: ComponentSpec, value: Typed) -> js.Expr:
        """A core component's prop value, checked against what Radix takes (radix_props) and
        written the way Radix reads it: `size=3` is "3" (in a responsive dict too, checked value by
        value), and a single number where Radix takes a list of numbers (a slider's thumbs) a
        one-item list."""
        name = keyword.arg
        annotation = spec.value_types[name]
        if name in NUMERIC_STRINGS:
            if value.is_constant and _is_int(value.constant):
                return js.Literal(str(value.constant))
            if not value.is_constant and value.type.kind == "int":
                return js.Call(js.Raw("String"), [value.node])
        if annotation == ONE_ITEM_LIST and _is_number(value):  # a slider's `default_value=40`
            return js.ArrayExpr([value.node])
        if value.is_constant and isinstance(value.constant, dict) and value.constant and \
                set(value.constant) <= BREAKPOINTS and annotation is not dict:
            written = {point: str(step) if name in NUMERIC_STRINGS and _is_int(step) else step
                       for point, step in value.constant.items()}
            for step in written.values():  # responsive: each breakpoint's value must fit
                self.check_prop_value(keyword, spec, Typed(js.Literal(step), constant=step), annotation)
            return self.literal(written, keyword).node
        self.check_prop_value(keyword, spec, value, annotation)
        return value.node

    def check_prop_value(self, keyword: ast.keyword, spec: ComponentSpec, value: Typed, annotation: Any) -> None:
        expected = describe(annotation)
        if value.is_constant:
            constant = value.constant
            if not fits(constant, annotation):
                choices = [a for a in typing.get_args(annotation) if isinstance(a, str)]
                close = difflib.get_close_matches(str(constant), choices, n=1) if isinstance(constant, str) else []
                hint = f"did you mean {close[0]!r}?" if close else f"pass a value of type {expected}"
                raise self.error("PYX117", keyword.value, f"{spec.shown}(): prop `{keyword.arg}` takes "
                                 f"{expected}, not {value.constant!r}", hint)
            return
        wanted = t.from_annotation(annotation)
        got = value.type
        if got.kind in _COMPARABLE and wanted.kind in _COMPARABLE and got.kind != wanted.kind and \
                not (got.kind == "int" and wanted.kind == "float") and not got.optional:
            raise self.error("PYX117", keyword.value, f"{spec.shown}(): prop `{keyword.arg}` takes {expected}, "
                             f"but this is {got}", f"pass a value of type {expected}: convert it, or change the var's type")


def _is_number(value: Typed) -> bool:
    if value.is_constant:
        return isinstance(value.constant, (int, float)) and not isinstance(value.constant, bool)
    return value.type.kind in ("int", "float")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
