"""Prints the JS tree as text and records where each located node landed (for the source map).

Knows the JS tree only, never Python syntax.
"""

from __future__ import annotations

import json
import re

from pyxjs.transpiler import jsast as js

_IDENT = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


_PLAIN = re.compile(r'[ !#-;=?-\[\]-~]*')  # printable ASCII but for " \\ < and >: nothing to escape


def js_string(value: str) -> str:
    if _PLAIN.fullmatch(value):
        return '"' + value + '"'
    return _escaped_string(value)


def _escaped_string(value: str) -> str:
    # json.dumps gives a valid JS string literal; escape U+2028/9 and `</` for inline safety.
    return json.dumps(value, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("</", "<\\/")


class Printer:
    def __init__(self, position=lambda loc: loc) -> None:
        self.position = position  # a node's `loc` -> (1-based line, 0-based column) in the source
        self.parts: list[str] = []
        self.line = 0
        self.line_start = 0  # index in `parts` where the current output line begins
        self.line_offset = 0  # characters of the current line inside parts before line_start
        self.indent = 0
        self.mappings: list[tuple[int, int, int, int]] = []
        self.last_loc: object = None
        self.last_source: tuple[int, int] | None = None

    # -- output primitives --------------------------------------------------------------
    # Writing is a bare append; the column is worked out only where a source-map segment is
    # recorded (from the pieces written since the line began), which is far rarer.
    def write(self, text: str) -> None:
        self.parts.append(text)

    def write_multiline(self, text: str) -> None:
        """Text that may hold line breaks (template literals)."""
        self.parts.append(text)
        if "\n" in text:
            self.line += text.count("\n")
            self.parts.append("")  # the current line now starts inside `text`
            self.line_start = len(self.parts) - 1
            self.line_offset = len(text) - text.rindex("\n") - 1

    def newline(self) -> None:
        self.parts.append("\n")
        self.line += 1
        self.line_start = len(self.parts)
        self.line_offset = 0
        if self.indent:
            self.parts.append("  " * self.indent)

    def mark(self, node: js.Node) -> None:
        loc = node.loc
        # A segment only where the Python position changes: nested nodes of one expression
        # often share it, and a map entry per node would double the map for nothing.
        if loc is None or loc is self.last_loc:
            return
        self.last_loc = loc
        source = self.position(loc)
        if source is None or source == self.last_source:
            return
        self.last_source = source
        col = self.line_offset + sum(map(len, self.parts[self.line_start:]))
        self.mappings.append((self.line, col, source[0] - 1, source[1]))

    def text(self) -> str:
        return "".join(self.parts)

    # -- module -------------------------------------------------------------------------
    def module(self, tree: js.ModuleTree) -> None:
        for imp in tree.imports:
            names = ", ".join(a if a == b else f"{a} as {b}" for a, b in imp.names)
            # No names: a module imported for its effect (a wrapped component's stylesheet).
            self.parts.append(f"import {{ {names} }} from {js_string(imp.source)};" if imp.names
                              else f"import {js_string(imp.source)};")
            self.newline()
        for local, source in tree.namespace_imports:
            self.parts.append(f"import * as {local} from {js_string(source)};")
            self.newline()
        for code in tree.custom_code:
            self.newline()
            self.write_multiline(code)
            self.newline()
        for fn in tree.functions:
            self.newline()
            self.function(fn)
            self.newline()

    def function(self, fn: js.Function) -> None:
        self.mark(fn)
        self.parts.append("export " if fn.exported else "")
        self.parts.append(f"function {fn.name}(")
        if fn.params:
            self.parts.append("{ " if fn.destructured else "")
            for i, param in enumerate(fn.params):
                if i:
                    self.parts.append(", ")
                self.parts.append(param.name)
                if param.default is not None:
                    self.parts.append(" = ")
                    self.expr(param.default)
            self.parts.append(" }" if fn.destructured else "")
        self.parts.append(") {")
        self.block_body(fn.body)
        self.parts.append("}")

    def block_body(self, body: list[js.Stmt]) -> None:
        self.indent += 1
        for stmt in body:
            self.newline()
            self.stmt(stmt)
        self.indent -= 1
        self.newline()

    # -- statements ---------------------------------------------------------------------
    def stmt(self, node: js.Stmt) -> None:
        self.mark(node)
        if isinstance(node, js.Const):
            self.parts.append(("let " if node.mutable else "const ") + node.name)
            if node.value is not None:
                self.parts.append(" = ")
                self.expr(node.value)
            self.parts.append(";")
        elif isinstance(node, js.Assign):
            self.parts.append(node.name + " = ")
            self.expr(node.value)
            self.parts.append(";")
        elif isinstance(node, js.ForOf):
            self.parts.append(f"for (const {node.target} of ")
            self.expr(node.iterable)
            self.parts.append(") {")
            self.block_body(node.body)
            self.parts.append("}")
        elif isinstance(node, js.Return):
            self.parts.append("return ")
            self.expr(node.value)
            self.parts.append(";")
        elif isinstance(node, js.ExprStmt):
            self.expr(node.value)
            self.parts.append(";")
        elif isinstance(node, js.RawStmt):
            # Reflex's hooks often end without `;` (`useEffect(...)`): the next statement must not continue it.
            self.write_multiline(node.text if node.text.rstrip().endswith(";") else node.text + ";")
        elif isinstance(node, js.If):
            self.parts.append("if (")
            self.expr(node.test)
            self.parts.append(") {")
            self.block_body(node.body)
            self.parts.append("}")
            if len(node.orelse) == 1 and isinstance(node.orelse[0], js.If):
                self.parts.append(" else ")
                self.stmt(node.orelse[0])
            elif node.orelse:
                self.parts.append(" else {")
                self.block_body(node.orelse)
                self.parts.append("}")
        else:  # pragma: no cover - the transform only builds the kinds above
            raise TypeError(f"cannot print statement {node!r}")

    # -- expressions --------------------------------------------------------------------
    def expr(self, node: js.Expr) -> None:
        loc = node.loc
        if loc is not None and loc is not self.last_loc:  # mark()'s cheap test, inlined: most calls stop here
            self.mark(node)
        _PRINT[type(node)](self, node)

    def expr_Raw(self, node: js.Raw) -> None:
        self.parts.append(node.text)

    def expr_Literal(self, node: js.Literal) -> None:
        value = node.value
        if isinstance(value, str):
            self.parts.append(js_string(value))
        elif value is None:
            self.parts.append("null")
        elif isinstance(value, bool):
            self.parts.append("true" if value else "false")
        elif isinstance(value, int):
            self.parts.append(str(value))
        else:
            self.parts.append(json.dumps(value, ensure_ascii=False).replace("</", "<\\/"))

    def expr_Template(self, node: js.Template) -> None:
        self.parts.append("`")
        for part in node.parts:
            if isinstance(part, str):
                self.write_multiline(part.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${"))
            else:
                self.parts.append("${")
                self.expr(part)
                self.parts.append("}")
        self.parts.append("`")

    def expr_Call(self, node: js.Call) -> None:
        self.operand(node.callee)
        self.parts.append("(")
        for i, arg in enumerate(node.args):
            if i:
                self.parts.append(", ")
            self.expr(arg)
        self.parts.append(")")

    def expr_Member(self, node: js.Member) -> None:
        self.operand(node.object)
        if _IDENT.match(node.name):
            self.parts.append("." + node.name)
        else:
            self.parts.append("[" + js_string(node.name) + "]")

    def expr_Spread(self, node: js.Spread) -> None:
        self.parts.append("...")
        self.operand(node.value)

    def expr_Binary(self, node: js.Binary) -> None:
        self.operand(node.left)
        self.parts.append(f" {node.op} ")
        self.operand(node.right)

    def expr_Unary(self, node: js.Unary) -> None:
        self.parts.append(node.op)
        self.operand(node.operand)

    def expr_Conditional(self, node: js.Conditional) -> None:
        self.operand(node.test)
        self.parts.append(" ? ")
        self.operand(node.then)
        self.parts.append(" : ")
        self.operand(node.otherwise)

    def expr_Arrow(self, node: js.Arrow) -> None:
        self.parts.append("(" + ", ".join(node.params) + ") => ")
        if isinstance(node.body, list):
            self.parts.append("{")
            self.block_body(node.body)
            self.parts.append("}")
        elif not isinstance(node.body, (js.Literal, js.Raw, js.Call)):
            self.parts.append("(")
            self.expr(node.body)
            self.parts.append(")")
        else:
            self.expr(node.body)

    def expr_ArrayExpr(self, node: js.ArrayExpr) -> None:
        self.parts.append("[")
        for i, item in enumerate(node.items):
            if i:
                self.parts.append(", ")
            self.expr(item)
        self.parts.append("]")

    def expr_ObjectExpr(self, node: js.ObjectExpr) -> None:
        self.parts.append("{ " if node.entries else "{")
        for i, (key, value) in enumerate(node.entries):
            if i:
                self.parts.append(", ")
            if isinstance(value, js.Spread):  # `{ ...other }`: the key is unused
                self.expr(value)
                continue
            self.parts.append((key if _IDENT.match(key) else js_string(key)) + ": ")
            self.expr(value)
        self.parts.append(" }" if node.entries else "}")

    def expr_JSXElement(self, node: js.JSXElement) -> None:
        self.parts.append("<" + node.tag)
        for prop in node.props:
            if isinstance(prop.value, js.Spread):
                self.parts.append(" {")
                self.expr(prop.value)
                self.parts.append("}")
                continue
            self.parts.append(" " + prop.name + "=")
            if isinstance(prop.value, js.Literal) and isinstance(prop.value.value, str) and _plain_attr(prop.value.value):
                self.mark(prop.value)
                self.parts.append(js_string(prop.value.value))
            else:
                self.parts.append("{")
                self.expr(prop.value)
                self.parts.append("}")
        if not node.children and node.tag:
            self.parts.append(" />")
            return
        self.parts.append(">")
        self.indent += 1
        for child in node.children:
            self.newline()
            if isinstance(child, js.JSXElement):
                self.expr(child)
            else:
                self.parts.append("{")
                self.expr(child)
                self.parts.append("}")
        self.indent -= 1
        self.newline()
        self.parts.append(f"</{node.tag}>")

    def operand(self, node: js.Expr) -> None:
        """An expression inside a larger one: parenthesised unless it is atomic."""
        kind = type(node)
        if kind in _ATOMIC and not (kind is js.Literal and _negative(node.value)):
            self.expr(node)
        else:
            self.parts.append("(")
            self.expr(node)
            self.parts.append(")")


_ATOMIC = frozenset({js.Raw, js.Literal, js.Template, js.Call, js.Member, js.ArrayExpr, js.ObjectExpr})


def _negative(value: object) -> bool:
    # `-(-5)` must not print as `--5`, which JS reads as a decrement
    return type(value) in (int, float) and (value < 0 or str(value).startswith("-"))


_PRINT = {kind: getattr(Printer, "expr_" + kind.__name__) for kind in (
    js.Raw, js.Literal, js.Template, js.Call, js.Member, js.Spread, js.Binary, js.Unary, js.Conditional, js.Arrow,
    js.ArrayExpr, js.ObjectExpr, js.JSXElement)}


_NEEDS_BRACES = re.compile(r'["\\\n\r{}<>&]')


def _plain_attr(value: str) -> bool:
    # JSX attribute strings take no escapes, so only print them bare when nothing needs one.
    return _NEEDS_BRACES.search(value) is None


def print_module(tree: js.ModuleTree, position=lambda loc: loc) -> tuple[str, list[tuple[int, int, int, int]]]:
    printer = Printer(position)
    printer.module(tree)
    return printer.text(), printer.mappings
