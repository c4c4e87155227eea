"""Reflex's `var.to(T)` (and `var.to(NumberVar, int)`): a cast, which changes what the compiler
knows of a value's type and nothing at runtime, as in Reflex (its `.to` wraps the same JS value in
another Var class). A value whose type is already known must fit T: `.to(int)` on a str would be
a str that the compiler calls an int, so it is refused with a pointer to the conversion that
exists (`int(x)`)."""

from __future__ import annotations

import ast
from typing import Any

from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.transform.typed import Typed

# the node kinds a type expression is made of (`str`, `list[str]`, `rx.vars.NumberVar`, `int | None`)
_TYPE_NODES = (ast.Name, ast.Attribute, ast.Subscript, ast.BinOp, ast.BitOr, ast.Tuple, ast.Constant, ast.Load,
               ast.Expression)
_CONVERSION = {"int": "int(x)", "float": "float(x)", "str": "str(x)", "bool": "bool(x)", "list": "list(x)"}


def _fits(given: t.PyType, target: t.PyType) -> bool:
    """Can a value of type `given` be looked at as a `target` without changing it?"""
    given = given.required()
    if target.kind == "any" or given.kind in ("any", "never"):
        return True
    if given.kind == target.kind:
        if target.kind in ("list", "tuple", "dict") and target.args and given.args:
            return all(_fits(g, w) for g, w in zip(given.args, target.args) if isinstance(g, t.PyType))
        if target.kind == "object":
            return given.cls is target.cls or (isinstance(given.cls, type) and isinstance(target.cls, type)
                                               and issubclass(given.cls, target.cls))
        return True
    if target.kind in ("float", "number") and given.kind in ("int", "bool", "number"):
        return True  # Python's numeric tower: an int is usable where a float is expected
    if target.kind == "int" and given.kind == "bool":
        return True
    return given.kind == "tuple" and target.kind == "list"


def _cast_result(given: t.PyType, target: t.PyType) -> t.PyType:
    """A known type keeps its own (an int cast to float still prints as the int it is); an
    unknown one takes the target's."""
    if given.kind in ("any", "never") or target.kind == "any":
        return target if given.kind in ("any", "never") else given.required()
    if target.kind in ("list", "dict") and any(a.kind == "any" for a in given.args if isinstance(a, t.PyType)):
        return target  # `.to(list[str])` on a list of unknown items says what the items are
    return given.required()


class Casts:
    def cast_call(self, receiver: Typed, node: ast.Call) -> Typed:
        if not node.args or len(node.args) > 2 or node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            raise self.error("PYX101", node, "`.to()` takes the type to treat the value as (and, as in Reflex, "
                                             "optionally the var type: `.to(NumberVar, int)`)", "e.g. `.to(str)`")
        annotations = [self.type_argument(a) for a in node.args]
        target = t.from_annotation(annotations[-1])
        if target.kind == "any" and annotations[-1] is not Any and not _names_var_class(annotations[-1]):
            raise self.error("PYX111", node.args[-1], f"`.to({ast.unparse(node.args[-1])})`: `{ast.unparse(node.args[-1])}` "
                                                      "is not a type the compiler knows", "cast to str, int, float, bool, list[...], "
                                                                        "dict[...], tuple[...] or a dataclass")
        if not _fits(receiver.type, target):
            conversion = _CONVERSION.get(target.kind)
            hint = (f"convert it: `{conversion}` (in a component, or in a computed var)" if conversion else
                    "compute a value of that type in a computed var")
            raise self.error("PYX111", node, f"`.to({ast.unparse(node.args[-1])})` on a value of type {receiver.type} is "
                                             f"a cast, not a conversion: the value would stay {receiver.type.required()} "
                                             "(Reflex's `.to` does not convert either)", hint)
        return Typed(receiver.node, _cast_result(receiver.type, target), constant=receiver.constant,
                     printed=receiver.printed, branches=receiver.branches)

    def type_argument(self, node: ast.expr) -> Any:
        """A type written in component code, evaluated in the module (it names classes, nothing runs)."""
        if not all(isinstance(part, _TYPE_NODES) for part in ast.walk(node)) or \
                any(isinstance(part, ast.BinOp) and not isinstance(part.op, ast.BitOr) for part in ast.walk(node)):
            raise self.error("PYX101", node, f"`{ast.unparse(node)}` is not a type", "e.g. `.to(str)`")
        try:
            return eval(compile(ast.Expression(node), str(self.unit.path), "eval"), dict(self.unit.globals))
        except Exception as exc:
            raise self.error("PYX103", node, f"`{ast.unparse(node)}` is not a type here ({type(exc).__name__}: {exc})",
                             "name a type the module imports") from None


def _names_var_class(annotation: Any) -> bool:
    """`rx.Var` / `ObjectVar` as a cast's target: any value (their meaning carries no more)."""
    return isinstance(annotation, type) and hasattr(annotation, "_pyx_annotation")
