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
                values[name] = js_text(self.expr(given[name].value).node)
            else:  # the class's default (keyed by its JS name), or nothing
                default = spec.defaults.get(spec.js_prop(name) or name)
                values[name] = "undefined" if default is None else json.dumps(default)
        triggers = {name: js_text(self.trigger(given[name].value, spec.events[name], name))
                    for name in spec.events if name in given}
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
