"""Reflex's `reflex.style`: `Style` (a dict of style props), the color mode, breakpoints."""

from __future__ import annotations

from typing import Any

from pyxjs.components import color_mode
from pyxjs.components.cssgen import breakpoints
from pyxjs.reflex_paths import module_getattr
from pyxjs.state.actions import set_color_mode, toggle_color_mode

__all__ = ["Style", "breakpoints", "color_mode", "set_color_mode", "toggle_color_mode"]


class Style(dict):
    """Reflex's `Style({...})`: style props by name, as `style={...}` and `rx.App(style=...)` take
    them. A plain dict in pyxjs (its keys are checked where it is used)."""

    _pyx_annotation: Any = dict[str, Any]

    def __init__(self, style_dict: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(style_dict or {}, **kwargs)


__getattr__ = module_getattr(__name__, hints={
    "LIGHT_COLOR_MODE": 'the light color mode is the string "light"',
    "DARK_COLOR_MODE": 'the dark color mode is the string "dark"',
    "resolved_color_mode": "use `rx.color_mode_cond(light, dark)` for what depends on the color mode",
    "convert": "pass style dicts as they are: `style={...}`",
})
