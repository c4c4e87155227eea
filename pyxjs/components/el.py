"""`rx.el.<tag>`: every HTML element, as Reflex spells them (`rx.el.div`, `rx.el.button`, ...).

Each is an intrinsic element: no runtime import, every prop passes to the DOM (snake_case to
camelCase, `aria_*`/`data_*` hyphenated), CSS keyword props go to `style` as for the core set.
"""

from __future__ import annotations

from typing import Any, Callable

from pyxjs.components.spec import COMMON_EVENTS, VALUE_EVENTS, ComponentSpec, EventSpec
from pyxjs.reflex_paths import served_module

TAGS = frozenset("""
a abbr address area article aside audio b bdi bdo blockquote body br button canvas caption cite code col
colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2
h3 h4 h5 h6 header hr i iframe img input ins kbd label legend li main map mark menu meter nav noscript object ol
optgroup option output p picture pre progress q rp rt ruby s samp section select small source span strong sub
summary sup svg table tbody td template textarea tfoot th thead time tr track u ul var video wbr
circle ellipse g line path polygon polyline rect text defs linearGradient stop
""".split())
VOID = frozenset("area br col embed hr img input source track wbr".split())
FIELDS = frozenset({"input", "textarea", "select"})
# rx.el.form(on_submit=...) gets the fields as a dict, like rx.form (the runtime's PyxForm).
FORM_EVENTS = {"on_submit": EventSpec("onSubmit", ("e",))}
MEDIA_EVENTS = {"on_load": EventSpec("onLoad"), "on_error": EventSpec("onError"), "on_ended": EventSpec("onEnded"),
                "on_play": EventSpec("onPlay"), "on_pause": EventSpec("onPause")}


def element_spec(tag: str) -> ComponentSpec:
    events = dict(COMMON_EVENTS)
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


class Elements:
    """`rx.el`: its attributes are the HTML elements."""

    def __init__(self, factory: Callable[[ComponentSpec], Callable[..., Any]]) -> None:
        self._factory = factory
        self._made: dict[str, Callable[..., Any]] = {}

    def __getattr__(self, tag: str) -> Callable[..., Any]:
        if tag.startswith("__"):
            raise AttributeError(tag)
        name = tag.rstrip("_")  # rx.el.del_, rx.el.object_
        if name not in TAGS:
            raise AttributeError(f"rx.el has no `{tag}`: not an HTML element pyxjs knows")
        if name not in self._made:
            self._made[name] = self._factory(element_spec(name))
        return self._made[name]

    def __dir__(self) -> list[str]:
        return sorted(TAGS)

    def __repr__(self) -> str:
        return "rx.el"


# Reflex's `reflex.components.el[.elements[...]]` names and deeper paths (pyxjs/reflex_paths).
__path__, __getattr__ = served_module(__name__)
