"""What values the core components' props take (Radix Themes' prop definitions, as Reflex types
them): `rx.button(size="5")` or `rx.badge(variant="ghost")` is a build error naming the values
that fit, where Radix would silently render the default. Data only; the transpiler checks it.

Sizes, spacings and column counts are strings in Radix ("1".."9"); an int there is written out as
its string (`size=3` is `size="3"`), so both spellings work."""

from __future__ import annotations

from typing import Any, Literal

Number = int | float
# A list of numbers (a slider's thumbs): a single number given for it is made a one-item list.
ONE_ITEM_LIST = list[Number]


def steps(last: int, first: int = 1) -> Any:
    """Literal["1", ..., "last"]: a Radix size scale."""
    return Literal[tuple(str(step) for step in range(first, last + 1))]


ACCENT = Literal["tomato", "red", "ruby", "crimson", "pink", "plum", "purple", "violet", "iris", "indigo", "blue",
                 "cyan", "teal", "jade", "green", "grass", "brown", "orange", "sky", "mint", "lime", "yellow",
                 "amber", "gold", "bronze", "gray"]
RADIUS = Literal["none", "small", "medium", "large", "full"]
WEIGHT = Literal["light", "regular", "medium", "bold"]
TEXT_ALIGN = Literal["left", "center", "right"]
TRIM = Literal["normal", "start", "end", "both"]
FLEX_ALIGN = Literal["start", "center", "end", "baseline", "stretch"]
JUSTIFY = Literal["start", "center", "end", "between"]
DIRECTION = Literal["row", "column", "row-reverse", "column-reverse"]
ORIENTATION = Literal["horizontal", "vertical"]
SIDE = Literal["top", "right", "bottom", "left"]
SIDE_ALIGN = Literal["start", "center", "end"]
FIELD_VARIANT = Literal["classic", "surface", "soft"]

# Props whose Radix values are numeric strings: an int constant becomes its string.
NUMERIC_STRINGS = frozenset({"size", "spacing", "spacing_x", "spacing_y", "columns", "rows"})
# Responsive values: {"initial": "1", "md": "3"} (what rx.breakpoints(...) makes) for these props.
BREAKPOINTS = frozenset({"initial", "xs", "sm", "md", "lg", "xl"})

# Every component takes these.
COMMON: dict[str, Any] = {"color_scheme": ACCENT, "high_contrast": bool, "as_child": bool, "id": str,
                          "class_name": str, "title": str}

_FLEX = {"direction": DIRECTION, "align": FLEX_ALIGN, "justify": JUSTIFY,
         "wrap": Literal["nowrap", "wrap", "wrap-reverse"], "spacing": str, "spacing_x": str, "spacing_y": str}
_TEXT = {"size": steps(9), "weight": WEIGHT, "align": TEXT_ALIGN, "trim": TRIM, "truncate": bool,
         "wrap": Literal["wrap", "nowrap", "pretty", "balance"], "text_wrap": Literal["wrap", "nowrap", "pretty", "balance"]}
_BUTTON = {"size": steps(4), "variant": Literal["classic", "solid", "soft", "surface", "outline", "ghost"],
           "radius": RADIUS, "loading": bool, "disabled": bool, "type": Literal["button", "submit", "reset"]}
_FIELD = {"size": steps(3), "variant": FIELD_VARIANT, "radius": RADIUS, "placeholder": str, "disabled": bool,
          "read_only": bool, "required": bool, "auto_focus": bool, "max_length": int, "min_length": int, "name": str}
_TOGGLE = {"size": steps(3), "variant": FIELD_VARIANT, "disabled": bool, "required": bool, "name": str}
_CONTENT = {"side": SIDE, "align": SIDE_ALIGN, "side_offset": Number, "force_mount": bool}

