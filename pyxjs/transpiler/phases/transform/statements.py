"""Statements: assignments, if/elif/else, for loops that build lists, returns."""

from __future__ import annotations

import ast

from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.diagnostics import CompileError
from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.analyze.scopes import Local, Scope
from pyxjs.transpiler.phases.transform.typed import Typed
from pyxjs.transpiler.phases.transform.values import items_at, iterated_values

_STATEMENT_WORDS = {
    "While": "`while` loops", "Try": "`try` statements", "TryStar": "`try` statements", "With": "`with` blocks",
    "AsyncWith": "`async with` blocks", "AsyncFor": "`async for` loops", "Import": "imports",
    "ImportFrom": "imports", "Delete": "`del` statements", "Global": "`global` statements", "Nonlocal": "`nonlocal` statements",
    "FunctionDef": "nested function definitions", "AsyncFunctionDef": "nested function definitions",
    "ClassDef": "class definitions", "Raise": "`raise` statements", "Assert": "`assert` statements", "Match": "`match` statements",
}


class Statements:
    def block(self, statements: list[ast.stmt], top: bool = False) -> list[js.Stmt]:
        out: list[js.Stmt] = []
        for index, statement in enumerate(statements):
            if index == 0 and top and _is_docstring(statement):
                continue
            try:
                out.extend(self.stmt(statement))
            except CompileError as error:
                # Report it and go on, so one build shows every error; the names this
                # statement would have bound count as bound, so no follow-on errors.
                self.unit.report(error)
                for name in _bound_names(statement):
                    self.assigned.add(name)
                    self.function_locals.add(name)
                    self.scope.names[name] = _poisoned(self, name)
        return out

    def stmt(self, node: ast.stmt) -> list[js.Stmt]:
        method = getattr(self, "stmt_" + type(node).__name__, None)
        if method is None:
            words = _STATEMENT_WORDS.get(type(node).__name__, type(node).__name__)
            hint = ("build lists with a comprehension or a `for` loop over a list"
                    if type(node).__name__ == "While" else
                    "components only describe what to show; do this work in an event handler")
            raise self.error("PYX102", node, f"{words} are not supported in a component", hint)
        return method(node)

    def stmt_Pass(self, node: ast.Pass) -> list[js.Stmt]:
        return []

    def stmt_Return(self, node: ast.Return) -> list[js.Stmt]:
        if node.value is None:
            self.return_types.append(t.NONE)
            return [js.Return(js.Literal(None), loc=self.loc(node))]
        if isinstance(node.value, ast.Tuple) and self.component:
            # a component returning several children: a fragment
            value = Typed(js.JSXElement("", [], [self.child(self.expr(e)) for e in node.value.elts]), t.ELEMENT)
        else:
            value = self.expr(node.value)
        self.return_types.append(value.type)
        return [js.Return(value.node, loc=self.loc(node))]

    def stmt_Assign(self, node: ast.Assign) -> list[js.Stmt]:
        if len(node.targets) != 1:
            raise self.error("PYX102", node, "chained assignment (`a = b = value`) is not supported in a component",
                             "assign each name on its own line")
        return self.assign(node.targets[0], node.value, node)

    def stmt_AnnAssign(self, node: ast.AnnAssign) -> list[js.Stmt]:
        if node.value is None:
            return []  # `x: int` alone declares nothing at runtime
        statements = self.assign(node.target, node.value, node)
        annotated = self.annotation_type(node.annotation)
        if annotated is not None and isinstance(node.target, ast.Name):
            self.scope.names[node.target.id].type = annotated
        return statements

    def assign(self, target: ast.expr, value_node: ast.expr, node: ast.AST) -> list[js.Stmt]:
        if isinstance(target, ast.Name) and self.holds_event(target.id, value_node):
            return []  # used where a trigger names it (Events.event_alias)
        if isinstance(target, ast.Name):
            value = self.expr(value_node)
            owned = value.type.kind == "list" and (isinstance(value_node, (ast.List, ast.ListComp)) or (
                isinstance(value_node, ast.Call) and (
                    (isinstance(value_node.func, ast.Name) and value_node.func.id in ("list", "sorted"))
                    or (isinstance(value_node.func, ast.Attribute) and value_node.func.attr == "copy"))))
            return [self.bind(target.id, value, node, owned_list=owned)]
        if isinstance(target, (ast.Tuple, ast.List)) and all(isinstance(e, ast.Name) for e in target.elts):
            if isinstance(value_node, (ast.Tuple, ast.List)) and len(value_node.elts) == len(target.elts) and not any(
                    isinstance(e, ast.Starred) for e in value_node.elts):
                # `a, b = b, a`: every value first, then the names
                values = [self.expr(e) for e in value_node.elts]
                temps = [f"$t{self.unit.next_temp()}" for _ in values]
                out: list[js.Stmt] = [js.Const(temp, v.node) for temp, v in zip(temps, values)]
                for name_node, temp, v in zip(target.elts, temps, values):
                    out.append(self.bind(name_node.id, Typed(js.Raw(temp), v.type), node))
                return out
            value = self.expr(value_node)
            count = len(target.elts)
            if value.type.kind == "tuple" and not value.type.variadic and len(value.type.args) == count:
                items = list(value.type.args)
            else:
                items = [value.type.item] * count
            temp = f"$t{self.unit.next_temp()}"
            out = [js.Const(temp, self.py("unpack", value.node, js.Literal(count)), loc=self.loc(node))]
            for index, (name_node, item) in enumerate(zip(target.elts, items)):
                out.append(self.bind(name_node.id, Typed(js.Raw(f"{temp}[{index}]"), item), node))
            return out
        what = "attributes" if isinstance(target, ast.Attribute) else "items" if isinstance(target, ast.Subscript) else "this target"
        raise self.error("PYX102", target, f"assigning to {what} is not supported in a component",
                         "components cannot change State; change it in an event handler")

    def stmt_AugAssign(self, node: ast.AugAssign) -> list[js.Stmt]:
        if not isinstance(node.target, ast.Name):
            raise self.error("PYX102", node, "augmented assignment (`+=`) works on local names only in a component",
                             "change State in an event handler")
        fake = ast.BinOp(left=ast.Name(node.target.id, ast.Load()), op=node.op, right=node.value)
        ast.copy_location(fake, node)
        ast.copy_location(fake.left, node.target)
        return [self.bind(node.target.id, self.expr(fake), node)]

    def stmt_Expr(self, node: ast.Expr) -> list[js.Stmt]:
        call = node.value
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name) \
                and call.func.attr in ("append", "extend") and not call.keywords and len(call.args) == 1:
            local = self.scope.lookup(call.func.value.id)
            if local is not None and local.owned_list:
                item = self.expr(call.args[0])
                self.read_local(call.func.value)
                if call.func.attr == "append":
                    local.type = t.list_of(t.join(local.type.args[0] if local.type.kind == "list" else t.ANY, item.type))
                    return [js.ExprStmt(js.Call(js.Member(js.Raw(local.js_name), "push"), [item.node]), loc=self.loc(node))]
                local.type = t.list_of(t.join(local.type.args[0] if local.type.kind == "list" else t.ANY, item.type.item))
                spread = js.Spread(self.py("iter", item.node))
                return [js.ExprStmt(js.Call(js.Member(js.Raw(local.js_name), "push"), [spread]), loc=self.loc(node))]
            if local is not None:
                raise self.error("PYX102", node, f"`{call.func.value.id}.{call.func.attr}()` changes a list this "
                                 "component did not build", "build a new list: `items = [*old, new]` or a comprehension")
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr in (
                "append", "extend", "insert", "pop", "remove", "clear", "update", "sort", "reverse", "add"):
            raise self.error("PYX102", node, f"`{ast.unparse(call.func)}()` would change State or a shared value, "
                             "which a component cannot do", "change State in an event handler; build new local "
                             "lists with a comprehension or `items = []` then append")
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "print" \
                and not self.is_local("print"):
            raise self.error("PYX102", node, "print() does not run in the browser: component code is compiled "
                                             "to a page, not run on the server",
                             "print in an event handler (it runs on the server), or return rx.console_log(...) "
                             "from a handler to log in the browser's console")
        raise self.error("PYX102", node, "an expression statement has no effect in a component",
                         "assign the value to a name and use it, or return it")

    def stmt_If(self, node: ast.If) -> list[js.Stmt]:
        test = self.truthy(self.expr(node.test))
        before = set(self.assigned)
        body = self.block(node.body)
        after_body = self.assigned if not _terminates(node.body) else None
        self.assigned = set(before)
        orelse = self.block(node.orelse) if node.orelse else []
        after_else = self.assigned if not _terminates(node.orelse) else None
        if after_body is None and after_else is None:
            self.assigned = before
        elif after_body is None:
            self.assigned = after_else
        elif after_else is None:
            self.assigned = after_body
        else:
            self.assigned = after_body & after_else
        return [js.If(test, body, orelse, loc=self.loc(node))]

    def stmt_For(self, node: ast.For) -> list[js.Stmt]:
        if node.orelse:
            raise self.error("PYX102", node.orelse[0], "`for ... else` is not supported in a component",
                             "use a flag variable, or any()/all()")
        iterable = self.expr(node.iter)
        saved_scope, before = self.scope, set(self.assigned)
        self.scope = Scope(parent=saved_scope)
        try:
            pattern = self.bind_pattern(node.target, iterable.type.item, iterated_values(iterable))
            self.loop_depth += 1
            body = self.block(node.body)
        finally:
            self.loop_depth -= 1
            self.scope = saved_scope
            self.assigned = before  # the loop may run zero times
        return [js.ForOf(pattern, self.py("iter", iterable.node), body, loc=self.loc(node))]

    def stmt_Break(self, node: ast.Break) -> list[js.Stmt]:
        return [js.ExprStmt(js.Raw("break"), loc=self.loc(node))] if self.loop_depth else self._outside_loop(node)

    def stmt_Continue(self, node: ast.Continue) -> list[js.Stmt]:
        return [js.ExprStmt(js.Raw("continue"), loc=self.loc(node))] if self.loop_depth else self._outside_loop(node)

    def _outside_loop(self, node: ast.AST) -> list[js.Stmt]:
        raise self.error("PYX102", node, "`break`/`continue` outside a loop", "remove it")

    def bind_pattern(self, target: ast.expr, item: t.PyType, values: tuple | None = None) -> str:
        """A loop or comprehension target (`x`, `i, x`, `(k, (a, b))`) as a JS binding pattern,
        its names bound in the current scope (with the values they may take, when known)."""
        if isinstance(target, ast.Name):
            js_name = self.local_js_name(target.id)
            self.scope.names[target.id] = Local(js_name, item, values=values)
            self.assigned.add(target.id)
            return js_name
        if isinstance(target, (ast.Tuple, ast.List)):
            count = len(target.elts)
            if item.kind == "tuple" and not item.variadic and len(item.args) == count:
                items = list(item.args)
            elif item.kind in ("list", "tuple") or item.kind == "any":
                items = [item.item] * count
            else:
                raise self.error("PYX111", target, f"cannot unpack {item} into {count} names",
                                 "iterate over pairs, e.g. enumerate(items) or d.items()")
            return "[" + ", ".join(self.bind_pattern(e, i, items_at(values, n))
                                   for n, (e, i) in enumerate(zip(target.elts, items))) + "]"
        raise self.error("PYX102", target, "loop targets must be names or tuples of names", "use `for x in ...`")


def _terminates(block: list[ast.stmt]) -> bool:
    return bool(block) and isinstance(block[-1], (ast.Return, ast.Break, ast.Continue))


def _is_docstring(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) and isinstance(
        statement.value.value, str)


def _bound_names(statement: ast.stmt) -> list[str]:
    """Names a statement binds anywhere inside it (assignments, loop targets, defs)."""
    names = []
    for node in ast.walk(statement):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.append(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
    return names


def _poisoned(transformer, name: str):
    return Local(transformer.local_js_name(name), t.ANY, poisoned=True)
