"""The small JS/JSX tree the transform builds and the printer prints.

Every node may carry `loc`: the (line, col) of the Python source it came from, which the
printer turns into source-map entries. Nothing here knows Python syntax.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

Loc = Optional[tuple[int, int]]


@dataclass
class Node:
    loc: Loc = field(default=None, kw_only=True)


@dataclass
class Raw(Node):
    """Verbatim JS (identifiers, literals already rendered, spec-provided snippets)."""

    text: str


@dataclass
class Literal(Node):
    value: Union[str, int, float, bool, None, list, dict]


@dataclass
class Template(Node):
    """A template literal: parts alternate between str (quasi) and Expr."""

    parts: list[Union[str, "Expr"]]


@dataclass
class Call(Node):
    callee: "Expr"
    args: list["Expr"]


@dataclass
class Member(Node):
    """`object.name` (a plain property read)."""

    object: "Expr"
    name: str


@dataclass
class Spread(Node):
    """`...value` inside an array or a call's arguments."""

    value: "Expr"


@dataclass
class Binary(Node):
    op: str
    left: "Expr"
    right: "Expr"


@dataclass
class Unary(Node):
    op: str
    operand: "Expr"


@dataclass
class Conditional(Node):
    test: "Expr"
    then: "Expr"
    otherwise: "Expr"


@dataclass
class Arrow(Node):
    params: list[str]  # printed as given: names or destructuring patterns like `[i, x]`
    body: Union["Expr", list["Stmt"]]


@dataclass
class ArrayExpr(Node):
    items: list["Expr"]


@dataclass
class ObjectExpr(Node):
    entries: list[tuple[str, "Expr"]]


@dataclass
class Prop:
    name: str
    value: "Expr"


@dataclass
class JSXElement(Node):
    tag: str  # "" prints a fragment: <>...</>
    props: list[Prop]
    children: list["Expr"]


Expr = Union[Raw, Literal, Template, Call, Member, Spread, Binary, Unary, Conditional, Arrow, ArrayExpr,
             ObjectExpr, JSXElement]


@dataclass
class Const(Node):
    """`const name = value;`, or with mutable `let name = value;` (`let name;` when value is None)."""

    name: str
    value: Optional[Expr]
    mutable: bool = False


@dataclass
class Assign(Node):
    name: str
    value: Expr


@dataclass
class ForOf(Node):
    target: str  # a name or a destructuring pattern
    iterable: Expr
    body: list["Stmt"]


@dataclass
class Throw(Node):
    value: Expr


@dataclass
class Return(Node):
    value: Expr


@dataclass
class If(Node):
    test: Expr
    body: list["Stmt"]
    orelse: list["Stmt"]


@dataclass
class ExprStmt(Node):
    value: Expr


Stmt = Union[Const, Assign, Return, If, ForOf, Throw, ExprStmt]


@dataclass
class Param:
    name: str
    default: Optional[Expr] = None


@dataclass
class Function(Node):
    name: str
    params: list[Param]
    body: list[Stmt]
    exported: bool = True
    destructured: bool = True  # a component takes `{ props }`; a helper takes positional params


@dataclass
class Import:
    names: list[tuple[str, str]]  # (imported, local)
    source: str


@dataclass
class ModuleTree:
    imports: list[Import]
    functions: list[Function]
    namespace_imports: list[tuple[str, str]] = field(default_factory=list)  # (local, source)
