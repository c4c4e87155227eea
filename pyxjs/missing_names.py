"""`rx.NAME` that pyxjs lacks, found in the app's source before anything runs it.

Module-level code reaching a missing name fails while the app imports; an event handler's body
runs only at its first event, where the failure reaches no one but the server log. Reading every
`rx.NAME` (and `rx.namespace.NAME`) in the app's files turns both into one build error.
"""

from __future__ import annotations

import ast
from pathlib import Path
from types import ModuleType

import pyxjs


def missing_rx_names(modules: list[ModuleType]) -> list[str]:
    """`file:line:col: pyxjs has no `rx.NAME` yet`, one line per use, for each module's file."""
    problems: list[tuple[str, int, int, str]] = []
    for module in modules:
        aliases = {name for name, value in vars(module).items() if value is pyxjs}
        filename = getattr(module, "__file__", None)
        if not aliases or not filename:
            continue
        path = Path(filename)
        try:
            tree = ast.parse(path.read_bytes(), filename=str(path))
        except (OSError, SyntaxError):  # the import itself already reported what is wrong
            continue
        for node in ast.walk(tree):
            problem = _missing(node, aliases)
            if problem:
                problems.append((path.name, node.lineno, node.col_offset + 1, problem))
    return [f"{name}:{line}:{col}: {problem}" for name, line, col, problem in sorted(problems)]


def _missing(node: ast.AST, aliases: set[str]) -> str | None:
    if not (isinstance(node, ast.Attribute) and not node.attr.startswith("__")):
        return None
    if isinstance(node.value, ast.Name) and node.value.id in aliases:
        try:
            getattr(pyxjs, node.attr)
        except AttributeError as exc:
            return str(exc)
        return None
    # rx.tabs.NAME: a namespace's part (classes and functions are not namespaces)
    inner = node.value
    if isinstance(inner, ast.Attribute) and isinstance(inner.value, ast.Name) and inner.value.id in aliases:
        owner = getattr(pyxjs, inner.attr, None)
        if isinstance(owner, pyxjs.components.Namespace):
            try:
                getattr(owner, node.attr)
            except AttributeError as exc:
                return str(exc)
    return None
