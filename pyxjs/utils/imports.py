"""Reflex's `reflex.utils.imports`: `ImportDict`, the type of a wrapped component's `add_imports()`."""

from __future__ import annotations

from typing import Union

from pyxjs.reflex_paths import module_getattr

__all__ = ["ImportDict"]

# `{"react": ["useEffect"], "": "pkg/style.css", "d3-scale": "scaleLinear"}` (pyxjs/components/wrap.py).
ImportDict = dict[str, Union[str, list[str]]]

__getattr__ = module_getattr(__name__, hints={
    "ImportVar": 'name imports as plain strings: `{"react": ["useEffect"]}` (a default export: '
                 'declare `is_default = True` on the wrapped class)',
    "ParsedImportDict": "use `ImportDict`",
    "ImportTypes": "use `ImportDict`",
})
