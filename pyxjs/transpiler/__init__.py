"""Python component functions -> JSX modules (parse, analyze, transform, print)."""

from pyxjs.transpiler.diagnostics import CODES, CompileError
from pyxjs.transpiler.module import JSModule, Project


def transpile(functions, root, embed_sources: bool = False) -> list[JSModule]:
    """Compile the given page functions (and every component they call)."""
    project = Project(root, embed_sources)
    for function in functions:
        project.compile_page(function)
    return project.render()


__all__ = ["CODES", "CompileError", "JSModule", "Project", "transpile"]
