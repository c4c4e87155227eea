"""CSS properties a component accepts as keyword props (`width="100%"`, `font_size="2em"`).

The compiler gathers them into the element's `style`, as Reflex does; a prop that is neither a
component prop nor a CSS property is checked against the element's attributes (jsx.py).
"""

import re

from pyxjs.components.css_properties import MDN_CSS_PROPERTIES

# Every CSS property is a style prop, as in Reflex (`padding_inline_start`, `border_image`): MDN's
# list (css_properties.py, generated from npm's mdn-data by scripts/gen_css_properties.py). Two
# HTML attributes keep their attribute meaning where a CSS property has the same name.
_ATTRIBUTES_FIRST = frozenset({"content", "translate"})
CSS_PROPERTIES = (MDN_CSS_PROPERTIES - _ATTRIBUTES_FIRST) | frozenset(
    "bg bg_color margin_x margin_y padding_x padding_y".split())  # Reflex's shorthands (below)

# Reflex's shorthands that CSS spells otherwise (reflex/style.py's STYLE_PROP_SHORTHAND_MAPPING),
# as keyword props and as keys of any style dict.
CSS_SHORTHANDS = {
    "margin_x": ("marginLeft", "marginRight"),
    "margin_y": ("marginTop", "marginBottom"),
    "padding_x": ("paddingLeft", "paddingRight"),
    "padding_y": ("paddingTop", "paddingBottom"),
    "bg": ("background",),
    "bg_color": ("backgroundColor",),
}


def style_keys(key: str) -> tuple[str, ...]:
    """The React style keys (camelCase) a style key in any spelling stands for: `font_size`,
    `fontSize` and `font-size` give `fontSize`; Reflex's shorthands (`margin_y`, `marginY`,
    `bg`) give the properties they mean; custom properties (`--x`) stay as written."""
    if key.startswith("--"):
        return (key,)
    snake = re.sub(r"[A-Z]", lambda m: "_" + m.group().lower(), key).replace("-", "_")
    if snake in CSS_SHORTHANDS:
        return CSS_SHORTHANDS[snake]
    head, *rest = snake.split("_")
    return (head + "".join(part[:1].upper() + part[1:] for part in rest),)
