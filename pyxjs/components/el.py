"""`rx.el.<tag>`: every HTML element and the SVG ones, as Reflex spells them (`rx.el.div`,
`rx.el.button`, `rx.el.linear_gradient`, ...).

Each is an intrinsic element: no runtime import, every prop passes to the DOM (snake_case to
camelCase, `aria_*`/`data_*` hyphenated), CSS keyword props go to `style` as for the core set.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from pyxjs.components.spec import COMMON_EVENTS, VALUE_EVENTS, ComponentSpec, EventSpec
from pyxjs.reflex_paths import served_module

TAGS = frozenset("""
a abbr address area article aside audio b bdi bdo blockquote body br button canvas caption cite code col
colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2
h3 h4 h5 h6 header hr i iframe img input ins kbd label legend li main map mark menu meter nav noscript object ol
optgroup option output p picture pre progress q rp rt ruby s samp section select small source span strong sub
summary sup table tbody td template textarea tfoot th thead time tr track u ul var video wbr
""".split())
# SVG elements, in Reflex's snake_case (`rx.el.linear_gradient`, also `rx.el.svg.linear_gradient`)
# -> React's tag. Their attributes (below) stay attributes, camelCased (`stop_color` -> stopColor),
# though many are CSS properties too: `offset` on a <stop> is not the CSS motion path `offset`.
SVG_TAGS = {
    name: re.sub(r"_([a-z])", lambda m: m.group(1).upper(), name) for name in """
    svg circle ellipse g line path polygon polyline rect text tspan defs linear_gradient radial_gradient stop use
    symbol clip_path mask pattern marker text_path foreign_object
    """.split()
}
SVG_ATTRIBUTES = frozenset("""
    x y x1 x2 y1 y2 cx cy r rx ry fx fy fr d dx dy points width height view_box preserve_aspect_ratio xmlns
    xmlns_xlink version href xlink_href offset stop_color stop_opacity gradient_units gradient_transform
    spread_method pattern_units pattern_content_units pattern_transform fill fill_opacity fill_rule stroke
    stroke_width stroke_opacity stroke_linecap stroke_linejoin stroke_dasharray stroke_dashoffset stroke_miterlimit
    opacity transform transform_origin clip_path clip_rule clip_path_units mask mask_units mask_content_units
    marker_start marker_mid marker_end marker_width marker_height ref_x ref_y orient text_anchor dominant_baseline
    alignment_baseline baseline_shift font_size font_family font_weight font_style letter_spacing text_length
    length_adjust rotate path_length vector_effect shape_rendering text_rendering color visibility display
    overflow pointer_events filter start_offset method spacing side
""".split())
VOID = frozenset("area br col embed hr img input source track wbr".split())
FIELDS = frozenset({"input", "textarea", "select"})
# rx.el.form(on_submit=...) gets the fields as a dict, like rx.form (the runtime's PyxForm).
FORM_EVENTS = {"on_submit": EventSpec("onSubmit", ("e",))}
MEDIA_EVENTS = {"on_load": EventSpec("onLoad"), "on_error": EventSpec("onError"), "on_ended": EventSpec("onEnded"),
                "on_play": EventSpec("onPlay"), "on_pause": EventSpec("onPause")}


def element_spec(tag: str) -> ComponentSpec:
    events = dict(COMMON_EVENTS)
    if tag in SVG_TAGS:
        return ComponentSpec(f"el.{tag}", SVG_TAGS[tag], events, props=SVG_ATTRIBUTES)
    if tag in FIELDS:
        events.update(VALUE_EVENTS)
    if tag in ("img", "video", "audio", "iframe", "source"):
        events.update(MEDIA_EVENTS)
    if tag == "form":
        events.update(FORM_EVENTS)
        return ComponentSpec("el.form", "PyxForm", events, props=frozenset({"reset_on_submit", "prevent_default"}))
    if tag == "details":
        events["on_toggle"] = EventSpec("onToggle")
    return ComponentSpec(f"el.{tag}", tag, events, accepts_children=tag not in VOID)


_SVG_BY_TAG = {tag: name for name, tag in SVG_TAGS.items() if tag != name}


class Elements:
    """`rx.el`: its attributes are the HTML elements."""

    def __init__(self, factory: Callable[[ComponentSpec], Callable[..., Any]]) -> None:
        self._factory = factory
        self._made: dict[str, Callable[..., Any]] = {}

    def __getattr__(self, tag: str) -> Callable[..., Any]:
        if tag.startswith("__"):
            raise AttributeError(tag)
        name = tag.rstrip("_")  # rx.el.del_, rx.el.object_
        name = _SVG_BY_TAG.get(name, name)  # rx.el.linearGradient: React's spelling too
        if name not in TAGS and name not in SVG_TAGS:
            raise AttributeError(f"rx.el has no `{tag}`: not an HTML or SVG element pyxjs knows")
        if name not in self._made:
            self._made[name] = self._svg() if name == "svg" else self._factory(element_spec(name))
        return self._made[name]

    def _svg(self) -> Any:
        """rx.el.svg(...) is the <svg>; its parts are attributes too (rx.el.svg.circle), as in Reflex."""
        from pyxjs.components import Namespace

        parts = {name: getattr(self, name) for name in SVG_TAGS if name != "svg"}
        return Namespace("el.svg", self._factory(element_spec("svg")), **parts)

    def __dir__(self) -> list[str]:
        return sorted(TAGS | set(SVG_TAGS))

    def __repr__(self) -> str:
        return "rx.el"


# Reflex's `reflex.components.el[.elements[...]]` names and deeper paths (pyxjs/reflex_paths).
__path__, __getattr__ = served_module(__name__)
