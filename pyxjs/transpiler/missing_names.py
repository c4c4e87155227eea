"""`rx.NAME` that pyxjs lacks, anywhere in the app's files, as compile errors.

The transpiler reports a missing name inside the component functions it compiles; an event
handler's body (or a helper only handlers call) runs only at its first event, where the failure
would reach no one but the server log. Reading every `rx.NAME` (and `rx.namespace.NAME`) in the
app's files makes those build errors too.
"""

from __future__ import annotations

import ast
import difflib
from pathlib import Path
from types import ModuleType
from typing import Callable

import pyxjs
from pyxjs.components import Namespace
from pyxjs.components.unsupported import unsupported_message
from pyxjs.transpiler.diagnostics import CompileError
from pyxjs.transpiler.phases.parse import ParsedFile, parse_file


def missing_rx_names(modules: list[ModuleType], display: Callable[[Path], str]) -> list[CompileError]:
    """One PYX103 per use of a name pyxjs lacks, in each module that imports pyxjs by a name.
    `display(path)` is how errors name the file (as the transpiler's do)."""
    errors: list[CompileError] = []
    for module in modules:
        aliases = {name for name, value in vars(module).items() if value is pyxjs}
        filename = getattr(module, "__file__", None)
        if not aliases or not filename:
            continue
        try:
            parsed = parse_file(Path(filename), display(Path(filename)))
        except (OSError, SyntaxError, CompileError):  # importing it already said what is wrong
            continue
        for node in ast.walk(parsed.tree):
            error = _missing(node, aliases, parsed)
            if error is not None:
                errors.append(error)
    return errors


def _missing(node: ast.AST, aliases: set[str], parsed: ParsedFile) -> CompileError | None:
    if not isinstance(node, ast.Attribute) or node.attr.startswith("__"):
        return None
    inner = node.value
    if isinstance(inner, ast.Name) and inner.id in aliases:
        owner, shown = pyxjs, "rx"
    elif isinstance(inner, ast.Attribute) and isinstance(inner.value, ast.Name) and inner.value.id in aliases \
            and isinstance(getattr(pyxjs, inner.attr, None), Namespace):  # rx.tabs.NAME
        owner, shown = getattr(pyxjs, inner.attr), f"rx.{inner.attr}"
    else:
        return None
    try:
        getattr(owner, node.attr)
        return None
    except AttributeError:
        pass
    line, col, length = parsed.span(node)
    reasoned = unsupported_message(node.attr) if owner is pyxjs else None
    if reasoned is not None:
        return CompileError("PYX103", reasoned[0], parsed.display_path, line, col, reasoned[1], parsed.line(line), length)
    known = [name for name in dir(owner) if not name.startswith("_")]
    close = difflib.get_close_matches(node.attr, known, n=1, cutoff=0.7)
    hint = (f"did you mean `{shown}.{close[0]}`?" if close else
            "pyxjs does not have this Reflex name yet: write that part in plain Python, or leave it out")
    return CompileError("PYX103", f"pyxjs has no `{shown}.{node.attr}`" + ("" if close else " yet"),
                        parsed.display_path, line, col, hint, parsed.line(line), length)
