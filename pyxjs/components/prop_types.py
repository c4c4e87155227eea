"""Does a value fit a wrapped component's prop annotation? (`str`, `int | None`, `Literal["a", "b"]`,
`list[dict[str, Any]]`, ...). Used on values known at build time; a JSON number fits `float`."""

from __future__ import annotations

import types
import typing
from typing import Any

from pyxjs.state.fields import annotation_meaning


def fits(value: Any, annotation: Any) -> bool:
    annotation = annotation_meaning(annotation)  # a bare `rx.Var`: any value
    if annotation is Any or annotation is object or isinstance(annotation, (str, typing.TypeVar)):
        return True  # unknown, or a forward reference we cannot judge
    if getattr(annotation, "_pyx_element_type", False):
        return True  # a component prop: the transpiler checks it is an element
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Literal:
        return any(value == a and type(value) is type(a) for a in args)
    if origin in (typing.Union, types.UnionType):
        return any(fits(value, a) for a in args)
    if annotation is None or annotation is type(None):
        return value is None
    if annotation is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin in (list, tuple, typing.Sequence) or annotation in (list, tuple):
        if not isinstance(value, (list, tuple)):
            return False
        item = args[0] if args and origin is not tuple else Any
        return all(fits(v, item) for v in value)
    if origin is dict or annotation is dict:
        if not isinstance(value, dict):
            return False
        item = args[1] if len(args) == 2 else Any
        return all(fits(v, item) for v in value.values())
    if isinstance(annotation, type):
        return isinstance(value, annotation)
    return True  # an annotation this check does not model: the component decides


def describe(annotation: Any) -> str:
    """How an error names a prop's type: `str`, `Literal['single', 'multiple']`, `int | None`."""
    if isinstance(annotation, type) and not typing.get_args(annotation):
        return annotation.__name__
    return str(annotation).replace("typing.", "")
