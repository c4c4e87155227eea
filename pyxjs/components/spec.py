"""Component specs: the data the transpiler reads to turn `rx.input(...)` into `<Input .../>`.

A spec names the runtime_js export that renders the component and how each event trigger
turns the DOM event into the handler's arguments. Specs are data; no compiler code here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class EventSpec:
    js_prop: str
    # JS expressions over the DOM event `e` that become the handler's arguments, in order.
    args: tuple[str, ...] = ()


# Triggers every component has; their handlers take no arguments.
COMMON_EVENTS: dict[str, EventSpec] = {
    "on_click": EventSpec("onClick"),
    "on_double_click": EventSpec("onDoubleClick"),
    "on_mouse_enter": EventSpec("onMouseEnter"),
    "on_mouse_leave": EventSpec("onMouseLeave"),
    "on_focus": EventSpec("onFocus"),
    "on_blur": EventSpec("onBlur"),
}

# Triggers of text fields: they pass the field's current value (or the key pressed).
VALUE_EVENTS: dict[str, EventSpec] = {
    "on_change": EventSpec("onChange", ("e.target.value",)),
    "on_blur": EventSpec("onBlur", ("e.target.value",)),
    "on_focus": EventSpec("onFocus", ("e.target.value",)),
    "on_key_down": EventSpec("onKeyDown", ("e.key",)),
    "on_key_up": EventSpec("onKeyUp", ("e.key",)),
}


@dataclass(frozen=True)
class BrowserFunction:
    """A pyxjs function a component may call (`rx.get_upload_url(name)`): the runtime_js export
    it compiles to and its result type; a hook is hoisted and takes constant arguments."""

    js_name: str
    result: Any
    hook: bool = False


@dataclass(frozen=True)
class ComponentSpec:
    name: str
    js_name: str
    events: dict[str, EventSpec] = field(default_factory=lambda: dict(COMMON_EVENTS))
    accepts_children: bool = True
    # Python prop names the runtime component reads itself (so they never become CSS).
    props: frozenset[str] = frozenset()


_COMMON_PROPS = frozenset({"id", "class_name", "style", "color_scheme", "title"})


def _spec(name: str, js_name: str, extra_events: dict[str, EventSpec] | None = None, props: str = "",
          **kw) -> ComponentSpec:
    return ComponentSpec(name, js_name, {**COMMON_EVENTS, **(extra_events or {})},
                         props=_COMMON_PROPS | frozenset(props.split()), **kw)


SPECS: dict[str, ComponentSpec] = {
    spec.name: spec
    for spec in [
        _spec("box", "Box"),
        _spec("hstack", "HStack", props="spacing align justify wrap"),
        _spec("vstack", "VStack", props="spacing align justify wrap"),
        _spec("text", "Text", props="as_ size weight align"),
        _spec("heading", "Heading", props="as_ size weight align"),
        _spec("button", "Button", props="size variant type disabled"),
        _spec("input", "Input", VALUE_EVENTS, accepts_children=False,
              props="size variant value placeholder type name disabled read_only"),
        _spec("avatar", "Avatar", accepts_children=False, props="src fallback size alt"),
        _spec("image", "Image", accepts_children=False, props="src alt width height loading"),
        # The drop zone; on_drop fires once dropped or picked files were kept (after validation).
        _spec("upload", "Upload", {"on_drop": EventSpec("onDrop")},
              props="multiple accept max_files max_size min_size disabled no_click no_drag no_keyboard"),
        # rx.fragment: compiled to <Fragment>; listed so plain-Python calls build a tree too.
        ComponentSpec("fragment", "Fragment", events={}),
    ]
}
