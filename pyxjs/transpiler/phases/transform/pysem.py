"""Python semantics by type: a plain JS operator where the types make it faithful, else a
runtime helper from runtime_js/src/py.js (imported as `$py`), which has Python's rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ast

from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.phases.analyze import types as t

if TYPE_CHECKING:
    from pyxjs.transpiler.phases.transform.function import Typed

_ARITH = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "truediv",
          ast.FloorDiv: "floordiv", ast.Mod: "mod", ast.Pow: "pow"}
_JS_ARITH = {"add": "+", "sub": "-", "mul": "*"}
_COMPARE = {ast.Eq: "eq", ast.NotEq: "ne", ast.Lt: "lt", ast.LtE: "le",
            ast.Gt: "gt", ast.GtE: "ge"}
_JS_COMPARE = {"eq": "===", "ne": "!==", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}


class PySemantics:
    def py(self, name: str, *args: js.Expr) -> js.Call:
        """A call of a runtime_js/src/py.js helper."""
        self.unit.use_py()
        return js.Call(js.Member(js.Raw("$py"), name), list(args))

    # -- truthiness and text ------------------------------------------------------------
    def truthy(self, value: "Typed") -> js.Expr:
        kind = value.type.kind
        if kind == "bool" and not value.type.optional:
            return value.node
        if kind == "none":
            return js.Literal(False)
        if kind == "enum":
            by_member = self.enum_truthy(value)
            if by_member is not None:
                return by_member
        return self.py("truthy", value.node)

    def as_str(self, value: "Typed") -> js.Expr:
        """Python's str(value)."""
        kind = value.type.kind
        if value.printed is not None:
            return value.printed
        if kind == "str" and not value.type.optional:
            return value.node
        if kind == "bool" and not value.type.optional:
            return js.Conditional(value.node, js.Literal("True"), js.Literal("False"))
        if value.is_constant:
            return js.Literal(str(value.constant), loc=value.node.loc)  # folded with Python's own str()
        if kind == "int" and not value.type.optional:
            return js.Call(js.Raw("String"), [value.node])
        if kind == "enum":
            return self.enum_text(value)
        self.check_printable(value)
        return self.py("str", *self.with_type(value))

    def print_type(self, value: "Typed") -> js.Expr | None:
        """The type descriptor printing needs, as a JS expression: static, or for a value of
        unknown type that may be a marked whole float, chosen when the page runs."""
        if value.type.kind == "any" and value.float_hint is not None and not value.type.alternatives:
            return js.Conditional(value.float_hint, js.Literal("float"), js.Literal("any"))
        if value.type.kind == "float" and value.int_hint is not None:  # "any" prints an int (or None) as such
            is_int = self.py("isIntVar", *(js.Literal(part) for part in value.int_hint))
            return js.Conditional(is_int, js.Literal("any"), js.Literal(t.descriptor(value.type)))
        if t.needs_descriptor(value.type):
            return js.Literal(t.descriptor(value.type))
        return None

    def check_printable(self, value: "Typed") -> None:
        """An int-or-float prints as 3 or 3.0 depending on which it is, which the browser's
        numbers cannot tell: refuse rather than guess."""
        def ambiguous(kind: t.PyType) -> bool:
            return kind.kind == "number" or any(ambiguous(a) for a in (*kind.args, *kind.alternatives)
                                                if isinstance(a, t.PyType))

        if ambiguous(value.type) and not value.poisoned:
            raise self.error("PYX111", value.origin or self.fn_node,
                             f"this value is {value.type}: Python prints an int and a float differently "
                             "(3 vs 3.0), and the browser cannot tell which it has",
                             "make the types agree (e.g. start from 0.0, or convert with float() / int()), "
                             "or annotate the parameter")

    def choice(self, test: js.Expr, then: "Typed", otherwise: "Typed") -> "Typed":
        """`then if test else otherwise` (test already truthy-converted). When the two types differ
        the value's type is unknown, but its text is still exact: each branch prints by its own."""
        from pyxjs.transpiler.phases.transform.typed import Typed
        kind = t.either(then.type, otherwise.type)
        result = Typed(js.Conditional(test, then.node, otherwise.node), kind)
        if then.possible_values is not None and otherwise.possible_values is not None:
            result.values = (*then.possible_values, *otherwise.possible_values)
        if kind.kind in ("any", "number") or (then.type != otherwise.type and t.needs_descriptor(kind)):
            result.branches = (test, then, otherwise)
            if _printable(then) and _printable(otherwise):
                result.printed = js.Conditional(test, self.as_str(then), self.as_str(otherwise))
        return result

    def with_type(self, value: "Typed") -> list[js.Expr]:
        """[value] or [value, descriptor] when printing needs the static type (floats, tuples)."""
        self.check_printable(value)
        described = self.print_type(value)
        return [value.node] if described is None else [value.node, described]

    # -- operators ----------------------------------------------------------------------
    def float_hint_of(self, op: type, left: "Typed", right: "Typed") -> js.Expr | None:
        """An operation on a marked whole float gives a float (Python: float op number is a
        float); a true division always does and is typed so already."""
        if op in (ast.Div, ast.Pow):
            return None
        hints = []
        for side in (left, right):
            if side.type.kind == "float":
                return js.Literal(True)
            if side.float_hint is not None:
                hints.append(side.float_hint)
        if not hints:
            return None
        return hints[0] if len(hints) == 1 else js.Binary("||", hints[0], hints[1])

    def arith(self, op: type, left: "Typed", right: "Typed", node: ast.AST) -> tuple[js.Expr, t.PyType]:
        name = _ARITH[op]
        lk, rk = left.type.kind, right.type.kind
        numeric = lk in t.NUMERIC and rk in t.NUMERIC and not (left.type.optional or right.type.optional)
        if numeric:
            result = t.numeric_result(left.type, right.type)
            if name == "truediv":
                return self.py("truediv", left.node, right.node), t.FLOAT
            if result.kind == "number":
                return self.py(name, left.node, right.node), t.NUMBER
            if name in _JS_ARITH and result.kind == "float":
                return js.Binary(_JS_ARITH[name], left.node, right.node), t.FLOAT
            if name in _JS_ARITH:
                # ints stay exact: a result past 2**53 raises OverflowError instead of rounding
                return self.py("checkInt", js.Binary(_JS_ARITH[name], left.node, right.node)), t.INT
            if result.kind == "float":  # the float rules even for integral values (-0.0 // 1.0)
                return self.py(name, left.node, right.node, js.Literal(True)), t.FLOAT
            if name == "pow":
                return self.py("pow", left.node, right.node), t.ANY
            return self.py(name, left.node, right.node), result
        if name == "add" and lk == rk == "str" and not (left.type.optional or right.type.optional):
            return js.Binary("+", left.node, right.node), t.STR
        result_type = t.ANY
        if name == "add" and lk == rk == "tuple":
            lt, rt = left.type, right.type
            result_type = (t.tuple_of(*lt.args, *rt.args) if not (lt.variadic or rt.variadic)
                           else t.PyType("tuple", (t.join(lt.item, rt.item),), variadic=True))
        elif name == "add" and lk == rk == "list":
            result_type = t.list_of(t.either(left.type.item, right.type.item))
        elif name == "add" and lk == rk == "str":
            result_type = t.STR
        elif name == "mul" and {lk, rk} <= {"str", "int", "bool"} and "str" in (lk, rk):
            result_type = t.STR
        elif name == "mul" and "list" in (lk, rk) and (lk in ("int", "bool") or rk in ("int", "bool")):
            result_type = left.type if lk == "list" else right.type
        elif name == "mod" and lk == "str":
            raise self.error("PYX111", node, "printf-style `%` formatting is not supported in a component",
                             'use an f-string: f"{value:.2f}"')
        return self.py(name, left.node, right.node), result_type

    def compare(self, op: type, left: "Typed", right: "Typed") -> js.Expr:
        name = _COMPARE[op]
        lk, rk = left.type.kind, right.type.kind
        plain = not (left.type.optional or right.type.optional)
        if name in ("eq", "ne"):
            if plain and ((lk in ("int", "float", "number") and rk in ("int", "float", "number"))
                          or lk == rk == "str" or lk == rk == "bool"):
                return js.Binary(_JS_COMPARE[name], left.node, right.node)
            if rk == "none" or lk == "none":
                other = left if rk == "none" else right
                return js.Binary("==" if name == "eq" else "!=", other.node, js.Literal(None))
            if {lk, rk} == {"list", "tuple"} and plain:
                return js.Literal(name == "ne")  # a list never equals a tuple in Python
            return self.py(name, left.node, right.node)
        if plain and lk in t.NUMERIC and rk in t.NUMERIC:
            return js.Binary(_JS_COMPARE[name], left.node, right.node)
        return self.py(name, left.node, right.node)




def _printable(value: "Typed") -> bool:
    def vague(kind: t.PyType) -> bool:
        return kind.kind in ("any", "number", "element") or any(vague(a) for a in kind.args if isinstance(a, t.PyType))

    return value.printed is not None or value.is_constant or not vague(value.type)
