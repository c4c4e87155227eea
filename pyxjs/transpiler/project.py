"""The per-file unit and the project: compile page functions and, on demand, every function of
the app they call (each in the unit of the file that defines it), then render one JS module
per file. Errors are collected across the whole run and raised together."""

from __future__ import annotations

import ast
import inspect
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pyxjs.components.spec import SPECS, ComponentSpec
from pyxjs.transpiler import jsast as js
from pyxjs.transpiler.diagnostics import CompileError, CompileErrors, internal_error
from pyxjs.transpiler.names import ModuleNames, component_js_name, js_identifier, prop_identifier
from pyxjs.transpiler.phases.analyze import types as t
from pyxjs.transpiler.phases.analyze.resolve import signature_of
from pyxjs.transpiler.phases.parse import ParsedFile, parse_file
from pyxjs.transpiler.phases.transform import FunctionTransformer
from pyxjs.transpiler.phases.transform.kwargs import KWARGS_PREFIX
from pyxjs.transpiler.printer import print_module
from pyxjs.transpiler.sourcemap import inline_comment, source_map

RUNTIME_IMPORT = "./runtime/index.js"
MAX_KNOWN_VALUES = 500  # more possible values of a parameter than this: treated as unknown
PY_IMPORT = "./runtime/py.js"
VALUE_MARKS_IMPORT = "./runtime/valueMarks.js"
# Names every generated module may import: a user's local of the same name gets a `$` suffix.
RUNTIME_EXPORTS = frozenset({spec.import_name for spec in SPECS.values() if not spec.intrinsic} | {"Fragment", "Lifecycle"}
                            # JS globals the generated code calls
                            | {"String", "Object", "Math", "Number", "Array", "JSON"})


@dataclass
class JSModule:
    """One generated file: `code` ends with an inline source map back to `source_path`."""

    filename: str
    code: str
    source_path: str
    exports: dict[str, str]  # python function name -> JS export name
    # Its components read Radix's theme context (selects, menus): the page root must be Radix's Theme.
    needs_theme: bool = False
    # The literal color_scheme values its components name; None when one is only known at runtime.
    colors: frozenset[str] | None = frozenset()
    icons: frozenset[str] = frozenset()  # lucide-react names (`ArrowRight`) its rx.icon calls import
    css: str = ""  # the generated classes of its pseudo-state and responsive styles
    npm_imports: frozenset[str] = frozenset()  # npm modules it imports directly (grammars, icons' package)
    # npm packages its wrapped components need: name -> (exact version, the class that declared it)
    packages: dict[str, tuple[str, str]] = field(default_factory=dict)
    local_files: frozenset[str] = frozenset()  # .jsx files of the app it imports (absolute paths)
    # id of each Python function compiled here -> its JS export (a closure's name is not unique)
    exported: dict[int, str] = field(default_factory=dict)
    lazy_icons: bool = False  # an rx.icon whose name only the browser knows: lucide's set loads lazily


@dataclass
class FunctionInfo:
    js_name: str
    component: bool
    unit: "ModuleUnit"
    return_type: t.PyType = t.ANY
    prop_names: dict[str, str] = field(default_factory=dict)
    in_progress: bool = False
    function: Any = None
    page: bool = False
    param_types: dict[str, t.PyType] = field(default_factory=dict)  # what it was compiled with
    # The build-time values of the parameters its output depends on (`value_params`: a dynamic
    # rx.icon's name, here or in a function it passes them to); only these make it stale.
    param_values: dict[str, tuple] = field(default_factory=dict)
    value_params: frozenset[str] = frozenset()


