"""Expressions: literals, names, attributes, operators, f-strings, containers, subscripts,
comprehensions. Operations on values known at build time are folded by Python itself."""

from __future__ import annotations

import ast
import dataclasses
import enum
import difflib
import operator
from typing import Any, Callable

from pyxjs.components.unsupported import unsupported_message
from pyxjs.state.key_order import moves as key_order_moves
from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.analyze.resolve import (
    BuiltinName,
    ClientValueName,
    ClientVarName,
    ComponentName,
    ConstantName,
    ControlName,
    HandlerName,
    Resolved,
    StateVarName,
    UserFunctionName,
    dotted_parts,
    is_jsonable,
    lookup,
    missing_part,
    resolve,
)
from pyxjs.transpiler.phases.analyze.scopes import Local, Scope
from pyxjs.transpiler.phases.transform import fold_limits
from pyxjs.transpiler.phases.transform.fold_limits import NotFolded
from pyxjs.transpiler.phases.transform.typed import Typed
from pyxjs.transpiler.phases.transform.values import DICT_VIEWS, items_at, iterated_values

MAX_SAFE_INT = 2**53 - 1

_EXPRESSION_WORDS = {
    "NamedExpr": "assignment expressions (`:=`)", "Await": "`await`", "Yield": "`yield`", "YieldFrom": "`yield from`",
    "Set": "sets", "SetComp": "set comprehensions", "Lambda": "a lambda here", "Starred": "`*` unpacking here",
    "Slice": "a slice here",
}
_FOLD_BINARY: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow,
}
_FOLD_COMPARE: dict[type, Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt,
    ast.GtE: operator.ge, ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b,
    ast.Is: operator.is_, ast.IsNot: operator.is_not,
}
# `&` `|` `^` between two bools: the JS operator that gives the bool Python gives
_BOOL_OPERATOR: dict[type, tuple[str, Callable[[Any, Any], Any]]] = {
    ast.BitAnd: ("&&", operator.and_), ast.BitOr: ("||", operator.or_), ast.BitXor: ("!==", operator.xor),
}
_OPERATOR_TEXT = {ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^", ast.LShift: "<<", ast.RShift: ">>",
                  ast.MatMult: "@"}


# ast node type -> the transformer's unbound expr_* function (None: not supported), filled lazily
_EXPR_FUNCTION: dict[type, Any] = {}
_MISSING_METHOD = object()


def _is_state_class(value: Any) -> bool:
    from pyxjs.state.base import State
    return isinstance(value, type) and issubclass(value, State)


