"""Client-only vars (Reflex's ClientStateVar, pyxjs/experimental/client_state.py): `var.value`
reads the page's slot with a `useClientVar` hook (hoisted like useVar), `var.set_value(v)` /
`var.set_value` / `var.set` in a trigger set it with `setClientVar`, and no event goes to the
server. The slot's type is its default's, and what a trigger sets must fit it (the page prints
by that type)."""

from __future__ import annotations

import ast
import dataclasses
import re
from typing import Any

from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.analyze.resolve import ClientVarName, dotted_parts, lookup, resolve
from pyxjs.transpiler.phases.transform.typed import Typed

_SETTERS = ("set_value", "set")


def client_var_type(var: Any) -> t.PyType:
    """What `var.value` is: its default's type (a None default says nothing: unknown)."""
    if var.default is None:
        return t.ANY
    return dataclasses.replace(t.value_type(var.default), shape=())  # a later value may have another shape


def _has_unknown(kind: t.PyType) -> bool:
    return kind.kind in ("any", "never") or any(_has_unknown(a) for a in kind.args if isinstance(a, t.PyType))


class ClientVars:
    def client_value(self, var: Any, node: ast.AST) -> Typed:
        local = "$cv$" + re.sub(r"\W", lambda m: f"_{ord(m.group()):x}", var.name)
        first = self.unit.project.client_vars.setdefault(var.name, var)
        if first.default != var.default or type(first.default) is not type(var.default):
            raise self.error("PYX117", node, f"two client vars are named {var.name!r}, with the defaults "
                                             f"{first.default!r} and {var.default!r}",
                             "vars of one name share the page's slot: give them one default, or other names")
        if local not in self.hooks:
            if self.first_state_read is None:
                self.first_state_read = node
            self.unit.use_runtime("useClientVar", "$useClientVar")
            default = self.literal(var.default, node).node
            self.hooks[local] = js.Const(local, js.Call(js.Raw("$useClientVar"), [js.Literal(var.name), default]))
        return Typed(js.Raw(local), client_var_type(var))

    def is_client_var_itself(self, node: ast.expr) -> bool:
        """`tab` (the ClientStateVar): Reflex's apps put it among a parent's children so its hook
        runs there; in pyxjs every reader has its own hook, so as a child it renders nothing."""
        parts = dotted_parts(node)
        return bool(parts) and not self.is_local(parts[0]) and isinstance(resolve(parts, self.unit.globals),
                                                                           ClientVarName)

    def client_setter_of(self, node: ast.expr) -> tuple[Any, ast.expr | None] | None:
        """`var.set_value(v)` -> (var, v); `var.set_value`, `var.set_value()`, `var.set` -> (var, None)."""
        target = node.func if isinstance(node, ast.Call) else node
        parts = dotted_parts(target)
        if not parts or len(parts) < 2 or parts[-1] not in _SETTERS or self.is_local(parts[0]):
            return None
        var = lookup(parts[:-1], self.unit.globals)
        if not isinstance(resolve(parts[:-1], self.unit.globals), ClientVarName):
            return None
        if not isinstance(node, ast.Call):
            return var, None
        shown = ".".join(parts)
        if parts[-1] == "set":
            raise self.error("PYX105", node, f"`{shown}` is the setter itself; it takes no arguments",
                             f"`on_change={shown}` sets the trigger's value, `{'.'.join(parts[:-1])}.set_value(x)` sets x")
        if node.keywords or len(node.args) > 1 or any(isinstance(a, ast.Starred) for a in node.args):
            raise self.error("PYX105", node, f"{shown}() takes the one value to set", f"{shown}(value)")
        return var, (node.args[0] if node.args else None)

    def client_set_call(self, var: Any, value_node: ast.expr | None, trigger_args: list[js.Expr], trigger: str,
                        node: ast.AST) -> js.Call:
        if value_node is not None:
            value = self.expr(value_node)
        elif trigger_args:
            first = trigger_args[0]
            value = Typed(first, t.STR if getattr(first, "text", "").endswith((".value", ".key")) else t.ANY)
        else:
            raise self.error("PYX105", node, f"{trigger} passes no value to set the client var {var.name!r} to",
                             "pass the value: `.set_value(value)`")
        self.check_client_value(var, value, value_node or node)
        self.unit.use_runtime("setClientVar", "$setClientVar")
        return js.Call(js.Raw("$setClientVar"), [js.Literal(var.name), value.node], loc=self.loc(node))

    def check_client_value(self, var: Any, value: Typed, node: ast.AST) -> None:
        held, given = client_var_type(var), value.type
        if held.kind == "any" or _has_unknown(given) or t.join(held, given) == held:
            return
        if held.kind == "float" and given.kind in ("int", "number") and not given.optional:
            return  # a number where a float is held (JS keeps one kind of number)
        raise self.error("PYX117", node, f"the client var {var.name!r} holds {held} (its default is "
                                         f"{var.default!r}), but this sets it to {given}",
                         "convert the value, or create the var with a default of the type it holds")

    def client_callback(self, var: Any, node: ast.AST) -> js.Arrow:
        """`on_pick=var.set` given to an app component: a function of the value it is called with."""
        call = self.client_set_call(var, None, [js.Raw("$a0")], "this prop", node)
        return js.Arrow(["$a0"], call, loc=self.loc(node))
