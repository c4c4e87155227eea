"""Parse phase and the per-file unit: a Python source file -> one JSX module.

A `Project` compiles the page functions it is given and, on demand, every user component
function they call, each in the unit of the file that defines it.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.diagnostics import CompileError
from pyxjs.transpiler.printer import print_module
from pyxjs.transpiler.sourcemap import inline_comment, source_map
from pyxjs.transpiler.transform import ComponentTransformer, component_js_name

RUNTIME_IMPORT = "./runtime/index.js"


@dataclass
class JSModule:
    """One generated file: `code` ends with an inline source map back to `source_path`."""

    filename: str
    code: str
    source_path: str
    exports: dict[str, str]  # python function name -> JS export name


class ModuleUnit:
    def __init__(self, project: "Project", path: Path, module_globals: dict[str, Any]) -> None:
        self.project = project
        self.path = path
        self.display_path = project.display(path)
        self.globals = module_globals
        self.source = path.read_text(encoding="utf-8")
        self.lines = self.source.splitlines()
        try:
            self.wrapper = MetadataWrapper(cst.parse_module(self.source), unsafe_skip_copy=True)
        except cst.ParserSyntaxError as exc:
            raise CompileError("PYX101", f"syntax error: {exc.message}", self.display_path, exc.raw_line,
                               exc.raw_column, source_line=self._line(exc.raw_line)) from None
        self.positions = self.wrapper.resolve(PositionProvider)
        self.defs = {
            stmt.name.value: stmt for stmt in self.wrapper.module.body if isinstance(stmt, cst.FunctionDef)
        }
        self.filename = _module_filename(module_globals.get("__name__", path.stem))
        self.functions: dict[str, js.Function] = {}
        self.runtime_names: dict[str, str] = {}  # imported -> local
        self.cross_imports: dict[str, set[str]] = {}  # other module file -> JS names

    # -- what the transform asks of its unit --------------------------------------------
    def use_runtime(self, name: str, local: str | None = None) -> None:
        self.runtime_names[name] = local or name

    def use_component(self, function: Any, node: cst.CSTNode) -> str:
        unit = self.project.compile_function(function, caller=(self, node))
        tag = component_js_name(function.__name__)
        if unit is not self:
            self.cross_imports.setdefault("./" + unit.filename, set()).add(tag)
        return tag

    def position(self, node: cst.CSTNode) -> tuple[int, int] | None:
        pos = self.positions.get(node)
        return (pos.start.line, pos.start.column) if pos is not None else None

    def code_for(self, node: cst.CSTNode, limit: int = 40) -> str:
        text = " ".join(self.wrapper.module.code_for_node(node).split())
        return text if len(text) <= limit else text[: limit - 3] + "..."

    def error(self, code: str, node: cst.CSTNode, message: str, hint: str = "") -> CompileError:
        pos = self.positions.get(node)
        line, col = (pos.start.line, pos.start.column) if pos else (1, 0)
        length = (pos.end.column - col) if pos and pos.end.line == line else 1
        return CompileError(code, message, self.display_path, line, col, hint, self._line(line), length)

    def _line(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    # -- compile and print --------------------------------------------------------------
    def compile(self, function: Any, caller: tuple["ModuleUnit", cst.CSTNode] | None) -> None:
        name = function.__name__
        if name in self.functions:
            return
        node = self.defs.get(name)
        if node is None or "." in function.__qualname__:
            message = (f"{name}() must be a function defined at module level in {self.display_path}, "
                       "so it can be compiled to a component")
            hint = "move it to the top level of its module"
            if caller is not None:
                raise caller[0].error("PYX108", caller[1], message, hint)
            line = function.__code__.co_firstlineno
            raise CompileError("PYX108", message, self.display_path, line, 0, hint, self._line(line))
        if node.asynchronous is not None:
            raise self.error("PYX108", node, f"{name}() is async; components must be plain functions",
                             "load data in an event handler (e.g. on_load) and read it from State")
        self.functions[name] = js.Function("", [], [])  # placeholder guards recursion
        self.functions[name] = ComponentTransformer(self, node, function).transform()

    def render(self) -> JSModule:
        imports = []
        if self.runtime_names:
            imports.append(js.Import(sorted(self.runtime_names.items()), RUNTIME_IMPORT))
        for source, names in sorted(self.cross_imports.items()):
            imports.append(js.Import([(n, n) for n in sorted(names)], source))
        tree = js.ModuleTree(imports, list(self.functions.values()))
        code, mappings = print_module(tree)
        content = self.source if self.project.embed_sources else None
        smap = source_map(self.filename, self.path.as_uri(), content, mappings)
        return JSModule(
            self.filename,
            code + inline_comment(smap),
            str(self.path),
            {name: fn.name for name, fn in self.functions.items()},
        )


@dataclass
class Project:
    """Compiles component functions across the app's source files."""

    root: Path
    # The .py files hold the server's event handlers too, so a production build's source maps
    # point at Python lines without shipping the Python text; a dev build may embed it.
    embed_sources: bool = False
    units: dict[Path, ModuleUnit] = field(default_factory=dict)

    def display(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)

    def compile_function(self, function: Any, caller: tuple[ModuleUnit, cst.CSTNode] | None = None) -> ModuleUnit:
        source_file = inspect.getsourcefile(function)
        if source_file is None:
            raise CompileError("PYX108", f"{function.__name__}() has no Python source file to compile",
                               "<unknown>", 1, 0, "define the component in a .py file")
        path = Path(source_file).resolve()
        unit = self.units.get(path)
        if unit is None:
            unit = self.units[path] = ModuleUnit(self, path, function.__globals__)
        unit.compile(function, caller)
        return unit

    def compile_page(self, function: Any) -> ModuleUnit:
        """A page is rendered by the router with no props, so it may not require any."""
        unit = self.compile_function(function)
        node = unit.defs[function.__name__]
        required = [p for p in node.params.params + node.params.posonly_params if p.default is None]
        required += [p for p in node.params.kwonly_params if p.default is None]
        if required:
            raise unit.error("PYX108", required[0], f"page {function.__name__}() takes a parameter "
                             f"`{required[0].name.value}`, but pages are shown with no arguments",
                             "read route values and other inputs from State instead")
        return unit

    def render(self) -> list[JSModule]:
        return [unit.render() for unit in self.units.values()]


def _module_filename(module_name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", module_name) + ".jsx"
