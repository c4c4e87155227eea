"""CSS properties a component accepts as keyword props (`width="100%"`, `font_size="2em"`).

The compiler gathers them into the element's `style`, as Reflex does; a prop that is neither a
component prop nor listed here passes through to the DOM element unchanged.
"""

import re

CSS_PROPERTIES = frozenset(
    """
    align_content align_items align_self animation aspect_ratio backdrop_filter background
    background_color bg bg_color background_image background_position background_repeat background_size border
    border_bottom border_color border_left border_radius border_right border_style border_top border_width
    bottom box_shadow box_sizing color column_gap columns cursor display filter flex flex_basis
    flex_direction flex_grow flex_shrink flex_wrap float font font_family font_size font_style font_weight
    gap grid_area grid_column grid_row grid_template_areas grid_template_columns grid_template_rows height
    inset justify_content justify_items justify_self left letter_spacing line_height list_style margin
    margin_bottom margin_left margin_right margin_top margin_x margin_y max_height max_width min_height
    min_width object_fit object_position opacity order outline overflow overflow_wrap overflow_x overflow_y
    padding padding_bottom padding_left padding_right padding_top padding_x padding_y place_items
    pointer_events position right row_gap text_align text_decoration text_overflow text_shadow
    text_transform top transform transition user_select vertical_align visibility white_space width
    word_break z_index
    """.split()
)

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
