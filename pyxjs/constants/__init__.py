"""Reflex's `reflex.constants`: the colors (`reflex.constants.colors`); Reflex's other constants
describe its own compiler and CLI, which pyxjs does not have."""

from pyxjs.constants.colors import Color, ColorType, ShadeType
from pyxjs.reflex_paths import module_getattr

__all__ = ["Color", "ColorType", "ShadeType"]

_INTERNAL = "it belongs to Reflex's own compiler, which pyxjs does not have"
__getattr__ = module_getattr(__name__, hints={
    "EventTriggers": "name triggers as props: `on_click=...`, `on_change=...`",
    "Hooks": _INTERNAL, "MemoizationMode": _INTERNAL, "MemoizationDisposition": _INTERNAL, "Dirs": _INTERNAL,
    "Reflex": _INTERNAL, "Imports": _INTERNAL, "Env": "pyxjs has no environment modes; see `pyx run --dev`",
})
