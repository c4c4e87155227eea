"""The build's own checks on the migrated project: load the app and compile its pages, without
npm or esbuild (what `pyx build` would report before it bundles)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildCheck:
    errors: str  # as `pyx build` prints them; empty when the app compiles
    pages: int = 0


def check_build(app_file: Path) -> BuildCheck:
    from pyxjs.bundler.builder import compile_app  # the compiler loads only when a check runs
    from pyxjs.bundler.errors import BuildError

    try:
        loaded, _modules, _urls = compile_app(app_file)
    except BuildError as exc:
        return BuildCheck(str(exc))
    except Exception as exc:  # noqa: BLE001 - a failure of the compiler's own: reported, never a traceback
        return BuildCheck(f"{app_file}: internal error in pyxjs while compiling the app: {type(exc).__name__}: {exc}"
                          "\nhint: please report it, with the file")
    return BuildCheck("", len(loaded.app.pages))
