"""The Python types the transform reasons about, and how they come from annotations and values.

Every expression the transform builds carries one of these. The emitted JS depends on it:
`==` on two ints is `===`, on two lists a deep compare; a float prints as `1.0`, an int as `1`.
`ANY` means "not known statically": the transform then emits the runtime's generic helper,
which decides by the value (and documents where a value alone cannot tell, e.g. 1 vs 1.0).
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import types
import typing
from dataclasses import dataclass
from typing import Any

from pyxjs.state.fields import annotation_meaning
from pyxjs.state.serialize import serialized_as


@dataclass(frozen=True)
class PyType:
    kind: str  # int float bool str none list tuple dict element object enum any
    args: tuple = ()  # list: (item,); tuple: items (or (item, ...) for tuple*); dict: (key, value)
    variadic: bool = False  # tuple[int, ...]
    cls: Any = None  # object: the dataclass / annotated class whose fields we know
    optional: bool = False  # the value may also be None
    # A list or dict literal whose items differ in type: the type of each, by position or by key
    # (so `[price, count]` prints `[2.0, 3]`, which the joined item type cannot say).
    shape: tuple = ()
    # kind "any" only: the value is one of these, and each shows at runtime which it is (an
    # array, a str, a number, ...), so it still prints as Python would (`[(1, 'a'), 'x']`).
    alternatives: tuple = ()

    def __str__(self) -> str:
        if self.kind == "list":
            text = f"list[{self.args[0]}]"
        elif self.kind == "dict":
            text = f"dict[{self.args[0]}, {self.args[1]}]"
        elif self.kind == "tuple":
            text = f"tuple[{self.args[0]}, ...]" if self.variadic else f"tuple[{', '.join(map(str, self.args))}]"
        elif self.kind in ("object", "enum"):
            text = getattr(self.cls, "__name__", "object")
        elif self.kind == "element":
            text = "component"
        elif self.kind == "number":
            text = "int | float"
        elif self.kind == "any":
            return "unknown"
        else:
            text = self.kind if self.kind != "none" else "None"
        return f"{text} | None" if self.optional else text

    @property
    def item(self) -> "PyType":
        """What iterating over a value of this type yields."""
        if self.kind == "list":
            return self.args[0] if self.args[0].kind != "never" else ANY
        if self.kind == "tuple":
            if self.variadic:
                return self.args[0]
            return join(*self.args) if self.args else ANY
        if self.kind == "dict":
            return self.args[0]
        if self.kind == "str":
            return STR
        return ANY

    def required(self) -> "PyType":
        return dataclasses.replace(self, optional=False) if self.optional else self


INT = PyType("int")
FLOAT = PyType("float")
BOOL = PyType("bool")
STR = PyType("str")
NONE = PyType("none")
ANY = PyType("any")
ELEMENT = PyType("element")
NUMBER = PyType("number")  # an int or a float, not known which
NEVER = PyType("never")  # the item type of an empty list literal: whatever is appended decides

NUMERIC = {"int", "float", "bool", "number"}
PRIMITIVE = {"int", "float", "bool", "str", "none"}


def list_of(item: PyType) -> PyType:
    return PyType("list", (item,))


def dict_of(key: PyType, value: PyType) -> PyType:
    return PyType("dict", (key, value))


def tuple_of(*items: PyType) -> PyType:
    return PyType("tuple", tuple(items))


def optional(t: PyType) -> PyType:
    if t.kind in ("none", "any"):
        return t
    return dataclasses.replace(t, optional=True)


def join(*types_: PyType) -> PyType:
    """The type of a value that may be any of these (both arms of `a if c else b`)."""
    result: PyType | None = None
    saw_none = False
    for t in types_:
        if t.kind == "never":
            continue
        if t.kind == "none":
            saw_none = True
            continue
        if result is None:
            result = t
        elif result.required() == t.required():
            result = optional(result) if t.optional else result
        elif {result.kind, t.kind} <= {"int", "float", "number"} and not (result.optional or t.optional):
            result = NUMBER  # int or float: computes fine, but prints differently (1 vs 1.0)
        elif result.kind == t.kind == "list":
            result = list_of(join(result.args[0], t.args[0]))
        else:
            return ANY
    if result is None:
        return NONE
    return optional(result) if saw_none else result


# What a value of each kind is in the page, for telling alternatives apart at runtime.
_RUNTIME_CLASS = {"int": "number", "float": "number", "number": "number", "bool": "bool", "str": "str",
                  "none": "none", "list": "array", "tuple": "array", "dict": "object", "object": "object"}


def either(*types_: PyType) -> PyType:
    """join(), except that where the join is unknown but each member shows at runtime which it is,
    the members are kept for printing (a list holding tuples and strs prints both right)."""
    joined = join(*types_)
    if joined.kind != "any":
        return joined
    members: list[PyType] = []
    for kind in types_:
        for member in (kind.alternatives or (kind,)):
            if member.kind != "never" and member not in members:
                members.append(member)
    classes = [_RUNTIME_CLASS.get(m.kind) for m in members]
    nullable = sum(1 for m in members if m.optional or m.kind == "none")
    if None in classes or len(set(classes)) != len(classes) or nullable > 1:
        return joined
    return PyType("any", alternatives=tuple(members))


def narrow(declared: PyType, passed: PyType) -> PyType:
    """An annotated parameter's type given what its call sites pass: Python does not convert, so
    `x: float` called with 2 holds the int 2 (and prints `2`), and `xs: list[float]` called with
    `[1, 2]` holds ints. Where the passed type is unknown, the annotation stands."""
    if passed.kind in ("any", "never"):
        return declared
    if declared.kind == "any":  # an annotation the compiler does not type: the call sites know more
        return passed
    if passed.shape and passed.kind == declared.kind:
        return passed  # a literal's exact types, by position or key
    if declared.kind == "float" and passed.kind in ("int", "bool", "number"):
        return passed
    result = declared
    if declared.kind == passed.kind == "list":
        result = list_of(narrow(declared.args[0], passed.args[0]))
    elif declared.kind == passed.kind == "dict":
        result = dict_of(declared.args[0], narrow(declared.args[1], passed.args[1]))
    elif declared.kind == passed.kind == "tuple" and declared.variadic == passed.variadic \
            and len(declared.args) == len(passed.args):
        result = dataclasses.replace(declared, args=tuple(narrow(d, p) for d, p in zip(declared.args, passed.args)))
    else:
        return declared
    return optional(result) if declared.optional and passed.optional else result


def numeric_result(left: PyType, right: PyType) -> PyType:
    if "float" in (left.kind, right.kind):
        return FLOAT
    return NUMBER if "number" in (left.kind, right.kind) else INT


def from_annotation(annotation: Any, depth: int = 0) -> PyType:
    """`list[str]` -> list[str]; `int | None` -> int | None; anything unknown -> ANY."""
    if depth > 10:
        return ANY
    annotation = annotation_meaning(annotation)
    if isinstance(annotation, type) and serialized_as(annotation) is not None:  # sent as what @serializer returns
        annotation = serialized_as(annotation)
    if annotation is Any:
        return ANY
    simple = {str: STR, int: INT, float: FLOAT, bool: BOOL, type(None): NONE, None: NONE,
              list: list_of(ANY), dict: dict_of(STR, ANY), tuple: PyType("tuple", (ANY,), variadic=True)}
    try:
        if annotation in simple:
            return simple[annotation]
    except TypeError:  # unhashable annotation objects
        pass
    if getattr(annotation, "_pyx_element_type", False):
        return ELEMENT
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (list, typing.List, set, frozenset):
        return list_of(from_annotation(args[0], depth + 1) if args else ANY) if origin is not set else ANY
    if origin in (dict, typing.Dict):
        key = from_annotation(args[0], depth + 1) if args else STR
        return dict_of(key, from_annotation(args[1], depth + 1) if len(args) > 1 else ANY)
    if origin in (tuple, typing.Tuple):
        if len(args) == 2 and args[1] is Ellipsis:
            return PyType("tuple", (from_annotation(args[0], depth + 1),), variadic=True)
        return tuple_of(*(from_annotation(a, depth + 1) for a in args))
    if origin in (typing.Union, types.UnionType):
        return join(*(from_annotation(a, depth + 1) for a in args))
    if origin is typing.Literal:
        return join(*(value_type(a) for a in args))
    if origin is typing.Annotated:
        return from_annotation(args[0], depth + 1)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum) and len(annotation):
        return PyType("enum", cls=annotation)  # the page holds its members' values (transform/enums.py)
    if isinstance(annotation, type) and (dataclasses.is_dataclass(annotation) or _has_fields(annotation)):
        if issubclass(annotation, (datetime.date, datetime.time)):
            return ANY
        return PyType("object", cls=annotation)
    return ANY


def _has_fields(cls: type) -> bool:
    # pydantic-style models and plain annotated classes: their annotations name the fields.
    return bool(getattr(cls, "model_fields", None)) or (
        bool(cls.__dict__.get("__annotations__")) and cls.__module__ not in ("builtins", "typing")
    )


def field_type(object_type: PyType, name: str) -> PyType | None:
    """The type of `value.name` for a dataclass / annotated class value; None if no such field."""
    cls = object_type.cls
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # an annotation that cannot be evaluated
        hints = getattr(cls, "__annotations__", {})
    if name not in hints:
        return None
    return from_annotation(hints[name])


def field_names(object_type: PyType) -> list[str]:
    try:
        return list(typing.get_type_hints(object_type.cls))
    except Exception:
        return list(getattr(object_type.cls, "__annotations__", {}))


def value_type(value: Any) -> PyType:
    """The type of a constant inlined at build time."""
    if value is None:
        return NONE
    if isinstance(value, enum.Enum):
        return PyType("enum", cls=type(value))
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, int):
        return INT
    if isinstance(value, float):
        return FLOAT
    if isinstance(value, str):
        return STR
    if isinstance(value, list):
        items = [value_type(v) for v in value]
        kind = list_of(join(*items) if value else ANY)
        return dataclasses.replace(kind, shape=tuple(items)) if len(set(items)) > 1 else kind
    if isinstance(value, tuple):
        return tuple_of(*(value_type(v) for v in value))
    if isinstance(value, dict):
        values = [value_type(v) for v in value.values()]
        kind = dict_of(STR, join(*values) if value else ANY)
        return dataclasses.replace(kind, shape=tuple(zip(value, values))) if len(set(values)) > 1 else kind
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return PyType("object", cls=type(value))  # a constant instance: its fields typed by its class
    return ANY


def descriptor(t: PyType) -> Any:
    """The JSON type descriptor runtime_js/src/py.js takes for printing (docs/python-semantics.md)."""
    if t.shape and t.kind == "list":
        d: Any = ["listof", [descriptor(item) for item in t.shape]]
    elif t.shape and t.kind == "dict":
        d = ["dictof", {key: descriptor(value) for key, value in t.shape}]
    elif t.kind == "list":
        d: Any = ["list", descriptor(t.args[0])]
    elif t.kind == "tuple":
        d = ["tuple*", descriptor(t.args[0])] if t.variadic else ["tuple", [descriptor(a) for a in t.args]]
    elif t.kind == "dict":
        d = ["dict", descriptor(t.args[0]), descriptor(t.args[1])]
    elif t.kind in ("int", "float", "str", "bool", "none"):
        d = t.kind
    elif t.alternatives:
        d = ["either", [descriptor(a) for a in t.alternatives]]
    else:
        d = "any"
    return ["opt", d] if t.optional and d != "any" else d


def needs_descriptor(t: PyType) -> bool:
    """Printing needs the static type only where the value alone is ambiguous: floats and tuples."""
    if t.kind in ("float", "tuple"):
        return True
    if t.shape:
        return any(needs_descriptor(s if isinstance(s, PyType) else s[1]) for s in t.shape)
    if t.alternatives:
        return any(needs_descriptor(a) for a in t.alternatives)
    return any(needs_descriptor(a) for a in t.args if isinstance(a, PyType))
