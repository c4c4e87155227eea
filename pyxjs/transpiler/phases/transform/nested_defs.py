"""A `def` inside a component or helper: a JS arrow function at the same place, closing over
the same locals (JS closures read at call time, as Python's do).

Its parameters get their types from the uses, so it is compiled at its first use (a call, or
rx.foreach's render function) and again when a later use passes other types; each compilation
is one `const` in the group the `def` left in the body. Hooks its body needs (State reads,
events) are hoisted to the top of the enclosing component like any other, so the arrow itself
holds none and React's rules of hooks hold however often it runs.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.analyze.scopes import Local, Scope
from pyxjs.transpiler.phases.transform.typed import Typed

_HINT_MODULE_LEVEL = "define it at module level (with a return annotation if it calls itself)"


@dataclass
class NestedDef(Local):
    """A scope entry for a nested `def`: its node, the scope it closes over and what it compiled to."""

    node: ast.FunctionDef | None = None
    scope: Scope | None = None
    group: js.Group | None = None
    compiled: dict[tuple, tuple[str, t.PyType]] = field(default_factory=dict)  # param types -> (js name, returns)
    compiling: bool = False


class NestedDefs:
    def stmt_FunctionDef(self, node: ast.FunctionDef) -> list[js.Stmt]:
        self.check_nested_def(node)
        group = js.Group([], loc=self.loc(node))
        js_name = self.local_js_name(node.name)
        self.scope.names[node.name] = NestedDef(js_name, t.ANY, node=node, scope=self.scope, group=group)
        self.assigned.add(node.name)
        return [group]

    def check_nested_def(self, node: ast.FunctionDef) -> None:
        args = node.args
        what = f"nested function `{node.name}`"
        if node.decorator_list:
            raise self.error("PYX102", node.decorator_list[0], f"a decorator on {what} is not supported in a component",
                             _HINT_MODULE_LEVEL)
        if args.vararg or args.kwarg or args.kwonlyargs or args.posonlyargs:
            raise self.error("PYX102", node, f"{what} may take only plain parameters (no *, ** or /) in a component",
                             _HINT_MODULE_LEVEL)
        for default in args.defaults:
            if not isinstance(default, ast.Constant):
                raise self.error("PYX102", default, f"a default of {what} must be a constant in a component",
                                 "pass the value at the call instead")
        for inner in ast.walk(node):
            if isinstance(inner, (ast.Global, ast.Nonlocal)):
                word = "global" if isinstance(inner, ast.Global) else "nonlocal"
                raise self.error("PYX102", inner, f"`{word}` in {what} is not supported: a component cannot "
                                                  "change its variables from a nested function",
                                 "return the new value and assign it in the component")

    def nested_def(self, name: str) -> NestedDef | None:
        found = self.scope.lookup(name)
        return found if isinstance(found, NestedDef) else None

    def nested_def_call(self, entry: NestedDef, node: ast.Call) -> Typed:
        """`helper(a, b=1)`: the compiled arrow called with the arguments in parameter order."""
        fn = entry.node
        params = [a.arg for a in fn.args.args]
        given: list[Typed | None] = [None] * len(params)
        for index, arg in enumerate(node.args):
            if isinstance(arg, ast.Starred):
                raise self.error("PYX101", arg, f"`*` arguments are not supported for `{fn.name}()`", "pass each argument")
            if index >= len(params):
                raise self.error("PYX101", node, f"{fn.name}() takes {len(params)} argument(s), got {len(node.args)}",
                                 "remove the extra arguments")
            given[index] = self.prop_value(arg)  # an event handler (or lambda of one) travels as a callback
        for keyword in node.keywords:
            if keyword.arg not in params:
                raise self.error("PYX101", keyword, f"{fn.name}() has no parameter `{keyword.arg}`",
                                 f"its parameters are: {', '.join(params) or 'none'}")
            index = params.index(keyword.arg)
            if given[index] is not None:
                raise self.error("PYX101", keyword, f"{fn.name}() got `{keyword.arg}` twice", "pass it once")
            given[index] = self.prop_value(keyword.value)
        defaults = [None] * (len(params) - len(fn.args.defaults)) + list(fn.args.defaults)
        for index, default in enumerate(defaults):
            if given[index] is None:
                if default is None:
                    raise self.error("PYX101", node, f"{fn.name}() is missing its argument `{params[index]}`",
                                     f"pass {params[index]}=...")
                given[index] = self.expr(default)
        js_name, returns = self.compile_nested_def(entry, [g.type for g in given], node)
        return Typed(js.Call(js.Raw(js_name), [g.node for g in given]), returns)

    def nested_def_render(self, entry: NestedDef, item_type: t.PyType, node: ast.AST) -> tuple[js.Expr, t.PyType]:
        """rx.foreach(items, helper): the arrow itself is the render function (item, and index)."""
        fn = entry.node
        count = len(fn.args.args)
        if count > 2 or count < 1:
            raise self.error("PYX101", node, "rx.foreach's function takes the item, and optionally its index",
                             f"def {fn.name}(item): ... or def {fn.name}(item, index): ...")
        js_name, returns = self.compile_nested_def(entry, [item_type, t.INT][:count], node)
        params = ["$item", "$index"][:count]
        return js.Arrow(params, js.Call(js.Raw(js_name), [js.Raw(p) for p in params])), returns

    def compile_nested_def(self, entry: NestedDef, param_types: list[t.PyType], use: ast.AST) -> tuple[str, t.PyType]:
        key = tuple(param_types)
        if key in entry.compiled:
            return entry.compiled[key]
        fn = entry.node
        if entry.compiling:
            raise self.error("PYX102", use, f"nested function `{fn.name}` calls itself, which pyxjs does not compile: a nested "
                                            "function is typed by compiling its body for what each call passes, and a "
                                            "call to itself needs that type before it exists",
                             _HINT_MODULE_LEVEL)
        js_name = entry.js_name if not entry.compiled else f"{entry.js_name}${len(entry.compiled) + 1}"
        saved = (self.scope, self.function_locals, self.let_names, self.assigned, self.return_types, self.loop_depth,
                 self.nested_root)
        entry.compiling = True
        try:
            self.scope = Scope(parent=entry.scope)
            self.nested_root = self.scope
            self.plan_locals(fn)
            self.assigned = set()
            self.return_types = []
            self.loop_depth = 0
            names = []
            for arg, kind in zip(fn.args.args, param_types):
                local_name = self.local_js_name(arg.arg)
                annotated = self.annotation_type(arg.annotation)
                self.scope.names[arg.arg] = Local(local_name, annotated if annotated is not None else kind)
                self.assigned.add(arg.arg)
                names.append(local_name)
            body = self.block(fn.body, top=True)
            if _falls_through(fn.body):  # Python returns None there
                body.append(js.Return(js.Literal(None)))
                self.return_types.append(t.NONE)
            declarations: list[js.Stmt] = [js.Const(self.local_js_name(n), None, mutable=True)
                                           for n in sorted(self.let_names)]
            returns = t.join(*self.return_types)
        finally:
            (self.scope, self.function_locals, self.let_names, self.assigned, self.return_types, self.loop_depth,
             self.nested_root) = saved
            entry.compiling = False
        entry.group.body.append(js.Const(js_name, js.Arrow(names, declarations + body), loc=self.loc(fn)))
        entry.compiled[key] = (js_name, returns)
        return js_name, returns

    def nested_def_value(self, node: ast.Name) -> Typed:
        raise self.error("PYX102", node, f"nested function `{node.id}` can be called, or passed to rx.foreach, "
                                         "in a component: a function is no value the page can hold",
                         f"call it ({node.id}(...)) or pass it as rx.foreach(items, {node.id})")


def _falls_through(body: list[ast.stmt]) -> bool:
    """Whether running `body` may reach its end (so the function returns None)."""
    if not body:
        return True
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise)):
        return False
    if isinstance(last, ast.If):
        return _falls_through(last.body) or _falls_through(last.orelse)
    return True
