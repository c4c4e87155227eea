"""A function of the app passed to another as an argument (`form_item("Headers", rows,
render_row)`), which the callee calls or hands to rx.foreach, as Reflex templates write
higher-order helpers. The browser gets no function value: every call site names the function, so
the callee is compiled with it in place (the parameter's build-time value, like an icon's name);
a parameter that gets different functions at different calls is refused, naming them."""

from __future__ import annotations

import ast
import types

from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.analyze.resolve import UserFunctionName, dotted_parts, resolve
from pyxjs.transpiler.phases.transform.typed import Typed


def _functions(values: tuple | None) -> bool:
    return bool(values) and all(isinstance(v, types.FunctionType) for v in values)


class FunctionArgs:
    def function_argument(self, node: ast.expr) -> Typed | None:
        """An argument naming an app function: no JS value, its function as the build-time value."""
        if isinstance(node, ast.Name) and self.is_local(node.id):
            function = self.passed_function(node)
            return Typed(js.Raw("undefined"), t.ANY, values=(function,)) if function is not None else None
        parts = dotted_parts(node)
        if parts is None:
            return None
        resolved = resolve(parts, self.unit.globals)
        if isinstance(resolved, UserFunctionName):
            return Typed(js.Raw("undefined"), t.ANY, values=(resolved.function,))
        return None

    def passed_function(self, node: ast.Name) -> types.FunctionType | None:
        """The app function a parameter holds at every call, or None when it holds no function."""
        local = self.scope.lookup(node.id)
        if local is None or not _functions(local.values):
            return None
        distinct = list(dict.fromkeys(local.values))
        if len(distinct) > 1:
            names = ", ".join(f.__name__ for f in distinct)
            raise self.error("PYX109", node, f"`{node.id}` is a different function at different calls ({names}); "
                                             "pyxjs compiles a function passed as an argument into the function "
                                             "that takes it, so every call must pass the same one",
                             "pass a value that selects what to show (and use rx.match or rx.cond on it)")
        self.note_value_params(node)  # another function passed later makes this one stale
        return distinct[0]

    def passed_function_value(self, node: ast.Name) -> None:
        raise self.error("PYX109", node, f"`{node.id}` holds a function of the app: a component can call it, "
                                         "or pass it to rx.foreach or another function, but not use it as a value",
                         f"call it: `{node.id}(...)`")


def holds_function(value: Typed) -> bool:
    return _functions(value.values)
