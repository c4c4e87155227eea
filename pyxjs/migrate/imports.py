"""The codemod: each import of Reflex becomes the same import of pyxjs.

Imports are matched on the qualified names that libcst's scope analysis gives what they bind
(`import reflex as rx` binds `rx` to `reflex`; `from reflex.vars.base import Var` binds `Var` to
`reflex.vars.base.Var`), not on how they are spelled: a relative `from .reflex import x` or a
project module of that name is never touched. Only the import statements change, so the names
the code uses stay bound: `import reflex` becomes `import pyxjs as reflex`, and `reflex.foo`
uses keep working unchanged. Every other byte of the file is left as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import (ImportAssignment, MetadataWrapper, PositionProvider, QualifiedNameProvider,
                             ScopeProvider)

REFLEX = "reflex"
PYXJS = "pyxjs"
DYNAMIC_IMPORTS = {"importlib.import_module", "builtins.__import__"}


@dataclass(frozen=True)
class Rewrite:
    line: int
    before: str
    after: str


@dataclass(frozen=True)
class Finding:
    """Something the codemod leaves as it is and the user must deal with."""
    line: int
    col: int
    message: str
    hint: str


@dataclass
class FileRewrite:
    source: bytes
    result: bytes
    rewrites: list[Rewrite] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    uses_reflex_or_pyxjs: bool = False  # imports either, before or after the rewrite
    encoding: str = "utf-8"  # the file's own (a coding cookie or a BOM), kept when it is written

    @property
    def changed(self) -> bool:
        return self.result != self.source


def is_reflex(qualified_name: str) -> bool:
    return qualified_name == REFLEX or qualified_name.startswith(REFLEX + ".")


def third_party_package(qualified_name: str) -> str | None:
    """`reflex_chakra.components.x` -> `reflex_chakra`: a package built on Reflex, not Reflex."""
    top = qualified_name.split(".")[0]
    return top if top.startswith(REFLEX + "_") else None


def rewrite_source(source: bytes, local_modules: frozenset[str] = frozenset()) -> FileRewrite:
    """The file's bytes with its Reflex imports rewritten. `local_modules` are the project's own
    top-level module names (a project file called reflex_helpers.py is no third-party package).
    Raises libcst.ParserSyntaxError when the file does not parse."""
    module = cst.parse_module(source)
    transformer = ReflexImports(module, local_modules)
    result = MetadataWrapper(module, unsafe_skip_copy=True).visit(transformer)
    return FileRewrite(source, result.bytes, transformer.rewrites, transformer.findings,
                       transformer.uses_reflex_or_pyxjs, module.encoding)


def with_root(name: cst.Name | cst.Attribute, root: str) -> cst.Name | cst.Attribute:
    """`reflex.components.x` -> `pyxjs.components.x`, keeping any whitespace around the dots."""
    if isinstance(name, cst.Name):
        return name.with_changes(value=root)
    return name.with_changes(value=with_root(name.value, root))


def bound_node(alias: cst.ImportAlias) -> cst.CSTNode:
    """The node scope analysis records as what an import alias binds."""
    return alias.asname.name if alias.asname is not None else alias.name


class ReflexImports(cst.CSTTransformer):
    METADATA_DEPENDENCIES = (ScopeProvider, PositionProvider, QualifiedNameProvider)

    def __init__(self, module: cst.Module, local_modules: frozenset[str]) -> None:
        super().__init__()
        self.module = module
        self.local_modules = local_modules
        self.rewrites: list[Rewrite] = []
        self.findings: list[Finding] = []
        self.uses_reflex_or_pyxjs = False
        self.bound: dict[cst.CSTNode, set[str]] = {}  # an alias's bound name -> its qualified names

    def visit_Module(self, node: cst.Module) -> None:
        scopes = {scope for scope in self.metadata[ScopeProvider].values() if scope is not None}
        third_party: dict[cst.CSTNode, set[str]] = {}
        for scope in scopes:
            for assignment in scope.assignments:
                if not isinstance(assignment, ImportAssignment):
                    continue
                names = {q.name for q in assignment.get_qualified_names_for(assignment.name)}
                self.bound.setdefault(assignment.as_name, set()).update(names)
                for name in names:
                    package = third_party_package(name)
                    if package is not None and package not in self.local_modules:
                        third_party.setdefault(assignment.node, set()).add(package)
                    if is_reflex(name) or name.split(".")[0] == PYXJS:
                        self.uses_reflex_or_pyxjs = True
        for statement, packages in third_party.items():
            for package in sorted(packages):
                self.report_third_party(statement, package)

    def report_third_party(self, node: cst.CSTNode, package: str) -> None:
        self.find(node, f"a Reflex third-party package pyxjs cannot use: {package}",
                  "its components are Reflex's, which pyxjs cannot compile: use pyxjs's own components, "
                  "or wrap the React package it wraps with `pyx wrap`")

    def find(self, node: cst.CSTNode, message: str, hint: str) -> None:
        start = self.get_metadata(PositionProvider, node).start
        self.findings.append(Finding(start.line, start.column + 1, message, hint))

    def record(self, original: cst.CSTNode, updated: cst.CSTNode) -> None:
        line = self.get_metadata(PositionProvider, original).start.line
        self.rewrites.append(Rewrite(line, self.module.code_for_node(original), self.module.code_for_node(updated)))

    def leave_Import(self, original_node: cst.Import, updated_node: cst.Import) -> cst.Import:
        names: list[cst.ImportAlias] = []
        needs_reflex_binding = False
        for original, alias in zip(original_node.names, updated_node.names):
            if not any(is_reflex(name) for name in self.bound.get(bound_node(original), ())):
                names.append(alias)
            elif alias.asname is not None:  # import reflex.x as y -> import pyxjs.x as y
                names.append(alias.with_changes(name=with_root(alias.name, PYXJS)))
            elif isinstance(alias.name, cst.Name):  # import reflex -> import pyxjs as reflex
                names.append(alias.with_changes(name=with_root(alias.name, PYXJS),
                                                asname=cst.AsName(name=cst.Name(REFLEX))))
            else:  # import reflex.x binds `reflex` and loads reflex.x: so does import pyxjs.x, pyxjs as reflex
                names.append(alias.with_changes(name=with_root(alias.name, PYXJS)))
                needs_reflex_binding = True
        if names == list(updated_node.names):
            return updated_node
        if needs_reflex_binding and not any(self.binds_reflex_to_pyxjs(alias) for alias in names):
            names.append(cst.ImportAlias(name=cst.Name(PYXJS), asname=cst.AsName(name=cst.Name(REFLEX))))
        updated = updated_node.with_changes(names=names)
        self.record(original_node, updated)
        return updated

    @staticmethod
    def binds_reflex_to_pyxjs(alias: cst.ImportAlias) -> bool:
        return (isinstance(alias.name, cst.Name) and alias.name.value == PYXJS and alias.asname is not None
                and isinstance(alias.asname.name, cst.Name) and alias.asname.name.value == REFLEX)

    def leave_ImportFrom(self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom) -> cst.ImportFrom:
        if original_node.relative or original_node.module is None:
            return updated_node
        if isinstance(original_node.names, cst.ImportStar):
            # A star import binds no name scope analysis could qualify: its module's name is all there is.
            module_name = get_full_name_for_node(original_node.module) or ""
            package = third_party_package(module_name)
            if package is not None and package not in self.local_modules:
                self.report_third_party(original_node, package)
            if is_reflex(module_name) or module_name.split(".")[0] == PYXJS:
                self.uses_reflex_or_pyxjs = True
            if not is_reflex(module_name):
                return updated_node
        elif not any(is_reflex(name) for alias in original_node.names for name in self.bound.get(bound_node(alias), ())):
            return updated_node
        updated = updated_node.with_changes(module=with_root(updated_node.module, PYXJS))
        self.record(original_node, updated)
        return updated

    def visit_Call(self, node: cst.Call) -> None:
        """importlib.import_module("reflex.x") is a string the codemod does not rewrite: say so."""
        called = {q.name for q in self.get_metadata(QualifiedNameProvider, node.func, set())}
        if not called & DYNAMIC_IMPORTS or not node.args:
            return
        first = node.args[0].value
        target = first.evaluated_value if isinstance(first, cst.SimpleString) else None
        if isinstance(target, str) and is_reflex(target):
            self.uses_reflex_or_pyxjs = True
            self.find(node, f"a dynamic import of `{target}` that pyx migrate does not rewrite",
                      f"import \"{PYXJS}{target[len(REFLEX):]}\" instead")
