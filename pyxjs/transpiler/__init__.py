"""Python component functions -> JSX modules (parse, analyze, transform, print)."""

import gc

from pathlib import Path

from pyxjs.transpiler.diagnostics import CODES, CompileError, CompileErrors, internal_error
from pyxjs.transpiler.phases.analyze.resolve import clear_cache
from pyxjs.transpiler.project import JSModule, Project, display_path


def transpile(functions, root, embed_sources: bool = False, asset_urls: dict[str, str] | None = None) -> list[JSModule]:
    """Compile the given page functions (and every app function they call).

    Raises CompileErrors with every error of the run, sorted by file and line. `asset_urls` maps
    the app's assets/ paths to their hashed URLs: a constant prop naming one is compiled to it.
    """
    # A compile allocates many small, short-lived objects and frees none of them until it ends,
    # so the cycle collector's passes are pure cost here (about 40% of a large app's time).
    collecting = gc.isenabled()
    gc.disable()
    clear_cache()
    project = Project(root, embed_sources, asset_urls=asset_urls or {})
    current = functions[0] if functions else None
    try:
        for function in functions:
            current = function
            project.compile_page(function)
        return project.render()
    except (CompileError, CompileErrors):
        raise
    except Exception as exc:  # a bug of the compiler outside any one function: located at the page
        code = getattr(current, "__code__", None)
        file = display_path(Path(code.co_filename), Path(root)) if code else "<app>"
        raise CompileErrors([*project.errors, internal_error(exc, file, code.co_firstlineno if code else 1)]) from None
    finally:
        clear_cache()
        if collecting:
            gc.enable()


__all__ = ["CODES", "CompileError", "CompileErrors", "JSModule", "Project", "transpile"]
