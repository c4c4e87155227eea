"""Reflex's `reflex.constants.colors`: `Color("red", 9)` is what `rx.color("red", 9)` gives."""

from __future__ import annotations

from typing import Any, Literal

from pyxjs.components.color import COLOR_NAMES, color
from pyxjs.components.spec import BrowserFunction
from pyxjs.reflex_paths import module_getattr

__all__ = ["Color", "ColorType", "MAX_SHADE_VALUE", "MIN_SHADE_VALUE", "ShadeType"]

ColorType = Literal[tuple(sorted(COLOR_NAMES))]
ShadeType = Literal[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
MIN_SHADE_VALUE = 1
MAX_SHADE_VALUE = 12


class Color(str):
    """A Radix color token as its CSS value (`var(--red-9)`), a str as `rx.color`'s result is in
    pyxjs, keeping Reflex's fields (`color`, `shade`, `alpha`)."""

    _pyx_annotation: Any = str
    color: str
    shade: int
    alpha: bool

    def __new__(cls, color_name: str, shade: int = 7, alpha: bool = False) -> "Color":
        value = str.__new__(cls, color(color_name, shade, alpha))
        value.color, value.shade, value.alpha = color_name, shade, alpha
        return value


# In component code `Color("red", 9)` compiles like `rx.color("red", 9)` (folded when constant).
Color._pyx_browser = BrowserFunction("color", str)  # type: ignore[attr-defined]

__getattr__ = module_getattr(__name__, hints={"format_color": "`rx.color(color, shade, alpha)` gives the CSS value"})
