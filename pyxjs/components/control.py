"""rx.cond, rx.foreach, rx.match, rx.fragment.

Inside a component the transpiler compiles these into JS control flow (they are recognised by
their `_pyx_control` mark). Called from plain Python they do the same thing with plain values,
which is what the differential tests render as Python's own answer.
"""

from __future__ import annotations

import inspect
from typing import Any, Callable

from pyxjs.components.spec import SPECS


def _control(kind: str):
    def mark(function: Callable[..., Any]) -> Callable[..., Any]:
        function._pyx_control = kind  # type: ignore[attr-defined]
        return function

    return mark


@_control("cond")
def cond(condition: Any, then: Any, otherwise: Any = None) -> Any:
    """`rx.cond(c, a, b)`: `a` when `c` is truthy (Python truthiness), else `b` (or nothing)."""
    return then if condition else otherwise


@_control("foreach")
def foreach(items: Any, render: Callable[..., Any]) -> list[Any]:
    """`rx.foreach(items, lambda item: ...)` or `lambda item, index: ...`: one child per item."""
    # a core component (`rx.text(*children)`) gets the item alone, as the compiled page does
    positional = [p for p in inspect.signature(render).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    takes_index = len(positional) >= 2
    if isinstance(items, dict):  # as Reflex does: each item is a (key, value) pair
        items = list(items.items())
    rendered = [render(item, index) if takes_index else render(item) for index, item in enumerate(items)]
    # a function that returns a list of components (another rx.foreach): one fragment per item
    return [fragment(*r) if isinstance(r, list) and _all_components(r) else r for r in rendered]


def _all_components(values: list[Any]) -> bool:
    from pyxjs.components import Component

    return all(v is None or isinstance(v, Component) or (isinstance(v, list) and _all_components(v)) for v in values)


@_control("match")
def match(value: Any, *cases: Any) -> Any:
    """`rx.match(v, (1, "one"), (2, "two"), "other")`: the first case equal to `v`, else the default."""
    default = None
    if cases and not isinstance(cases[-1], tuple):
        *cases, default = cases  # type: ignore[assignment]
    for case in cases:
        *keys, result = case
        if any(value == key for key in keys):
            return result
    return default


@_control("fragment")
def fragment(*children: Any) -> Any:
    """`rx.fragment(a, b)`: several children with no wrapping element."""
    from pyxjs.components import Component

    return Component(SPECS["fragment"], list(children), {})


@_control("color_mode_cond")
def color_mode_cond(light: Any, dark: Any = None) -> Any:
    """`rx.color_mode_cond(light, dark)`: `dark` while the page shows the dark color mode, else
    `light` (Python renders the light one: a server has no color mode)."""
    return light


def memo(component: Callable[..., Any]) -> Callable[..., Any]:
    """`@rx.memo`: Reflex's mark for a component function with typed props. Every app function that
    returns components already compiles to its own React component with those props, so the
    function is used as it is (React re-renders it with its parent; no memoisation yet)."""
    if not inspect.isfunction(component):
        raise TypeError(f"@rx.memo decorates a component function, not {component!r}")
    return component
