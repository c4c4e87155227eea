"""Hooks: a State read becomes one `useVar` per var and component, a handler one `useEvent`;
both are hoisted to the top of the component so React's rules of hooks hold."""

from __future__ import annotations

import ast

from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.analyze.resolve import HandlerName, StateVarName
from pyxjs.transpiler.phases.transform.typed import Typed

# self.router.page's fields (pyxjs/state/router.py), as runtime_js's useRoute() gives them
_PAGE_FIELDS = {"path": t.STR, "raw_path": t.STR, "params": t.dict_of(t.STR, t.ANY), "host": t.STR,
                "full_path": t.STR, "full_raw_path": t.STR}


class Hooks:
    def var_hook(self, resolved: StateVarName, node: ast.AST) -> str:
        if _holds_component(resolved.py_type):
            owner = f"{resolved.ref.state.__name__}.{resolved.ref.name}"
            computed = resolved.ref.state._pyx_vars[resolved.ref.name].computed
            raise self.error("PYX109", node, f"`{owner}` is a {'computed var that returns' if computed else 'var that holds'} "
                                             "a component; State vars carry data to the page, not components",
                             "keep the data in the var (a str, list or dict) and build the component in the page "
                             f"function from it, e.g. rx.text({resolved.ref.state.__name__}.info_text)")
        state = resolved.ref.state._pyx_name
        local = f"{state}${resolved.ref.name}"
        if local not in self.hooks:
            if self.first_state_read is None:
                self.first_state_read = node
            self.unit.use_runtime("useVar", "$useVar")
            self.hooks[local] = js.Const(local, js.Call(js.Raw("$useVar"), [js.Literal(state), js.Literal(resolved.ref.name)]))
        return local

    def router_value(self, parts: list[str], node: ast.AST) -> Typed:
        """`State.router.page.path` & co. in a component: the page's own route (useRoute), which
        is what the server's self.router.page holds too."""
        shown = ".".join(parts)
        if parts[2:3] == ["page"] and len(parts) == 4 and parts[3] in _PAGE_FIELDS:
            if "$route" not in self.hooks:
                if self.first_state_read is None:
                    self.first_state_read = node
                self.unit.use_runtime("useRoute", "$useRoute")
                self.hooks["$route"] = js.Const("$route", js.Call(js.Raw("$useRoute"), []))
            return Typed(js.Member(js.Raw("$route"), parts[3]), _PAGE_FIELDS[parts[3]])
        if parts[2:3] in (["session"], ["headers"]):
            raise self.error("PYX109", node, f"`{shown}` is known only to the server",
                             "read it in an event handler (e.g. on_load) and store what the page needs in a var")
        raise self.error("PYX103", node, f"`{shown}` is not something a component can read",
                         f"a component can read {', '.join(parts[0] + '.router.page.' + f for f in _PAGE_FIELDS)}")

    def event_hook(self, handler: HandlerName, node: ast.AST) -> str:
        full = f"{handler.state._pyx_name}.{handler.name}"
        local = full.replace(".", "$")
        if local not in self.hooks:
            if self.first_state_read is None:
                self.first_state_read = node
            self.unit.use_runtime("useEvent", "$useEvent")
            self.hooks[local] = js.Const(local, js.Call(js.Raw("$useEvent"), [js.Literal(full)]))
        return local


def _holds_component(kind) -> bool:
    return kind.kind == "element" or any(_holds_component(a) for a in kind.args if hasattr(a, "kind"))
