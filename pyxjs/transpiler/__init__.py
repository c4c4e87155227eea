"""Python component functions -> JSX modules (parse, analyze, transform, print)."""

from pyxjs.transpiler.diagnostics import CODES, CompileError, CompileErrors
from pyxjs.transpiler.project import JSModule, Project


def transpile(functions, root, embed_sources: bool = False) -> list[JSModule]:
    """Compile the given page functions (and every app function they call).

    Raises CompileErrors with every error of the run, sorted by file and line.
    """
    project = Project(root, embed_sources)
    for function in functions:
        project.compile_page(function)
    return project.render()


__all__ = ["CODES", "CompileError", "CompileErrors", "JSModule", "Project", "transpile"]
