"""A component class's hooks made per element (pyxjs/components/element_hooks.py): the hook
method is called with this element's props as JS expressions and its triggers as JS functions,
and its code goes to the top of the rendering component, after the hooks those expressions use."""

from __future__ import annotations

import ast
import json

from pyxjs.components.element_hooks import MissingTrigger
from pyxjs.components.spec import ComponentSpec
from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.printer import Printer


def js_text(node: js.Expr) -> str:
    printer = Printer(position=lambda loc: None)  # raw text in a hook carries no source map
    printer.expr(node)
    return printer.text()


class ElementHookCode:
    def element_hook_code(self, node: ast.Call, spec: ComponentSpec) -> None:
        hooks = spec.element_hooks
        if self.scope.parent is not None:
            # React runs hooks at the top of the component, once per render: one per repeated element cannot be.
            raise self.error("PYX101", node, f"{spec.shown}() makes a hook from its props, so it cannot be "
                                             "repeated inside rx.foreach, a comprehension or a loop",
                             "create it once outside the loop, or move the loop body into a component function "
                             "of its own (each of its elements then runs its hook)")
        given = {k.arg: k for k in node.keywords if k.arg is not None}
        values = {}
        for name in hooks.props:
            if name in given:
                values[name] = self.hook_value(given[name], spec)
            else:  # the class's default (keyed by its JS name), or nothing
                default = spec.defaults.get(spec.js_prop(name) or name)
                values[name] = "undefined" if default is None else json.dumps(default)
        triggers = {}
        for name in spec.events:
            if name in given:
                self.check_known_at_top(given[name], spec)
                triggers[name] = js_text(self.trigger(given[name].value, spec.events[name], name))
        try:
            code = hooks.code(values, triggers)
        except MissingTrigger as missing:
            trigger = missing.args[0]
            raise self.error("PYX105", node, f"{spec.shown}()'s hook runs its `{trigger}` trigger, "
                                             f"but this element does not set it",
                             f"pass {trigger}=State.handler to {spec.shown}()") from None
        except Exception as exc:  # the user's hook method, called for this element
            raise self.error("PYX104", node, f"{spec.shown}()'s hook method failed for this element: "
                                             f"{type(exc).__name__}: {exc}", "") from None
        for text in code:
            self.hooks.setdefault(f"$hook:{text}", js.RawStmt(text))

    def hook_value(self, keyword: ast.keyword, spec: ComponentSpec) -> str:
        """A prop's JS for the hook, which runs at the top of the component: a value known at
        build time as its literal; otherwise an expression of what is known there (State vars,
        the component's parameters), never a local the body assigns later."""
        value = self.expr(keyword.value)
        if value.is_constant:
            return js_text(self.literal(value.constant, keyword.value).node)
        self.check_known_at_top(keyword, spec)
        return js_text(value.node)

    def check_known_at_top(self, keyword: ast.keyword, spec: ComponentSpec) -> None:
        later = sorted({n.id for n in ast.walk(keyword.value) if isinstance(n, ast.Name) and n.id in self.function_locals})
        if later:
            raise self.error("PYX112", keyword.value, f"{spec.shown}()'s hook reads `{keyword.arg}`, and hooks run at the "
                                                      f"top of the component, before `{later[0]}` is assigned",
                             f"pass the expression itself ({keyword.arg}=...), or make `{later[0]}` a parameter "
                             "of a component function that renders the element")
