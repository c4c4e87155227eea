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
    params: list[str]
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
    tag: str
    props: list[Prop]
    children: list["Expr"]


Expr = Union[Raw, Literal, Template, Call, Binary, Unary, Conditional, Arrow, ArrayExpr, ObjectExpr, JSXElement]


@dataclass
class Const(Node):
    name: str
    value: Expr
    mutable: bool = False


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


Stmt = Union[Const, Return, If, ExprStmt]


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


@dataclass
class Import:
    names: list[tuple[str, str]]  # (imported, local)
    source: str


@dataclass
class ModuleTree:
    imports: list[Import]
    functions: list[Function]
