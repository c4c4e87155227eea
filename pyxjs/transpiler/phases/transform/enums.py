"""Enum members in component code. The server sends an enum var as its member's value (as
Reflex does), so the page holds values; the compiler knows the class and keeps Python's meaning
around them: `Mode.ON` is its value, `==` compares members (a plain Enum member never equals a
non-member), `str()` / `.name` give each member's text by a table built by Python at build time,
`.value` is the value itself, and a plain Enum member is always true."""

from __future__ import annotations

import ast
import enum
from typing import Any

from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.transform.typed import Typed

_MIXINS = (str, int, float)


def is_enum_type(kind: t.PyType) -> bool:
    return kind.kind == "enum"


def _mixed_in(cls: type) -> bool:
    """`class Mode(str, Enum)`: members compare and test truth by their value's rules."""
    return issubclass(cls, _MIXINS)


class Enums:
    def enum_literal(self, member: enum.Enum, node: ast.AST) -> Typed:
        value = self.literal(member.value, node)
        return Typed(value.node, t.PyType("enum", cls=type(member)), member)

    def enum_by_value(self, value: Typed, text_of: Any, none_text: str = "None") -> js.Expr:
        """`value` mapped through each member's text (a chain of `===`: values may be any primitive)."""
        members = list(value.type.cls)
        result: js.Expr = js.Literal(none_text) if value.type.optional else js.Literal(text_of(members[-1]))
        rest = members if value.type.optional else members[:-1]
        for member in reversed(rest):
            result = js.Conditional(js.Binary("===", value.node, self.literal(member.value, value.node).node),
                                    js.Literal(text_of(member)), result)
        return result

    def enum_attribute(self, value: Typed, name: str, node: ast.AST) -> Typed:
        cls = value.type.cls
        if value.is_constant:
            return self.folded(node, lambda: getattr(value.constant, name))
        if name == "value":
            kind = t.join(*(t.value_type(m.value) for m in cls))
            return Typed(value.node, t.optional(kind) if value.type.optional else kind)
        if name == "name":
            return Typed(self.enum_by_value(value, lambda m: m.name), t.STR)
        raise self.error("PYX101", node, f"{cls.__name__} members have no `.{name}` in a component",
                         "use `.value` or `.name`, or compare with ==")

    def enum_text(self, value: Typed) -> js.Expr:
        """Python's str() of each member, as this Python prints it."""
        return self.enum_by_value(value, str)

    def enum_truthy(self, value: Typed) -> js.Expr | None:
        if _mixed_in(value.type.cls):
            return None  # the value's own truthiness
        if value.type.optional:
            return js.Binary("!=", value.node, js.Literal(None))
        return js.Literal(True)

    def enum_compare(self, op: ast.cmpop, left: Typed, right: Typed, node: ast.AST) -> js.Expr | None:
        """`==` / `!=` with an enum member on either side; None when the plain rules apply."""
        if not isinstance(op, (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE)):
            return None
        enum_side = left if is_enum_type(left.type) else right
        other = right if enum_side is left else left
        cls = enum_side.type.cls
        if not isinstance(op, (ast.Eq, ast.NotEq)):
            if _mixed_in(cls):
                return None
            raise self.error("PYX101", node, f"{cls.__name__} members are not ordered (Python raises TypeError)",
                             "compare their `.value`s")
        equal = isinstance(op, ast.Eq)
        if other.type.kind == "none":
            return js.Binary("==" if equal else "!=", enum_side.node, js.Literal(None))
        same_class = is_enum_type(other.type) and other.type.cls is cls
        if same_class or _mixed_in(cls):
            if same_class and not (left.type.optional or right.type.optional):
                return js.Binary("===" if equal else "!==", left.node, right.node)
            return None
        if other.type.kind == "any":
            raise self.error("PYX111", node, f"cannot tell whether this compares a {cls.__name__} member with "
                                             "another member (the page holds their values)",
                             "annotate the other value with its enum type")
        return js.Literal(not equal)  # a plain Enum member never equals a non-member
