"""Var leaves: a component's child whose value reads State and nothing local to the component
(`rx.text(Counter.count)`'s `Counter.count`, an f-string of vars, `rx.cond(State.ok, "yes", "no")`)
becomes a small module-level component of its own, `<Index$v1 />`, which holds the useVar hooks
and returns the text. A delta then re-renders that leaf alone instead of the whole component
and every Radix component in it (docs/architecture.md, "Var leaves").

Only values become leaves, never elements: Radix's triggers (`asChild`) clone their child
element with their own props and ref, which a leaf component would drop."""

from __future__ import annotations

import ast

from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.analyze.resolve import ClientValueName, ComponentName, StateVarName, dotted_parts, lookup, resolve
from pyxjs.transpiler.phases.transform.expressions import _is_state_class
from pyxjs.transpiler.phases.transform.typed import Typed

# HTML elements whose children React wants as one string (<title>, <option>, ...): no leaves in them.
TEXT_ONLY_ELEMENTS = frozenset({"title", "option", "textarea", "style", "script", "noscript"})


class Leaves:
    in_leaf = False  # a leaf's own transformer: nothing in it becomes a leaf again

    def child_of(self, arg: ast.expr, parent_tag: str = "") -> js.Expr:
        """A positional child of a component: a var leaf when it can be one, else inline."""
        if self.is_client_var_itself(arg):
            return js.Literal(None)
        if self.component and not self.in_leaf and parent_tag not in TEXT_ONLY_ELEMENTS and self.leaf_worthy(arg):
            leaf = type(self)(self.unit, self.fn_node, self.function, "", component=True)
            leaf.in_leaf = True
            value = leaf.expr(arg)
            if not holds_element(value):
                return self.var_leaf(leaf, value, arg)
        return self.child(self.expr(arg))  # an element after all: inline (its errors were raised, not reported)

    def var_leaf(self, leaf: "Leaves", value: Typed, arg: ast.expr) -> js.JSXElement:
        body = leaf.child(value)
        # Named when the parent's JS name is known (ModuleUnit.compile): `<Parent>$v<n>`.
        element = js.JSXElement("", [], [], loc=self.loc(arg))
        function = js.Function("", [], [*leaf.hooks.values(), js.Return(body, loc=self.loc(arg))],
                               exported=False, loc=self.loc(arg))
        self.leaves.append((element, function))
        return element

    def leaf_worthy(self, arg: ast.expr) -> bool:
        """`arg` reads State, builds no component (so compiling it reports nothing) and uses no
        name local to the function around it: no prop, local, loop or comprehension variable.
        Names bound inside `arg` (a lambda's parameters, a comprehension's targets) must not be
        locals either, so shadowing never changes what a name means once `arg` moves out."""
        reads_state = False
        for node in ast.walk(arg):
            if isinstance(node, (ast.NamedExpr, ast.Await, ast.Yield, ast.YieldFrom, ast.Starred)):
                return False
            if isinstance(node, ast.Name) and self.is_local(node.id):
                return False
            if isinstance(node, ast.arg) and self.is_local(node.arg):
                return False
            if isinstance(node, ast.Call) and isinstance(self.global_resolved(node.func), ComponentName):
                return False
            if not reads_state and isinstance(node, ast.Attribute):
                reads_state = self.reads_state(node)
        return reads_state

    def global_resolved(self, node: ast.expr) -> object:
        parts = dotted_parts(node)
        return resolve(parts, self.unit.globals) if parts is not None and not self.is_local(parts[0]) else None

    def reads_state(self, node: ast.Attribute) -> bool:
        """`State.var` (or a field of it) or `State.router...`: a useVar or useRoute hook."""
        parts = dotted_parts(node)
        if parts is None or self.is_local(parts[0]):
            return False
        if len(parts) >= 2 and parts[1] == "router":
            return _is_state_class(lookup(parts[:1], self.unit.globals))
        return isinstance(resolve(parts, self.unit.globals), (StateVarName, ClientValueName))


def holds_element(value: Typed) -> bool:
    """A component, or a value that may hold one (a list of them, one branch of a conditional)."""
    def holds(kind: t.PyType) -> bool:
        return kind.kind == "element" or any(holds(a) for a in kind.args if isinstance(a, t.PyType))
    if value.branches is not None:
        return any(holds_element(branch) for branch in value.branches[1:]) or holds(value.type)
    return holds(value.type)
