"""The core components as Python callables.

Inside a component function the transpiler reads each callable's spec; called directly
from Python they build a plain `Component` tree (useful in tests and for prerendering).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from pyxjs.components.spec import SPECS, ComponentSpec


@dataclass
class Component:
    """What a component call builds in plain Python; `-> rx.Component` marks a component function."""

    _pyx_element_type = True  # read by the transpiler's type analysis
    spec: ComponentSpec
    children: list[Any] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)


def _component_factory(spec: ComponentSpec) -> Callable[..., Component]:
    def create(*children: Any, **props: Any) -> Component:
        if children and not spec.accepts_children:
            raise TypeError(f"rx.{spec.name}() takes no children; pass its content as props")
        return Component(spec, list(children), props)

    create.__name__ = create.__qualname__ = spec.name
    create.__doc__ = f"The `{spec.js_name}` component."
    create._pyx_spec = spec  # type: ignore[attr-defined]
    return create


box = _component_factory(SPECS["box"])
hstack = _component_factory(SPECS["hstack"])
vstack = _component_factory(SPECS["vstack"])
text = _component_factory(SPECS["text"])
heading = _component_factory(SPECS["heading"])
button = _component_factory(SPECS["button"])
input = _component_factory(SPECS["input"])  # noqa: A001 - Reflex's public name
avatar = _component_factory(SPECS["avatar"])
image = _component_factory(SPECS["image"])
upload = _component_factory(SPECS["upload"])

from pyxjs.components.control import cond, foreach, fragment, match  # noqa: E402

__all__ = ["Component", "cond", "foreach", "fragment", "match", "box", "hstack", "vstack", "text", "heading", "button", "input", "avatar",
           "image", "upload"]
