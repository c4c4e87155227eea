"""CSS text for what inline styles cannot say: pseudo-states (`_hover={...}`), responsive values
(`padding=["1em", "2em"]`, `rx.breakpoints(...)`) and `rx.App(style=...)`.

The compiler turns them into a class whose rules go into the app's generated stylesheet (built
into the hashed CSS file, so they cost nothing per render); a value known only in the browser
becomes a CSS variable set in the element's inline style and read by the rule.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from pyxjs.components.spec import BrowserFunction
from pyxjs.components.css import style_keys

# Reflex's breakpoints: a list value's item i applies from this width up (item 0: always).
BREAKPOINTS = ("0", "30em", "48em", "62em", "80em", "96em")
BREAKPOINT_NAMES = ("initial", "xs", "sm", "md", "lg", "xl")

# Properties whose numbers have no unit (React's list, the ones apps use); other numbers are px.
UNITLESS = frozenset(
    "animation_iteration_count aspect_ratio columns column_count flex flex_grow flex_shrink font_weight grid_area "
    "grid_column grid_row line_height opacity order orphans scale tab_size widows z_index zoom".split())
PSEUDO_ELEMENTS = frozenset("before after placeholder selection first_line first_letter marker backdrop".split())


def breakpoints(*args: Any, **values: Any) -> dict[str, Any]:
    """`rx.breakpoints(initial="1em", md="2em")` (or a dict): a value per screen width."""
    if args:
        if len(args) != 1 or not isinstance(args[0], dict) or values:
            raise TypeError("rx.breakpoints() takes the values by name (initial=, xs=, sm=, md=, lg=, xl=) or one dict")
        values = dict(args[0])
    unknown = sorted(set(values) - set(BREAKPOINT_NAMES))
    if unknown:
        raise TypeError(f"rx.breakpoints(): no breakpoint {', '.join(unknown)}; they are {', '.join(BREAKPOINT_NAMES)}")
    return {"__pyx_breakpoints__": True, **values}


breakpoints._pyx_browser = BrowserFunction(None, dict)  # type: ignore[attr-defined] - folded at build time


def is_breakpoints(value: Any) -> bool:
    return isinstance(value, dict) and value.get("__pyx_breakpoints__") is True


def pseudo_selector(key: str) -> str | None:
    """`_hover` -> `:hover`, `_before` -> `::before`, `:focus` / `&:focus` as written; None for a plain key."""
    if key.startswith("&"):
        return key[1:]
    if key.startswith(":"):
        return key
    if key.startswith("_") and len(key) > 1:
        name = key[1:]
        return ("::" if name in PSEUDO_ELEMENTS else ":") + name.replace("_", "-")
    return None


def css_name(prop: str) -> str:
    """`font_size` / `fontSize` -> `font-size`; custom properties stay as written."""
    if prop.startswith("--"):
        return prop
    return re.sub(r"[A-Z]", lambda m: "-" + m.group().lower(), prop).replace("_", "-")


def css_value(prop: str, value: Any) -> str:
    """A Python value as CSS text, numbers with px as React gives them inline."""
    if isinstance(value, bool) or value is None:
        raise TypeError(f"{prop}={value!r} is not a CSS value")
    if isinstance(value, (int, float)):
        key = css_name(prop).replace("-", "_")
        return repr(value) if key in UNITLESS or value == 0 else f"{value!r}px"
    text = str(value)
    if any(c in text for c in "{};") or "</" in text:
        raise ValueError(f"{prop}={text!r}: a CSS value cannot contain braces, semicolons or '</'")
    return text


@dataclass(frozen=True)
class Declaration:
    media: str  # "" or a min-width
    selector: str  # "" or a pseudo suffix (":hover")
    prop: str  # CSS name
    value: str  # CSS text, or var(--pyx-dN) for a browser value


def class_rules(declarations: list[Declaration]) -> tuple[str, str]:
    """(class name, its CSS text), the name a hash of the rules, so equal styles share one class."""
    groups: dict[tuple[str, str], list[str]] = {}
    for d in declarations:
        groups.setdefault((d.media, d.selector), []).append(f"{d.prop}:{d.value}")
    order = sorted(groups, key=lambda k: (BREAKPOINTS.index(k[0]) if k[0] in BREAKPOINTS else 0, k[1]))
    template = []
    for media, selector in order:
        # `.c.c`: twice the specificity of one class, so the element's own styles win over Radix's
        # single-class rules and App(style=...)'s component rules, as the inline styles they replace did.
        rule = ".\0.\0" + selector + "{" + ";".join(groups[(media, selector)]) + "}"
        template.append(rule if media in ("", "0") else f"@media (min-width: {media}){{{rule}}}")
    text = "\n".join(template)
    name = "pyx-" + hashlib.sha1(text.encode()).hexdigest()[:8]
    return name, text.replace("\0", name)


def global_rules(style: dict[Any, Any], selector_of) -> str:
    """`rx.App(style={...})`: plain props style the app's root; a selector or a component keys
    its own block. `selector_of(key)` gives a component's CSS selector (or raises)."""
    root: list[str] = []
    blocks: list[str] = []
    for key, value in style.items():
        if isinstance(key, str) and not isinstance(value, dict):
            root.extend(f"{css_name(name)}:{css_value(key, value)}" for name in style_keys(key))
            continue
        selector = key if isinstance(key, str) else selector_of(key)
        blocks.extend(_blocks(selector, value))
    if root:
        blocks.insert(0, f".radix-themes{{{';'.join(root)}}}")
    return "\n".join(blocks)


def _blocks(selector: str, style: Any) -> list[str]:
    """One selector's rules; `_hover` keys inside become `selector:hover` blocks."""
    if not isinstance(style, dict):
        raise TypeError(f"rx.App(style=...): the style for {selector} must be a dict of CSS properties")
    if selector.startswith("@"):  # `@keyframes blink` / `@media (...)`: its keys are blocks of their own
        inner = [block for key, value in style.items() for block in _blocks(str(key), value)]
        return [f"{selector}{{{''.join(inner)}}}"]
    body, nested = [], []
    for key, value in style.items():
        pseudo = pseudo_selector(key)
        if pseudo:
            nested.extend(_blocks(selector + pseudo, value))
        else:
            body.extend(f"{css_name(name)}:{css_value(key, value)}" for name in style_keys(key))
    return ([f"{selector}{{{';'.join(body)}}}"] if body else []) + nested
