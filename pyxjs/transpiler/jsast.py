"""The small JS/JSX tree the transform builds and the printer prints.

Every node may carry `loc`: an opaque handle on the Python source it came from, which the
printer turns into a (line, col) source-map entry through the `position` function it is
given. Nothing here knows Python syntax.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

Loc = Optional[object]


@dataclass(slots=True)
class Node:
    loc: Loc = field(default=None, kw_only=True)


@dataclass(slots=True)
class Raw(Node):
    """Verbatim JS (identifiers, literals already rendered, spec-provided snippets)."""

    text: str


@dataclass(slots=True)
class Literal(Node):
    value: Union[str, int, float, bool, None, list, dict]


@dataclass(slots=True)
class Template(Node):
    """A template literal: parts alternate between str (quasi) and Expr."""

    parts: list[Union[str, "Expr"]]


@dataclass(slots=True)
class Call(Node):
    callee: "Expr"
    args: list["Expr"]


@dataclass(slots=True)
class Member(Node):
    """`object.name` (a plain property read)."""

    object: "Expr"
    name: str


@dataclass(slots=True)
class Spread(Node):
    """`...value` inside an array or a call's arguments."""

    value: "Expr"


@dataclass(slots=True)
class Binary(Node):
    op: str
    left: "Expr"
    right: "Expr"


@dataclass(slots=True)
class Unary(Node):
    op: str
    operand: "Expr"


@dataclass(slots=True)
class Conditional(Node):
    test: "Expr"
    then: "Expr"
    otherwise: "Expr"


@dataclass(slots=True)
class Arrow(Node):
    params: list[str]  # printed as given: names or destructuring patterns like `[i, x]`
    body: Union["Expr", list["Stmt"]]


@dataclass(slots=True)
class ArrayExpr(Node):
    items: list["Expr"]


@dataclass(slots=True)
class ObjectExpr(Node):
    entries: list[tuple[str, "Expr"]]  # a Spread value spreads another object in; its key is unused


@dataclass(slots=True)
class Prop:
    name: str
    value: "Expr"


@dataclass(slots=True)
class JSXElement(Node):
    tag: str  # "" prints a fragment: <>...</>
    props: list[Prop]
    children: list["Expr"]


Expr = Union[Raw, Literal, Template, Call, Member, Spread, Binary, Unary, Conditional, Arrow, ArrayExpr,
             ObjectExpr, JSXElement]


@dataclass(slots=True)
class Const(Node):
    """`const name = value;`, or with mutable `let name = value;` (`let name;` when value is None)."""

    name: str
    value: Optional[Expr]
    mutable: bool = False


@dataclass(slots=True)
class Assign(Node):
    name: str
    value: Expr


@dataclass(slots=True)
class ForOf(Node):
    target: str  # a name or a destructuring pattern
    iterable: Expr
    body: list["Stmt"]


@dataclass(slots=True)
class Return(Node):
    value: Expr


@dataclass(slots=True)
class If(Node):
    test: Expr
    body: list["Stmt"]
    orelse: list["Stmt"]


@dataclass(slots=True)
class Group(Node):
    """Statements printed in place, one after another (filled in after it is placed: nested defs)."""

    body: list["Stmt"]


@dataclass(slots=True)
class ExprStmt(Node):
    value: Expr


@dataclass(slots=True)
class RawStmt(Node):
    """JS written by the user (a wrapped component's `add_hooks`), printed as it is."""

    text: str


Stmt = Union[Const, Assign, Return, If, ForOf, ExprStmt, RawStmt, Group]


@dataclass(slots=True)
class Param:
    name: str
    default: Optional[Expr] = None


@dataclass(slots=True)
class Function(Node):
    name: str
    params: list[Param]
    body: list[Stmt]
    exported: bool = True
    destructured: bool = True  # a component takes `{ props }`; a helper takes positional params


@dataclass(slots=True)
class Import:
    names: list[tuple[str, str]]  # (imported, local)
    source: str


@dataclass(slots=True)
class ModuleTree:
    imports: list[Import]
    functions: list[Function]
    namespace_imports: list[tuple[str, str]] = field(default_factory=list)  # (local, source)
    custom_code: list[str] = field(default_factory=list)  # wrapped components' add_custom_code(), after the imports
