"""Reflex's `reflex.utils.imports`: `ImportDict` and `ImportVar`, what a wrapped component's
`add_imports()` / `_get_imports()` return (read by pyxjs/components/wrap.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from pyxjs.reflex_paths import module_getattr

__all__ = ["ImportDict", "ImportTypes", "ImportVar", "ParsedImportDict"]


@dataclass(frozen=True)
class ImportVar:
    """One name imported from a module: `ImportVar(tag="useEffect")` is `import {useEffect}`,
    `is_default=True` the module's default export, `alias` the local name it is bound to."""

    tag: str | None = None
    is_default: bool = False
    alias: str | None = None
    install: bool = True  # Reflex's npm switches: pyxjs installs what the class's library names
    render: bool = True
    transpile: bool = False
    package_path: str = "/"

    @property
    def name(self) -> str:
        """The local name the generated code uses."""
        return self.alias or self.tag or ""


ImportTypes = Union[str, ImportVar, list[Union[str, ImportVar]], tuple[Union[str, ImportVar], ...],
                    set[Union[str, ImportVar]]]
# `{"react": [ImportVar(tag="useEffect")], "": "pkg/style.css", "d3-scale": "scaleLinear"}`.
ImportDict = dict[str, ImportTypes]
ParsedImportDict = dict[str, list[ImportVar]]

__getattr__ = module_getattr(__name__)