VALUE_TYPES: dict[str, dict[str, Any]] = {
    **{name: _FLEX for name in ("flex", "stack", "hstack", "vstack", "center", "spacer")},
    "grid": {"columns": str, "rows": str, "flow": Literal["row", "column", "dense", "row-dense", "column-dense"],
             "align": FLEX_ALIGN, "justify": JUSTIFY, "spacing": str, "spacing_x": str, "spacing_y": str},
    "container": {"size": steps(4), "align": TEXT_ALIGN},
    "section": {"size": steps(3)},
    "card": {"size": steps(5), "variant": Literal["surface", "classic", "ghost"]},
    "inset": {"side": Literal["all", "x", "y", "top", "bottom", "left", "right"], "clip": Literal["border-box", "padding-box"]},
    "separator": {"size": steps(4), "orientation": ORIENTATION, "decorative": bool},
    "divider": {"size": steps(4), "orientation": ORIENTATION, "decorative": bool},
    "scroll_area": {"type": Literal["auto", "always", "scroll", "hover"], "size": steps(3), "radius": RADIUS,
                    "scrollbars": Literal["vertical", "horizontal", "both"], "scroll_hide_delay": int},
    "aspect_ratio": {"ratio": Number},
    "heading": {**_TEXT, "as_": Literal["h1", "h2", "h3", "h4", "h5", "h6"]},
    "text": {**_TEXT, "as_": Literal["p", "label", "div", "span"]},
    "link": {**_TEXT, "href": str, "is_external": bool, "underline": Literal["auto", "hover", "always", "none"]},
    "callout.text": _TEXT,
    "code": {"size": steps(9), "variant": Literal["solid", "soft", "outline", "ghost"], "weight": WEIGHT},
    "blockquote": {"size": steps(9), "weight": WEIGHT},
    "kbd": {"size": steps(9)},
    "code_block": {"code": str, "language": str, "show_line_numbers": bool, "wrap_long_lines": bool, "can_copy": bool},
    "data_list.root": {"orientation": ORIENTATION, "size": steps(3), "trim": TRIM},
    "data_list.item": {"align": FLEX_ALIGN},
    "image": {"src": str, "alt": str, "loading": Literal["eager", "lazy"]},
    "avatar": {"src": str, "fallback": str, "size": steps(9), "variant": Literal["solid", "soft"], "radius": RADIUS},
    "icon": {"size": Number, "stroke_width": Number, "absolute_stroke_width": bool},
    "upload": {"multiple": bool, "max_files": int, "max_size": int, "min_size": int, "disabled": bool,
               "no_click": bool, "no_drag": bool, "no_keyboard": bool},
    "button": _BUTTON,
    "icon_button": _BUTTON,
    "input": _FIELD,
    "text_area": {**_FIELD, "rows": int, "resize": Literal["none", "vertical", "horizontal", "both"]},
    "checkbox": {**_TOGGLE, "checked": bool, "default_checked": bool},
    "switch": {**_TOGGLE, "radius": RADIUS, "checked": bool, "default_checked": bool},
    "checkbox_group.root": {**_TOGGLE, "value": list[str], "default_value": list[str], "orientation": ORIENTATION},
    "checkbox_group.item": {"value": str, "disabled": bool},
    "input.slot": {"side": Literal["left", "right"]},
    "debounce_input": {"debounce_timeout": Number, "force_notify_by_enter": bool, "force_notify_on_blur": bool,
                       "min_length": int},
    "html": {"contents": str},
    # next/script's strategies that mean "after the page shows"; beforeInteractive and worker need
    # a server-rendered document, which pyxjs pages are not.
    "script": {"src": str, "contents": str, "strategy": Literal["afterInteractive", "lazyOnload"]},
    **{kind: {"url": str, "playing": bool, "loop": bool, "controls": bool, "muted": bool, "volume": Number,
              "playback_rate": Number, "plays_inline": bool} for kind in ("video", "audio")},
    "theme_panel": {"default_open": bool},
    "toast.provider": {"position": Literal["top-left", "top-center", "top-right", "bottom-left", "bottom-center",
                                           "bottom-right"], "duration": Number},
    # A slider's value is a list (one number a thumb); a single number is made a one-item list.
    "slider": {"value": ONE_ITEM_LIST, "default_value": ONE_ITEM_LIST, "min": Number, "max": Number, "step": Number,
               "size": steps(3), "variant": FIELD_VARIANT, "radius": RADIUS, "orientation": ORIENTATION,
               "disabled": bool, "name": str},
    "radio_group": {**_TOGGLE, "items": list[str], "value": str, "default_value": str, "direction": DIRECTION},
    "radio_group.root": {**_TOGGLE, "value": str, "default_value": str, "orientation": ORIENTATION},
    "select": {**_TOGGLE, "items": list[str], "value": str, "default_value": str, "placeholder": str, "label": str,
               "variant": Literal["classic", "surface", "soft", "ghost"], "radius": RADIUS,
               "position": Literal["item-aligned", "popper"], "open": bool, "default_open": bool},
    "select.root": {"size": steps(3), "value": str, "default_value": str, "disabled": bool, "required": bool,
                    "open": bool, "default_open": bool},
    "select.trigger": {"placeholder": str, "variant": Literal["classic", "surface", "soft", "ghost"], "radius": RADIUS},
    "select.content": {"position": Literal["item-aligned", "popper"], "variant": Literal["solid", "soft"],
                       "side": SIDE, "align": SIDE_ALIGN},
    "clipboard": {"targets": list[str], "on_paste_event_actions": dict[str, bool]},
    "form": {"reset_on_submit": bool, "prevent_default": bool},
    "badge": {"size": steps(3), "variant": Literal["solid", "soft", "surface", "outline"], "radius": RADIUS},
    "callout": {"size": steps(3), "variant": Literal["soft", "surface", "outline"]},
    "callout.root": {"size": steps(3), "variant": Literal["soft", "surface", "outline"]},
    "accordion.root": {"type": Literal["single", "multiple"], "collapsible": bool, "disabled": bool,
                       "orientation": ORIENTATION,
                       "variant": Literal["classic", "soft", "surface", "outline", "ghost"]},
    # Rows as dicts, or as lists with columns=[...] naming them (both Reflex's).
    "data_table": {"data": list[dict] | list[list], "search": bool, "sort": bool, "pagination": bool, "page_size": int},
    "spinner": {"size": steps(3), "loading": bool},
    "skeleton": {"loading": bool},
    "progress": {"value": Number, "max": Number, "size": steps(3), "variant": FIELD_VARIANT, "radius": RADIUS,
                 "duration": str},
    "tooltip": {"side": SIDE, "align": SIDE_ALIGN, "side_offset": Number, "delay_duration": Number,
                "open": bool, "default_open": bool},
    "table.root": {"size": steps(3), "variant": Literal["surface", "ghost"], "layout": Literal["auto", "fixed"]},
    "table.row": {"align": Literal["start", "center", "end", "baseline"]},
    **{f"table.{cell}": {"justify": SIDE_ALIGN} for cell in ("column_header_cell", "row_header_cell", "cell")},
    "tabs.root": {"orientation": ORIENTATION, "activation_mode": Literal["automatic", "manual"]},
    "tabs.list": {"size": steps(2), "loop": bool},
    "tabs.trigger": {"value": str, "disabled": bool},
    "tabs.content": {"value": str, "force_mount": bool},
    "segmented_control.root": {"size": steps(3), "variant": Literal["surface", "classic"], "radius": RADIUS},
    "segmented_control.item": {"value": str, "disabled": bool},
    **{f"{kind}.root": {"open": bool, "default_open": bool, "modal": bool}
       for kind in ("dialog", "alert_dialog", "popover", "hover_card", "dropdown_menu", "context_menu")},
    **{f"{kind}.content": {**_CONTENT, "size": steps(last)}
       for kind, last in [("dialog", 4), ("alert_dialog", 4), ("popover", 4), ("hover_card", 3),
                          ("dropdown_menu", 2), ("context_menu", 2)]},
    **{f"{kind}.{part}": _TEXT for kind in ("dialog", "alert_dialog") for part in ("title", "description")},
    **{f"{kind}.item": {"disabled": bool, "shortcut": str, "text_value": str} for kind in ("dropdown_menu", "context_menu")},
}


def value_types(component: str) -> dict[str, Any]:
    """The prop -> annotation map of one core component (the common props included)."""
    return {**COMMON, **VALUE_TYPES.get(component, {})}