class ModuleUnit:
    def __init__(self, project: "Project", parsed: ParsedFile, module_globals: dict[str, Any],
                 closure_of: Any = None, filename: str | None = None) -> None:
        self.project = project
        self.parsed = parsed
        self.path = parsed.path
        self.display_path = parsed.display_path
        self.globals = module_globals
        # The one closure this unit compiles (see Project.closure_unit), or None for a module's unit.
        self.closure_of = closure_of
        self.filename = filename or _module_filename(module_globals.get("__name__", parsed.path.stem))
        # Closures of one `def` share a name: each instance's export gets its own suffix.
        self.js_suffix = "" if closure_of is None else "_" + self.filename.rsplit("_", 1)[-1].removesuffix(".jsx")
        self.names = ModuleNames(RUNTIME_EXPORTS)
        self.taken_names = RUNTIME_EXPORTS
        self.infos: dict[str, FunctionInfo] = {}
        self.functions: dict[str, js.Function] = {}
        self.leaves: dict[str, list[js.Function]] = {}  # function -> its var leaves, printed after it
        self.runtime_names: dict[str, str] = {}  # imported -> local
        self.uses_py = False
        self.needs_theme = False
        self.colors: set[str] | None = set()
        self.package_imports: dict[str, dict[str, str]] = {}  # npm module -> {imported: local}
        self.icons: set[str] = set()
        self.lazy_icons = False
        self.css_rules: dict[str, str] = {}  # generated class -> its CSS (pyxjs/components/cssgen.py)
        self.packages: dict[str, tuple[str, str]] = {}
        self.local_files: set[str] = set()
        self.side_imports: set[str] = set()
        self.custom_code: dict[str, None] = {}  # wrapped components' module-level code, in first-use order
        self.cross_imports: dict[str, set[str]] = {}  # other module file -> JS names
        self.annotations: dict[tuple[int, int], t.PyType | None] = parsed.annotations
        self._temps = 0

    # -- what the transform asks of its unit --------------------------------------------
    def use_runtime(self, name: str, local: str | None = None) -> None:
        self.runtime_names[name] = local or name

    def use_package(self, source: str, name: str, local: str) -> None:
        self.package_imports.setdefault(source, {})[name] = local

    def use_wrapped(self, spec: ComponentSpec) -> None:
        """A component from npm or a .jsx file: its import, and what the build must install or copy."""
        if spec.renders_nothing:
            pass  # its hooks are all it has
        elif spec.package is not None:
            self.use_package(spec.package, spec.export, spec.import_name)
        else:  # rx.Fragment's subclasses: React's Fragment, from the runtime
            self.use_runtime(spec.import_name)
        for name, version in spec.npm:
            self.packages.setdefault(name, (version, spec.origin))
        if spec.local_file:
            self.local_files.add(spec.local_file)
        self.side_imports.update(spec.side_imports)
        for module, name, local in spec.named_imports:
            self.use_package(module, name, local)
        self.custom_code.update(dict.fromkeys(spec.custom_code))

    def use_py(self) -> None:
        self.uses_py = True

    def next_temp(self) -> int:
        self._temps += 1
        return self._temps

    def use_function(self, function: Any, node: ast.AST) -> FunctionInfo:
        info = self.project.compile_function(function, caller=(self, node))
        if info.unit is not self:
            self.cross_imports.setdefault("./" + info.unit.filename, set()).add(info.js_name)
        return info

    def position(self, node: ast.AST) -> tuple[int, int] | None:
        line = getattr(node, "lineno", None)
        if line is None:
            return None
        if line in self.parsed.ascii_lines:  # the common case: bytes are characters
            return line, node.col_offset
        return line, self.parsed.column(line, node.col_offset)

    def error(self, code: str, node: ast.AST, message: str, hint: str = "") -> CompileError:
        line, col, length = self.parsed.span(node)
        return CompileError(code, message, self.display_path, line, col, hint, self.parsed.line(line), length)

    def report(self, error: CompileError) -> None:
        self.project.errors.append(error)

    # -- compile ------------------------------------------------------------------------
    def compile(self, function: Any, caller: tuple["ModuleUnit", ast.AST] | None, page: bool) -> FunctionInfo:
        name = function.__name__
        info = self.infos.get(name)
        if info is not None:
            # Called while being compiled: only a declared component (or a page) has its name yet.
            if info.in_progress and not info.js_name:
                raise (caller[0] if caller else self).error(
                    "PYX108", caller[1] if caller else self.parsed.tree,
                    f"{name}() calls itself; a recursive function needs a return annotation",
                    f"declare it `def {name}(...) -> rx.Component:`")
            return info
        node = self.parsed.functions.get(name)
        if node is None or ("." in function.__qualname__ and function is not self.closure_of):
            message = (f"{name}() must be a function defined at module level in {self.display_path}, "
                       "so it can be compiled for the browser")
            hint = "move it to the top level of its module"
            if caller is not None:
                raise caller[0].error("PYX108", caller[1], message, hint)
            line = function.__code__.co_firstlineno
            raise CompileError("PYX108", message, self.display_path, line, 0, hint, self.parsed.line(line))
        if isinstance(node, ast.AsyncFunctionDef):
            raise self.error("PYX108", node, f"{name}() is async; components must be plain functions",
                             "load data in an event handler (e.g. on_load) and read it from State")
        probe = FunctionTransformer(self, node, function, "", component=True)
        annotated = probe.annotation_type(node.returns)
        declared_component = annotated is not None and annotated.kind == "element"
        # `-> int`, `-> str`: a helper, whatever it reads; known before its body, so it may call itself
        declared_helper = annotated is not None and not declared_component and not page and annotated.kind != "any"
        info = FunctionInfo("", not declared_helper, self, in_progress=True, function=function, page=page)
        info.prop_names = _prop_names(function, component=not declared_helper)  # a recursive call needs them already
        if page or declared_component:
            info.js_name = self.names.allocate(name, component_js_name(name) + self.js_suffix)
        elif declared_helper:
            info.js_name = self.names.allocate(name, name + self.js_suffix)
            info.return_type = annotated
        self.infos[name] = info
        self.functions[name] = js.Function(info.js_name, [], [])  # keeps definition order
        info.param_types = self.project.inferred_params(function, node)
        info.param_values = self.project.inferred_values(function)
        transformer = None
        if not declared_helper:
            transformer = FunctionTransformer(self, node, function, info.js_name, component=True,
                                              param_types=info.param_types, param_values=info.param_values)
            compiled = self.transform(transformer, node)
            returns = [*transformer.return_types]
            element = any(_holds_element(r) for r in returns)
            is_component = page or declared_component or bool(transformer.hooks) or bool(transformer.leaves) or element
        if declared_helper:
            info.component = False
            transformer = FunctionTransformer(self, node, function, info.js_name, component=False,
                                              param_types=info.param_types, param_values=info.param_values)
            compiled = self.transform(transformer, node)
            returns = transformer.return_types
        elif not is_component:
            info.component = False
            info.js_name = self.names.allocate(name, name + self.js_suffix)
            transformer = FunctionTransformer(self, node, function, info.js_name, component=False,
                                              param_types=info.param_types, param_values=info.param_values)
            compiled = self.transform(transformer, node)
            returns = transformer.return_types
        elif not info.js_name:
            info.js_name = self.names.allocate(name, component_js_name(name) + self.js_suffix)
            compiled.name = info.js_name
        info.return_type = annotated if annotated is not None and annotated.kind != "any" else (
            t.join(*returns) if returns else t.NONE)
        info.prop_names = _prop_names(function, info.component)
        info.value_params = frozenset(transformer.value_params)
        info.param_values = {n: v for n, v in info.param_values.items() if n in info.value_params}
        info.in_progress = False
        self.functions[name] = compiled
        self.leaves[name] = []
        for number, (element, leaf) in enumerate(transformer.leaves, 1):
            element.tag = leaf.name = f"{info.js_name}$v{number}"
            self.leaves[name].append(leaf)
        return info

    def recompile(self, name: str) -> None:
        info = self.infos.pop(name)
        self.names.by_function.pop(name, None)
        self.names.used.discard(info.js_name)
        self.compile(info.function, None, info.page)

    def transform(self, transformer: FunctionTransformer, node: ast.FunctionDef) -> js.Function:
        self.project.forget_calls_from(transformer.function)
        try:
            return transformer.transform()
        except CompileError as error:
            self.report(error)
        except RecursionError as exc:
            self.report(self.error("PYX101", _failing_node(exc) or node, "this expression is nested too deeply to "
                                   "compile", "split it into smaller parts with local names"))
        except Exception as exc:  # a bug of the compiler: reported where it was compiling, never a traceback
            self.report(self.internal_error(exc, _failing_node(exc) or node))
        return js.Function(transformer.js_name or "Failed", [], [])

    def internal_error(self, exc: BaseException, node: ast.AST) -> CompileError:
        line, col, _ = self.parsed.span(node)
        return internal_error(exc, self.display_path, line, col, self.parsed.line(line))

    # -- render -------------------------------------------------------------------------
    def render(self) -> JSModule:
        imports = []
        if self.runtime_names:
            imports.append(js.Import(sorted(self.runtime_names.items()), RUNTIME_IMPORT))
        for source, names in sorted(self.package_imports.items()):
            imports.append(js.Import(sorted(names.items()), source))
        # A module that prints Python values needs what JSON cannot say of them (runtime_js/src/valueMarks.js)
        side_imports = self.side_imports | ({VALUE_MARKS_IMPORT} if self.uses_py else set())
        imports.extend(js.Import([], source) for source in sorted(side_imports))
        for source, names in sorted(self.cross_imports.items()):
            imports.append(js.Import([(n, n) for n in sorted(names)], source))
        functions = [f for name, function in self.functions.items() for f in (function, *self.leaves.get(name, ()))]
        tree = js.ModuleTree(imports, functions, namespace_imports=(
            [("$py", PY_IMPORT)] if self.uses_py else []), custom_code=list(self.custom_code))
        code, mappings = print_module(tree, self.position)
        content = self.parsed.source if self.project.embed_sources else None
        smap = source_map(self.filename, self.path.as_uri(), content, mappings)
        return JSModule(self.filename, code + inline_comment(smap), str(self.path),
                        {name: info.js_name for name, info in self.infos.items()}, self.needs_theme,
                        None if self.colors is None else frozenset(self.colors), frozenset(self.icons),
                        "\n".join(self.css_rules[name] for name in sorted(self.css_rules)),
                        frozenset(self.package_imports), dict(self.packages), frozenset(self.local_files),
                        {id(info.function): info.js_name for info in self.infos.values()},
                        self.lazy_icons)


