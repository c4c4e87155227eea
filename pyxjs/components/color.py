"""`rx.color("accent", 9)`: a Radix Themes color token as a CSS value, as Reflex spells it."""

from __future__ import annotations

from pyxjs.components.spec import BrowserFunction
from pyxjs.components.theme import ACCENT_COLORS, GRAY_COLORS

COLOR_NAMES = frozenset([*ACCENT_COLORS, *GRAY_COLORS, "accent", "black", "white"]) - {"auto"}


def color(color: str, shade: int = 7, alpha: bool = False) -> str:
    """`var(--red-9)`, `var(--accent-a3)` with alpha=True: the theme's scale step 1..12."""
    if color not in COLOR_NAMES:
        raise ValueError(f"rx.color({color!r}): not a Radix color; use one of: {', '.join(sorted(COLOR_NAMES))}")
    if isinstance(shade, bool) or not isinstance(shade, int) or not 1 <= shade <= 12:
        raise ValueError(f"rx.color({color!r}, {shade!r}): the shade is an int from 1 to 12")
    return f"var(--{color}-{'a' if alpha else ''}{shade})"


color._pyx_browser = BrowserFunction("color", str)  # type: ignore[attr-defined] - runtime_js/src/color.js
