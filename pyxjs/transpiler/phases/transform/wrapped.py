"""Props of components wrapped from npm: each must be one the class declares (or a style or
passed-through attribute), and a value whose type is known must fit the declared type."""

from __future__ import annotations

import ast
import difflib

from pyxjs.components.css import CSS_PROPERTIES
from pyxjs.components.prop_types import describe, fits
from pyxjs.components.spec import ComponentSpec
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
        if annotation is None:
            return
        expected = describe(annotation)
        if value.is_constant:
            if not fits(value.constant, annotation):
                raise self.error("PYX117", keyword.value, f"{spec.shown}(): prop `{keyword.arg}` takes "
                                 f"{expected}, not {value.constant!r}", f"pass a value of type {expected}")
            return
        wanted = t.from_annotation(annotation)
        got = value.type
        if got.kind in _COMPARABLE and wanted.kind in _COMPARABLE and got.kind != wanted.kind and \
                not (got.kind == "int" and wanted.kind == "float") and not got.optional:
            raise self.error("PYX117", keyword.value, f"{spec.shown}(): prop `{keyword.arg}` takes {expected}, "
                             f"but this is {got}", f"pass a value of type {expected}: convert it, or change the var's type")