@dataclass
class Project:
    """Compiles the app's functions across its source files."""

    root: Path
    # The .py files hold the server's event handlers too, so a production build's source maps
    # point at Python lines without shipping the Python text; a dev build may embed it.
    embed_sources: bool = False
    asset_urls: dict[str, str] = field(default_factory=dict)  # "/logo.png" -> its hashed URL
    client_vars: dict[str, Any] = field(default_factory=dict)  # a ClientStateVar's name -> the var first read
    # a module's unit by its path; a closure's by (path, id of the function)
    units: dict[Any, ModuleUnit] = field(default_factory=dict)
    errors: list[CompileError] = field(default_factory=list)
    # function -> parameter -> the types its call sites passed (unannotated parameters take them)
    call_types: dict[Any, dict[Any, dict[str, list[t.PyType]]]] = field(default_factory=dict)  # callee->caller->
    pages: list[Any] = field(default_factory=list)
    callees: dict[Any, set[Any]] = field(default_factory=dict)  # caller -> the functions it called
    hints: dict[Any, dict[Any, dict[str, list[t.PyType]]]] | None = None  # the previous round's calls
    # function -> caller -> per call, parameter -> the build-time values the argument may take (None: unknown)
    call_values: dict[Any, dict[Any, list[dict[str, tuple | None]]]] = field(default_factory=dict)
    value_hints: dict[Any, dict[Any, list[dict[str, tuple | None]]]] | None = None
    _unit_by_code_file: dict[str, ModuleUnit] = field(default_factory=dict)
    # rx.upload ids the pages render, and each rx.upload_files(upload_id=...) (unit, node, id)
    upload_ids: set[str] = field(default_factory=set)
    dynamic_upload_id: bool = False
    upload_uses: list[tuple[ModuleUnit, ast.AST, str]] = field(default_factory=list)
    parsed: dict[Path, ParsedFile] = field(default_factory=dict)
    _annotations: dict[Any, dict[str, t.PyType]] = field(default_factory=dict)

    def record_call(self, caller: Any, callee: Any, types: dict[str, t.PyType],
                    values: dict[str, tuple | None] | None = None) -> None:
        self.callees.setdefault(caller, set()).add(callee)
        record = self.call_types.setdefault(callee, {}).setdefault(caller, {})
        for name, kind in types.items():
            record.setdefault(name, []).append(kind)
        self.call_values.setdefault(callee, {}).setdefault(caller, []).append(values or {})

    def forget_calls_from(self, caller: Any) -> None:
        """A function being compiled again records its calls afresh."""
        for callee in self.callees.pop(caller, ()):
            self.call_types.get(callee, {}).pop(caller, None)
            self.call_values.get(callee, {}).pop(caller, None)

    def inferred_values(self, function: Any, only: frozenset[str] | None = None) -> dict[str, tuple]:
        """The build-time values a parameter takes, when every call passes known ones (or leaves
        it at its default): `nav_item("home", ...)`, `nav_item("settings", ...)` -> icon is one of two.
        `only`: just these parameters."""
        records = self.value_hints if self.value_hints is not None else self.call_values
        calls = [call for by_caller in records.get(function, {}).values() for call in by_caller]
        if not calls or only == frozenset():
            return {}
        inferred = {}
        for param in signature_of(function).parameters.values():
            if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD) or (only is not None and param.name not in only):
                continue
            collected: list = []
            for call in calls:
                if param.name in call:
                    if call[param.name] is None:
                        break
                    collected.extend(call[param.name])
                elif param.default is not param.empty:
                    collected.append(param.default)
                else:
                    break
            else:
                if len(collected) <= MAX_KNOWN_VALUES:
                    inferred[param.name] = tuple(collected)
        return inferred

    def param_annotations(self, function: Any) -> dict[str, t.PyType]:
        """The types a function's parameters are annotated with (unannotated ones left out)."""
        cached = self._annotations.get(function)
        if cached is None:
            unit = self.unit_for(function)
            node = unit.parsed.functions.get(function.__name__)
            cached = {}
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                probe = FunctionTransformer(unit, node, function, "", component=True)
                args = node.args
                for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
                    kind = probe.annotation_type(arg.annotation)
                    if kind is not None:
                        cached[arg.arg] = kind
            self._annotations[function] = cached
        return cached

    def inferred_params(self, function: Any, node: ast.FunctionDef) -> dict[str, t.PyType]:
        """A parameter has the type its call sites agree on (joined): an unannotated one takes it,
        an annotated one is narrowed by it (types.narrow); parameters no call passes keep their
        default's type."""
        args = node.args
        # every parameter: an unannotated one (or one annotated with a Reflex var type, `n:
        # NumberVar`) takes the call sites' type, an annotated one is narrowed by it
        unannotated = [a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]]
        kinds_by_name: dict[str, list[t.PyType]] = {}
        calls = self.hints if self.hints is not None else self.call_types
        for record in calls.get(function, {}).values():
            for name, kinds in record.items():
                kinds_by_name.setdefault(name, []).extend(kinds)
        inferred = {}
        for name in unannotated:
            kinds = kinds_by_name.get(name)
            if kinds and all(k.kind != "event" for k in kinds):
                inferred[name] = t.join(*kinds)
        if args.kwarg is not None:  # `**props`: each key some call passes, None where a call does not
            calls_made = len(kinds_by_name.get(KWARGS_PREFIX, ()))
            for name, kinds in sorted(kinds_by_name.items()):
                if name.startswith(KWARGS_PREFIX) and name != KWARGS_PREFIX:
                    kind = t.join(*kinds) if all(k.kind != "event" for k in kinds) else kinds[0]
                    inferred[name] = t.optional(kind) if len(kinds) < calls_made else kind
        return inferred

    def refine(self) -> None:
        """A function is compiled at its first call site; a later call site may pass other types.
        Compile again the functions whose parameter types changed (a few rounds at most)."""
        for _ in range(4):
            stale = [(unit, name) for unit in self.units.values() for name, info in unit.infos.items()
                     if self.inferred_params(info.function, unit.parsed.functions[name]) != info.param_types
                     or self.inferred_values(info.function, info.value_params) != info.param_values]
            if not stale:
                return
            if all(unit.infos[name].component for unit, name in stale):
                for unit, name in stale:  # a component's callers do not depend on its parameters
                    unit.recompile(name)
                continue
            # A helper's return type may change with its parameters: start over, reading the
            # parameter types from this (complete) round while the next one records its own.
            self.hints = {callee: {caller: {n: list(k) for n, k in rec.items()} for caller, rec in by.items()}
                          for callee, by in self.call_types.items()}
            self.value_hints = {callee: {caller: list(calls) for caller, calls in by.items()}
                                for callee, by in self.call_values.items()}
            self.units = {}
            try:
                for page in self.pages:
                    self.compile_page(page)
            finally:
                self.hints = self.value_hints = None

    def display(self, path: Path) -> str:
        return display_path(path, self.root)

    def unit_for(self, function: Any) -> ModuleUnit:
        if "<locals>" in function.__qualname__:
            return self.closure_unit(function)
        return self.unit_for_file(function)

    def unit_for_file(self, function: Any) -> ModuleUnit:
        """The unit of the module that defines `function`."""
        unit = self._unit_by_code_file.get(function.__code__.co_filename)
        if unit is not None and unit.path in self.units and self.units[unit.path] is unit:
            return unit
        source_file = inspect.getsourcefile(function)
        if source_file is None:
            raise CompileError("PYX108", f"{function.__name__}() has no Python source file to compile",
                               "<unknown>", 1, 0, "define the component in a .py file")
        path = Path(source_file).resolve()
        unit = self.units.get(path)
        if unit is None:
            if path not in self.parsed:
                self.parsed[path] = parse_file(path, self.display(path))
            unit = self.units[path] = ModuleUnit(self, self.parsed[path], function.__globals__)
        self._unit_by_code_file[function.__code__.co_filename] = unit
        return unit

    def closure_unit(self, function: Any) -> ModuleUnit:
        """A function made by another function (a page template's `templated_page`, made once per
        page) is compiled once per instance, in a unit of its own whose globals are its module's
        plus the values it closed over, so each instance means what it means in Python."""
        key = (function.__code__.co_filename, id(function))
        unit = self.units.get(key)
        if unit is not None and unit.closure_of is function:
            return unit
        module_unit = self.unit_for_file(function)
        node = _nested_def(module_unit.parsed.tree, function)
        if node is None:
            raise CompileError("PYX108", f"{function.__name__}() has no definition in {module_unit.display_path} to compile",
                               module_unit.display_path, function.__code__.co_firstlineno, 0,
                               "define it with `def` (a lambda cannot be a component)")
        cells = {name: cell.cell_contents for name, cell in zip(function.__code__.co_freevars, function.__closure__ or ())
                 if _has_contents(cell)}
        parsed = replace(module_unit.parsed, functions={function.__name__: node})
        number = sum(1 for other in self.units.values() if other.closure_of is not None and other.path == module_unit.path)
        filename = module_unit.filename.removesuffix(".jsx") + f"__{function.__name__}_{number + 1}.jsx"
        unit = self.units[key] = ModuleUnit(self, parsed, {**function.__globals__, **cells}, function, filename)
        return unit

    def compile_function(self, function: Any, caller: tuple[ModuleUnit, ast.AST] | None = None,
                         page: bool = False) -> FunctionInfo:
        return self.unit_for(function).compile(function, caller, page)

    def compile_page(self, function: Any) -> None:
        """A page is rendered by the router with no props, so it may not require any."""
        if function not in self.pages:
            self.pages.append(function)
        try:
            unit = self.unit_for(function)
            node = unit.parsed.functions.get(function.__name__)
            if isinstance(node, ast.FunctionDef):
                args = node.args
                required = args.posonlyargs + args.args
                required = required[: len(required) - len(args.defaults)]
                required += [a for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is None]
                if required:
                    raise unit.error("PYX108", required[0], f"page {function.__name__}() takes a parameter "
                                     f"`{required[0].arg}`, but pages are shown with no arguments",
                                     "read route values and other inputs from State instead")
            unit.compile(function, None, page=True)
        except CompileError as error:
            self.errors.append(error)

    def check_upload_ids(self) -> None:
        """Each rx.upload_files names an rx.upload the pages render (unknowable when an id is
        computed in the browser)."""
        if self.dynamic_upload_id:
            return
        known = ", ".join(f'"{i}"' for i in sorted(self.upload_ids))
        for unit, node, upload_id in self.upload_uses:
            if upload_id not in self.upload_ids:
                hint = f"the pages' rx.upload ids are: {known}" if known else f'add rx.upload(..., id="{upload_id}") to the page'
                self.errors.append(unit.error("PYX115", node, f'rx.upload_files(upload_id="{upload_id}"): no rx.upload '
                                                              f"with that id in the app's pages", hint))

    def render(self) -> list[JSModule]:
        if not self.errors:
            self.refine()
        self.check_upload_ids()
        if self.errors:
            raise CompileErrors(self.errors)
        return [unit.render() for unit in self.units.values() if unit.infos]  # a closure's module may compile nothing itself


