"""Hooks: a State read becomes one `useVar` per var and component, a handler one `useEvent`;
both are hoisted to the top of the component so React's rules of hooks hold."""

from __future__ import annotations

import ast

from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.phases.analyze.resolve import HandlerName, StateVarName


class Hooks:
    def var_hook(self, resolved: StateVarName, node: ast.AST) -> str:
        state = resolved.ref.state._pyx_name
        local = f"{state}${resolved.ref.name}"
        if local not in self.hooks:
            if self.first_state_read is None:
                self.first_state_read = node
            self.unit.use_runtime("useVar", "$useVar")
            self.hooks[local] = js.Const(local, js.Call(js.Raw("$useVar"), [js.Literal(state), js.Literal(resolved.ref.name)]))
        return local

    def event_hook(self, handler: HandlerName, node: ast.AST) -> str:
        full = f"{handler.state._pyx_name}.{handler.name}"
        local = full.replace(".", "$")
        if local not in self.hooks:
            if self.first_state_read is None:
                self.first_state_read = node
            self.unit.use_runtime("useEvent", "$useEvent")
            self.hooks[local] = js.Const(local, js.Call(js.Raw("$useEvent"), [js.Literal(full)]))
        return local
