"""Reflex names that make components while the app runs, which pyxjs, compiling every component
function once at build, cannot do: using one is an error at the line that does, saying what to
write instead (never a missing name, never a page that silently shows nothing)."""

from __future__ import annotations

from typing import Any


class ComponentState:
    """Reflex's `rx.ComponentState`: a State class per component instance, made by
    `MyComponent.create()` each time a page calls it."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        raise TypeError(
            f"class {cls.__name__}(rx.ComponentState): pyxjs compiles each component function once, at build, "
            "so a component cannot get a State class of its own per use. Keep one rx.State with a dict keyed "
            "by an id the component takes (counts: dict[str, int]; the component shows State.counts[id] and "
            "passes id to its handlers)"
        )


def dynamic(function: Any) -> Any:
    """Reflex's `@rx.dynamic`: a component rebuilt from State on the server at runtime."""
    raise TypeError(
        f"@rx.dynamic {getattr(function, '__name__', '')}(): pyxjs compiles components at build and the page "
        "renders them from State itself, so nothing is rebuilt on the server; write a component function "
        "that reads the State vars, with rx.cond / rx.foreach / rx.match (or if/for) for what varies"
    )