def _failing_node(exc: BaseException) -> ast.AST | None:
    """The innermost Python node the transform was working on when `exc` was raised."""
    found = None
    tb = exc.__traceback__
    while tb is not None:
        node = tb.tb_frame.f_locals.get("node")
        if isinstance(node, ast.AST) and getattr(node, "lineno", None) is not None:
            found = node
        tb = tb.tb_next
    return found


def _prop_names(function: Any, component: bool) -> dict[str, str]:
    """Parameter -> its JS name: a prop of a component, a positional parameter of a helper."""
    return {p: prop_identifier(p) if component else js_identifier(p) for p in signature_of(function).parameters}


def _holds_element(kind: t.PyType) -> bool:
    if kind.kind == "element":
        return True
    return any(_holds_element(a) for a in kind.args if isinstance(a, t.PyType))


def _nested_def(tree: ast.Module, function: Any) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """The `def` of a nested function: its name, on the line its code starts (a decorator's line
    when it has one)."""
    line = function.__code__.co_firstlineno
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == function.__name__ \
                and line in (node.lineno, *(d.lineno for d in node.decorator_list)):
            return node
    return None


def _has_contents(cell: Any) -> bool:
    try:
        cell.cell_contents
    except ValueError:  # a variable the enclosing function had not bound yet
        return False
    return True


def _module_filename(module_name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", module_name) + ".jsx"


def display_path(path: Path, root: Path) -> str:
    """A file as compile errors name it: relative to `root` (the working folder) when inside it."""
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)

