"""Parse: a Python source file -> its `ast` tree, with positions as character columns.

Python's `ast` carries a start and end position on every node, which is all errors and source
maps need; it parses in C, about ten times faster than the libcst tree this used to build
(docs/architecture.md has the numbers).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyxjs.transpiler.diagnostics import CompileError


@dataclass
class ParsedFile:
    path: Path
    display_path: str
    source: str
    lines: list[str]
    tree: ast.Module
    functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef]
    annotations: dict[tuple[int, int], Any] = field(default_factory=dict)  # evaluated, by position
    ascii_lines: frozenset[int] = frozenset()  # 1-based numbers of lines where bytes == characters

    def __post_init__(self) -> None:
        self.ascii_lines = frozenset(n for n, text in enumerate(self.lines, 1) if text.isascii())

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def column(self, line: int, byte_offset: int) -> int:
        """ast counts columns in UTF-8 bytes; carets and source maps count characters."""
        if line in self.ascii_lines:
            return byte_offset
        text = self.line(line)
        return len(text.encode("utf-8")[:byte_offset].decode("utf-8", "replace"))

    def span(self, node: ast.AST) -> tuple[int, int, int]:
        """(line, column, length on that line) of a node."""
        line = getattr(node, "lineno", 1)
        col = self.column(line, getattr(node, "col_offset", 0))
        end_line = getattr(node, "end_lineno", line)
        end_col = self.column(end_line, getattr(node, "end_col_offset", 0) or 0)
        length = end_col - col if end_line == line else len(self.line(line)) - col
        return line, col, max(1, length)


def parse_file(path: Path, display_path: str) -> ParsedFile:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    try:
        tree = ast.parse(source, filename=display_path)
    except SyntaxError as exc:
        line = exc.lineno or 1
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        raise CompileError("PYX101", f"syntax error: {exc.msg}", display_path, line, max(0, (exc.offset or 1) - 1),
                           "fix the syntax", text) from None
    functions = {stmt.name: stmt for stmt in tree.body if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef))}
    return ParsedFile(path, display_path, source, lines, tree, functions)