class Expressions:
    def expr(self, node: ast.expr) -> Typed:
        function = _EXPR_FUNCTION.get(type(node), _MISSING_METHOD)
        if function is _MISSING_METHOD:
            function = _EXPR_FUNCTION[type(node)] = getattr(type(self), "expr_" + type(node).__name__, None)
        if function is None:
            words = _EXPRESSION_WORDS.get(type(node).__name__, type(node).__name__)
            hint = {"Lambda": "lambdas work as event triggers, rx.foreach's render function and key= arguments",
                    "Set": "use a list", "SetComp": "use a list comprehension"}.get(
                type(node).__name__, "compute the value in an event handler or a computed var and read it here")
            verb = "are" if words.endswith(("s", "(`:=`)")) else "is"
            raise self.error("PYX101", node, f"{words} {verb} not supported in a component", hint)
        result = function(self, node)
        if result.node.loc is None:
            result.node.loc = self.loc(node)
        if result.origin is None:
            result.origin = node
        return result

    # -- constants ----------------------------------------------------------------------
    def literal(self, value: Any, node: ast.AST) -> Typed:
        """A Python value known at build time, as a JS literal that means the same."""
        if isinstance(value, enum.Enum):
            return self.enum_literal(value, node)
        if isinstance(value, bool) or value is None or isinstance(value, (str, float)):
            return Typed(js.Literal(value), t.value_type(value), value)
        if isinstance(value, int):
            if abs(value) > MAX_SAFE_INT:
                # str() of a huge int raises past 4300 digits: name its size instead
                shown = f"the integer {value}" if value.bit_length() < 200 else \
                    f"an integer of about {int(value.bit_length() * 0.30103) + 1:,} digits"
                raise self.error("PYX109", node, f"{shown} is beyond 2**53 - 1, where the browser's "
                                                 "numbers lose digits", "keep such numbers as str, or in State as str")
            return Typed(js.Literal(value), t.INT, value)
        if isinstance(value, (list, tuple)):
            items = [self.literal(v, node) for v in value]
            kind = t.tuple_of(*(i.type for i in items)) if isinstance(value, tuple) else t.value_type(value)
            return Typed(js.ArrayExpr([i.node for i in items]), kind, value)
        if isinstance(value, dict):
            if not all(isinstance(k, str) for k in value):
                raise self.error("PYX109", node, "dict keys must be str in a component (the browser's objects "
                                                 "have string keys)", "use str keys")
            entries = [(k, self.literal(v, node).node) for k, v in value.items()]
            return Typed(self.object_node(entries), t.value_type(value), value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type) and is_jsonable(value):
            # the object the server sends for a dataclass var: its fields by name
            entries = [(f.name, self.literal(getattr(value, f.name), node).node) for f in dataclasses.fields(value)]
            return Typed(js.ObjectExpr(entries), t.value_type(value), value)
        raise self.error("PYX109", node, f"a {type(value).__name__} value has no browser equivalent",
                         "use str, int, float, bool, None, list, tuple or dict")

    def expr_Constant(self, node: ast.Constant) -> Typed:
        if isinstance(node.value, bytes):
            raise self.error("PYX101", node, "bytes literals have no browser equivalent", "use a str")
        if node.value is Ellipsis or isinstance(node.value, complex):
            raise self.error("PYX101", node, f"`{ast.unparse(node)}` has no browser equivalent", "use a number")
        return self.literal(node.value, node)

    def object_node(self, entries: list[tuple[str, js.Expr]]) -> js.Expr:
        """A dict display with constant keys: a JS object literal, unless JS would list its keys
        in another order (integer-like keys such as "2" go first in a JS object)."""
        if key_order_moves([k for k, _ in entries]):
            return self.py("dictFromEntries", js.ArrayExpr([js.ArrayExpr([js.Literal(k), v]) for k, v in entries]))
        return js.ObjectExpr(entries)

    def folded(self, node: ast.AST, compute: Callable[[], Any], runtime_fallback: bool = False) -> Typed:
        """Evaluate an operation on build-time values with Python itself, so it cannot differ.
        A result too large to inline raises NotFolded when the caller can leave the operation to
        the browser (`runtime_fallback`), else is a build error."""
        try:
            value = compute()
        except Exception as exc:  # the expression always raises: say so at build time
            raise self.error("PYX114", node, f"this expression always raises {type(exc).__name__}: {exc}",
                             "fix the values involved") from None
        if fold_limits.size(value) > fold_limits.MAX_FOLDED:
            if runtime_fallback:
                raise NotFolded
            raise self.too_large_to_inline(node)
        if is_jsonable(value) or isinstance(value, tuple):
            return self.literal(value, node)
        if isinstance(value, DICT_VIEWS):
            # `PRICES.items()`: the browser iterates a list of the same items; the view itself stays
            # the constant, so what is folded further (`str(...)`, `len(...)`) is Python's answer.
            items = self.literal(list(value), node)
            return Typed(items.node, items.type, value)
        raise self.error("PYX109", node, f"this evaluates to a {type(value).__name__}, which has no browser "
                                         "equivalent", "use str, int, float, bool, None, list, tuple or dict")

    def too_large_to_inline(self, node: ast.AST):
        return self.error("PYX109", node, f"this evaluates to a value of more than {fold_limits.MAX_FOLDED:,} "
                                          "characters or items, too large to inline in the page",
                          "build it in an event handler or a computed var, or keep it smaller")

    # -- names --------------------------------------------------------------------------
    def expr_Name(self, node: ast.Name) -> Typed:
        if self.scope.lookup(node.id) is not None or node.id in self.function_locals:
            return self.read_local(node)
        return self.global_name(node, [node.id])

    def read_local(self, node: ast.Name) -> Typed:
        local = self.scope.lookup(node.id)
        if self.nested_def(node.id) is not None:
            self.nested_def_value(node)
        if local is not None and local.values and self.passed_function(node) is not None:
            self.passed_function_value(node)
        if node.id in self.event_aliases:
            raise self.error("PYX105", node, f"`{node.id}` holds an event: it runs where a trigger names it, and has "
                                             "no value to show or compute with", f"on_click={node.id}")
        root_local = node.id in self.function_locals and self.scope_owner(node.id) in (None, self.root_scope())
        if local is None or (root_local and node.id not in self.assigned):
            raise self.error("PYX112", node, f"`{node.id}` may be used before it is assigned here",
                             "assign it on every path before this line (Python would raise UnboundLocalError)")
        return Typed(js.Raw(local.js_name), local.type, poisoned=local.poisoned, values=local.values,
                     float_hint=local.float_hint)

    def root_scope(self) -> Scope:
        if self.nested_root is not None:
            return self.nested_root
        scope = self.scope
        while scope.parent is not None:
            scope = scope.parent
        return scope

    def scope_owner(self, name: str) -> Scope | None:
        scope: Scope | None = self.scope
        while scope is not None:
            if name in scope.names:
                return scope
            scope = scope.parent
        return None

    def is_local(self, name: str) -> bool:
        return self.scope.lookup(name) is not None or name in self.function_locals

    def global_name(self, node: ast.expr, parts: list[str]) -> Typed:
        resolved = resolve(parts, self.unit.globals)
        if resolved is None:
            raise self.not_defined(node, parts)
        return self.resolved_value(resolved, node, ".".join(parts))

    def not_defined(self, node: ast.AST, parts: list[str]):
        index, known = missing_part(parts, self.unit.globals)
        missing = parts[index] if index < len(parts) else parts[-1]
        owner = lookup(parts[:index], self.unit.globals) if index else None
        reasoned = unsupported_message(missing) if getattr(owner, "__name__", "") == "pyxjs" else None
        if reasoned is not None:  # a Reflex name pyxjs leaves out on purpose: say why
            return self.error("PYX103", node, *reasoned)
        close = difflib.get_close_matches(missing, known, n=1, cutoff=0.7)
        owner_text = ".".join(parts[:index])
        if owner is not None and getattr(owner, "__name__", "") == "pyxjs":
            message = f"pyxjs has no `{owner_text}.{missing}`" + (" yet" if not close else "")
        elif owner is not None and isinstance(owner, type) and hasattr(owner, "_pyx_vars"):
            message = f"`{owner_text}` has no var or event handler `{missing}`"
        elif index:
            message = f"`{owner_text}` has no attribute `{missing}`"
        else:
            message = f"`{missing}` is not defined"
        if close:
            hint = f"did you mean `{'.'.join([*parts[:index], close[0]])}`?"
        elif owner is not None and getattr(owner, "__name__", "") == "pyxjs":
            names = [n for n in getattr(owner, "__all__", []) if n[:1].islower()]
            nearest = difflib.get_close_matches(missing, names, n=5, cutoff=0.4)
            hint = (f"the closest names pyxjs has: {', '.join(nearest)}" if nearest else
                    f"no name close to it among pyxjs's {len(names)}; `print(rx.__all__)` lists them all")
        elif owner is not None and isinstance(owner, type) and hasattr(owner, "_pyx_vars"):
            hint = f"its vars: {', '.join(owner._pyx_vars) or 'none'}; its handlers: {', '.join(owner._pyx_handlers) or 'none'}"
        else:
            hint = "define it at module level, or pass it in as a parameter"
        return self.error("PYX103", node, message, hint)

    def resolved_value(self, resolved: Resolved, node: ast.expr, dotted: str) -> Typed:
        if isinstance(resolved, StateVarName):
            typed = Typed(js.Raw(self.var_hook(resolved, node)), resolved.py_type)
            if resolved.py_type.kind == "float":  # it may hold an int (`-> float` returning sum([]))
                typed.int_hint = (resolved.ref.state._pyx_name, resolved.ref.name)
            return typed
        if isinstance(resolved, ConstantName):
            return self.literal(resolved.value, node)
        if isinstance(resolved, ClientValueName):
            return self.client_value(resolved.var, node)
        if isinstance(resolved, ClientVarName):
            raise self.error("PYX109", node, f"`{dotted}` is a client var (ClientStateVar), not its value",
                             f"read it with `{dotted}.value`; set it in a trigger with `{dotted}.set_value(...)`")
        if isinstance(resolved, HandlerName):
            raise self.error("PYX110", node, f"`{dotted}` is an event handler, not a value",
                             "pass it to an event trigger such as on_click=..., or read a State var instead")
        if isinstance(resolved, (ComponentName, ControlName, BuiltinName, UserFunctionName)):
            raise self.error("PYX109", node, f"`{dotted}` is a function; a component can call it but not use "
                                             "it as a value", f"call it: `{dotted}(...)`")
        if dotted.endswith(".is_hydrated") and isinstance(getattr(resolved, "value", None), property):
            raise self.error("PYX109", node, f"`{dotted}` is known to the server, not yet a var the page reads",
                             "read it in a computed var and use that here: `@rx.var def ready(self) -> bool: "
                             "return self.is_hydrated` (it follows the page, so it is True from the hydrate on)")
        if getattr(resolved, "server_only", False):
            raise self.error("PYX109", node, f"`{dotted}` is a backend var (its name starts with `_`): only the "
                                             "server has it, the page never gets it",
                             "read it in an event handler, or keep what the page shows in a public var or computed var")
        kind = type(getattr(resolved, "value", None)).__name__
        raise self.error("PYX109", node, f"`{dotted}` (a {kind}) has no value the browser can use",
                         "only State vars, handlers, components, helper functions and str/int/float/bool/None/"
                         "list/tuple/dict constants can be used in a component")

    def expr_Attribute(self, node: ast.Attribute) -> Typed:
        parts = dotted_parts(node)
        if parts is not None and len(parts) >= 2 and parts[1] == "router" and not self.is_local(parts[0]) \
                and _is_state_class(lookup(parts[:1], self.unit.globals)):
            return self.router_value(parts, node)
        if parts is not None and not self.is_local(parts[0]):
            resolved = resolve(parts, self.unit.globals)
            if resolved is not None:
                return self.resolved_value(resolved, node, ".".join(parts))
            index, _ = missing_part(parts, self.unit.globals)
            prefix = resolve(parts[:index], self.unit.globals) if index else None
            if not isinstance(prefix, (StateVarName, ConstantName, ClientValueName)):
                raise self.not_defined(node, parts)
        return self.attribute_of(self.expr(node.value), node.attr, node)

    def attribute_of(self, value: Typed, name: str, node: ast.AST) -> Typed:
        if value.poisoned:
            return Typed(js.Raw("undefined"), t.ANY, poisoned=True)
        if value.type.kind == "object":
            field = t.field_type(value.type, name)
            if field is None:
                raise self.error("PYX103", node, f"{value.type} has no field `{name}`",
                                 f"its fields are: {', '.join(t.field_names(value.type))}")
            if value.is_constant:  # a field of a constant dataclass instance: its value, folded
                return self.literal(getattr(value.constant, name), node)
            return Typed(js.Member(value.node, name), field)
        if value.type.kind == "enum":
            return self.enum_attribute(value, name, node)
        if value.type.kind == "dict":
            raise self.error("PYX101", node, f"a dict has no attribute `{name}`", f'use value["{name}"]')
        if value.type.kind == "any":
            raise self.error("PYX111", node, f"cannot tell what `.{name}` means on a value of unknown type",
                             "annotate the parameter or var with its dataclass type")
        raise self.error("PYX101", node, f"{value.type} has no attribute `{name}` in a component",
                         "methods are called: value.upper(); fields work on dataclass-typed vars")

    # -- f-strings ----------------------------------------------------------------------
    def expr_JoinedStr(self, node: ast.JoinedStr) -> Typed:
        parts: list[str | js.Expr] = []
        constants: list[str] | None = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                parts.append(part.value)
                if constants is not None:
                    constants.append(part.value)
                continue
            text = self.formatted_value(part)
            if text.is_constant:
                if constants is not None:
                    constants.append(text.constant)
                parts.append(text.constant)
            else:
                constants = None
                parts.append(text.node)
        if constants is not None:
            return self.literal("".join(constants), node)
        return Typed(js.Template(parts), t.STR)

    def formatted_value(self, part: ast.FormattedValue, value: Typed | None = None) -> Typed:
        value = value if value is not None else self.expr(part.value)
        conversion = {-1: None, 115: "s", 114: "r", 97: "a"}[part.conversion]
        spec = self.expr(part.format_spec) if part.format_spec is not None else None
        if value.is_constant and (spec is None or spec.is_constant) and \
                (spec is None or fold_limits.spec_fits(spec.constant)):
            python = {None: lambda v: v, "s": str, "r": repr, "a": ascii}[conversion]
            return self.folded(part, lambda: format(python(value.constant), spec.constant if spec else ""))
        if conversion is None and (spec is None or (spec.is_constant and spec.constant == "")):
            return Typed(self.as_str(value), t.STR)
        if conversion in (None, "s") and spec is not None and not (spec.is_constant and spec.constant[-1:] in
                                                                    tuple("bcdoxXeEfFgGn%")):
            self.check_printable(value)
        if conversion == "r" and spec is None:
            return Typed(self.py("pyRepr", *self.with_type(value)), t.STR)
        args = [value.node, js.Literal(conversion), spec.node if spec is not None else js.Literal("")]
        described = self.print_type(value)
        if described is not None:
            args.append(described)
        elif value.type.kind in ("int", "bool"):
            args.append(js.Literal(t.descriptor(value.type)))
        return Typed(self.py("fstring", *args), t.STR)

    # -- operators ----------------------------------------------------------------------
    def expr_IfExp(self, node: ast.IfExp) -> Typed:
        test = self.expr(node.test)
        if test.is_constant:
            return self.expr(node.body) if test.constant else self.expr(node.orelse)
        then, otherwise = self.expr(node.body), self.expr(node.orelse)
        return self.choice(self.truthy(test), then, otherwise)

    def expr_BinOp(self, node: ast.BinOp) -> Typed:
        if type(node.op) in _BOOL_OPERATOR:
            # Reflex's `State.a & (State.n > 1)`: on two bools Python gives a bool too, so both agree
            left, right = self.expr(node.left), self.expr(node.right)
            if left.is_constant and right.is_constant:
                return self.folded(node, lambda: _BOOL_OPERATOR[type(node.op)][1](left.constant, right.constant))
            if left.type == t.BOOL and right.type == t.BOOL:
                return Typed(js.Binary(_BOOL_OPERATOR[type(node.op)][0], left.node, right.node), t.BOOL)
            text = _OPERATOR_TEXT[type(node.op)]
            raise self.error("PYX101", node, f"the `{text}` operator works in a component only between two bools "
                                             f"(here {left.type} {text} {right.type})",
                             "write `and` / `or` / `!=`, or compare first: `(State.n > 0) & State.flag`")
        if type(node.op) in _OPERATOR_TEXT:
            raise self.error("PYX101", node, f"the `{_OPERATOR_TEXT[type(node.op)]}` operator is not supported "
                                             "in a component yet", "compute the value in an event handler")
        left, right = self.expr(node.left), self.expr(node.right)
        if left.is_constant and right.is_constant:
            digits = fold_limits.int_pow_digits(left.constant, right.constant) if isinstance(node.op, ast.Pow) else None
            if digits is not None:
                raise self.error("PYX109", node, f"this integer has about {digits:,} digits, beyond 2**53 - 1, where "
                                                 "the browser's numbers lose digits",
                                 "compute it in an event handler and keep it in State as str")
            if fold_limits.binary_fits(node.op, left.constant, right.constant):
                try:
                    return self.folded(node, lambda: _FOLD_BINARY[type(node.op)](left.constant, right.constant),
                                       runtime_fallback=True)
                except NotFolded:
                    pass  # too large to inline: the browser computes it, by the same rules
        result, kind = self.arith(type(node.op), left, right, node)
        typed = Typed(result, kind, float_hint=self.float_hint_of(type(node.op), left, right) if kind.kind == "any" else None)
        if isinstance(node.op, ast.Pow) and kind.kind == "any" and {left.type.kind, right.type.kind} <= {"int", "bool"}:
            # int ** int is an int, except with a negative exponent (a float): print by the sign
            typed.printed = js.Conditional(js.Binary("<", right.node, js.Literal(0)),
                                           self.py("str", result, js.Literal("float")), self.py("str", result))
        return typed

    def expr_UnaryOp(self, node: ast.UnaryOp) -> Typed:
        operand = self.expr(node.operand)
        if operand.is_constant:
            fold = {ast.Not: operator.not_, ast.USub: operator.neg, ast.UAdd: operator.pos, ast.Invert: operator.invert}
            return self.folded(node, lambda: fold[type(node.op)](operand.constant))
        kind = operand.type
        if isinstance(node.op, ast.Not):
            return Typed(js.Unary("!", self.truthy(operand)), t.BOOL)
        numeric = kind.kind in t.NUMERIC and not kind.optional
        if isinstance(node.op, ast.USub):
            if numeric:
                node_js = js.Unary("-", operand.node)
                return Typed(node_js, t.INT if kind.kind == "bool" else kind)
            return Typed(self.py("neg", operand.node), t.ANY, float_hint=operand.float_hint)
        if isinstance(node.op, ast.UAdd):
            if numeric:
                return Typed(js.Unary("+", operand.node), t.INT if kind.kind == "bool" else kind)
            return Typed(self.py("pos", operand.node), t.ANY, float_hint=operand.float_hint)
        if kind == t.BOOL:
            # `~State.flag` is Reflex's spelling of `not` (Python's ~True is -2, deprecated since 3.12)
            return Typed(js.Unary("!", operand.node), t.BOOL)
        if kind.kind in ("int", "float") and not kind.optional:
            return Typed(self.py("invert", operand.node), t.INT)
        # a value whose type shows only at runtime (`~item["done"]`): `not` for a bool, as above
        return Typed(self.py("tilde", operand.node), t.ANY)

    def expr_BoolOp(self, node: ast.BoolOp) -> Typed:
        values = [self.expr(v) for v in node.values]
        is_and = isinstance(node.op, ast.And)
        if all(v.is_constant for v in values):
            def fold() -> Any:
                result = values[0].constant
                for v in values[1:]:
                    if (not result) if is_and else result:
                        break
                    result = v.constant
                return result
            return self.folded(node, fold)
        if all(v.type == t.BOOL for v in values):
            result: js.Expr = values[0].node
            for v in values[1:]:
                result = js.Binary("&&" if is_and else "||", result, v.node)
            return Typed(result, t.BOOL)
        # Python returns an operand, chosen by Python truthiness: `a and b` is `b if a else a`.
        current = values[-1]
        for v in reversed(values[:-1]):
            then, otherwise = (current, v) if is_and else (v, current)
            current = self.choice(self.truthy(v), then, otherwise)
        return current

    def expr_Compare(self, node: ast.Compare) -> Typed:
        operands = [self.expr(node.left)] + [self.expr(c) for c in node.comparators]
        if all(o.is_constant for o in operands):
            def fold() -> bool:
                return all(_FOLD_COMPARE[type(op)](a.constant, b.constant)
                           for op, a, b in zip(node.ops, operands, operands[1:]))
            return self.folded(node, fold)
        clauses: list[js.Expr] = []
        for op, left, right, right_node in zip(node.ops, operands, operands[1:], node.comparators):
            clauses.append(self.compare_one(op, left, right, right_node))
        result = clauses[0]
        for clause in clauses[1:]:
            result = js.Binary("&&", result, clause)
        return Typed(result, t.BOOL)

    def compare_one(self, op: ast.cmpop, left: Typed, right: Typed, node: ast.AST) -> js.Expr:
        if isinstance(op, (ast.Is, ast.IsNot)):
            if right.is_constant and right.constant is None or left.is_constant and left.constant is None:
                other = left if right.is_constant and right.constant is None else right
                return js.Binary("==" if isinstance(op, ast.Is) else "!=", other.node, js.Literal(None))
            if right.is_constant and isinstance(right.constant, bool):
                return js.Binary("===" if isinstance(op, ast.Is) else "!==", left.node, right.node)
            raise self.error("PYX101", node, "`is` compares identity, which the browser's copies of values do not "
                                             "keep; only `is None` / `is not None` (and True/False) are supported",
                             "use == to compare values")
        if isinstance(op, (ast.In, ast.NotIn)):
            test = self.py("contains", right.node, left.node)
            return test if isinstance(op, ast.In) else js.Unary("!", test)
        if "enum" in (left.type.kind, right.type.kind):
            chosen = self.enum_compare(op, left, right, node)
            if chosen is not None:
                return chosen
        return self.compare(type(op), left, right)

    # -- containers ---------------------------------------------------------------------
    def sequence_items(self, elements: list[ast.expr]) -> tuple[list[js.Expr], list[Typed], bool]:
        items: list[js.Expr] = []
        typed: list[Typed] = []
        starred = False
        for element in elements:
            if isinstance(element, ast.Starred):
                value = self.expr(element.value)
                items.append(js.Spread(self.py("iter", value.node)))
                typed.append(Typed(value.node, value.type.item))
                starred = True
            else:
                value = self.expr(element)
                items.append(value.node)
                typed.append(value)
        return items, typed, starred

    def expr_List(self, node: ast.List) -> Typed:
        items, typed, _ = self.sequence_items(node.elts)
        if typed and all(v.is_constant for v in typed) and len(typed) == len(node.elts) and not any(
                isinstance(e, ast.Starred) for e in node.elts):
            return self.literal([v.constant for v in typed], node)
        item = t.either(*(v.type for v in typed)) if typed else t.NEVER
        kind = t.list_of(item)
        if not any(isinstance(e, ast.Starred) for e in node.elts) and len({v.type for v in typed}) > 1:
            kind = dataclasses.replace(kind, shape=tuple(v.type for v in typed))
        return Typed(js.ArrayExpr(items), kind)

    def expr_Tuple(self, node: ast.Tuple) -> Typed:
        items, typed, starred = self.sequence_items(node.elts)
        if not starred and typed and all(v.is_constant for v in typed):
            return self.literal(tuple(v.constant for v in typed), node)
        if starred:
            return Typed(js.ArrayExpr(items), t.PyType("tuple", (t.join(*(v.type for v in typed)),), variadic=True))
        return Typed(js.ArrayExpr(items), t.tuple_of(*(v.type for v in typed)))

    def expr_Dict(self, node: ast.Dict) -> Typed:
        entries: list[tuple[str, js.Expr]] = []
        dynamic: list[js.Expr] = []
        value_types: list[t.PyType] = []
        constant: dict[str, Any] | None = {}
        for key_node, value_node in zip(node.keys, node.values):
            value = self.expr(value_node)
            if key_node is None:  # **other
                dynamic.append(js.Spread(value.node))
                value_types.append(value.type.args[1] if value.type.kind == "dict" else t.ANY)
                constant = None
                continue
            key = self.expr(key_node)
            if key.type.kind != "str":
                raise self.error("PYX109", key_node, f"dict keys must be str in a component (got {key.type})",
                                 "the browser's objects have string keys: use str keys")
            value_types.append(value.type)
            if key.is_constant and not dynamic:
                entries.append((key.constant, value.node))
                if constant is not None and value.is_constant:
                    constant[key.constant] = value.constant
                else:
                    constant = None
            else:
                constant = None
                dynamic.append(js.ArrayExpr([key.node, value.node]))
        if constant is not None and len(constant) == len(node.keys):
            return self.literal(constant, node)
        kind = t.dict_of(t.STR, t.join(*value_types) if value_types else t.NEVER)
        if not dynamic:
            if len(set(value_types)) > 1:
                kind = dataclasses.replace(kind, shape=tuple(zip((k for k, _ in entries), value_types)))
            return Typed(self.object_node(entries), kind)
        pairs = [js.ArrayExpr([js.Literal(k), v]) for k, v in entries]
        spread_parts = [item if isinstance(item, js.Spread) else None for item in dynamic]
        if any(spread_parts):
            merged: list[js.Expr] = [self.object_node(entries)] if entries else []
            for item in dynamic:
                merged.append(item.value if isinstance(item, js.Spread) else
                              self.py("dictFromEntries", js.ArrayExpr([item])))
            return Typed(self.py("dictMerge", *merged), kind)
        return Typed(self.py("dictFromEntries", js.ArrayExpr(pairs + dynamic)), kind)

    # -- subscripts ---------------------------------------------------------------------
    def expr_Subscript(self, node: ast.Subscript) -> Typed:
        value = self.expr(node.value)
        if isinstance(node.slice, ast.Slice):
            bounds = [self.expr(b) if b is not None else Typed(js.Literal(None), t.NONE, None)
                      for b in (node.slice.lower, node.slice.upper, node.slice.step)]
            if value.is_constant and all(b.is_constant for b in bounds):
                return self.folded(node, lambda: value.constant[slice(*(b.constant for b in bounds))])
            kind = value.type
            if kind.kind == "tuple" and not kind.variadic:
                kind = t.PyType("tuple", (kind.item,), variadic=True)
            return Typed(self.py("slice", value.node, *(b.node for b in bounds)), kind.required())
        key = self.expr(node.slice)
        if value.is_constant and key.is_constant:
            return self.folded(node, lambda: value.constant[key.constant])
        item_values = items_at(value.values, key.constant) if key.is_constant else None
        kind = value.type
        if kind.kind == "tuple" and not kind.variadic and key.is_constant and isinstance(key.constant, int) \
                and -len(kind.args) <= key.constant < len(kind.args):
            result = kind.args[key.constant]
        elif kind.kind == "dict":
            result = kind.args[1]
        elif kind.kind in ("list", "tuple", "str"):
            result = kind.item
        else:
            result = t.ANY
        # unknown type: the server marks the whole floats in such values, so the page prints them as floats
        hint = self.py("isFloatItem", value.node, key.node) if result.kind == "any" and not value.is_constant else None
        return Typed(self.py("getitem", value.node, key.node), result, values=item_values, float_hint=hint)

    # -- lambdas and comprehensions -----------------------------------------------------
    def lambda_body(self, node: ast.Lambda, param_types: list[t.PyType],
                    param_values: tuple | None = None, first_float_hint: js.Expr | None = None) -> tuple[list[str], Typed]:
        """A lambda's parameters (typed as given) bound in a scope of their own, and its body.
        `param_values`: the values its first parameter may take, when known at build time;
        `first_float_hint`: whether it is a marked whole float (Typed.float_hint)."""
        saved = self.scope
        self.scope = Scope(parent=saved)
        try:
            names = []
            for index, (param, kind) in enumerate(zip(node.args.args, param_types)):
                js_name = self.local_js_name(param.arg)
                self.scope.names[param.arg] = Local(js_name, kind, values=param_values if index == 0 else None,
                                                    float_hint=first_float_hint if index == 0 else None)
                names.append(js_name)
            return names, self.expr(node.body)
        finally:
            self.scope = saved

    def expr_ListComp(self, node: ast.ListComp) -> Typed:
        item_type: list[t.PyType] = []

        def element() -> js.Expr:
            value = self.expr(node.elt)
            item_type.append(value.type)
            return value.node

        array = self.comprehension(node.generators, element)
        return Typed(array, t.list_of(item_type[0] if item_type else t.ANY))

    expr_GeneratorExp = expr_ListComp

    def expr_DictComp(self, node: ast.DictComp) -> Typed:
        value_type: list[t.PyType] = []

        def element() -> js.Expr:
            key = self.expr(node.key)
            if key.type.kind != "str":
                raise self.error("PYX109", node.key, f"dict keys must be str in a component (got {key.type})",
                                 "use str keys")
            value = self.expr(node.value)
            value_type.append(value.type)
            return js.ArrayExpr([key.node, value.node])

        pairs = self.comprehension(node.generators, element)
        return Typed(self.py("dictFromEntries", pairs), t.dict_of(t.STR, value_type[0] if value_type else t.ANY))

    def comprehension(self, generators: list[ast.comprehension], element: Callable[[], js.Expr]) -> js.Expr:
        generator = generators[0]
        if generator.is_async:
            raise self.error("PYX101", generator, "`async for` is not supported in a component", "use `for`")
        iterable = self.expr(generator.iter)
        saved = self.scope
        self.scope = Scope(parent=saved)
        try:
            pattern = self.bind_pattern(generator.target, iterable.type.item, iterated_values(iterable))
            conditions = [self.truthy(self.expr(test)) for test in generator.ifs]
            inner = self.comprehension(generators[1:], element) if len(generators) > 1 else None
            value = element() if inner is None else None
        finally:
            self.scope = saved
        source = self.py("iter", iterable.node)
        condition: js.Expr | None = None
        for test in conditions:
            condition = test if condition is None else js.Binary("&&", condition, test)
        if inner is None and condition is None:
            return js.Call(js.Member(source, "map"), [js.Arrow([pattern], value)])
        produced = inner if inner is not None else js.ArrayExpr([value])
        body = produced if condition is None else js.Conditional(condition, produced, js.ArrayExpr([]))
        return js.Call(js.Member(source, "flatMap"), [js.Arrow([pattern], body)])
