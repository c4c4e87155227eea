"""The build's own checks on the migrated project: find the app as `pyx build` in that folder
would (rxconfig.py's app_name, or a single app.py), load it and compile its pages, without npm or
esbuild."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class BuildCheck:
    app_file: Path | None = None  # the app module the project's layout names; None: it names none
    errors: str = ""  # as `pyx build` prints them; empty when the app compiles
    pages: int = 0
    warnings: list[str] = field(default_factory=list)  # what rxconfig.py asks for that pyxjs ignores


def check_build(root: Path, has_rxconfig: bool) -> BuildCheck:
    # Imported here: the compiler loads only when a check runs.
    from pyxjs.bundler.builder import compile_app
    from pyxjs.bundler.errors import BuildError
    from pyxjs.layout import locate
    from pyxjs.load_errors import AppLoadError

    check = BuildCheck()
    try:
        check.app_file = locate(root).entry
    except AppLoadError as exc:
        # Without rxconfig.py a folder of modules may simply hold no app: nothing to check then.
        check.errors = str(exc) if has_rxconfig else ""
        return check
    try:
        loaded, _modules, _urls = compile_app(root, check.warnings.append)
    except BuildError as exc:
        check.errors = str(exc)
        return check
    except Exception as exc:  # noqa: BLE001 - a failure of the compiler's own: reported, never a traceback
        check.errors = (f"{check.app_file}: internal error in pyxjs while compiling the app: {type(exc).__name__}: "
                        f"{exc}\nhint: please report it, with the file")
        return check
    check.pages = len(loaded.app.pages)
    return check
