"""The app registry: which component functions are pages, at which routes."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass(frozen=True)
class Page:
    route: str
    component: Callable[..., Any]
    title: str | None = None


def route_for(component: Callable[..., Any], route: str | None) -> str:
    """An explicit route is normalised to start with `/`; without one, `index` is `/`
    and any other function name becomes `/<name>` (dashes for underscores)."""
    if route is None:
        name = component.__name__
        return "/" if name == "index" else "/" + name.replace("_", "-")
    route = "/" + route.strip("/")
    return route


@dataclass
class App:
    """`app = rx.App(); app.add_page(index)`: the build and the server read `pages`."""

    pages: dict[str, Page] = field(default_factory=dict)
    style: dict[str, Any] = field(default_factory=dict)

    def add_page(
        self,
        component: Callable[..., Any],
        route: str | None = None,
        title: str | None = None,
        on_load: Any = None,
        **_ignored: Any,
    ) -> None:
        if on_load is not None:
            # Accepting it and never running it would be a silent loss; say so at import.
            raise NotImplementedError(
                f"app.add_page({getattr(component, '__name__', component)}, on_load=...): pyxjs does not run "
                f"on_load handlers yet; call the handler from an on_mount trigger of the page for now"
            )
        if not inspect.isfunction(component):
            raise TypeError(
                f"app.add_page() takes a component function, got {type(component).__name__} "
                f"{component!r}: pass the function itself, e.g. `app.add_page(index)`, not `index()`"
            )
        path = route_for(component, route)
        if path in self.pages and self.pages[path].component is not component:
            raise ValueError(
                f"route {path!r} is taken by {self.pages[path].component.__name__}(); "
                f"give {component.__name__}() another route"
            )
        self.pages[path] = Page(path, component, title)
